#include "handlers/botgateway.h"

#include "auth/sessiontoken.h"
#include "bots/bothost.h"
#include "finchat/botmanifest.h"
#include "handlers/commandrouter.h"
#include "wire/clientconnection.h"

#include <QJsonDocument>
#include <QLoggingCategory>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;

namespace {
Q_LOGGING_CATEGORY(lcBotGateway, "finchat.server.bots")
} // namespace

BotGateway::BotGateway(const ServerContext &context, BotHost &bots, const CommandRouter &router,
                       std::chrono::milliseconds tokenCheckInterval, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_bots(bots)
    , m_router(router)
{
    connect(&m_tokenCheck, &QTimer::timeout, this, [this] { checkTokens(); });
    m_tokenCheck.start(tokenCheckInterval);
}

void BotGateway::restoreAnnouncedBots()
{
    // At start, before anything is served: waiting for storage is fine.
    const QList<AnnouncedBot> announced =
        m_context.storage.blocking([](Storage &storage) { return storage.announcedBots(); });
    for (const AnnouncedBot &bot : announced) {
        try {
            const auto stored = Protocol::fromJson<Protocol::BotAnnounce>(
                QJsonDocument::fromJson(bot.commands).object());
            auto checked = BotManifest::checkedCommands(stored.commands);
            if (auto *commands = std::get_if<QList<CommandInfo>>(&checked))
                m_bots.restoreRemote(bot.account, *commands);
        } catch (const ProtocolError &) {
            qCWarning(lcBotGateway) << "the stored commands of" << bot.account.username
                                    << "cannot be read; they wait for its next announcement";
        }
    }
}

QCoro::Task<> BotGateway::checkTokens()
{
    // Every connection logged in as a bot, announced or not.
    m_botConnections.removeIf([](const QPointer<ClientConnection> &connection) {
        return !connection || !connection->isOpen();
    });
    if (m_botConnections.isEmpty())
        co_return;
    const QList<QPointer<ClientConnection>> connections = m_botConnections;
    QList<std::pair<QByteArray, qint64>> tokens;
    for (const QPointer<ClientConnection> &connection : connections)
        tokens.append({connection->tokenHash(), connection->user().id});
    auto reading = m_context.read([tokens](Storage &storage) {
        QList<bool> replaced;
        for (const auto &[tokenHash, botId] : tokens) {
            const auto bot = storage.botByToken(tokenHash);
            replaced.append(!bot || bot->id != botId);
        }
        return replaced;
    });
    QList<bool> replaced;
    try {
        replaced = co_await reading;
    } catch (const std::exception &) {
        co_return; // the server is going, or storage is busy: the next check will do
    }
    for (qsizetype i = 0; i < replaced.size(); ++i) {
        if (replaced.at(i) && connections.at(i) && connections.at(i)->isOpen()) {
            qCInfo(lcBotGateway).noquote() << "ending a bot connection whose token was replaced";
            connections.at(i)->closeWith(QWebSocketProtocol::CloseCodeNormal,
                                         u"the bot's token was replaced"_s);
        }
    }
}

QCoro::Task<Protocol::BotLoginOk> BotGateway::login(Request request, Protocol::BotLogin fields)
{
    request.connection()->requireLoggedOut();
    const QByteArray tokenHash = SessionToken::hash(fields.token);
    auto finding =
        m_context.read([tokenHash](Storage &storage) { return storage.botByToken(tokenHash); });
    const std::optional<Author> bot = co_await finding;
    if (!bot)
        throw ProtocolError(ErrorCode::InvalidToken,
                            u"no bot has this token (finchat-server bot add gives one)"_s);
    // The world may have changed while storage answered.
    ClientConnection *connection = request.liveConnection();
    connection->requireLoggedOut();
    connection->logIn(*bot, tokenHash);
    m_botConnections.append(connection);
    qCInfo(lcBotGateway).noquote()
        << u"bot %1 logged in from %2"_s.arg(bot->username, connection->peerAddress());
    co_return Protocol::BotLoginOk{bot->username, bot->displayName};
}

QCoro::Task<Protocol::BotAnnounceOk> BotGateway::announce(Request request,
                                                          Protocol::BotAnnounce fields)
{
    auto checked = BotManifest::checkedCommands(std::move(fields.commands));
    if (const QString *reason = std::get_if<QString>(&checked))
        throw ProtocolError(ErrorCode::InvalidField, *reason);
    QList<CommandInfo> commands = std::get<QList<CommandInfo>>(std::move(checked));
    for (const CommandInfo &command : commands) {
        if (m_router.isTakenBesides(command.name, &m_bots))
            throw ProtocolError(ErrorCode::CommandTaken,
                                u"/%1 belongs to the server"_s.arg(command.name));
    }
    // Claimed first, at once (two bots announcing the same name: the first one has it), then
    // kept, so that the names stay the bot's while it is away.
    ClientConnection *connection = request.connection();
    const Author bot = connection->user();
    const QByteArray stored =
        Protocol::serialize(Protocol::toJson(Protocol::BotAnnounce{commands}));
    m_bots.connectRemote(connection, bot, std::move(commands));
    auto saving = m_context.write(
        [id = bot.id, stored](Storage &storage) { storage.setBotCommands(id, stored); });
    co_await saving;
    co_return Protocol::BotAnnounceOk{};
}

Protocol::BotReplyOk BotGateway::reply(Request request, Protocol::BotReply fields)
{
    return {m_bots.replyFromRemote(request.connection(), quint64(fields.request), fields.body,
                                   fields.data.value_or(QJsonObject()))};
}

Protocol::BotFailOk BotGateway::fail(Request request, Protocol::BotFail fields)
{
    return {m_bots.failFromRemote(request.connection(), quint64(fields.request), fields.reason)};
}

void BotGateway::connectionClosed(ClientConnection *connection)
{
    if (connection->isLoggedIn() && connection->user().isBot)
        m_bots.disconnectRemote(connection);
}

} // namespace FinChat
