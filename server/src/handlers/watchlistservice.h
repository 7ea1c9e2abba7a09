#pragma once

#include "core/servercontext.h"
#include "handlers/commandbackend.h"
#include "state/ratelimiter.h"
#include "storage/records.h"
#include "wire/request.h"

#include "finchat/protocol/messages.h"

#include <QObject>

#include <qcoro/qcorotask.h>

namespace FinChat {

class PriceChecker;

// Each user's watchlist and price alerts, kept on the server: the watchlist.* and alert.*
// requests, and the same as commands for any client (/watch=CODE, /unwatch=CODE,
// /alert=CODE>PRICE or <PRICE, /unalert=ID, /alerts), answered to the user alone (a notice;
// the room sees nothing). Every change reaches all of the user's connections as
// watchlist.updated. Offered only while a bot gives quotes (PriceChecker::hasQuotes).
class WatchlistService : public QObject, public CommandBackend
{
    Q_OBJECT

public:
    static constexpr int MaxWatchedCodes = 50;
    static constexpr int MaxArmedAlerts = 20;
    static constexpr int AlertsPerHour = 30; // set, per user

    WatchlistService(const ServerContext &context, PriceChecker &prices, QObject *parent = nullptr);

    QCoro::Task<Protocol::WatchlistGetOk> get(Request request, Protocol::WatchlistGet fields);
    QCoro::Task<Protocol::WatchlistAddOk> add(Request request, Protocol::WatchlistAdd fields);
    QCoro::Task<Protocol::WatchlistRemoveOk> remove(Request request,
                                                    Protocol::WatchlistRemove fields);
    QCoro::Task<Protocol::AlertAddOk> addAlert(Request request, Protocol::AlertAdd fields);
    QCoro::Task<Protocol::AlertRemoveOk> removeAlert(Request request, Protocol::AlertRemove fields);

    QList<CommandInfo> commands() const override;
    QStringList reservedNames() const override;
    void run(const CommandCall &call) override;
    bool isPrivate(const QString &) const override { return true; }
    bool ask(const QString &, const QString &, std::function<void(const BotAnswer &)>) override
    {
        return false;
    }

private:
    // The change, applied for `user`; returns the watchlist after it and tells the user's
    // connections. Throws ProtocolError for what the change refuses.
    template<typename Change>
    QCoro::Task<Protocol::Watchlist> change(qint64 user, Change work);
    QCoro::Task<Protocol::Watchlist> watchlistOf(qint64 user);
    QCoro::Task<Protocol::Watchlist> watch(qint64 user, QString code);
    QCoro::Task<Protocol::Watchlist> unwatch(qint64 user, QString code);
    QCoro::Task<Protocol::Watchlist> arm(qint64 user, AlertRecord alert);
    QCoro::Task<Protocol::Watchlist> disarm(qint64 user, qint64 alertId);
    QCoro::Task<> answerCommand(CommandCall call);
    QCoro::Task<QString> commandReply(const CommandCall &call);
    void requireQuotes() const;

    ServerContext m_context;
    PriceChecker &m_prices;
    KeyedLeakyBuckets m_alertRate{AlertsPerHour, std::chrono::hours(1)};
};

} // namespace FinChat
