#include "core/chatserver.h"

#include "bots/bothost.h"
#include "handlers/accountservice.h"
#include "handlers/botgateway.h"
#include "handlers/directservice.h"
#include "handlers/housekeeping.h"
#include "handlers/messageservice.h"
#include "handlers/moderationservice.h"
#include "handlers/peopleservice.h"
#include "handlers/pricechecker.h"
#include "handlers/quotelookup.h"
#include "handlers/roomservice.h"
#include "handlers/searchservice.h"
#include "handlers/settingsservice.h"
#include "handlers/statusservice.h"
#include "handlers/watchlistservice.h"
#include "startup/serveroptions.h"
#include "storage/storage.h"
#include "storage/storagethread.h"
#include "tls/servercertificate.h"
#include "wire/abandoned.h"
#include "wire/clientconnection.h"
#include "wire/forwardedaddress.h"
#include "wire/lanannouncer.h"
#include "wire/listener.h"
#include "wire/metricsendpoint.h"

#include "finchat/fingerprint.h"
#include "finchat/protocol.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QPointer>
#include <QSysInfo>
#include <QWebSocket>
#include <QWebSocketServer>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;
using Protocol::nowMs;

Q_LOGGING_CATEGORY(lcServer, "finchat.server")

namespace {

constexpr int MaxPendingConnections = 1024;
// How often every connection's unsent bytes are checked besides on each send: Qt answers a
// client's pings by itself, so a client that pings and never reads is only seen here.
constexpr std::chrono::milliseconds OutgoingCheckInterval{100};
constexpr qsizetype MaxIdLength = 64;

ProtocolError internalError(const char *what)
{
    qCWarning(lcServer) << "request failed:" << what;
    return {ErrorCode::InternalError,
            u"the server could not complete the request; it was not applied"_s};
}

QLatin1StringView registrationName(Registration registration)
{
    switch (registration) {
    case Registration::Open:
        break;
    case Registration::Invite:
        return Protocol::Registration::Invite;
    case Registration::Closed:
        return Protocol::Registration::Closed;
    }
    return Protocol::Registration::Open;
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
    , m_listener(new Listener(*m_server, isEncrypted(), m_config.limits.loginTimeout, this))
    , m_fanout(m_online, m_rooms)
    , m_cluster(std::make_unique<ClusterBus>(m_storage, m_online, m_rooms, m_fanout, m_rates,
                                             m_config.limits.clusterHeartbeat))
    , m_connectionCounter(m_config.limits.maxConnectionsPerAddress, m_config.limits.maxConnections)
    , m_housekeeping(new Housekeeping(m_storage, m_config.limits.sessionLifetimeMs(), this))
{
    // Listening first: what other servers change while this one reads is not missed.
    m_cluster->listen(m_config.database);
    m_siteSettings = m_storage.blocking([](Storage &stored) { return stored.siteSettings(); });
    const ServerContext context{m_storage,  m_config.limits, m_online,       m_rooms, m_fanout,
                                *m_cluster, m_rates,         m_siteSettings, *this};
    m_roomService = std::make_unique<RoomService>(context);
    m_messageService = std::make_unique<MessageService>(context, *m_roomService);
    m_quotes = new QuoteLookup(m_rates, this);
    m_prices = new PriceChecker(context, m_config.limits.priceCheckInterval, this);
    m_watchlists = new WatchlistService(context, *m_prices, this);
    m_accounts = new AccountService(context, m_config.registration, this);
    m_moderation = std::make_unique<ModerationService>(context, *m_accounts, *m_roomService);
    m_status = std::make_unique<StatusService>(context, [this] { return status(); });
    m_people = std::make_unique<PeopleService>(context);
    m_settings = std::make_unique<SettingsService>(context);
    m_search = std::make_unique<SearchService>(context, *m_roomService);
    m_direct = std::make_unique<DirectService>(context);
    m_startedAt = nowMs();
    m_bots = new BotHost(m_storage, m_fanout, m_config.botSettings, m_config.limits.botReplyTimeout,
                         this);
    m_botGateway =
        new BotGateway(context, *m_bots, commands(), m_config.limits.botTokenCheckInterval, this);
    m_rooms.load(m_housekeeping->prepare());
    m_housekeeping->startPurging();
    m_cluster->join(
        {.closeEndedSessions =
             [this](std::optional<qint64> userId) { m_accounts->closeEndedSessions(userId); },
         .updateUser = [this](const Author &user) { m_accounts->updateConnectionsOf(user); },
         .reloadSettings = [this] { m_settings->reload(); },
         .reloadRooms =
             [this] {
                 m_roomService->mirrorDirectory(
                     [cluster = m_cluster.get()] { cluster->roomsReloaded(); });
             }},
        *m_bots);

    if (isEncrypted())
        reloadCertificate();
    m_server->setMaxPendingConnections(MaxPendingConnections);
    // The WebSocket handshake's deadline is the Listener's: QWebSocketServer's own covers only
    // sockets it accepted itself, not those handed to it.
    connect(m_server, &QWebSocketServer::newConnection, this, &ChatServer::onNewConnection);
    addRoutes();
    // The same for every connection: encoded once.
    m_hello = TextFrame(Protocol::frame(serverHello()));
    m_outgoingCheck.setInterval(OutgoingCheckInterval);
    connect(&m_outgoingCheck, &QTimer::timeout, this, &ChatServer::enforceOutgoingLimits);

    // First, so that no plugin can take these names (and have the room see them): offered
    // only while a bot gives quotes.
    commands().addBackend(m_watchlists);
    m_bots->loadFrom(m_config.pluginDirs);
    m_botGateway->restoreAnnouncedBots(); // after the plugins: theirs come first
    commands().addBackend(m_bots);
    m_quotes->setBackend(m_bots);
    m_prices->setBackend(m_bots);
}

ChatServer::~ChatServer()
{
    close();
    // First: the bus hooks into the services, the bots and the limiters, which go next.
    m_cluster.reset();
}

CommandRouter &ChatServer::commands()
{
    return m_messageService->commands();
}

namespace {

// What a handler's method looks like: Reply (Service::*)(Request, Message) [const], where
// Reply is the typed reply or a coroutine task of it.
template<typename Method>
struct HandlerTraits;
template<typename Service, typename Result, typename Message>
struct HandlerTraits<Result (Service::*)(Request, Message)>
{
    using Input = Message;
    using Answer = Result;
};
template<typename Service, typename Result, typename Message>
struct HandlerTraits<Result (Service::*)(Request, Message) const>
    : HandlerTraits<Result (Service::*)(Request, Message)>
{};

template<typename Reply>
QCoro::Task<QJsonObject> framed(QCoro::Task<Reply> work)
{
    const Reply reply = co_await work;
    co_return Protocol::frame(reply);
}

template<typename Reply>
QCoro::Task<QJsonObject> framedNow(Reply reply)
{
    co_return Protocol::frame(reply);
}

} // namespace

template<typename Service, typename Method>
void ChatServer::route(Access access, Service *service, Method method)
{
    using Message = typename HandlerTraits<Method>::Input;
    using Answer = typename HandlerTraits<Method>::Answer;
    constexpr bool immediate = std::is_same_v<Answer, typename Message::Reply>;
    static_assert(immediate || std::is_same_v<Answer, QCoro::Task<typename Message::Reply>>,
                  "a handler answers with its request's Reply");
    if (access == Access::Anyone)
        m_public.insert(QString(Message::Type));
    if (access == Access::Bot)
        m_forBots.insert(QString(Message::Type));
    if (immediate)
        m_immediate.insert(QString(Message::Type));
    // Not a coroutine itself: it calls the handler and wraps the task it returns (GCC 12
    // miscompiles member pointers passed into a coroutine).
    m_dispatcher.on<Message>([service, method](Message message, Request request) {
        if constexpr (immediate)
            return framedNow((service->*method)(std::move(request), std::move(message)));
        else
            return framed((service->*method)(std::move(request), std::move(message)));
    });
}

void ChatServer::addRoutes()
{
    route(Access::Anyone, this, &ChatServer::hello);
    route(Access::Anyone, m_accounts, &AccountService::registerUser);
    route(Access::Anyone, m_accounts, &AccountService::login);
    route(Access::Anyone, m_accounts, &AccountService::resume);
    route(Access::LoggedIn, m_accounts, &AccountService::logout);
    route(Access::LoggedIn, m_people.get(), &PeopleService::profile);
    route(Access::LoggedIn, m_people.get(), &PeopleService::online);
    route(Access::LoggedIn, m_accounts, &AccountService::updateProfile);
    RoomService *rooms = m_roomService.get();
    route(Access::LoggedIn, rooms, &RoomService::list);
    route(Access::LoggedIn, rooms, &RoomService::create);
    route(Access::LoggedIn, rooms, &RoomService::join);
    route(Access::LoggedIn, rooms, &RoomService::leave);
    route(Access::LoggedIn, rooms, &RoomService::history);
    route(Access::LoggedIn, m_messageService.get(), &MessageService::send);
    route(Access::LoggedIn, m_messageService.get(), &MessageService::edit);
    route(Access::LoggedIn, m_search.get(), &SearchService::search);
    route(Access::LoggedIn, m_direct.get(), &DirectService::open);
    route(Access::LoggedIn, m_messageService.get(), &MessageService::remove);
    route(Access::LoggedIn, &commands(), &CommandRouter::list);
    route(Access::LoggedIn, m_quotes, &QuoteLookup::get);
    route(Access::LoggedIn, m_watchlists, &WatchlistService::get);
    route(Access::LoggedIn, m_watchlists, &WatchlistService::add);
    route(Access::LoggedIn, m_watchlists, &WatchlistService::remove);
    route(Access::LoggedIn, m_watchlists, &WatchlistService::addAlert);
    route(Access::LoggedIn, m_watchlists, &WatchlistService::removeAlert);
    ModerationService *moderation = m_moderation.get();
    route(Access::LoggedIn, moderation, &ModerationService::ban);
    route(Access::LoggedIn, moderation, &ModerationService::unban);
    route(Access::LoggedIn, moderation, &ModerationService::setRole);
    route(Access::LoggedIn, moderation, &ModerationService::auditLog);
    route(Access::LoggedIn, moderation, &ModerationService::listUsers);
    route(Access::LoggedIn, moderation, &ModerationService::setTopic);
    route(Access::LoggedIn, moderation, &ModerationService::kick);
    route(Access::LoggedIn, moderation, &ModerationService::mute);
    route(Access::LoggedIn, moderation, &ModerationService::unmute);
    route(Access::LoggedIn, moderation, &ModerationService::createInvite);
    route(Access::LoggedIn, moderation, &ModerationService::listInvites);
    route(Access::LoggedIn, moderation, &ModerationService::revokeInvite);
    route(Access::LoggedIn, m_status.get(), &StatusService::status);
    route(Access::LoggedIn, m_settings.get(), &SettingsService::update);
    route(Access::Anyone, m_botGateway, &BotGateway::login);
    route(Access::Bot, m_botGateway, &BotGateway::announce);
    route(Access::Bot, m_botGateway, &BotGateway::reply);
    route(Access::Bot, m_botGateway, &BotGateway::fail);
}

QStringList ChatServer::reconfigure(const ServerConfig &fresh)
{
    const QStringList waiting = ServerOptions::reloadTo(m_config, fresh);
    m_accounts->setRegistration(m_config.registration);
    m_hello = TextFrame(Protocol::frame(serverHello()));
    return waiting;
}

void ChatServer::closeEndedSessions()
{
    m_accounts->closeEndedSessions();
}

void ChatServer::reloadRooms()
{
    m_roomService->reloadDirectory();
}

void ChatServer::reloadCertificate()
{
    const Tls::ServerCertificate loaded = Tls::ServerCertificate::load(m_config.tls);
    m_listener->setTlsConfiguration(loaded.configuration());
    m_certificate = loaded.certificate();
    if (loaded.created())
        qCInfo(lcServer).noquote() << "created a self-signed certificate:" << loaded.file();
}

bool ChatServer::listen()
{
    if (!m_listener->listen(m_config.listenAddress, m_config.port))
        return false;
    if (m_config.announce.enabled && !m_announcer) {
        m_announcer = new LanAnnouncer(
            [this] {
                return LanAnnouncer::Announcement{
                    QSysInfo::machineHostName(), serverPort(), isEncrypted(),
                    isEncrypted() ? fingerprintText(m_certificate) : QString()};
            },
            m_config.announce.targets, m_config.announce.port, m_config.listenAddress, this);
        m_announcer->start();
    }
    if (m_config.metrics.port && !m_metrics) {
        m_metrics = new MetricsEndpoint([this] { return status(); }, this);
        m_metricsPort = m_metrics->listen(m_config.metrics.address, *m_config.metrics.port);
        // Not fatal: the chat works without it, and the log says so.
        if (m_metricsPort == 0)
            qCWarning(lcServer).noquote() << u"metrics: cannot listen on %1 port %2; no /metrics"_s
                                                 .arg(m_config.metrics.address.toString())
                                                 .arg(*m_config.metrics.port);
        else
            qCInfo(lcServer).noquote()
                << u"metrics on http://%1:%2/metrics"_s.arg(m_config.metrics.address.toString())
                       .arg(m_metricsPort);
    }
    return true;
}

void ChatServer::close()
{
    if (m_announcer)
        m_announcer->stop();
    delete std::exchange(m_metrics, nullptr);
    m_metricsPort = 0;
    m_listener->close();
    m_accounts->stop();
    const auto connections = findChildren<ClientConnection *>(Qt::FindDirectChildrenOnly);
    for (ClientConnection *connection : connections) {
        onClosed(connection); // first, so that the close below is not counted twice
        connection->closeWith(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
    }
}

QString ChatServer::errorString() const
{
    return m_listener->errorString();
}

QHostAddress ChatServer::serverAddress() const
{
    return m_listener->serverAddress();
}

quint16 ChatServer::serverPort() const
{
    return m_listener->serverPort();
}

void ChatServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        QTcpSocket *transport = m_listener->takeTransport(*socket);
        // Frames go straight to the transport (TextFrame): one the Listener did not accept
        // could not be written to, nor its TLS buffer counted. (QtWebSockets 6.4 accepts no
        // extension, such as compression, that would change how frames are written.)
        if (!transport) {
            qCWarning(lcServer) << "dropping a WebSocket without its own transport";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new ClientConnection(
            socket, transport, ForwardedAddress::of(*socket, m_config.trustedProxies),
            m_config.limits, this);
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
        connection->send(m_hello);
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
    m_botGateway->connectionClosed(connection); // while it still says which bot it was
    m_accounts->connectionClosed(connection);
    m_connectionCounter.remove(connection->peerAddress());
    connection->deleteLater();
}

Protocol::ServerStatusOk ChatServer::status() const
{
    const qint64 now = nowMs();
    const RateMeter &stored = m_messageService->storedMessages();
    return {.version = QStringLiteral(FINCHAT_VERSION_STRING),
            .startedAt = m_startedAt,
            .uptimeSeconds = (now - m_startedAt) / 1000,
            .connections = m_connectionCounter.total(),
            .usersOnline = onlineUserCount(),
            .messagesPerSecond = stored.perSecond(now),
            .messagesSinceStart = stored.total(),
            .databaseBytes = m_storage.databaseBytes(),
            .registration = QString(registrationName(m_config.registration)),
            .bots = m_bots->states()};
}

Protocol::ServerHello ChatServer::serverHello() const
{
    const ServerLimits &limits = m_config.limits;
    return {.protocol = Protocol::Version,
            .server = u"finchat-server %1"_s.arg(QStringLiteral(FINCHAT_VERSION_STRING)),
            .limits = {.maxBodyLength = limits.maxBodyLength,
                       .maxMessageBytes = limits.maxIncomingMessageBytes,
                       .loginTimeoutMs = limits.loginTimeout.count(),
                       .messageBurst = limits.messageBurst,
                       .messageWindowMs = limits.messageWindow.count(),
                       .historyPageMax = Protocol::MaxHistoryPage},
            .registration = QString(registrationName(m_config.registration))};
}

Protocol::HelloOk ChatServer::hello(Request, Protocol::Hello fields) const
{
    if (fields.protocol != Protocol::Version)
        throw ProtocolError(ErrorCode::UnsupportedProtocol,
                            u"this server speaks protocol %1, not %2"_s.arg(Protocol::Version)
                                .arg(fields.protocol));
    return {Protocol::Version};
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
    const Dispatcher::Handler *handler = m_dispatcher.find(request->type());
    if (!handler) {
        answerError(*request, {ErrorCode::UnknownType,
                               u"unknown message type '%1'"_s.arg(request->type().left(64))});
        return;
    }
    if (!connection->allowRequest(nowMs())) {
        answerError(*request, {ErrorCode::RateLimited, u"too many requests; slow down"_s});
        return;
    }
    if (!m_public.contains(request->type())) {
        if (!connection->isLoggedIn()) {
            answerError(*request, {ErrorCode::NotLoggedIn, u"log in or resume first"_s});
            return;
        }
        // A bot connection speaks only the bot requests, and a person cannot send them.
        if (m_forBots.contains(request->type()) != connection->user().isBot) {
            answerError(*request, {ErrorCode::Forbidden, connection->user().isBot
                                                             ? u"a bot cannot send this"_s
                                                             : u"only a bot can send this"_s});
            return;
        }
    }
    std::optional<ClientConnection::InFlight> slot;
    if (!m_immediate.contains(request->type())) {
        auto taken = connection->tryBeginRequest();
        if (!taken) {
            answerError(*request, {ErrorCode::RateLimited,
                                   u"too many requests waiting for an answer; wait for them"_s});
            return;
        }
        slot.emplace(std::move(*taken));
    }
    // Reading the typed request happens here and may throw (invalid_field), before any
    // handler code runs. The handler then starts and runs to its first suspension (to the
    // end, for immediate ones); the errors it throws surface where finishAsync awaits it.
    QCoro::Task<QJsonObject> work;
    try {
        work = (*handler)(request->fields(), *request);
    } catch (const ProtocolError &error) {
        answerError(*request, error);
        return;
    } catch (const std::exception &error) {
        answerError(*request, internalError(error.what()));
        return;
    }
    finishAsync(std::move(*request), std::move(work), std::move(slot));
}

QCoro::Task<> ChatServer::finishAsync(Request request, QCoro::Task<QJsonObject> work,
                                      std::optional<ClientConnection::InFlight> slot)
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
        answer(request, std::move(*reply));
}

void ChatServer::answer(const Request &request, QJsonObject reply) const
{
    if (ClientConnection *connection = request.connection()) {
        if (!request.id().isUndefined())
            reply.insert(Protocol::IdKey, request.id());
        connection->send(reply);
    }
}

void ChatServer::answerError(const Request &request, const ProtocolError &error) const
{
    if (ClientConnection *connection = request.connection())
        connection->send(Protocol::makeError(error.code(), error.message(), request.id()));
}

} // namespace FinChat
