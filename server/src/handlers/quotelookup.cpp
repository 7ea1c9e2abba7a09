#include "handlers/quotelookup.h"

#include "finchat/protocol/protocolerror.h"

#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>

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

QuoteLookup::QuoteLookup(QObject *parent)
    : QObject(parent)
{}

QCoro::Task<Protocol::QuoteGetOk> QuoteLookup::get(Request, Protocol::QuoteGet fields)
{
    // Letters, digits and the marks market codes use ("aapl.us", "^spx", "cl.f"); the bot
    // has its own rules, this only keeps junk out of the cache.
    static const QRegularExpression codeRule(u"\\A[a-z0-9^][a-z0-9._\\-^]{0,19}\\z"_s);
    const QString code = fields.code.trimmed().toLower();
    if (!codeRule.match(code).hasMatch())
        throw ProtocolError(Protocol::ErrorCode::InvalidField,
                            u"code: a market code such as aapl.us"_s);
    if (const auto cached = m_cache.constFind(code);
        cached != m_cache.constEnd() && !cached->expiry.hasExpired())
        co_return Protocol::QuoteGetOk(cached->answer); // a copy: QCoro moves what it returns

    std::shared_ptr<InFlight> flight = m_inFlight.value(code);
    if (!flight) {
        if (!m_backend)
            throw ProtocolError(Protocol::ErrorCode::UnknownCommand,
                                u"no bot on this server gives quotes"_s);
        if (m_inFlight.size() >= MaxCodesInFlight)
            throw ProtocolError(Protocol::ErrorCode::RateLimited,
                                u"many quotes are being looked up; try again in a moment"_s);
        flight = std::make_shared<InFlight>();
        m_inFlight.insert(code, flight);
        QPointer<QuoteLookup> self(this);
        const bool asked = m_backend->ask(u"%1"_s.arg(QLatin1StringView(Command)), code,
                                          [self, code](const BotAnswer &answer) {
                                              if (self)
                                                  self->finish(code, answer);
                                          });
        if (!asked) {
            m_inFlight.remove(code);
            throw ProtocolError(Protocol::ErrorCode::UnknownCommand,
                                u"no bot on this server gives quotes"_s);
        }
    }
    // The answer always comes later than ask() returns; finished is checked all the same.
    if (!flight->finished)
        co_await qCoro(flight.get(), &InFlight::done);
    co_return Protocol::QuoteGetOk(flight->answer); // a copy: the others waiting read it too
}

void QuoteLookup::finish(const QString &code, const BotAnswer &answer)
{
    const std::shared_ptr<InFlight> flight = m_inFlight.take(code);
    if (!flight)
        return;
    Protocol::QuoteGetOk reply{code, answer.text, std::nullopt};
    const QJsonArray quotes = answer.data.value("quotes"_L1).toArray();
    if (!quotes.isEmpty() && quotes.first().isObject())
        reply.quote = quotes.first().toObject();
    // A quote, or the word that there is none, is worth keeping; a failure is retried.
    if (reply.quote || answer.data.value("error"_L1).toString() == "unknown_symbol"_L1)
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
