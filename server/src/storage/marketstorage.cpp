#include "storage/storage.h"

#include "storage/sqlvalues.h"

#include "finchat/protocol.h"

#include <QSqlQuery>
#include <QVariant>

// Watchlists and price alerts: the part of Storage that keeps them. The writes with more
// than one statement run as StorageThread writes, each in a savepoint of its own: all of
// their statements are stored, or none.
namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::nowMs;
using SqlValues::optionalValue;
using SqlValues::orNull;

namespace {
constexpr auto AlertColumns = "id, user_id, code, above, price, room_id, created_at, "
                              "triggered_at, triggered_price";

} // namespace

AlertRecord Storage::alertFrom(const QSqlQuery &query)
{
    return {query.value(0).toLongLong(),
            query.value(1).toLongLong(),
            query.value(2).toString(),
            query.value(3).toBool(),
            query.value(4).toDouble(),
            optionalValue<qint64>(query.value(5)),
            query.value(6).toLongLong(),
            optionalValue<qint64>(query.value(7)),
            optionalValue<double>(query.value(8))};
}

Storage::Listing Storage::addWatched(qint64 userId, const QString &code, int maxCodes)
{
    QSqlQuery listed = run(
        u"SELECT COUNT(*), COALESCE(SUM(CASE WHEN code = ? THEN 1 ELSE 0 END), 0) FROM watchlist WHERE user_id = ?"_s,
        {code, userId});
    listed.next();
    if (listed.value(1).toInt() > 0)
        return Listing::AlreadyListed;
    if (listed.value(0).toInt() >= maxCodes)
        return Listing::Full;
    // Added meanwhile by the same user on another server: listed, not an error.
    const bool added = run(u"INSERT INTO watchlist (user_id, code, added_at) VALUES (?, ?, ?) "
                           "ON CONFLICT DO NOTHING"_s,
                           {userId, code, nowMs()})
                           .numRowsAffected() == 1;
    return added ? Listing::Added : Listing::AlreadyListed;
}

bool Storage::removeWatched(qint64 userId, const QString &code)
{
    return run(u"DELETE FROM watchlist WHERE user_id = ? AND code = ?"_s, {userId, code})
               .numRowsAffected() == 1;
}

std::optional<AlertRecord> Storage::addAlert(const AlertRecord &alert, int maxArmed)
{
    QSqlQuery armed =
        run(u"SELECT COUNT(*) FROM price_alerts WHERE user_id = ? AND triggered_at IS NULL"_s,
            {alert.userId});
    armed.next();
    if (armed.value(0).toInt() >= maxArmed)
        return std::nullopt;
    AlertRecord stored = alert;
    stored.createdAt = nowMs();
    stored.triggeredAt.reset();
    stored.triggeredPrice.reset();
    QSqlQuery inserted =
        run(u"INSERT INTO price_alerts (user_id, code, above, price, room_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
            {alert.userId, alert.code, alert.above ? 1 : 0, alert.price, orNull(alert.roomId),
             stored.createdAt});
    if (!inserted.next())
        throw StorageError("the new alert has no id");
    stored.id = inserted.value(0).toLongLong();
    return stored;
}

bool Storage::removeAlert(qint64 userId, qint64 alertId)
{
    return run(u"DELETE FROM price_alerts WHERE id = ? AND user_id = ?"_s, {alertId, userId})
               .numRowsAffected() == 1;
}

WatchlistRecord Storage::watchlistOf(qint64 userId) const
{
    WatchlistRecord watchlist;
    QSqlQuery codes =
        run(u"SELECT code FROM watchlist WHERE user_id = ? ORDER BY added_at, code"_s, {userId});
    while (codes.next())
        watchlist.codes.append(codes.value(0).toString());
    QSqlQuery alerts = run(u"SELECT %1 FROM price_alerts WHERE user_id = ? ORDER BY id DESC"_s.arg(
                               QLatin1StringView(AlertColumns)),
                           {userId});
    while (alerts.next())
        watchlist.alerts.append(alertFrom(alerts));
    return watchlist;
}

QList<AlertRecord> Storage::armedAlerts(int limit) const
{
    QSqlQuery query =
        run(u"SELECT %1 FROM price_alerts WHERE triggered_at IS NULL ORDER BY id LIMIT ?"_s.arg(
                QLatin1StringView(AlertColumns)),
            {limit});
    QList<AlertRecord> alerts;
    while (query.next())
        alerts.append(alertFrom(query));
    return alerts;
}

QList<std::pair<qint64, QString>> Storage::watchedBy(const QList<qint64> &userIds) const
{
    // One statement for many users, in chunks that stay under SQLite's limit of bound values.
    constexpr qsizetype Chunk = 500;
    QList<std::pair<qint64, QString>> watched;
    for (qsizetype first = 0; first < userIds.size(); first += Chunk) {
        const QList<qint64> chunk = userIds.mid(first, Chunk);
        QSqlQuery query =
            prepare(u"SELECT user_id, code FROM watchlist WHERE user_id IN (%1) ORDER BY user_id, "
                    "added_at, code"_s.arg(QStringList(chunk.size(), u"?"_s).join(u", "_s)));
        query.setForwardOnly(true);
        for (const qint64 userId : chunk)
            query.addBindValue(userId);
        exec(query);
        while (query.next())
            watched.append({query.value(0).toLongLong(), query.value(1).toString()});
    }
    return watched;
}

std::optional<qint64> Storage::fireAlert(qint64 alertId, double price, int keptFired)
{
    const qint64 now = nowMs();
    const bool fired = run(u"UPDATE price_alerts SET triggered_at = ?, triggered_price = ? "
                           "WHERE id = ? AND triggered_at IS NULL"_s,
                           {now, price, alertId})
                           .numRowsAffected() == 1;
    if (!fired)
        return std::nullopt;
    run(u"DELETE FROM price_alerts WHERE triggered_at IS NOT NULL "
        "AND user_id = (SELECT user_id FROM price_alerts WHERE id = ?) "
        "AND id NOT IN (SELECT id FROM price_alerts WHERE triggered_at IS NOT NULL "
        "AND user_id = (SELECT user_id FROM price_alerts WHERE id = ?) "
        "ORDER BY triggered_at DESC, id DESC LIMIT ?)"_s,
        {alertId, alertId, keptFired});
    return now;
}

} // namespace FinChat
