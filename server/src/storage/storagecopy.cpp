// Storage::copyEverythingTo: `finchat-server migrate` moves a site from one database to
// another (SQLite to PostgreSQL) with everything it holds, ids included.

#include "storage/storage.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {

// Every table of schema 9, parents before the tables that refer to them. Search indexes are
// not copied: each database builds its own from the messages.
const QStringList CopiedTables{
    u"users"_s,     u"rooms"_s,     u"sessions"_s,     u"memberships"_s,
    u"messages"_s,  u"watchlist"_s, u"price_alerts"_s, u"bot_tokens"_s,
    u"audit_log"_s, u"invites"_s,   u"room_mutes"_s,   u"site_settings"_s,
};
// The tables whose ids the database hands out; the target's next ids follow the copied ones.
const QStringList IdentityTables{u"users"_s,        u"rooms"_s,     u"messages"_s,
                                 u"price_alerts"_s, u"audit_log"_s, u"invites"_s};
// The schema version CopiedTables describes.
constexpr int CopiedSchema = 9;

} // namespace

QStringList Storage::tableNames() const
{
    QSqlQuery query =
        m_engine == Engine::Sqlite
            ? run(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                  "'sqlite%' AND name NOT LIKE 'messages_fts%' AND name <> 'schema_version'"_s)
            : run(u"SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND "
                  "tablename NOT IN ('schema_version', 'finchat_bus_messages')"_s);
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    names.sort();
    return names;
}

qint64 Storage::rowCount(const QString &table) const
{
    QSqlQuery query = run(u"SELECT count(*) FROM %1"_s.arg(table));
    return query.next() ? query.value(0).toLongLong() : -1;
}

QList<std::pair<QString, qint64>> Storage::copyEverythingTo(Storage &target) const
{
    QStringList expected = CopiedTables;
    expected.sort();
    if (schemaVersion() != CopiedSchema || target.schemaVersion() != CopiedSchema ||
        tableNames() != expected || target.tableNames() != expected)
        throw StorageError("both databases must have FinChat's schema " +
                           std::to_string(CopiedSchema) +
                           " (start this version of finchat-server once on each)");
    for (const QString &table : CopiedTables) {
        if (target.rowCount(table) != 0)
            throw StorageError("the database to copy into already holds data (" +
                               table.toStdString() + "); migrate only into a new one");
    }

    QList<std::pair<QString, qint64>> copied;
    target.inTransaction([&] {
        for (const QString &table : CopiedTables) {
            // The source's columns, by name: the generated search column of PostgreSQL's
            // messages is not among them and is computed anew.
            QSqlQuery rows = run(u"SELECT * FROM %1"_s.arg(table));
            const QSqlRecord columns = rows.record();
            QStringList names;
            for (int i = 0; i < columns.count(); ++i)
                names.append(columns.fieldName(i));
            QSqlQuery insert = target.prepare(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
                table, names.join(u", "_s), QStringList(names.size(), u"?"_s).join(u", "_s)));
            qint64 count = 0;
            while (rows.next()) {
                for (int i = 0; i < names.size(); ++i)
                    insert.bindValue(i, rows.value(i));
                target.exec(insert);
                ++count;
            }
            copied.append({table, count});
        }
        if (target.m_engine == Engine::Postgres) {
            for (const QString &table : IdentityTables) {
                // An id SQLite handed out once (AUTOINCREMENT) is never handed out again, even
                // when its row is gone: the next one follows the highest ever given.
                qint64 highest = 0;
                if (m_engine == Engine::Sqlite) {
                    QSqlQuery given =
                        run(u"SELECT seq FROM sqlite_sequence WHERE name = ?"_s, {table});
                    highest = given.next() ? given.value(0).toLongLong() : 0;
                }
                target.run(
                    u"SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                    "GREATEST(COALESCE((SELECT MAX(id) FROM %1), 0), ?) + 1, false)"_s.arg(table),
                    {highest});
            }
        }
        // Verified inside the transaction: a difference undoes all of it.
        for (const auto &[table, count] : std::as_const(copied)) {
            if (target.rowCount(table) != count || rowCount(table) != count)
                throw StorageError("the copy of " + table.toStdString() +
                                   " does not have the source's rows; nothing was copied");
        }
    });
    target.loadLastMessageTimestamp();
    return copied;
}

} // namespace FinChat
