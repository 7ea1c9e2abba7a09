#pragma once

#include "finchat/protocol.h"
#include "storage/databaselocation.h"

#include <QHostAddress>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <chrono>
#include <optional>

namespace FinChat {

// Every bound the server enforces, with the defaults docs/protocol.md documents.
struct ServerLimits
{
    qsizetype maxBodyLength = 4000;                 // code points per message body
    qint64 maxIncomingMessageBytes = 64 * 1024;     // frame and message; beyond it: close 1009
    std::chrono::milliseconds loginTimeout{30'000}; // before login or resume
    int failedLoginsPerMinute = 5;                  // per username and address
    int pendingHashesPerAddress = 8; // password checks waiting or running, per address ...
    int pendingHashes = 64;          // ... and in all; more are refused at once
    int registrationsPerHour = 30;   // new accounts per address
    int messageBurst = 20;           // message.send leaky bucket ...
    std::chrono::milliseconds messageWindow{10'000}; // ... drains this many per window
    int requestBurst = 200;                          // every request, same shape
    std::chrono::milliseconds requestWindow{10'000};
    int maxRequestsInFlight = 32; // per connection: waiting for storage or a hash
    int maxConnectionsPerAddress = 64;
    int maxConnections = 20'000;
    qint64 maxOutgoingBufferBytes = 16 * 1024 * 1024; // a client that stops reading is dropped
    int sessionLifetimeDays = 30;                     // since the token was last used
    qint64 sessionLifetimeMs() const { return sessionLifetimeDays * 24LL * 60 * 60 * 1000; }
    std::chrono::milliseconds botReplyTimeout{10'000}; // then the asker gets a notice
    // How often the tokens of connected bots are checked: one replaced with `finchat-server
    // bot token` ends its connections within this time.
    std::chrono::milliseconds botTokenCheckInterval{30'000};
    std::chrono::milliseconds priceCheckInterval{60'000}; // watchlists and price alerts
    // Servers on one PostgreSQL database tell one another they are there this often; one
    // silent for three of them is taken for gone (ClusterBus).
    std::chrono::milliseconds clusterHeartbeat{5'000};
};

// What an acknowledgement promises about a stored message (docs/protocol.md).
enum class Durability
{
    Full,   // on disk (fsync) before the acknowledgement: survives a power loss
    Normal, // in the database before it: survives the server crashing, not a power loss
};

// How connections are encrypted (docs/protocol.md, README "Certificates").
struct TlsSettings
{
    bool plaintext = false;  // [server] plaintext = true: ws:// instead of wss://
    QString certificateFile; // [tls] certificate: PEM, the server's first, then its chain
    QString keyFile;         // [tls] key: its unencrypted PEM private key
    QString generatedFolder; // neither set: the self-signed pair is made and kept here
};

// The wildcard address, in any family: listening on every interface.
inline bool isAnyAddress(const QHostAddress &address)
{
    return address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
           address == QHostAddress::AnyIPv6;
}

// Announcing the server on the local network, for the app's connect dialog (LanAnnouncer).
struct LanAnnouncement
{
    bool enabled = false; // [server] announce; finchat-server turns it on unless on loopback
    QList<QHostAddress> targets{QHostAddress::Broadcast};
    quint16 port = Protocol::DiscoveryPort;
};

// Who may make an account over the protocol (docs/protocol.md, "register").
enum class Registration
{
    Open,   // anyone who can reach the server
    Invite, // with an invite code an admin made
    Closed, // nobody: accounts are made with finchat-server user add
};

// The Prometheus endpoint (MetricsEndpoint): off unless a port is configured.
struct MetricsSettings
{
    QHostAddress address = QHostAddress::LocalHost; // [metrics] listen
    std::optional<quint16> port;                    // [metrics] port; 0: any free port
};

struct ServerConfig
{
    static constexpr quint16 DefaultPort = Protocol::DefaultPort;

    QHostAddress listenAddress = QHostAddress::Any;
    quint16 port = DefaultPort;
    // Load balancers whose X-Forwarded-For names the client ([server] trusted_proxies).
    QList<std::pair<QHostAddress, int>> trustedProxies;
    // A SQLite file (finchat.db in the per-user data folder) or a PostgreSQL database.
    DatabaseLocation database;
    Durability durability = Durability::Full;
    Registration registration = Registration::Open; // [server] registration
    QStringList pluginDirs;                         // searched in order for bot plugins
    QMap<QString, QVariantMap> botSettings;         // [bot.<name>] sections, by bot name
    TlsSettings tls;
    LanAnnouncement announce;
    MetricsSettings metrics;
    ServerLimits limits;
};

} // namespace FinChat
