#include "quoteservice.h"

#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

#include <qcoro/qcoronetworkreply.h>

namespace FinChat::Stock {

using namespace Qt::StringLiterals;

namespace {
// A quote answer is a few hundred bytes; anything much larger is not what we asked for.
constexpr qint64 MaxBodyBytes = 64 * 1024;
constexpr qsizetype MaxCacheEntries = 1000;
// Codes per request: stooq takes many, and the URL stays short.
constexpr qsizetype MaxCodesPerRequest = 20;
// How long a look-up waits for others to share its request.
constexpr auto BatchWindow = std::chrono::milliseconds(5);

QString keyFor(const QStringList &codes)
{
    return codes.join(u'+');
}
} // namespace

QuoteService::QuoteService(QObject *parent)
    : QObject(parent)
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_batchWindow.setSingleShot(true);
    m_batchWindow.setInterval(BatchWindow);
    connect(&m_batchWindow, &QTimer::timeout, this, &QuoteService::sendQueued);
}

QUrl QuoteService::urlFor(const QStringList &codes) const
{
    QUrl url = m_baseUrl;
    // s: the codes; f: symbol, date, time, open, high, low, close, volume; h: a header row.
    url.setQuery(u"s=%1&f=sd2t2ohlcv&h&e=csv"_s.arg(keyFor(codes)));
    return url;
}

void QuoteService::lookup(const QStringList &codes, Callback done)
{
    const QString key = keyFor(codes);
    const auto cached = m_cache.constFind(key);
    if (cached != m_cache.constEnd() && !cached->expiry.hasExpired()) {
        // Answer from the event loop, as a fetch would, so callers see one behaviour.
        QTimer::singleShot(0, this,
                           [done = std::move(done), outcome = cached->outcome] { done(outcome); });
        return;
    }
    auto &waiting = m_waiting[key];
    waiting.append(std::move(done));
    if (waiting.size() == 1) {
        m_queued.append(key);
        if (!m_batchWindow.isActive())
            m_batchWindow.start();
    }
}

void QuoteService::sendQueued()
{
    QStringList batch;
    qsizetype codes = 0;
    for (const QString &key : std::exchange(m_queued, {})) {
        const qsizetype count = key.count(u'+') + 1;
        if (!batch.isEmpty() && codes + count > MaxCodesPerRequest) {
            fetch(std::exchange(batch, {}));
            codes = 0;
        }
        batch.append(key);
        codes += count;
    }
    if (!batch.isEmpty())
        fetch(batch);
}

FetchOutcome QuoteService::outcomeFor(const QString &key, const FetchOutcome &whole)
{
    if (whole.kind != FetchOutcome::Kind::Answered ||
        whole.answer.kind != StooqAnswer::Kind::Quotes)
        return whole; // an error, or "no data", is the same for everyone in the request
    // Each look-up gets the rows of its own codes.
    const QStringList codes = key.split(u'+');
    FetchOutcome own = whole;
    own.answer.quotes.removeIf(
        [&](const Quote &quote) { return !codes.contains(quote.symbol, Qt::CaseInsensitive); });
    return own;
}

QCoro::Task<> QuoteService::fetch(QStringList keys)
{
    QStringList codes;
    for (const QString &key : std::as_const(keys)) {
        for (const QString &code : key.split(u'+')) {
            if (!codes.contains(code))
                codes.append(code);
        }
    }
    QPointer<QuoteService> self(this);
    QNetworkRequest request(urlFor(codes));
    request.setHeader(QNetworkRequest::UserAgentHeader, u"FinChat stock bot"_s);
    QNetworkReply *reply = m_network.get(request);
    // Our own timer rather than setTransferTimeout, which QCoro 0.8 does not survive.
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received) {
        if (received > MaxBodyBytes)
            reply->abort();
    });
    deadline.start(m_timeout);

    co_await reply;
    if (!self)
        co_return; // the bot was unloaded; its network manager took the reply with it
    const FetchOutcome outcome = receive(reply, !deadline.isActive());
    reply->deleteLater();
    for (const QString &key : std::as_const(keys))
        finish(key, outcomeFor(key, outcome));
}

FetchOutcome QuoteService::receive(QNetworkReply *reply, bool timedOut) const
{
    FetchOutcome outcome;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (timedOut) {
        outcome.kind = FetchOutcome::Kind::TimedOut;
    } else if (status >= 400) {
        outcome.kind = FetchOutcome::Kind::HttpError;
        outcome.httpStatus = status;
    } else if (reply->error() == QNetworkReply::OperationCanceledError) {
        outcome.kind = FetchOutcome::Kind::Answered; // aborted for size: not the CSV we want
        outcome.answer = StooqAnswer{StooqAnswer::Kind::NotCsv, {}};
    } else if (reply->error() != QNetworkReply::NoError) {
        outcome.kind = FetchOutcome::Kind::Unreachable;
    } else {
        outcome.kind = FetchOutcome::Kind::Answered;
        outcome.answer = StooqAnswer::parse(reply->read(MaxBodyBytes));
    }
    return outcome;
}

void QuoteService::finish(const QString &key, const FetchOutcome &outcome)
{
    // Only real answers are kept; a failure should be retried by the next person who asks.
    const bool cacheable = outcome.kind == FetchOutcome::Kind::Answered &&
                           outcome.answer.kind != StooqAnswer::Kind::NotCsv &&
                           outcome.answer.kind != StooqAnswer::Kind::DailyLimit;
    if (cacheable && m_cacheLifetime.count() > 0) {
        dropExpired();
        if (m_cache.size() < MaxCacheEntries)
            m_cache.insert(key, {outcome, QDeadlineTimer(m_cacheLifetime)});
    }
    const QList<Callback> waiting = m_waiting.take(key);
    for (const Callback &done : waiting)
        done(outcome);
}

void QuoteService::dropExpired()
{
    m_cache.removeIf([](const auto &entry) { return entry.value().expiry.hasExpired(); });
}

} // namespace FinChat::Stock
