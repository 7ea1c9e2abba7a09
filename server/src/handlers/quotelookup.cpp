#include "handlers/quotelookup.h"

#include "handlers/marketcode.h"
#include "state/ratesharing.h"
#include "wire/clientconnection.h"

#include "finchat/protocol/protocolerror.h"

#include <QJsonArray>
#include <QPointer>

#include <qcoro/qcorosignal.h>

#include <algorithm>

namespace FinChat {

using namespace Qt::StringLiterals;

// One code's look-up while it runs: those waiting resume when it is done.
class QuoteLookup::InFlight : public QObject
{
    Q_OBJECT

public:
    bool finished = false;
    Protocol::QuoteGetOk answer;

signals:
    void done();
};

QuoteLookup::QuoteLookup(RateSharing &rates, QObject *parent)
    : QObject(parent)
{
    m_lookupRate.share(rates, u"quote-lookups"_s);
}

QuoteLookup::~QuoteLookup()
{
    for (const auto &[code, flight] : std::exchange(m_inFlight, {}).asKeyValueRange()) {
        flight->answer = {code, u"the server is stopping"_s, std::nullopt, u"bot_failed"_s};
        flight->finished = true;
        emit flight->done();
    }
}

void QuoteLookup::admit(qint64 user)
{
    const bool busy =
        m_inFlight.size() >= MaxCodesInFlight || m_startedBy.value(user) >= MaxLookupsPerUser;
    if (busy || !m_lookupRate.tryConsume(user, Protocol::nowMs()))
        throw ProtocolError(Protocol::ErrorCode::RateLimited,
                            u"many quotes are being looked up; try again in a moment"_s);
}

QCoro::Task<Protocol::QuoteGetOk> QuoteLookup::get(Request request, Protocol::QuoteGet fields)
{
    const std::optional<QString> normalized = normalizedMarketCode(fields.code);
    if (!normalized)
        throw ProtocolError(Protocol::ErrorCode::InvalidField,
                            u"code: a market code such as aapl.us"_s);
    const QString code = *normalized;
    if (const auto cached = m_cache.constFind(code);
        cached != m_cache.constEnd() && !cached->expiry.hasExpired())
        co_return Protocol::QuoteGetOk(cached->answer); // a copy: QCoro moves what it returns

    std::shared_ptr<InFlight> flight = m_inFlight.value(code);
    if (!flight) {
        if (!m_backend)
            throw ProtocolError(Protocol::ErrorCode::UnknownCommand,
                                u"no bot on this server gives quotes"_s);
        const qint64 user = request.connection()->user().id;
        admit(user);
        flight = std::make_shared<InFlight>();
        m_inFlight.insert(code, flight);
        ++m_startedBy[user];
        QPointer<QuoteLookup> self(this);
        bool asked = false;
        try {
            asked = m_backend->ask(QString::fromLatin1(Command), code,
                                   [self, code, user](const BotAnswer &answer) {
                                       if (self)
                                           self->finish(code, user, answer);
                                   });
        } catch (...) {
            asked = false;
        }
        if (!asked) {
            finish(code, user, {false, u"no bot on this server gives quotes"_s, {}, {}});
            throw ProtocolError(Protocol::ErrorCode::UnknownCommand,
                                u"no bot on this server gives quotes"_s);
        }
    }
    // The answer always comes later than ask() returns; finished is checked all the same.
    if (!flight->finished)
        co_await qCoro(flight.get(), &InFlight::done);
    co_return Protocol::QuoteGetOk(flight->answer); // a copy: the others waiting read it too
}

void QuoteLookup::finish(const QString &code, qint64 user, const BotAnswer &answer)
{
    const std::shared_ptr<InFlight> flight = m_inFlight.take(code);
    if (!flight)
        return;
    if (--m_startedBy[user] <= 0)
        m_startedBy.remove(user);
    Protocol::QuoteGetOk reply{code, answer.text, std::nullopt, std::nullopt};
    const QJsonArray quotes = answer.data.value("quotes"_L1).toArray();
    if (!quotes.isEmpty() && quotes.first().isObject())
        reply.quote = quotes.first().toObject();
    else if (const QString error = answer.data.value("error"_L1).toString(); !error.isEmpty())
        reply.error = error.left(40);
    else if (!answer.answered)
        reply.error = answer.failure.isEmpty() ? u"bot_failed"_s : answer.failure;
    // A quote, or the word that there is none, is worth keeping; a failure is retried.
    if (reply.quote || reply.error == u"unknown_symbol"_s)
        keep(code, reply);
    flight->answer = reply;
    flight->finished = true;
    emit flight->done();
}

void QuoteLookup::keep(const QString &code, const Protocol::QuoteGetOk &answer)
{
    m_cache.removeIf([](const auto &entry) { return entry.value().expiry.hasExpired(); });
    if (m_cache.size() >= MaxCached) {
        const auto oldest =
            std::min_element(m_cache.begin(), m_cache.end(), [](const Cached &a, const Cached &b) {
                return a.expiry.deadline() < b.expiry.deadline();
            });
        m_cache.erase(oldest);
    }
    m_cache.insert(code, {answer, QDeadlineTimer(Lifetime)});
}

} // namespace FinChat

#include "quotelookup.moc"
