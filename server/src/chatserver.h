#pragma once

#include "clientconnection.h"
#include "fanout.h"
#include "onlineusers.h"
#include "ratelimiter.h"
#include "request.h"
#include "roomdirectory.h"
#include "serverconfig.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <qcoro/qcorotask.h>

#include <functional>
#include <memory>

class QWebSocketServer;

namespace FinChat {

class AccountService;
class BotHost;
class ClientConnection;
class CommandRouter;
class MessageService;
class RoomService;
class StorageThread;

// The FinChat server: accepts WebSocket connections, enforces the connection limits, decodes
// request frames and routes each to its handler. Storage is opened by the caller, so the
// same server runs headless, inside the desktop app and inside tests.
class ChatServer : public QObject
{
    Q_OBJECT

public:
    static constexpr auto DefaultRoom = "general";

    // Throws StorageError when the database cannot be read at start.
    ChatServer(StorageThread &storage, ServerConfig config, QObject *parent = nullptr);
    ~ChatServer() override;

    bool listen();
    void close();
    QString errorString() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    int connectionCount() const { return m_connectionCounter.total(); }

    CommandRouter &commands();
    // Null when the configuration names no plugin folder.
    BotHost *bots() const { return m_bots; }

private:
    // Handlers that need only memory answer at once; those that wait for storage or a
    // password hash are coroutines.
    using SyncHandler = std::function<QJsonObject(const Request &)>;
    using AsyncHandler = std::function<QCoro::Task<QJsonObject>(Request)>;
    struct Route
    {
        bool needsLogin = true;
        SyncHandler sync;
        AsyncHandler async;
    };

    void addRoutes();
    void onNewConnection();
    void onTextReceived(ClientConnection *connection, const QString &text);
    void onClosed(ClientConnection *connection);
    void enforceOutgoingLimits();
    std::optional<Request> decode(ClientConnection *connection, const QString &text) const;
    QJsonObject hello(const Request &request) const;
    QJsonObject serverHello() const;
    QCoro::Task<> finishAsync(Request request, QCoro::Task<QJsonObject> work,
                              ClientConnection::InFlight slot);
    void answer(const Request &request, const QJsonObject &reply) const;
    void answerError(const Request &request, const ProtocolError &error) const;

    void loadRooms();
    qint64 sessionLifetimeMs() const;
    QCoro::Task<> purgeIdleSessions();

    StorageThread &m_storage;
    ServerConfig m_config;
    QWebSocketServer *m_server;
    OnlineUsers m_online;
    RoomDirectory m_rooms;
    Fanout m_fanout;
    ConnectionCounter m_connectionCounter;
    std::unique_ptr<RoomService> m_roomService;
    std::unique_ptr<MessageService> m_messageService;
    AccountService *m_accounts; // a QObject child: its coroutines guard it with QPointer
    BotHost *m_bots = nullptr;
    QHash<QString, Route> m_routes;
    QTimer m_outgoingCheck;
    QTimer m_sessionPurge;
};

} // namespace FinChat
