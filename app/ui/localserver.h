#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace FinChat {
class ChatServer;
class StorageThread;
namespace Client {
class KnownServers;
}
} // namespace FinChat

namespace FinChat::Ui {

// A FinChat server hosted inside the app, for "Host a server on this computer": the same
// server library as finchat-server, its database in the app's data folder, the bundled bots
// loaded, listening on every interface so colleagues on the LAN can join, over TLS with a
// self-signed certificate that this app trusts for itself.
class LocalServer : public QObject
{
    Q_OBJECT

public:
    explicit LocalServer(QObject *parent = nullptr);
    ~LocalServer() override;

    // Listens on the preferred port, or on a free one when that is taken. False, with a
    // reason, when it cannot start at all.
    bool start(quint16 preferredPort, QString *error);
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    quint16 port() const;
    // How this computer is reached from here.
    QUrl localUrl() const;
    // localUrl(), with its certificate trusted in knownServers: this app made it.
    QUrl trustedLocalUrl(Client::KnownServers &knownServers) const;
    // "host:port" for each of this computer's LAN addresses, for telling colleagues.
    QStringList lanAddresses() const;
    QString databasePath() const;
    // People logged in to it now, this app's own user included when connected here.
    int onlineUserCount() const;
    // The SHA-256 fingerprint of its certificate, for colleagues to compare when their app
    // asks whether to trust it.
    QString fingerprint() const;

private:
    std::unique_ptr<StorageThread> m_storage;
    std::unique_ptr<ChatServer> m_server;
};

} // namespace FinChat::Ui
