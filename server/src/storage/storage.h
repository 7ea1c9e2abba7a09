#pragma once

#include "startup/serverconfig.h"
#include "storage/databaselocation.h"
#include "storage/records.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <type_traits>

class QSqlQuery;

namespace FinChat {

// A database failure the caller cannot fix; the server answers internal_error and goes on.
class StorageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Everything FinChat keeps, behind one class, on SQLite or PostgreSQL. The schemas live in
// numbered files under :/finchat/sql/<driver>/; the statements here are written in the SQL
// both understand, except where a comment says why not (search, transactions, backups).
//
// One Storage owns one connection and must be used from the thread that opened it.
class Storage
{
public:
    Storage();
    ~Storage();
    Storage(const Storage &) = delete;
    Storage &operator=(const Storage &) = delete;

    // Opens the database and brings its schema up to date: a SQLite file (made if needed) or
    // an existing PostgreSQL database (its tables made if needed).
    void open(const DatabaseLocation &location, Durability durability = Durability::Full);
    void openSqlite(const QString &path, Durability durability = Durability::Full);
    void openPostgres(const PostgresLocation &location, Durability durability = Durability::Full);
    bool isPostgres() const { return m_engine == Engine::Postgres; }

    // Runs work as one write transaction: all of it is stored, or none. Returns what work
    // returns.
    template<typename Work>
    auto inTransaction(Work &&work) -> std::invoke_result_t<Work>
    {
        begin();
        try {
            if constexpr (std::is_void_v<std::invoke_result_t<Work>>) {
                work();
                commit();
            } else {
                auto result = work();
                commit();
                return result;
            }
        } catch (...) {
            rollback();
            throw;
        }
    }
    void close();
    int schemaVersion() const;
    // PostgreSQL: when the connection no longer answers (PostgreSQL restarted, the network
    // broke), opens it again as it was opened and returns true; throws StorageError when it
    // cannot yet. SQLite: false.
    bool reopenIfLost();

    // Group commit, for StorageThread: many writes in one transaction, each in a savepoint
    // of its own, so that one failing write does not undo the others.
    void beginBatch();
    // Runs work, which returns false when it failed; a failed work's writes are undone. When
    // the database cannot do that (it lost the transaction, as SQLite may on a full disk),
    // the batch is broken and will not commit.
    template<typename Work>
    bool inSavepoint(Work &&work)
    {
        if (!tryStatement(QStringLiteral("SAVEPOINT write"))) {
            m_batchBroken = true;
            return false;
        }
        const bool succeeded = work();
        const bool settled = succeeded ? tryStatement(QStringLiteral("RELEASE write"))
                                       : tryStatement(QStringLiteral("ROLLBACK TO write")) &&
                                             tryStatement(QStringLiteral("RELEASE write"));
        m_batchBroken = m_batchBroken || !settled;
        return succeeded;
    }
    bool batchBroken() const { return m_batchBroken; }
    // Commits, or rolls back and throws StorageError: when the batch is broken, the commit
    // fails (a full disk), or the database file is no longer where it was opened (its folder
    // was removed: SQLite would go on writing to a file nobody can open again).
    void commitBatch();

    // A consistent copy of the whole database, taken while it is in use, written to a new
    // file; throws when the file exists or cannot be written.
    void backupTo(const QString &file) const;
    // Copies every row of this database into target, an empty database of FinChat's schema
    // (`finchat-server migrate`), ids included, in one transaction of target's, and checks
    // that each table then has as many rows in both: (table, rows) for each. Throws, having
    // copied nothing, when target is not empty or either schema is not the one it knows.
    QList<std::pair<QString, qint64>> copyEverythingTo(Storage &target) const;
    // Servers sharing a PostgreSQL database talk through it (ClusterBus): a message
    // published in a write reaches every connection that listens once the write commits, in
    // commit order, the same for every listener. One too long for a notification (8000
    // bytes) waits in a table for its readers, for a few minutes.
    void publish(const QByteArray &message);
    // This connection receives what is published, through receiver's thread's event loop.
    void listen(QObject *receiver, std::function<void(const QByteArray &)> onMessage);
    // What a PostgreSQL database takes on disk (pg_database_size), in bytes.
    qint64 postgresDatabaseBytes() const;

    // Users
    std::optional<UserRecord> userByName(const QString &username) const;
    std::optional<UserRecord> userById(qint64 id) const;
    // Every account, people and bots, by username.
    QList<UserRecord> users() const;
    // Up to limit accounts with a username after `after`, by username.
    QList<UserRecord> usersAfter(const QString &after, int limit) const;
    // nullopt when the username is taken. Without a role, the site's first person is its
    // admin and everyone after a member.
    std::optional<qint64> createUser(const QString &username, const QString &displayName,
                                     const QString &passwordHash,
                                     std::optional<Protocol::Role> role = std::nullopt);
    void setRole(qint64 userId, Protocol::Role role);
    // Disables (bans) or enables the account; false when it already was so. Disabling does
    // not end its sessions: callers do that in the same transaction.
    bool setDisabled(qint64 userId, bool disabled);
    // The bot account of this name, created or renamed as needed; nullopt when a person
    // already has the username.
    std::optional<Author> ensureBotUser(const QString &username, const QString &displayName);
    // Gives the bot account (created or renamed as ensureBotUser does) this token for
    // bot.login, replacing its previous one; nullopt when a person has the username.
    std::optional<Author> setBotToken(const QString &username, const QString &displayName,
                                      const QByteArray &tokenHash);
    // The bot whose token this is.
    std::optional<Author> botByToken(const QByteArray &tokenHash) const;
    // What a bot announced (JSON), kept for when it is away.
    void setBotCommands(qint64 botId, const QByteArray &commands);
    QList<AnnouncedBot> announcedBots() const;
    // Every bot account, by username, and whether it has a token (plugins loaded in the
    // server's own process need none).
    QList<BotAccount> botAccounts() const;
    void setDisplayName(qint64 userId, const QString &displayName);
    void setPasswordHash(qint64 userId, const QString &passwordHash);
    void setBio(qint64 userId, const QString &bio);

    // Sessions: only the SHA-256 of a token is stored.
    void createSession(const QByteArray &tokenHash, qint64 userId);
    // The user of a live session, refreshing its last use; nullopt when unknown or expired.
    std::optional<qint64> touchSession(const QByteArray &tokenHash, qint64 maxIdleMs);
    void deleteSession(const QByteArray &tokenHash);
    void deleteSessionsOfUser(qint64 userId);
    void deleteSessionsOfUserExcept(qint64 userId, const QByteArray &keptTokenHash);
    int deleteIdleSessions(qint64 maxIdleMs);
    // Which of these tokens still open a session: it exists and its account is enabled.
    QSet<QByteArray> liveSessions(const QList<QByteArray> &tokenHashes) const;

    // The audit log. An entry's time is now when it has none.
    void addAuditEntry(AuditRecord entry);
    // Up to limit entries with an id below beforeId (all when nullopt), newest first.
    QList<AuditRecord> auditEntries(std::optional<qint64> beforeId, int limit) const;

    // Invite codes, by the SHA-256 of their code (InviteCode::hash).
    InviteRecord createInvite(const QByteArray &codeHash, const std::optional<QString> &createdBy,
                              qint64 uses, std::optional<qint64> expiresAt);
    // Whether the code can make an account now: known, not used up, revoked or expired.
    bool inviteUsable(const QByteArray &codeHash) const;
    // Takes one use of the code; false when it is not usable.
    bool useInvite(const QByteArray &codeHash);
    // The usable invites, newest first.
    QList<InviteRecord> usableInvites() const;
    // Ends an invite; false when it was not usable.
    bool revokeInvite(qint64 inviteId);

    // Rooms and memberships
    QList<RoomRecord> rooms() const;
    std::optional<RoomRecord> roomByName(const QString &name) const;
    std::optional<RoomRecord> roomById(qint64 roomId) const;
    // The room every new account joins (Protocol::DefaultRoom), made if it is not there.
    RoomRecord defaultRoom();
    // A person's account, in the default room, however it is made (register, or
    // finchat-server user add); nullopt when the name is taken.
    std::optional<UserRecord> createPerson(const QString &username, const QString &displayName,
                                           const QString &passwordHash);
    // direct: a direct conversation's room (openDirect makes those).
    std::optional<RoomRecord> createRoom(const QString &name, const QString &topic,
                                         std::optional<qint64> creatorId, bool direct = false);
    // The direct conversation of exactly these people (the opener among them), made with
    // them as its members if it is new and mayCreate; nullopt when it would be new but may
    // not be made.
    struct Opened
    {
        RoomRecord room;
        bool created = false;
    };
    std::optional<Opened> openDirect(QList<qint64> memberIds, qint64 openerId, bool mayCreate);
    // Who made the room; nullopt when nobody (the server) did or they are gone.
    std::optional<qint64> roomCreator(qint64 roomId) const;
    void setRoomTopic(qint64 roomId, const QString &topic);
    void renameRoom(qint64 roomId, const QString &name);
    // Deletes the room with its memberships, mutes and messages; how many messages went.
    qint64 deleteRoom(qint64 roomId);
    // true when the user was not a member before.
    bool addMember(qint64 roomId, qint64 userId);
    // true when the user was a member.
    bool removeMember(qint64 roomId, qint64 userId);
    bool isMember(qint64 roomId, qint64 userId) const;
    QList<std::pair<qint64, qint64>> memberships() const; // (room id, user id)
    RoomsSnapshot roomsSnapshot() const;
    QList<Author> roomMembers(qint64 roomId) const;

    // Messages
    struct Inserted
    {
        MessageRecord message;
        bool duplicate = false; // the nonce was seen before; message is the original
    };
    // replyTo: a message of the same room (the caller checks), quoted in what is returned.
    Inserted insertMessage(qint64 roomId, const Author &author, const QString &body,
                           const QString &nonce, std::optional<qint64> replyTo = std::nullopt);
    // Up to limit messages of the room with an id below beforeId (all when nullopt), oldest
    // first.
    QList<MessageRecord> messagesBefore(qint64 roomId, std::optional<qint64> beforeId,
                                        int limit) const;
    // Up to limit messages of the room with an id above afterId, oldest first.
    QList<MessageRecord> messagesAfter(qint64 roomId, qint64 afterId, int limit) const;
    // Full-text search (message.search) of the rooms the user is in, or of one of them: the
    // best matches first, skipping `offset` of them. A message matches when it holds every
    // one of the words (SearchQuery::words of what people type), each as the start of a word.
    struct Found
    {
        MessageRecord message;
        QList<std::pair<qsizetype, qsizetype>> matches; // (start, length) in its body
    };
    QList<Found> searchMessages(qint64 userId, const QStringList &words,
                                std::optional<qint64> roomId, int offset, int limit) const;
    std::optional<MessageRecord> messageById(qint64 messageId) const;
    // What the user sent with this nonce.
    std::optional<MessageRecord> messageByNonce(qint64 userId, const QString &nonce) const;
    // Gives the message a new text, marked edited now; false when it is a tombstone or
    // already says exactly that.
    bool editMessage(qint64 messageId, const QString &body);
    // Makes the message a tombstone: its text is gone, its place stays. false when it
    // already was one.
    bool deleteMessage(qint64 messageId, qint64 deletedBy);

    // The site's settings (settings.update); defaults for those never set.
    SiteSettingsRecord siteSettings() const;
    void setSiteSettings(const SiteSettingsRecord &settings);

    // Mutes (room.mute): the user may not post in the room until `until`.
    void setMute(const MuteRecord &mute, qint64 mutedBy);
    // false when the user was not muted there (or the mute had run out).
    bool liftMute(qint64 roomId, qint64 userId);
    // The mutes that have not run out.
    QList<MuteRecord> activeMutes() const;

    // Watchlists and price alerts (storage/marketstorage.cpp).
    enum class Listing
    {
        Added,
        AlreadyListed,
        Full, // the user watches maxCodes codes already
    };
    Listing addWatched(qint64 userId, const QString &code, int maxCodes);
    bool removeWatched(qint64 userId, const QString &code);
    // nullopt when the user has maxArmed armed alerts already.
    std::optional<AlertRecord> addAlert(const AlertRecord &alert, int maxArmed);
    bool removeAlert(qint64 userId, qint64 alertId);
    WatchlistRecord watchlistOf(qint64 userId) const;
    // Every armed alert, up to limit, oldest first.
    QList<AlertRecord> armedAlerts(int limit) const;
    // (user id, code) for each code these users watch.
    QList<std::pair<qint64, QString>> watchedBy(const QList<qint64> &userIds) const;
    // Marks the alert fired at this price and returns when, unless it fired already or is
    // gone (then nullopt: an alert fires once however often it is checked). Keeps the
    // owner's keptFired newest fired alerts and drops older ones.
    std::optional<qint64> fireAlert(qint64 alertId, double price, int keptFired);

private:
    static AlertRecord alertFrom(const QSqlQuery &query);
    enum class Engine
    {
        Sqlite,
        Postgres,
    };
    void configureSqliteConnection(Durability durability);
    void loadLastMessageTimestamp();
    void migrate(const QString &driverFolder);
    void applySchemaFile(int version, const QString &path);
    QSqlQuery prepare(const QString &sql) const;
    void exec(QSqlQuery &query) const;
    // Prepares sql, binds values to its '?' in order, runs it; throws StorageError.
    QSqlQuery run(const QString &sql, std::initializer_list<QVariant> values = {}) const;
    void execStatement(const QString &sql);
    bool tryStatement(const QString &sql) noexcept;
    void begin();
    void commit();
    void rollback() noexcept;
    std::optional<UserRecord> userWhere(const QString &column, const QVariant &value) const;
    std::optional<RoomRecord> roomWhere(const QString &column, const QVariant &value) const;
    qint64 nextMessageTimestamp();
    std::optional<QByteArray> longBusMessage(qint64 id) const;
    QStringList tableNames() const; // FinChat's, without schema_version and search indexes
    qint64 rowCount(const QString &table) const;

    QString m_connectionName;
    Engine m_engine = Engine::Sqlite;
    QString m_path; // SQLite's file
    PostgresLocation m_postgres;
    Durability m_durability = Durability::Full;
    QSqlDatabase m_db;
    bool m_batchBroken = false;
    qint64 m_lastMessageTimestamp = 0;
};

} // namespace FinChat
