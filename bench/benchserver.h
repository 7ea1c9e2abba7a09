#pragma once

#include "dialect.h"
#include "storage/databaselocation.h"

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantMap>

#include <memory>

namespace FinChat {
class Storage;
}

namespace FinChat::Bench {

// A real finchat-server on loopback over a scratch database that the benchmark fills
// beforehand (accounts with login tokens, rooms, history), so that setting up thousands of
// users costs no password hashing. Limits are raised so that they do not shape the figures.
// How the server under test is set up, from the command line.
struct ServerSetup
{
    ServerKind kind = ServerKind::FinChat;
    // finchat-server, the reference relay (ServerKind::FinChat), ngircd or nats-server.
    QString binary;
    QString durability = QStringLiteral("full"); // the server's [server] durability
    // Plain WebSocket instead of TLS: to measure what TLS costs, and to compare with a
    // server from before TLS.
    bool plaintext = false;
    // Empty: a SQLite file. Otherwise the URI of a PostgreSQL cluster's database on which the
    // benchmark may make (and afterwards drop) a database of its own for each run.
    QString postgresCluster;
    // Servers on the one database (more than one only on PostgreSQL).
    int servers = 1;
};

class BenchServer
{
public:
    struct Account
    {
        QString username;
        QString token;
    };

    explicit BenchServer(ServerSetup setup);
    ~BenchServer();

    // Before start():
    QList<Account> createAccounts(const QString &prefix, int count, const QStringList &rooms,
                                  const QString &passwordHash);
    void fillHistory(const QString &room, const QString &author, int count);
    void setBotSetting(const QString &key, const QString &value)
    {
        m_stockBotSettings.insert(key, value);
    }
    // The stock bot served by finchat-botrunner (beside the server's binary) instead of in the
    // server's process: a bot account and token for it, and the runner started with the
    // server. False when the account cannot be made.
    bool serveBotsFromRunner();

    const Dialect &dialect() const { return Dialect::of(m_setup.kind); }
    bool start(QString *error);
    void stop();
    // The first server's address, or the n-th's (modulo their number).
    QUrl url(int n = 0) const;
    qint64 pid() const { return m_process.processId(); }
    // Every server's process.
    QList<qint64> pids() const;
    const DatabaseLocation &database() const { return m_database; }

private:
    Storage &storage();
    QList<QProcess *> processes();
    qint64 roomId(const QString &name);
    void trustServerCertificates() const;
    bool startServer(QProcess &process, const QString &config, int n, QString *error);
    static DatabaseLocation newPostgresDatabase(const QString &cluster);
    bool startRunner(QString *error);
    // ngircd or nats-server, configured for the benchmark: no limits that shape the figures.
    bool startForeign(QString *error);

    ServerSetup m_setup;
    QTemporaryDir m_folder;
    std::unique_ptr<Storage> m_storage;
    QVariantMap m_stockBotSettings;
    DatabaseLocation m_database;
    QProcess m_process;                              // the first server
    std::vector<std::unique_ptr<QProcess>> m_others; // the others, on the same database
    QProcess m_runner;
    bool m_useRunner = false;
    QList<quint16> m_ports;
};

} // namespace FinChat::Bench
