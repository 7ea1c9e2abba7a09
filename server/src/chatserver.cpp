#include "chatserver.h"

#include "accountservice.h"
#include "bothost.h"
#include "clientconnection.h"
#include "messageservice.h"
#include "roomservice.h"
#include "storagethread.h"

#include "finchat/protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QPointer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;
namespace Type = Protocol::Type;

Q_LOGGING_CATEGORY(lcServer, "finchat.server")

namespace {

constexpr int MaxPendingConnections = 1024;
// How often every connection's unsent bytes are checked besides on each send: Qt answers a
// client's pings by itself, so a client that pings and never reads is only seen here.
constexpr std::chrono::milliseconds OutgoingCheckInterval{100};
// Sessions idle past their lifetime are refused anyway; this keeps the table from growing.
constexpr std::chrono::hours SessionPurgeInterval{1};
constexpr qsizetype MaxIdLength = 64;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

ProtocolError internalError(const char *what)
{
    qCWarning(lcServer) << "request failed:" << what;
    return {ErrorCode::InternalError,
            u"the server could not complete the request; it was not applied"_s};
}

bool isValidId(const QJsonValue &id)
{
    if (id.isUndefined())
        return true;
    if (id.isString())
        return id.toString().size() <= MaxIdLength && id.toString().isValidUtf16();
    const double number = id.toDouble(0.5);
    return id.isDouble() && number == std::floor(number) && std::abs(number) < 9.0e15;
}

} // namespace

ChatServer::ChatServer(StorageThread &storage, ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_config(std::move(config))
    , m_server(new QWebSocketServer(u"FinChat/%1"_s.arg(QStringLiteral(FINCHAT_VERSION_STRING)),
                                    QWebSocketServer::NonSecureMode, this))
    , m_fanout(m_online, m_rooms)
    , m_connectionCounter(m_config.limits.maxConnectionsPerAddress, m_config.limits.maxConnections)
{
    const ServerContext context{m_storage, m_config.limits, m_online, m_rooms, m_fanout, *this};
    m_roomService = std::make_unique<RoomService>(context);
    m_messageService = std::make_unique<MessageService>(context, *m_roomService);
    m_accounts = new AccountService(context, this);
    loadRooms();

    m_server->setMaxPendingConnections(MaxPendingConnections);
    m_server->setHandshakeTimeout(std::chrono::milliseconds(m_config.limits.loginTimeout));
    connect(m_server, &QWebSocketServer::newConnection, this, &ChatServer::onNewConnection);
    addRoutes();
    m_sessionPurge.setInterval(SessionPurgeInterval);
    connect(&m_sessionPurge, &QTimer::timeout, this, &ChatServer::purgeIdleSessions);
    m_sessionPurge.start();
    m_outgoingCheck.setInterval(OutgoingCheckInterval);
    connect(&m_outgoingCheck, &QTimer::timeout, this, &ChatServer::enforceOutgoingLimits);

    if (!m_config.pluginDirs.isEmpty()) {
        m_bots = new BotHost(m_storage, m_fanout, m_config.botSettings,
                             m_config.limits.botReplyTimeout, this);
        m_bots->loadFrom(m_config.pluginDirs);
        commands().setBackend(m_bots);
    }
}

ChatServer::~ChatServer()
{
    close();
}

void ChatServer::loadRooms()
{
    // Start-up is the one place that waits for storage: nothing is served yet.
    const auto [rooms, memberships] = m_storage.blocking([this](Storage &storage) {
        if (!storage.roomByName(QLatin1StringView(DefaultRoom)))
            storage.createRoom(QLatin1StringView(DefaultRoom), u"Markets, and everything else"_s,
                               std::nullopt);
        storage.deleteIdleSessions(sessionLifetimeMs());
        return std::pair(storage.rooms(), storage.memberships());
    });
    m_rooms.load(rooms, memberships);
}

qint64 ChatServer::sessionLifetimeMs() const
{
    return m_config.limits.sessionLifetimeDays * 24LL * 60 * 60 * 1000;
}

QCoro::Task<> ChatServer::purgeIdleSessions()
{
    auto purging = m_storage.write(this, [maxIdleMs = sessionLifetimeMs()](Storage &storage) {
        return storage.deleteIdleSessions(maxIdleMs);
    });
    try {
        co_await purging;
    } catch (const std::exception &error) {
        qCWarning(lcServer) << "could not purge idle sessions:" << error.what();
    }
}

CommandRouter &ChatServer::commands()
{
    return m_messageService->commands();
}

void ChatServer::addRoutes()
{
    const auto sync = [](bool needsLogin, auto method, auto *service) {
        return Route{
            needsLogin, [method, service](const Request &r) { return (service->*method)(r); }, {}};
    };
    // The lambda only calls the member coroutine and hands back its task; it is no coroutine
    // itself (GCC 12 miscompiles member pointers passed into a coroutine).
    const auto async = [](bool needsLogin, auto method, auto *service) {
        return Route{needsLogin, {}, [method, service](Request r) {
                         return (service->*method)(std::move(r));
                     }};
    };
    RoomService *rooms = m_roomService.get();
    m_routes = {
        {Type::Hello, Route{false, [this](const Request &r) { return hello(r); }, {}}},
        {Type::Register, async(false, &AccountService::registerUser, m_accounts)},
        {Type::Login, async(false, &AccountService::login, m_accounts)},
        {Type::Resume, async(false, &AccountService::resume, m_accounts)},
        {Type::Logout, async(true, &AccountService::logout, m_accounts)},
        {Type::ProfileGet, async(true, &AccountService::profile, m_accounts)},
        {Type::ProfileUpdate, async(true, &AccountService::updateProfile, m_accounts)},
        {Type::RoomsList, sync(true, &RoomService::list, rooms)},
        {Type::RoomCreate, async(true, &RoomService::create, rooms)},
        {Type::RoomJoin, async(true, &RoomService::join, rooms)},
        {Type::RoomLeave, async(true, &RoomService::leave, rooms)},
        {Type::HistoryFetch, async(true, &RoomService::history, rooms)},
        {Type::MessageSend, async(true, &MessageService::send, m_messageService.get())},
        {Type::CommandsList, sync(true, &CommandRouter::list, &commands())},
    };
}

bool ChatServer::listen()
{
    return m_server->listen(m_config.listenAddress, m_config.port);
}

void ChatServer::close()
{
    m_server->close();
    m_accounts->stop();
    const auto connections = findChildren<ClientConnection *>(Qt::FindDirectChildrenOnly);
    for (ClientConnection *connection : connections) {
        onClosed(connection); // first, so that the close below is not counted twice
        connection->closeWith(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
    }
}

QString ChatServer::errorString() const
{
    return m_server->errorString();
}

QHostAddress ChatServer::serverAddress() const
{
    return m_server->serverAddress();
}

quint16 ChatServer::serverPort() const
{
    return m_server->serverPort();
}

void ChatServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new ClientConnection(socket, m_config.limits, this);
        if (!m_connectionCounter.tryAdd(connection->peerAddress())) {
            connection->send(Protocol::makeError(
                ErrorCode::TooManyConnections, u"too many connections; close another one first"_s));
            connection->closeWith(QWebSocketProtocol::CloseCodePolicyViolated,
                                  u"too many connections"_s);
            connection->deleteLater();
            continue;
        }
        connect(connection, &ClientConnection::textReceived, this,
                [this, connection](const QString &text) { onTextReceived(connection, text); });
        connect(connection, &ClientConnection::closed, this,
                [this, connection] { onClosed(connection); });
        connection->send(serverHello());
        if (!m_outgoingCheck.isActive())
            m_outgoingCheck.start();
    }
}

void ChatServer::enforceOutgoingLimits()
{
    const auto connections = findChildren<ClientConnection *>(Qt::FindDirectChildrenOnly);
    for (ClientConnection *connection : connections)
        connection->enforceOutgoingLimit();
    if (m_connectionCounter.total() == 0)
        m_outgoingCheck.stop();
}

void ChatServer::onClosed(ClientConnection *connection)
{
    disconnect(connection, nullptr, this, nullptr);
    m_accounts->connectionClosed(connection);
    m_connectionCounter.remove(connection->peerAddress());
    connection->deleteLater();
}

QJsonObject ChatServer::serverHello() const
{
    const ServerLimits &limits = m_config.limits;
    const QJsonObject advertised{
        {u"maxBodyLength"_s, limits.maxBodyLength},
        {u"maxMessageBytes"_s, limits.maxIncomingMessageBytes},
        {u"loginTimeoutMs"_s, static_cast<qint64>(limits.loginTimeout.count())},
        {u"messageBurst"_s, limits.messageBurst},
        {u"messageWindowMs"_s, static_cast<qint64>(limits.messageWindow.count())},
        {u"historyPageMax"_s, RoomService::MaxHistoryPage},
    };
    return Protocol::makeFrame(
        Type::Hello, {},
        {{u"protocol"_s, Protocol::Version},
         {u"server"_s, u"finchat-server %1"_s.arg(QStringLiteral(FINCHAT_VERSION_STRING))},
         {u"limits"_s, advertised}});
}

QJsonObject ChatServer::hello(const Request &request) const
{
    const auto version = request.optionalInteger("protocol"_L1, 0, 1'000'000);
    if (!version)
        throw invalidField("protocol"_L1, u"is required"_s);
    if (*version != Protocol::Version)
        throw ProtocolError(
            ErrorCode::UnsupportedProtocol,
            u"this server speaks protocol %1, not %2"_s.arg(Protocol::Version).arg(*version));
    return {{u"protocol"_s, Protocol::Version}};
}

std::optional<Request> ChatServer::decode(ClientConnection *connection, const QString &text) const
{
    const auto fail = [connection](ErrorCode code, const QString &message,
                                   const QJsonValue &id = {}) {
        connection->send(Protocol::makeError(code, message, id));
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonDocument holds only objects and arrays; a bare scalar is valid JSON too.
        const bool isScalar =
            QJsonDocument::fromJson(u"[%1]"_s.arg(text).toUtf8()).array().size() == 1;
        if (isScalar)
            return fail(ErrorCode::NotAnObject, u"a frame must be a JSON object"_s);
        return fail(ErrorCode::InvalidJson,
                    u"not valid JSON at offset %1: %2"_s.arg(parseError.offset)
                        .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return fail(ErrorCode::NotAnObject, u"a frame must be a JSON object"_s);

    QJsonObject fields = document.object();
    const QJsonValue id = fields.take(Protocol::IdKey);
    if (!isValidId(id))
        return fail(ErrorCode::InvalidField,
                    u"field 'id' must be a string of at most 64 characters or an integer"_s);
    const QJsonValue type = fields.take(Protocol::TypeKey);
    if (!type.isString() || !type.toString().isValidUtf16())
        return fail(ErrorCode::InvalidField, u"field 'type' must be a string"_s, id);
    return Request(connection, type.toString(), id, fields);
}

void ChatServer::onTextReceived(ClientConnection *connection, const QString &text)
{
    if (!connection->isOpen())
        return; // a frame that arrived with the close: nobody to answer
    auto request = decode(connection, text);
    if (!request)
        return;
    const auto route = m_routes.constFind(request->type());
    if (route == m_routes.constEnd()) {
        answerError(*request, {ErrorCode::UnknownType,
                               u"unknown message type '%1'"_s.arg(request->type().left(64))});
        return;
    }
    if (!connection->allowRequest(nowMs())) {
        answerError(*request, {ErrorCode::RateLimited, u"too many requests; slow down"_s});
        return;
    }
    if (route->needsLogin && !connection->isLoggedIn()) {
        answerError(*request, {ErrorCode::NotLoggedIn, u"log in or resume first"_s});
        return;
    }
    if (route->async) {
        auto slot = connection->tryBeginRequest();
        if (!slot) {
            answerError(*request, {ErrorCode::RateLimited,
                                   u"too many requests waiting for an answer; wait for them"_s});
            return;
        }
        // The handler starts here and runs to its first suspension; its errors, even those
        // thrown before suspending, surface where finishAsync awaits it.
        QCoro::Task<QJsonObject> work = route->async(*request);
        finishAsync(std::move(*request), std::move(work), std::move(*slot));
        return;
    }
    try {
        answer(*request, route->sync(*request));
    } catch (const ProtocolError &error) {
        answerError(*request, error);
    } catch (const std::exception &error) {
        answerError(*request, internalError(error.what()));
    }
}

QCoro::Task<> ChatServer::finishAsync(Request request, QCoro::Task<QJsonObject> work,
                                      ClientConnection::InFlight slot)
{
    // slot is held until the answer: the connection's count of requests in flight.
    Q_UNUSED(slot);
    QPointer<ChatServer> self(this);
    std::optional<QJsonObject> reply;
    std::optional<ProtocolError> failure;
    bool abandoned = false;
    try {
        QJsonObject answered = co_await work;
        reply = std::move(answered);
    } catch (const ProtocolError &error) {
        failure = error;
    } catch (const Abandoned &) {
        abandoned = true;
    } catch (const std::exception &error) {
        failure = internalError(error.what());
    }
    if (abandoned || !self || !request.connection())
        co_return; // the server or the client went away while the work ran
    if (failure)
        answerError(request, *failure);
    else
        answer(request, *reply);
}

void ChatServer::answer(const Request &request, const QJsonObject &reply) const
{
    if (ClientConnection *connection = request.connection())
        connection->send(
            Protocol::makeFrame(Protocol::replyType(request.type()), request.id(), reply));
}

void ChatServer::answerError(const Request &request, const ProtocolError &error) const
{
    if (ClientConnection *connection = request.connection())
        connection->send(Protocol::makeError(error.code(), error.message(), request.id()));
}

} // namespace FinChat
