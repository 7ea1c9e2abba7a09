#include "quoteservice.h"

#include <QPointer>

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
    , m_lookups(this, MaxCacheEntries)
{
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
    if (m_lookups.answerFromCache(key, done))
        return;
    if (m_lookups.wait(key, std::move(done))) {
        m_queued.append(key);
        if (!m_batchWindow.isActive())
            m_batchWindow.start();
    }
}

void QuoteService::sendQueued()
{
    if (m_fetcher.backoff().pausing()) {
        for (const QString &key : std::exchange(m_queued, {}))
            m_lookups.finish(key, dailyLimitOutcome<StooqAnswer>(), false);
        return;
    }
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
    auto fetching = m_fetcher.fetch<StooqAnswer>(urlFor(codes), m_timeout, MaxBodyBytes);
    const FetchOutcome outcome = co_await fetching;
    if (!self || m_fetcher.closing())
        co_return; // the bot is stopping
    for (const QString &key : std::as_const(keys)) {
        const FetchOutcome own = outcomeFor(key, outcome);
        m_lookups.finish(key, own, isCacheable(own));
    }
}

} // namespace FinChat::Stock
