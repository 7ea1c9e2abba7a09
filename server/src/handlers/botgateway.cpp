#include "handlers/botgateway.h"

#include "auth/sessiontoken.h"
#include "bots/bothost.h"
#include "bots/botmanifest.h"
#include "handlers/commandrouter.h"
#include "wire/clientconnection.h"

#include <QLoggingCategory>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;

namespace {
Q_LOGGING_CATEGORY(lcBotGateway, "finchat.server.bots")
} // namespace

BotGateway::BotGateway(const ServerContext &context, BotHost &bots, const CommandRouter &router,
                       QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_bots(bots)
    , m_router(router)
{}

QCoro::Task<Protocol::BotLoginOk> BotGateway::login(Request request, Protocol::BotLogin fields)
{
    if (request.connection()->isLoggedIn())
        throw ProtocolError(ErrorCode::AlreadyLoggedIn, u"this connection is already logged in"_s);
    const QByteArray tokenHash = SessionToken::hash(fields.token);
    auto finding =
        m_context.read([tokenHash](Storage &storage) { return storage.botByToken(tokenHash); });
    const std::optional<Author> bot = co_await finding;
    if (!bot)
        throw ProtocolError(ErrorCode::InvalidToken,
                            u"no bot has this token (finchat-server bot add gives one)"_s);
    // The world may have changed while storage answered.
    ClientConnection *connection = request.liveConnection();
    if (connection->isLoggedIn())
        throw ProtocolError(ErrorCode::AlreadyLoggedIn, u"this connection is already logged in"_s);
    connection->logIn(*bot, tokenHash);
    qCInfo(lcBotGateway).noquote()
        << u"bot %1 logged in from %2"_s.arg(bot->username, connection->peerAddress());
    co_return Protocol::BotLoginOk{bot->username, bot->displayName};
}

Protocol::BotAnnounceOk BotGateway::announce(Request request, Protocol::BotAnnounce fields)
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
    ClientConnection *connection = request.connection();
    m_bots.connectRemote(connection, connection->user(), std::move(commands));
    return {};
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
