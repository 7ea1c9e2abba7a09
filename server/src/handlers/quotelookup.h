#pragma once

#include "handlers/commandbackend.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>

#include <qcoro/qcorotask.h>

#include <memory>

namespace FinChat {

// quote.get: the latest quote for one code, for clients that show it when someone points at
// a ticker in a message. The server asks the bot that answers /stock, privately. Everyone
// asking for a code while its look-up runs shares it, and an answer is kept for everyone for
// a while, so a room full of readers hovering over $AAPL costs one request, not one each.
// Bounded: at most MaxCodesInFlight codes are looked up at once (beyond that: rate_limited)
// and MaxCached answers are kept.
class QuoteLookup : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxCodesInFlight = 32;
    static constexpr qsizetype MaxCached = 1000;
    static constexpr auto Lifetime = std::chrono::seconds(30);
    // The command whose owner is asked.
    static constexpr auto Command = "stock";

    explicit QuoteLookup(QObject *parent = nullptr);

    void setBackend(CommandBackend *backend) { m_backend = backend; }
    QCoro::Task<Protocol::QuoteGetOk> get(Request request, Protocol::QuoteGet fields);

private:
    class InFlight;
    void finish(const QString &code, const BotAnswer &answer);
    void keep(const QString &code, const Protocol::QuoteGetOk &answer);

    CommandBackend *m_backend = nullptr;
    QHash<QString, std::shared_ptr<InFlight>> m_inFlight;
    struct Cached
    {
        Protocol::QuoteGetOk answer;
        QDeadlineTimer expiry;
    };
    QHash<QString, Cached> m_cache;
};

} // namespace FinChat
