#pragma once

#include "core/chatserver.h"
#include "startup/serverconfig.h"
#include "storage/storagethread.h"
#include "testdatabase.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace FinChat::Testing {

class TestClient;

// A real ChatServer on a loopback port over a real database of its own (TestDatabase: a
// SQLite file, or a PostgreSQL database under tests/postgresql/with-cluster.sh), over TLS with
// TestCertificate unless the configuration says plaintext or names another.
class TestServer
{
public:
    // Limits high enough that fixtures can send many messages quickly; the limits
    // themselves have their own tests.
    static ServerLimits generousLimits();
    // A server that makes its own self-signed certificate in folder, as finchat-server does
    // at its first start; nothing in the test process trusts it.
    static ServerConfig makingItsOwnCertificateIn(const QTemporaryDir &folder);
    // A server with the real stock bot (the plugin as built) asking `stooq` for quotes, with
    // these of its settings besides (and over) stooq_url. Tests using it depend on the
    // stockbot target.
    static ServerConfig withStockBot(const QUrl &stooq, const QVariantMap &settings = {});

    explicit TestServer(ServerLimits limits = {});
    // Listen address and port are always loopback and a free port.
    explicit TestServer(ServerConfig config);
    // A server on another's database: on PostgreSQL, the two serve one chat.
    TestServer(ServerConfig config, std::shared_ptr<TestDatabase> database);
    ~TestServer();

    // Stops the server and starts a new one on the same database file and port, as an
    // admin restarting it would.
    void restart();
    void stop();
    // Starts again after stop(), on the same file and port.
    void start();

    QUrl url() const;
    // The SQLite file; empty on PostgreSQL.
    QString databasePath() const;
    const TestDatabase &database() const { return *m_database; }
    std::shared_ptr<TestDatabase> sharedDatabase() const { return m_database; }
    // Rows in the messages table, read through a separate connection to the database.
    int storedMessageCount() const;
    // A bot account and its token, as `finchat-server bot add NAME DISPLAY` makes them: the
    // token, or empty when a person has the name.
    QString botToken(const QString &name, const QString &displayName);
    // A person's account made on the database, as `finchat-server user add` does (the first
    // is the admin), with the tests' usual password: for servers that make no accounts over
    // the protocol.
    void addPerson(const QString &username);
    // The same, written to `file` as finchat-botrunner and the example bots read it.
    bool writeBotToken(const QString &name, const QString &displayName, const QString &file);

    ChatServer &server() { return *m_server; }
    StorageThread &storage() { return *m_storage; }

private:
    std::shared_ptr<TestDatabase> m_database;
    ServerConfig m_config;
    std::unique_ptr<StorageThread> m_storage;
    std::unique_ptr<ChatServer> m_server;
};

// Each client connected to the server, registered and logged in under its name, in order
// (the first is the server's admin).
bool connectAll(const TestServer &server,
                std::initializer_list<std::pair<TestClient *, QString>> people);

} // namespace FinChat::Testing
