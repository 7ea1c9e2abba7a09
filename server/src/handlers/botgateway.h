#pragma once

#include "core/servercontext.h"
#include "wire/request.h"

#include "finchat/protocol/messages.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

#include <qcoro/qcorotask.h>

namespace FinChat {

class BotHost;
class ClientConnection;
class CommandRouter;

// The requests of a bot program connected over the wire (docs/protocol.md, "Bots"): it logs
// in with its bot account's token, announces its commands (kept in storage, so that they stay
// its own while it is away), and answers each bot.command with bot.reply or bot.fail. The
// BotHost does the rest, as for a plugin. Now and then it checks that the tokens the bots
// logged in with are still theirs, and ends the connections of replaced ones.
class BotGateway : public QObject
{
    Q_OBJECT

public:
    BotGateway(const ServerContext &context, BotHost &bots, const CommandRouter &router,
               std::chrono::milliseconds tokenCheckInterval, QObject *parent = nullptr);

    // At start: the bots that announced commands before are known, away, with their commands.
    void restoreAnnouncedBots();

    QCoro::Task<Protocol::BotLoginOk> login(Request request, Protocol::BotLogin fields);
    QCoro::Task<Protocol::BotAnnounceOk> announce(Request request, Protocol::BotAnnounce fields);
    Protocol::BotReplyOk reply(Request request, Protocol::BotReply fields);
    Protocol::BotFailOk fail(Request request, Protocol::BotFail fields);

    void connectionClosed(ClientConnection *connection);

private:
    QCoro::Task<> checkTokens();

    ServerContext m_context;
    BotHost &m_bots;
    const CommandRouter &m_router;
    QTimer m_tokenCheck;
    // Logged in with bot.login: their tokens are checked now and then.
    QList<QPointer<ClientConnection>> m_botConnections;
};

} // namespace FinChat
