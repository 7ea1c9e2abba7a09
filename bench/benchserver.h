#pragma once

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
    QString binary;
    QString durability = QStringLiteral("full"); // the server's [server] durability
    // Plain WebSocket instead of TLS: to measure what TLS costs, and to compare with a
    // server from before TLS.
    bool plaintext = false;
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

    bool start(QString *error);
    void stop();
    QUrl url() const;
    qint64 pid() const { return m_process.processId(); }
    QString databasePath() const { return m_folder.filePath(QStringLiteral("bench.db")); }

private:
    Storage &storage();
    qint64 roomId(const QString &name);
    void trustServerCertificate() const;
    bool startRunner(QString *error);

    ServerSetup m_setup;
    QTemporaryDir m_folder;
    std::unique_ptr<Storage> m_storage;
    QVariantMap m_stockBotSettings;
    QProcess m_process;
    QProcess m_runner;
    bool m_useRunner = false;
    quint16 m_port = 0;
};

} // namespace FinChat::Bench
