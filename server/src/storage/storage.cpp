#include "storage/storage.h"

#include "storage/searchquery.h"
#include "storage/sqlvalues.h"

#include "finchat/protocol.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <map>

namespace FinChat {

using namespace Qt::StringLiterals;
using SqlValues::optionalValue;
using SqlValues::orNull;

Q_LOGGING_CATEGORY(lcStorage, "finchat.server.storage")

using Protocol::nowMs;

namespace {

constexpr int BusyTimeoutMs = 5000;
// The PostgreSQL advisory lock held while the schema is brought up to date ("FinChat" in
// ASCII, so that it does not collide with another application's lock by chance).
constexpr qint64 MigrationLock = 0x46696e43686174;
// The channel of the servers of one database (publish, listen), and how long a message too
// long for a notification waits for its readers.
constexpr auto BusChannel = "finchat_bus"_L1;
// Held while an account is made on PostgreSQL (createUser).
constexpr qint64 NewAccountLock = MigrationLock + 1;
constexpr qsizetype MaxNotificationBytes = 7900; // PostgreSQL's limit is 8000
constexpr qint64 LongBusMessageLifetimeMs = 5 * 60 * 1000;

QString uniqueConnectionName()
{
    static std::atomic<int> counter{0};
    return u"finchat-storage-%1"_s.arg(++counter);
}

std::string describe(const QString &what, const QSqlError &error)
{
    return QString(what + u": "_s + error.text()).toStdString();
}

// id, name, topic, created_at, direct
RoomRecord roomFrom(const QSqlQuery &query)
{
    return {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toLongLong(), query.value(4).toBool()};
}

MessageRecord messageFromRow(const QSqlQuery &query)
{
    MessageRecord message;
    message.id = query.value(0).toLongLong();
    message.roomId = query.value(1).toLongLong();
    message.username = query.value(2).toString();
    message.displayName = query.value(3).toString();
    message.fromBot = query.value(4).toBool();
    message.body = query.value(5).toString();
    message.timestamp = query.value(6).toLongLong();
    message.nonce = query.value(7).toString();
    message.deleted = query.value(8).toBool();
    message.authorId = query.value(9).toLongLong();
    message.editedAt = optionalValue<qint64>(query.value(10));
    if (const QVariant quoted = query.value(11); !quoted.isNull())
        message.reply =
            QuoteRecord{quoted.toLongLong(), query.value(12).toString(), query.value(13).toString(),
                        query.value(14).toString(), query.value(15).toBool()};
    return message;
}

// A message (m) with its author (u), and the message it answers (q) with that one's author
// (qu): the columns messageFromRow reads, and the joins that give them.
const QString MessageSelect =
    u"m.id, m.room_id, u.username, u.display_name, u.is_bot, m.body, m.created_at, m.nonce, "
    "m.deleted_at IS NOT NULL, m.user_id, m.edited_at, "
    "q.id, qu.username, qu.display_name, q.body, q.deleted_at IS NOT NULL "_s;
const QString MessageJoins =
    u"JOIN users u ON u.id = m.user_id "
    "LEFT JOIN messages q ON q.id = m.reply_to LEFT JOIN users qu ON qu.id = q.user_id "_s;
const QString MessageColumns = MessageSelect + u"FROM messages m "_s + MessageJoins;

// Where message.search's matches begin and end in highlight()'s text: code points of the
// Unicode private use area, which a chat message has no business holding.
constexpr char16_t MatchStart = 0xE000;
constexpr char16_t MatchEnd = 0xE001;

// The text without the marks, and where each marked match lies in it.
std::pair<QString, QList<std::pair<qsizetype, qsizetype>>> unmarked(const QString &marked)
{
    QString text;
    text.reserve(marked.size());
    QList<std::pair<qsizetype, qsizetype>> matches;
    qsizetype start = -1;
    for (const QChar c : marked) {
        if (c == MatchStart) {
            start = text.size();
        } else if (c == MatchEnd && start >= 0) {
            matches.append({start, text.size() - start});
            start = -1;
        } else {
            text.append(c);
        }
    }
    return {text, matches};
}

} // namespace

Storage::Storage()
    : m_connectionName(uniqueConnectionName())
{}

Storage::~Storage()
{
    close();
}

void Storage::open(const DatabaseLocation &location, Durability durability)
{
    if (location.isPostgres())
        openPostgres(location.postgres(), durability);
    else
        openSqlite(location.sqlitePath(), durability);
}

void Storage::openSqlite(const QString &path, Durability durability)
{
    m_engine = Engine::Sqlite;
    const QFileInfo file(path);
    if (!QDir().mkpath(file.absolutePath()))
        throw StorageError("cannot create the folder for " + path.toStdString());
    m_path = file.absoluteFilePath();
    if (!file.exists())
        qCInfo(lcStorage).noquote() << u"creating a new, empty database at %1"_s.arg(m_path);

    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(file.absoluteFilePath());
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
    if (!m_db.open())
        throw StorageError(describe(u"cannot open "_s + path, m_db.lastError()));
    configureSqliteConnection(durability);
    migrate(u":/finchat/sql/sqlite"_s);
    loadLastMessageTimestamp();
}

void Storage::openPostgres(const PostgresLocation &location, Durability durability)
{
    m_engine = Engine::Postgres;
    m_path.clear();
    m_postgres = location;
    m_durability = durability;
    m_db = location.connection(m_connectionName);
    if (!m_db.isValid())
        throw StorageError("Qt's PostgreSQL driver (QPSQL) is not installed; on Debian it is "
                           "the package libqt6sql6-psql");
    if (!m_db.open())
        throw StorageError(describe(u"cannot open "_s + location.display(), m_db.lastError()));
    // `full`: a commit returns once its WAL is flushed to disk, so an acknowledged message
    // survives a power loss of the database's machine. `normal`: once PostgreSQL has it; a
    // crash of PostgreSQL itself may lose the last fraction of a second, a crash of
    // finchat-server nothing.
    execStatement(durability == Durability::Full ? u"SET synchronous_commit = on"_s
                                                 : u"SET synchronous_commit = off"_s);
    execStatement(u"SET client_min_messages = warning"_s);
    // A server that dies in the middle of a transaction must not leave its locks (a
    // session's row, a nonce, the account lock) to block the other servers for long.
    execStatement(u"SET idle_in_transaction_session_timeout = '30s'"_s);
    // Text is Unicode all through: a database in another encoding would refuse emoji, or
    // (SQL_ASCII) store bytes that search and ordering misread.
    QSqlQuery encoding = run(u"SELECT current_setting('server_encoding')"_s);
    if (!encoding.next() || encoding.value(0).toString() != "UTF8"_L1)
        throw StorageError("the database must be in UTF-8 (createdb -E UTF8 ...); it is in " +
                           encoding.value(0).toString().toStdString());
    encoding.finish();
    // Several servers may start at once on one database: one of them migrates, the others
    // wait for it and find the schema up to date.
    execStatement(u"SELECT pg_advisory_lock(%1)"_s.arg(MigrationLock));
    try {
        migrate(u":/finchat/sql/postgresql"_s);
        // Transient, so outside the schema's versions: messages between the servers that
        // are too long for a notification (publish). Unlogged: a crash empties it, and
        // nothing in it outlives the minutes its readers need.
        execStatement(u"CREATE UNLOGGED TABLE IF NOT EXISTS finchat_bus_messages ("
                      "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                      "message TEXT NOT NULL, at BIGINT NOT NULL)"_s);
    } catch (...) {
        tryStatement(u"SELECT pg_advisory_unlock(%1)"_s.arg(MigrationLock));
        throw;
    }
    execStatement(u"SELECT pg_advisory_unlock(%1)"_s.arg(MigrationLock));
    loadLastMessageTimestamp();
}

bool Storage::reopenIfLost()
{
    if (m_engine != Engine::Postgres || (m_db.isOpen() && tryStatement(u"SELECT 1"_s)))
        return false;
    close();
    // A copy: openPostgres sets the members it is given.
    const PostgresLocation location = m_postgres;
    try {
        openPostgres(location, m_durability);
    } catch (...) {
        close(); // half open (the schema refused, say) is not open: the next try starts over
        throw;
    }
    return true;
}

void Storage::loadLastMessageTimestamp()
{
    QSqlQuery last = run(u"SELECT COALESCE(MAX(created_at), 0) FROM messages"_s);
    m_lastMessageTimestamp = last.next() ? last.value(0).toLongLong() : 0;
}

void Storage::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void Storage::configureSqliteConnection(Durability durability)
{
    // WAL lets readers proceed during a write. FULL syncs the WAL at every commit, so a
    // committed transaction survives a power loss; NORMAL syncs only at checkpoints, which
    // in WAL mode still never loses a committed transaction to a process crash.
    execStatement(u"PRAGMA journal_mode=WAL"_s);
    execStatement(durability == Durability::Full ? u"PRAGMA synchronous=FULL"_s
                                                 : u"PRAGMA synchronous=NORMAL"_s);
    execStatement(u"PRAGMA foreign_keys=ON"_s);
    // A deleted message's text (and a deleted room's, session's) is overwritten in the file,
    // not left in free space for anyone reading the file to find.
    execStatement(u"PRAGMA secure_delete=ON"_s);
}

int Storage::schemaVersion() const
{
    QSqlQuery query = run(u"SELECT version FROM schema_version"_s);
    return query.next() ? query.value(0).toInt() : 0;
}

void Storage::migrate(const QString &driverFolder)
{
    execStatement(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s);
    const int current = schemaVersion();

    static const QRegularExpression numbered(u"\\A(\\d+)_.*\\.sql\\z"_s);
    std::map<int, QString> files;
    const QStringList names = QDir(driverFolder).entryList({u"*.sql"_s}, QDir::Files);
    for (const QString &name : names) {
        const auto match = numbered.match(name);
        if (match.hasMatch())
            files.emplace(match.captured(1).toInt(), QDir(driverFolder).filePath(name));
    }
    if (files.empty())
        throw StorageError("no schema files in " + driverFolder.toStdString());
    if (current > files.rbegin()->first)
        throw StorageError("the database is from a newer FinChat (schema version " +
                           std::to_string(current) + ")");
    for (const auto &[version, path] : files) {
        if (version > current)
            applySchemaFile(version, path);
    }
}

void Storage::applySchemaFile(int version, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError("cannot read " + path.toStdString());
    const QString script = QString::fromUtf8(file.readAll());

    static const QRegularExpression statementEnd(u";[ \\t]*(?:--[^\\n]*)?\\r?\\n|;\\s*\\z"_s);
    begin();
    try {
        for (const QString &statement : script.split(statementEnd, Qt::SkipEmptyParts)) {
            QString sql;
            for (const QString &line : statement.split(u'\n')) {
                if (!line.trimmed().startsWith("--"_L1))
                    sql += line + u'\n';
            }
            if (!sql.trimmed().isEmpty())
                execStatement(sql);
        }
        execStatement(u"DELETE FROM schema_version"_s);
        run(u"INSERT INTO schema_version (version) VALUES (?)"_s, {version});
        commit();
    } catch (...) {
        rollback();
        throw;
    }
}

QSqlQuery Storage::prepare(const QString &sql) const
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        throw StorageError(describe(u"cannot prepare "_s + sql, query.lastError()));
    return query;
}

void Storage::exec(QSqlQuery &query) const
{
    if (!query.exec())
        throw StorageError(describe(u"query failed"_s, query.lastError()));
}

QSqlQuery Storage::run(const QString &sql, std::initializer_list<QVariant> values) const
{
    QSqlQuery query = prepare(sql);
    query.setForwardOnly(true);
    for (const QVariant &value : values)
        query.addBindValue(value);
    exec(query);
    return query;
}

void Storage::execStatement(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        throw StorageError(describe(sql.simplified(), query.lastError()));
}

bool Storage::tryStatement(const QString &sql) noexcept
{
    QSqlQuery query(m_db);
    return query.exec(sql);
}

void Storage::beginBatch()
{
    m_batchBroken = false;
    begin();
}

void Storage::commitBatch()
{
    try {
        if (m_batchBroken)
            throw StorageError("the database lost the transaction (is the disk full?)");
        if (m_engine == Engine::Sqlite && !QFileInfo::exists(m_path))
            throw StorageError("the database file " + m_path.toStdString() +
                               " is gone (was its folder removed?)");
        commit();
    } catch (...) {
        rollback();
        throw;
    }
}

void Storage::begin()
{
    // SQLite: a plain BEGIN takes the write lock only at the first write and can then fail
    // with SQLITE_BUSY mid-transaction; IMMEDIATE waits for it up front, under the busy
    // timeout. PostgreSQL locks rows as they are written.
    execStatement(m_engine == Engine::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
}

void Storage::commit()
{
    execStatement(u"COMMIT"_s);
}

void Storage::rollback() noexcept
{
    QSqlQuery query(m_db);
    query.exec(u"ROLLBACK"_s);
}

namespace {

constexpr auto UserColumns =
    "SELECT id, username, display_name, password_hash, is_bot, created_at, "
    "role, disabled_at, bio FROM users ";

// A role as stored; the schema's CHECK keeps out any other name.
Protocol::Role roleFrom(const QVariant &stored)
{
    return Protocol::roleFromName(stored.toString()).value_or(Protocol::Role::Member);
}

UserRecord userFrom(const QSqlQuery &query)
{
    const QVariant disabledAt = query.value(7);
    return UserRecord{query.value(0).toLongLong(),
                      query.value(1).toString(),
                      query.value(2).toString(),
                      query.value(3).toString(),
                      query.value(4).toBool(),
                      query.value(5).toLongLong(),
                      roleFrom(query.value(6)),
                      disabledAt.isNull() ? std::nullopt
                                          : std::optional<qint64>(disabledAt.toLongLong()),
                      query.value(8).toString()};
}

} // namespace

std::optional<UserRecord> Storage::userWhere(const QString &column, const QVariant &value) const
{
    QSqlQuery query =
        run(QLatin1StringView(UserColumns) + u"WHERE "_s + column + u" = ?"_s, {value});
    if (!query.next())
        return std::nullopt;
    return userFrom(query);
}

QList<UserRecord> Storage::users() const
{
    QSqlQuery query = run(QLatin1StringView(UserColumns) + u"ORDER BY username"_s, {});
    QList<UserRecord> found;
    while (query.next())
        found.append(userFrom(query));
    return found;
}

QList<UserRecord> Storage::usersAfter(const QString &after, int limit) const
{
    QSqlQuery query =
        run(QLatin1StringView(UserColumns) + u"WHERE username > ? ORDER BY username LIMIT ?"_s,
            {after.isNull() ? u""_s : after, limit}); // NULL would compare to nothing
    QList<UserRecord> found;
    while (query.next())
        found.append(userFrom(query));
    return found;
}

void Storage::backupTo(const QString &file) const
{
    if (m_engine == Engine::Postgres)
        throw StorageError("a PostgreSQL database is backed up with PostgreSQL's own tools "
                           "(pg_dump), not with finchat-server backup");
    // One read transaction: a consistent copy of the whole database while the server goes on
    // writing (WAL), compacted, into the file (new, or empty: SQLite refuses any other).
    run(u"VACUUM INTO ?"_s, {file});
}

void Storage::publish(const QByteArray &message)
{
    if (message.size() <= MaxNotificationBytes) {
        run(u"SELECT pg_notify('%1', ?)"_s.arg(BusChannel), {QString::fromUtf8(message)});
        return;
    }
    const qint64 now = nowMs();
    run(u"DELETE FROM finchat_bus_messages WHERE at < ?"_s, {now - LongBusMessageLifetimeMs});
    QSqlQuery stored =
        run(u"INSERT INTO finchat_bus_messages (message, at) VALUES (?, ?) RETURNING id"_s,
            {QString::fromUtf8(message), now});
    if (!stored.next())
        throw StorageError("a long bus message was not stored");
    const qint64 id = stored.value(0).toLongLong();
    stored.finish();
    run(u"SELECT pg_notify('%1', ?)"_s.arg(BusChannel), {u"@%1"_s.arg(id)});
}

std::optional<QByteArray> Storage::longBusMessage(qint64 id) const
{
    QSqlQuery query = run(u"SELECT message FROM finchat_bus_messages WHERE id = ?"_s, {id});
    if (!query.next())
        return std::nullopt;
    return query.value(0).toString().toUtf8();
}

void Storage::listen(QObject *receiver, std::function<void(const QByteArray &)> onMessage)
{
    QSqlDriver *driver = m_db.driver();
    if (!driver->subscribeToNotification(BusChannel))
        throw StorageError(describe(u"cannot listen to the other servers"_s, driver->lastError()));
    QObject::connect(driver,
                     qOverload<const QString &, QSqlDriver::NotificationSource, const QVariant &>(
                         &QSqlDriver::notification),
                     receiver,
                     [this, onMessage = std::move(onMessage)](
                         const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                         const QString text = payload.toString();
                         if (!text.startsWith(u'@')) {
                             onMessage(text.toUtf8());
                             return;
                         }
                         try {
                             if (const auto message = longBusMessage(text.mid(1).toLongLong()))
                                 onMessage(*message);
                             else
                                 qCWarning(lcStorage) << "a long bus message is gone:" << text;
                         } catch (const StorageError &error) {
                             qCWarning(lcStorage)
                                 << "cannot read a long bus message:" << error.what();
                         }
                     });
}

qint64 Storage::postgresDatabaseBytes() const
{
    QSqlQuery query = run(u"SELECT pg_database_size(current_database())"_s);
    return query.next() ? query.value(0).toLongLong() : 0;
}

std::optional<UserRecord> Storage::userByName(const QString &username) const
{
    return userWhere(u"username"_s, username);
}

std::optional<UserRecord> Storage::userById(qint64 id) const
{
    return userWhere(u"id"_s, id);
}

std::optional<qint64> Storage::createUser(const QString &username, const QString &displayName,
                                          const QString &passwordHash,
                                          std::optional<Protocol::Role> role)
{
    // One statement: two first registrations at once cannot both find the site empty. On
    // PostgreSQL, where two servers may register people at once, a lock for the rest of the
    // transaction makes the second wait for the first, then see it.
    if (m_engine == Engine::Postgres)
        run(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(NewAccountLock));
    const QVariant given = role ? QVariant(QString(Protocol::roleName(*role))) : QVariant();
    QSqlQuery query = run(
        u"INSERT INTO users (username, display_name, password_hash, created_at, role) "
        "VALUES (?, ?, ?, ?, COALESCE(?, CASE WHEN EXISTS (SELECT 1 FROM users WHERE is_bot = 0) "
        "THEN 'member' ELSE 'admin' END)) ON CONFLICT (username) DO NOTHING RETURNING id"_s,
        {username, displayName, passwordHash, nowMs(), given});
    if (!query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

void Storage::setRole(qint64 userId, Protocol::Role role)
{
    run(u"UPDATE users SET role = ? WHERE id = ?"_s, {QString(Protocol::roleName(role)), userId});
}

bool Storage::setDisabled(qint64 userId, bool disabled)
{
    const QSqlQuery query =
        disabled ? run(u"UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL"_s,
                       {nowMs(), userId})
                 : run(u"UPDATE users SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT "
                       "NULL"_s,
                       {userId});
    return query.numRowsAffected() == 1;
}

void Storage::addAuditEntry(AuditRecord entry)
{
    // COALESCE: a null QString binds as NULL.
    run(u"INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, "
        "COALESCE(?, ''))"_s,
        {entry.at != 0 ? entry.at : nowMs(), orNull(entry.actor), entry.action, entry.target,
         entry.detail});
}

QList<AuditRecord> Storage::auditEntries(std::optional<qint64> beforeId, int limit) const
{
    QSqlQuery query =
        run(u"SELECT id, at, actor, action, target, detail FROM audit_log WHERE id < ? "
            "ORDER BY id DESC LIMIT ?"_s,
            {beforeId.value_or(std::numeric_limits<qint64>::max()), limit});
    QList<AuditRecord> entries;
    while (query.next()) {
        AuditRecord entry{
            query.value(0).toLongLong(), query.value(1).toLongLong(), std::nullopt,
            query.value(3).toString(),   query.value(4).toString(),   query.value(5).toString()};
        if (!query.value(2).isNull())
            entry.actor = query.value(2).toString();
        entries.append(entry);
    }
    return entries;
}

std::optional<Author> Storage::ensureBotUser(const QString &username, const QString &displayName)
{
    // No password hash: login refuses bot accounts, and this makes it doubly impossible.
    run(u"INSERT INTO users (username, display_name, password_hash, is_bot, created_at) "
        "VALUES (?, ?, NULL, 1, ?) "
        "ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name "
        "WHERE users.is_bot = 1"_s,
        {username, displayName, nowMs()});
    const auto user = userByName(username);
    if (!user || !user->isBot)
        return std::nullopt;
    return Author{user->id, user->username, user->displayName, true};
}

std::optional<Author> Storage::setBotToken(const QString &username, const QString &displayName,
                                           const QByteArray &tokenHash)
{
    auto bot = ensureBotUser(username, displayName);
    if (bot) {
        run(u"INSERT INTO bot_tokens (user_id, token_hash, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, "
            "created_at = excluded.created_at"_s,
            {bot->id, tokenHash, nowMs()});
    }
    return bot;
}

std::optional<Author> Storage::botByToken(const QByteArray &tokenHash) const
{
    QSqlQuery query =
        run(u"SELECT u.id, u.username, u.display_name FROM bot_tokens t "
            "JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND u.is_bot = 1"_s,
            {tokenHash});
    if (!query.next())
        return std::nullopt;
    return Author{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                  true};
}

void Storage::setBotCommands(qint64 botId, const QByteArray &commands)
{
    run(u"UPDATE bot_tokens SET commands = ? WHERE user_id = ?"_s,
        {QString::fromUtf8(commands), botId});
}

QList<AnnouncedBot> Storage::announcedBots() const
{
    QSqlQuery query = run(u"SELECT u.id, u.username, u.display_name, t.commands FROM bot_tokens t "
                          "JOIN users u ON u.id = t.user_id "
                          "WHERE t.commands IS NOT NULL AND u.is_bot = 1 ORDER BY u.id"_s,
                          {});
    QList<AnnouncedBot> bots;
    while (query.next()) {
        bots.append({{query.value(0).toLongLong(), query.value(1).toString(),
                      query.value(2).toString(), true},
                     query.value(3).toString().toUtf8()});
    }
    return bots;
}

QList<BotAccount> Storage::botAccounts() const
{
    QSqlQuery query = run(u"SELECT u.username, u.display_name, t.created_at FROM users u "
                          "LEFT JOIN bot_tokens t ON t.user_id = u.id "
                          "WHERE u.is_bot = 1 ORDER BY u.username"_s,
                          {});
    QList<BotAccount> bots;
    while (query.next()) {
        bots.append(
            {query.value(0).toString(), query.value(1).toString(),
             query.value(2).isNull() ? std::optional<qint64>() : query.value(2).toLongLong()});
    }
    return bots;
}

void Storage::setDisplayName(qint64 userId, const QString &displayName)
{
    run(u"UPDATE users SET display_name = ? WHERE id = ?"_s, {displayName, userId});
}

void Storage::setPasswordHash(qint64 userId, const QString &passwordHash)
{
    run(u"UPDATE users SET password_hash = ? WHERE id = ?"_s, {passwordHash, userId});
}

void Storage::createSession(const QByteArray &tokenHash, qint64 userId)
{
    const qint64 now = nowMs();
    run(u"INSERT INTO sessions (token_hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)"_s,
        {tokenHash, userId, now, now});
}

std::optional<qint64> Storage::touchSession(const QByteArray &tokenHash, qint64 maxIdleMs)
{
    const qint64 now = nowMs();
    QSqlQuery query = run(u"UPDATE sessions SET last_used_at = ? "
                          "WHERE token_hash = ? AND last_used_at >= ? AND user_id IN "
                          "(SELECT id FROM users WHERE disabled_at IS NULL) RETURNING user_id"_s,
                          {now, tokenHash, now - maxIdleMs});
    if (!query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

void Storage::deleteSession(const QByteArray &tokenHash)
{
    run(u"DELETE FROM sessions WHERE token_hash = ?"_s, {tokenHash});
}

void Storage::deleteSessionsOfUser(qint64 userId)
{
    run(u"DELETE FROM sessions WHERE user_id = ?"_s, {userId});
}

void Storage::deleteSessionsOfUserExcept(qint64 userId, const QByteArray &keptTokenHash)
{
    run(u"DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?"_s, {userId, keptTokenHash});
}

int Storage::deleteIdleSessions(qint64 maxIdleMs)
{
    return run(u"DELETE FROM sessions WHERE last_used_at < ?"_s, {nowMs() - maxIdleMs})
        .numRowsAffected();
}

namespace {

constexpr auto InviteColumns =
    "SELECT id, created_by, created_at, expires_at, uses_left, used FROM invites ";
constexpr auto UsableInvite = "uses_left > 0 AND (expires_at IS NULL OR expires_at > ?) ";

InviteRecord inviteFrom(const QSqlQuery &query)
{
    const auto optionalText = [](const QVariant &value) {
        return value.isNull() ? std::nullopt : std::optional(value.toString());
    };
    const auto optionalNumber = [](const QVariant &value) {
        return value.isNull() ? std::nullopt : std::optional(value.toLongLong());
    };
    return {query.value(0).toLongLong(), optionalText(query.value(1)),
            query.value(2).toLongLong(), optionalNumber(query.value(3)),
            query.value(4).toLongLong(), query.value(5).toLongLong()};
}

} // namespace

InviteRecord Storage::createInvite(const QByteArray &codeHash,
                                   const std::optional<QString> &createdBy, qint64 uses,
                                   std::optional<qint64> expiresAt)
{
    QSqlQuery query =
        run(u"INSERT INTO invites (code_hash, created_by, created_at, expires_at, uses_left) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id"_s,
            {codeHash, orNull(createdBy), nowMs(), orNull(expiresAt), uses});
    if (!query.next())
        throw StorageError("the new invite has no id");
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    QSqlQuery created = run(QLatin1StringView(InviteColumns) + u"WHERE id = ?"_s, {id});
    if (!created.next())
        throw StorageError("the new invite is gone");
    return inviteFrom(created);
}

bool Storage::inviteUsable(const QByteArray &codeHash) const
{
    return run(u"SELECT 1 FROM invites WHERE code_hash = ? AND "_s +
                   QLatin1StringView(UsableInvite),
               {codeHash, nowMs()})
        .next();
}

bool Storage::useInvite(const QByteArray &codeHash)
{
    return run(u"UPDATE invites SET uses_left = uses_left - 1, used = used + 1 "
               "WHERE code_hash = ? AND "_s +
                   QLatin1StringView(UsableInvite),
               {codeHash, nowMs()})
               .numRowsAffected() == 1;
}

QList<InviteRecord> Storage::usableInvites() const
{
    QSqlQuery query = run(QLatin1StringView(InviteColumns) + u"WHERE "_s +
                              QLatin1StringView(UsableInvite) + u"ORDER BY id DESC"_s,
                          {nowMs()});
    QList<InviteRecord> found;
    while (query.next())
        found.append(inviteFrom(query));
    return found;
}

bool Storage::revokeInvite(qint64 inviteId)
{
    return run(u"UPDATE invites SET uses_left = 0 WHERE id = ? AND "_s +
                   QLatin1StringView(UsableInvite),
               {inviteId, nowMs()})
               .numRowsAffected() == 1;
}

QSet<QByteArray> Storage::liveSessions(const QList<QByteArray> &tokenHashes) const
{
    QSqlQuery query = prepare(u"SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id "
                              "WHERE s.token_hash = ? AND u.disabled_at IS NULL"_s);
    QSet<QByteArray> live;
    for (const QByteArray &tokenHash : tokenHashes) {
        query.bindValue(0, tokenHash);
        exec(query);
        if (query.next())
            live.insert(tokenHash);
    }
    return live;
}

std::optional<qint64> Storage::roomCreator(qint64 roomId) const
{
    QSqlQuery query = run(u"SELECT created_by FROM rooms WHERE id = ?"_s, {roomId});
    if (!query.next() || query.value(0).isNull())
        return std::nullopt;
    return query.value(0).toLongLong();
}

void Storage::setRoomTopic(qint64 roomId, const QString &topic)
{
    run(u"UPDATE rooms SET topic = ? WHERE id = ?"_s, {topic, roomId});
}

QList<RoomRecord> Storage::rooms() const
{
    QSqlQuery query = run(u"SELECT id, name, topic, created_at, direct FROM rooms ORDER BY name"_s);
    QList<RoomRecord> result;
    while (query.next())
        result.append(roomFrom(query));
    return result;
}

std::optional<RoomRecord> Storage::roomByName(const QString &name) const
{
    return roomWhere(u"name"_s, name);
}

RoomRecord Storage::defaultRoom()
{
    if (auto room = roomByName(Protocol::DefaultRoom))
        return *room;
    if (auto made =
            createRoom(Protocol::DefaultRoom, u"Markets, and everything else"_s, std::nullopt))
        return *made;
    // Another server on the same database made it meanwhile (both starting at once).
    if (auto room = roomByName(Protocol::DefaultRoom))
        return *room;
    throw StorageError("the default room could not be made");
}

std::optional<UserRecord> Storage::createPerson(const QString &username, const QString &displayName,
                                                const QString &passwordHash)
{
    const auto id = createUser(username, displayName, passwordHash);
    if (!id)
        return std::nullopt;
    addMember(defaultRoom().id, *id);
    return userById(*id);
}

std::optional<RoomRecord> Storage::roomById(qint64 roomId) const
{
    return roomWhere(u"id"_s, roomId);
}

std::optional<RoomRecord> Storage::roomWhere(const QString &column, const QVariant &value) const
{
    QSqlQuery query =
        run(u"SELECT id, name, topic, created_at, direct FROM rooms WHERE %1 = ?"_s.arg(column),
            {value});
    if (!query.next())
        return std::nullopt;
    return roomFrom(query);
}

std::optional<Storage::Opened> Storage::openDirect(QList<qint64> memberIds, qint64 openerId,
                                                   bool mayCreate)
{
    std::sort(memberIds.begin(), memberIds.end());
    memberIds.erase(std::unique(memberIds.begin(), memberIds.end()), memberIds.end());
    QStringList ids;
    for (qint64 id : std::as_const(memberIds))
        ids.append(QString::number(id));
    const QString name = u"dm:"_s + ids.join(u'-');
    if (auto existing = roomByName(name))
        return Opened{*existing, false};
    if (!mayCreate)
        return std::nullopt;
    const std::optional<RoomRecord> room = createRoom(name, {}, openerId, true);
    if (!room) { // another server made it meanwhile, for someone else of them
        if (auto existing = roomByName(name))
            return Opened{*existing, false};
        throw StorageError("a direct conversation could not be made");
    }
    for (qint64 id : std::as_const(memberIds))
        addMember(room->id, id);
    return Opened{*room, true};
}

std::optional<RoomRecord> Storage::createRoom(const QString &name, const QString &topic,
                                              std::optional<qint64> creatorId, bool direct)
{
    const qint64 now = nowMs();
    QSqlQuery query =
        run(u"INSERT INTO rooms (name, topic, created_by, created_at, direct) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING id"_s,
            {name, topic.isNull() ? u""_s : topic, // a null QString would bind as SQL NULL
             orNull(creatorId), now, direct ? 1 : 0});
    if (!query.next())
        return std::nullopt;
    return RoomRecord{query.value(0).toLongLong(), name, topic, now, direct};
}

bool Storage::isMember(qint64 roomId, qint64 userId) const
{
    return run(u"SELECT 1 FROM memberships WHERE room_id = ? AND user_id = ?"_s, {roomId, userId})
        .next();
}

RoomsSnapshot Storage::roomsSnapshot() const
{
    return {rooms(), memberships(), activeMutes()};
}

void Storage::renameRoom(qint64 roomId, const QString &name)
{
    run(u"UPDATE rooms SET name = ? WHERE id = ?"_s, {name, roomId});
}

qint64 Storage::deleteRoom(qint64 roomId)
{
    QSqlQuery count = run(u"SELECT count(*) FROM messages WHERE room_id = ?"_s, {roomId});
    const qint64 messages = count.next() ? count.value(0).toLongLong() : 0;
    count.finish();
    run(u"DELETE FROM rooms WHERE id = ?"_s, {roomId}); // the rest goes with it (ON DELETE CASCADE)
    return messages;
}

bool Storage::addMember(qint64 roomId, qint64 userId)
{
    return run(u"INSERT INTO memberships (room_id, user_id, joined_at) VALUES (?, ?, ?) "
               "ON CONFLICT DO NOTHING"_s,
               {roomId, userId, nowMs()})
               .numRowsAffected() == 1;
}

bool Storage::removeMember(qint64 roomId, qint64 userId)
{
    return run(u"DELETE FROM memberships WHERE room_id = ? AND user_id = ?"_s, {roomId, userId})
               .numRowsAffected() == 1;
}

QList<std::pair<qint64, qint64>> Storage::memberships() const
{
    QSqlQuery query = run(u"SELECT room_id, user_id FROM memberships"_s);
    QList<std::pair<qint64, qint64>> result;
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toLongLong()});
    return result;
}

QList<Author> Storage::roomMembers(qint64 roomId) const
{
    QSqlQuery query =
        run(u"SELECT u.id, u.username, u.display_name, u.is_bot, u.role FROM memberships m "
            "JOIN users u ON u.id = m.user_id WHERE m.room_id = ? ORDER BY u.username"_s,
            {roomId});
    QList<Author> result;
    while (query.next()) {
        result.append({query.value(0).toLongLong(), query.value(1).toString(),
                       query.value(2).toString(), query.value(3).toBool(),
                       roleFrom(query.value(4))});
    }
    return result;
}

qint64 Storage::nextMessageTimestamp()
{
    // History is ordered by id; keeping timestamps monotonic makes that the same order as
    // by time, even when the wall clock steps back.
    m_lastMessageTimestamp = std::max(nowMs(), m_lastMessageTimestamp);
    return m_lastMessageTimestamp;
}

std::optional<MessageRecord> Storage::messageByNonce(qint64 userId, const QString &nonce) const
{
    QSqlQuery query = run(u"SELECT "_s + MessageColumns + u"WHERE m.user_id = ? AND m.nonce = ?"_s,
                          {userId, nonce});
    if (!query.next())
        return std::nullopt;
    return messageFromRow(query);
}

Storage::Inserted Storage::insertMessage(qint64 roomId, const Author &author, const QString &body,
                                         const QString &nonce, std::optional<qint64> replyTo)
{
    if (!nonce.isEmpty()) {
        if (auto original = messageByNonce(author.id, nonce))
            return {*original, true};
    }
    const qint64 timestamp = nextMessageTimestamp();
    QSqlQuery query =
        run(u"INSERT INTO messages (room_id, user_id, body, created_at, nonce, reply_to) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (user_id, nonce) WHERE nonce IS NOT NULL DO NOTHING RETURNING id"_s,
            {roomId, author.id, body, timestamp,
             orNull(nonce.isEmpty() ? std::nullopt : std::optional(nonce)), orNull(replyTo)});
    if (!query.next()) {
        // Stored meanwhile by another server (a client that moved and sent again): the
        // conflict waited for that one's commit, so it is there to read now.
        query.finish();
        if (auto original = nonce.isEmpty() ? std::nullopt : messageByNonce(author.id, nonce))
            return {*original, true};
        throw StorageError("insert returned no id");
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish(); // a RETURNING statement completes only once its rows are consumed
    if (replyTo)    // with the quote of the message it answers, as a read shows it
        return {messageById(id).value(), false};
    return {{.id = id,
             .roomId = roomId,
             .username = author.username,
             .displayName = author.displayName,
             .fromBot = author.isBot,
             .body = body,
             .timestamp = timestamp,
             .nonce = nonce,
             .authorId = author.id},
            false};
}

QList<MessageRecord> Storage::messagesBefore(qint64 roomId, std::optional<qint64> beforeId,
                                             int limit) const
{
    QSqlQuery query = run(u"SELECT "_s + MessageColumns +
                              u"WHERE m.room_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?"_s,
                          {roomId, beforeId.value_or(std::numeric_limits<qint64>::max()), limit});
    QList<MessageRecord> newestFirst;
    while (query.next())
        newestFirst.append(messageFromRow(query));
    return {newestFirst.crbegin(), newestFirst.crend()};
}

QList<MessageRecord> Storage::messagesAfter(qint64 roomId, qint64 afterId, int limit) const
{
    QSqlQuery query = run(u"SELECT "_s + MessageColumns +
                              u"WHERE m.room_id = ? AND m.id > ? ORDER BY m.id LIMIT ?"_s,
                          {roomId, afterId, limit});
    QList<MessageRecord> oldestFirst;
    while (query.next())
        oldestFirst.append(messageFromRow(query));
    return oldestFirst;
}

QList<Storage::Found> Storage::searchMessages(qint64 userId, const QStringList &words,
                                              std::optional<qint64> roomId, int offset,
                                              int limit) const
{
    // Only in rooms the user is in now; tombstones have no words left to find. The text
    // comes back with each match between MatchStart and MatchEnd.
    const QString marks = QString(QChar(MatchStart)) + QChar(MatchEnd);
    const QString inRoom = u"AND (CAST(? AS BIGINT) IS NULL OR m.room_id = ?) "_s;
    const QString member = u"JOIN memberships mb ON mb.room_id = m.room_id AND mb.user_id = ? "_s;
    QSqlQuery query =
        m_engine == Engine::Sqlite
            ? run(u"SELECT "_s + MessageSelect +
                      u", highlight(messages_fts, 0, ?, ?) "
                      "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "_s +
                      MessageJoins + member +
                      u"WHERE messages_fts MATCH ? AND m.deleted_at IS NULL "_s + inRoom +
                      u"ORDER BY messages_fts.rank, m.id DESC LIMIT ? OFFSET ?"_s,
                  {marks.left(1), marks.right(1), userId, SearchQuery::fts5Match(words),
                   orNull(roomId), orNull(roomId), limit, offset})
            // HighlightAll: the whole text, not fragments of it.
            : run(u"SELECT "_s + MessageSelect +
                      u", ts_headline('finchat_words', m.body, found, ?) "
                      "FROM to_tsquery('finchat_words', ?) found JOIN messages m ON m.words @@ found "_s +
                      MessageJoins + member + u"WHERE m.deleted_at IS NULL "_s + inRoom +
                      u"ORDER BY ts_rank(m.words, found) DESC, m.id DESC LIMIT ? OFFSET ?"_s,
                  {u"StartSel=%1, StopSel=%2, HighlightAll=true"_s.arg(marks.left(1),
                                                                       marks.right(1)),
                   SearchQuery::tsQuery(words), userId, orNull(roomId), orNull(roomId), limit,
                   offset});
    QList<Found> found;
    while (query.next()) {
        Found hit{messageFromRow(query), {}};
        auto [text, matches] = unmarked(query.value(16).toString());
        // The index's copy of the text is the stored one; should they differ, the stored
        // text is shown and the marks dropped.
        if (text == hit.message.body)
            hit.matches = std::move(matches);
        found.append(std::move(hit));
    }
    return found;
}

std::optional<MessageRecord> Storage::messageById(qint64 messageId) const
{
    QSqlQuery query = run(u"SELECT "_s + MessageColumns + u"WHERE m.id = ?"_s, {messageId});
    if (!query.next())
        return std::nullopt;
    return messageFromRow(query);
}

bool Storage::editMessage(qint64 messageId, const QString &body)
{
    return run(u"UPDATE messages SET body = ?, edited_at = ? "
               "WHERE id = ? AND deleted_at IS NULL AND body != ?"_s,
               {body, nowMs(), messageId, body})
               .numRowsAffected() == 1;
}

bool Storage::deleteMessage(qint64 messageId, qint64 deletedBy)
{
    return run(u"UPDATE messages SET body = '', deleted_at = ?, deleted_by = ? "
               "WHERE id = ? AND deleted_at IS NULL"_s,
               {nowMs(), deletedBy, messageId})
               .numRowsAffected() == 1;
}

void Storage::setMute(const MuteRecord &mute, qint64 mutedBy)
{
    run(u"INSERT INTO room_mutes (room_id, user_id, until, muted_by) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (room_id, user_id) DO UPDATE SET until = excluded.until, "
        "muted_by = excluded.muted_by"_s,
        {mute.roomId, mute.userId, mute.until, mutedBy});
}

bool Storage::liftMute(qint64 roomId, qint64 userId)
{
    return run(u"DELETE FROM room_mutes WHERE room_id = ? AND user_id = ? AND until > ?"_s,
               {roomId, userId, nowMs()})
               .numRowsAffected() == 1;
}

QList<MuteRecord> Storage::activeMutes() const
{
    QSqlQuery query =
        run(u"SELECT room_id, user_id, until FROM room_mutes WHERE until > ?"_s, {nowMs()});
    QList<MuteRecord> mutes;
    while (query.next())
        mutes.append({query.value(0).toLongLong(), query.value(1).toLongLong(),
                      query.value(2).toLongLong()});
    return mutes;
}

namespace {
constexpr auto MotdSetting = "motd";
constexpr auto EditMinutesSetting = "edit_minutes";
} // namespace

SiteSettingsRecord Storage::siteSettings() const
{
    SiteSettingsRecord settings;
    QSqlQuery query = run(u"SELECT name, value FROM site_settings"_s);
    while (query.next()) {
        const QString name = query.value(0).toString();
        if (name == QLatin1StringView(MotdSetting))
            settings.motd = query.value(1).toString();
        else if (name == QLatin1StringView(EditMinutesSetting))
            settings.editMinutes =
                std::clamp(query.value(1).toLongLong(), qint64(0), Protocol::MaxEditMinutes);
    }
    return settings;
}

void Storage::setSiteSettings(const SiteSettingsRecord &settings)
{
    const QString upsert = u"INSERT INTO site_settings (name, value) VALUES (?, ?) "
                           "ON CONFLICT (name) DO UPDATE SET value = excluded.value"_s;
    run(upsert, {QString::fromLatin1(MotdSetting), settings.motd});
    run(upsert, {QString::fromLatin1(EditMinutesSetting), QString::number(settings.editMinutes)});
}

void Storage::setBio(qint64 userId, const QString &bio)
{
    run(u"UPDATE users SET bio = ? WHERE id = ?"_s, {bio, userId});
}

} // namespace FinChat
