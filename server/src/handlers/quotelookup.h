#pragma once

#include "handlers/commandbackend.h"
#include "state/ratelimiter.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>

#include <qcoro/qcorotask.h>

#include <memory>

namespace FinChat {

class RateSharing;

// quote.get: the latest quote for one code, for clients that show it when someone points at
// a ticker in a message. The server asks the bot that answers /stock, privately. Everyone
// asking for a code while its look-up runs shares it, and an answer is kept for everyone for
// a while, so a room full of readers hovering over $AAPL costs one request, not one each.
// Bounded: at most MaxCodesInFlight codes are looked up at once, at most
// MaxLookupsPerUser of them started by one user, and a user starts at most
// LookupsPerMinute look-ups a minute (beyond any of these: rate_limited; answers already
// kept or on the way cost nothing), so that nobody can spend the quote service's daily
// allowance unseen; MaxCached answers are kept.
class QuoteLookup : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxCodesInFlight = 32;
    static constexpr int MaxLookupsPerUser = 4;
    static constexpr int LookupsPerMinute = 30;
    static constexpr qsizetype MaxCached = 1000;
    static constexpr auto Lifetime = std::chrono::seconds(30);
    // The command whose owner is asked.
    static constexpr auto Command = "stock";

    explicit QuoteLookup(RateSharing &rates, QObject *parent = nullptr);
    // Those still waiting for a look-up resume (with a failure), so that no coroutine is left
    // suspended when the server stops.
    ~QuoteLookup() override;

    void setBackend(CommandBackend *backend) { m_backend = backend; }
    QCoro::Task<Protocol::QuoteGetOk> get(Request request, Protocol::QuoteGet fields);

private:
    class InFlight;
    void finish(const QString &code, qint64 user, const BotAnswer &answer);
    // Throws rate_limited when `user` may not start another look-up now.
    void admit(qint64 user);
    void keep(const QString &code, const Protocol::QuoteGetOk &answer);

    CommandBackend *m_backend = nullptr;
    QHash<QString, std::shared_ptr<InFlight>> m_inFlight;
    QHash<qint64, int> m_startedBy; // user id → look-ups of theirs in flight
    KeyedLeakyBuckets m_lookupRate{LookupsPerMinute, std::chrono::minutes(1)};
    struct Cached
    {
        Protocol::QuoteGetOk answer;
        QDeadlineTimer expiry;
    };
    QHash<QString, Cached> m_cache;
};

} // namespace FinChat
