#pragma once

#include "cluster/clusterbus.h"
#include "startup/serverconfig.h"
#include "state/fanout.h"
#include "state/onlineusers.h"
#include "state/ratelimiter.h"
#include "state/ratesharing.h"
#include "state/roomdirectory.h"
#include "wire/clientconnection.h"
#include "wire/request.h"

#include "finchat/protocol/dispatcher.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QTimer>

#include <qcoro/qcorotask.h>

#include <memory>

class QWebSocketServer;

namespace FinChat {

class AccountService;
class BotGateway;
class BotHost;
class QuoteLookup;
class PriceChecker;
class WatchlistService;
class ClientConnection;
class CommandRouter;
class LanAnnouncer;
class MetricsEndpoint;
class Listener;
class Housekeeping;
class MessageService;
class ModerationService;
class PeopleService;
class DirectService;
class SearchService;
class SettingsService;
class RoomService;
class StatusService;
class StorageThread;

// The FinChat server: accepts WebSocket connections, enforces the connection limits, decodes
// request frames and routes each to its handler. Storage is opened by the caller, so the
// same server runs headless, inside the desktop app and inside tests.
class ChatServer : public QObject
{
    Q_OBJECT

public:
    // Throws StorageError when the database cannot be read at start, and
    // Tls::CertificateError when the certificate cannot be read or made.
    ChatServer(StorageThread &storage, ServerConfig config, QObject *parent = nullptr);
    ~ChatServer() override;

    bool listen();
    void close();
    QString errorString() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    // Where /metrics answers; 0 when it is off or could not listen.
    quint16 metricsPort() const { return m_metricsPort; }
    int connectionCount() const { return m_connectionCounter.total(); }
    // Users logged in on at least one connection.
    int onlineUserCount() const { return static_cast<int>(m_online.all().size()); }
    // wss:// unless the configuration asks for plaintext.
    bool isEncrypted() const { return !m_config.tls.plaintext; }
    // What clients are shown; null when plaintext.
    const QSslCertificate &certificate() const { return m_certificate; }
    // Reads the certificate files again (an administrator renewed them, or SIGHUP): new
    // connections get the new certificate, open ones keep theirs. On error the old one stays
    // and Tls::CertificateError says why.
    void reloadCertificate();
    const ServerConfig &configuration() const { return m_config; }
    // The configuration file was read again (SIGHUP): see ServerOptions::reloadTo. Returns the
    // settings that changed but wait for the next start. Open connections stay; new ones get
    // the new limits and hello.
    QStringList reconfigure(const ServerConfig &fresh);
    // Closes the connections whose session the command line ended (user passwd, user
    // disable): on SIGHUP, as the database is the only way the command line reaches a
    // running server.
    void closeEndedSessions();
    // Reads the rooms again (finchat-server room ... changed them) and tells everyone: on
    // SIGHUP, for the same reason.
    void reloadRooms();

    CommandRouter &commands();
    // What server.status answers, now.
    Protocol::ServerStatusOk status() const;
    // The bots: plugins loaded from the configured folders, and programs connected with a
    // bot account's token.
    BotHost *bots() const { return m_bots; }

private:
    // Every handler gets the typed request and its Request (connection and id) and returns
    // the typed reply, at once or as a coroutine when it waits for storage or a hash.
    using Dispatcher = Protocol::Dispatcher<QCoro::Task<QJsonObject>, Request>;
    enum class Access
    {
        Anyone,
        LoggedIn, // as a person
        Bot,      // as a bot, with bot.login
    };
    template<typename Service, typename Method>
    void route(Access access, Service *service, Method method);

    void addRoutes();
    void onNewConnection();
    void onTextReceived(ClientConnection *connection, const QString &text);
    void onClosed(ClientConnection *connection);
    void enforceOutgoingLimits();
    std::optional<Request> decode(ClientConnection *connection, const QString &text) const;
    Protocol::HelloOk hello(Request request, Protocol::Hello fields) const;
    Protocol::ServerHello serverHello() const;
    QCoro::Task<> finishAsync(Request request, QCoro::Task<QJsonObject> work,
                              std::optional<ClientConnection::InFlight> slot);
    void answer(const Request &request, QJsonObject reply) const;
    void answerError(const Request &request, const ProtocolError &error) const;

    StorageThread &m_storage;
    ServerConfig m_config;
    QWebSocketServer *m_server; // the WebSocket handshake, on what m_listener accepted
    Listener *m_listener;
    LanAnnouncer *m_announcer = nullptr;
    MetricsEndpoint *m_metrics = nullptr;
    quint16 m_metricsPort = 0;
    QSslCertificate m_certificate;
    OnlineUsers m_online;
    RoomDirectory m_rooms;
    Fanout m_fanout;
    RateSharing m_rates; // before the bus, which hands it the other servers' spending
    std::unique_ptr<ClusterBus> m_cluster; // before what it hooks into is gone
    ConnectionCounter m_connectionCounter;
    Housekeeping *m_housekeeping;
    std::unique_ptr<RoomService> m_roomService;
    std::unique_ptr<MessageService> m_messageService;
    std::unique_ptr<ModerationService> m_moderation;
    std::unique_ptr<StatusService> m_status;
    std::unique_ptr<PeopleService> m_people;
    std::unique_ptr<SettingsService> m_settings;
    std::unique_ptr<SearchService> m_search;
    std::unique_ptr<DirectService> m_direct;
    SiteSettingsRecord m_siteSettings; // what admins set, as stored
    qint64 m_startedAt = 0;            // UTC ms
    AccountService *m_accounts;        // a QObject child: its coroutines guard it with QPointer
    BotHost *m_bots = nullptr;
    BotGateway *m_botGateway = nullptr;
    QuoteLookup *m_quotes = nullptr;
    PriceChecker *m_prices = nullptr;
    WatchlistService *m_watchlists = nullptr;
    Dispatcher m_dispatcher;
    QSet<QString> m_public;    // request types that need no login
    QSet<QString> m_forBots;   // request types only a bot connection may send
    QSet<QString> m_immediate; // answered at once: they take no slot of the in-flight limit
    TextFrame m_hello;         // the first frame of every connection
    QTimer m_outgoingCheck;
};

} // namespace FinChat
