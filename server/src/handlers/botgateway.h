#pragma once

#include "core/servercontext.h"
#include "wire/request.h"

#include "finchat/protocol/messages.h"

#include <QObject>

#include <qcoro/qcorotask.h>

namespace FinChat {

class BotHost;
class ClientConnection;
class CommandRouter;

// The requests of a bot program connected over the wire (docs/protocol.md, "Bots"): it logs
// in with its bot account's token, announces its commands, and answers each bot.command with
// bot.reply or bot.fail. The BotHost does the rest, as for a plugin.
class BotGateway : public QObject
{
    Q_OBJECT

public:
    BotGateway(const ServerContext &context, BotHost &bots, const CommandRouter &router,
               QObject *parent = nullptr);

    QCoro::Task<Protocol::BotLoginOk> login(Request request, Protocol::BotLogin fields);
    Protocol::BotAnnounceOk announce(Request request, Protocol::BotAnnounce fields);
    Protocol::BotReplyOk reply(Request request, Protocol::BotReply fields);
    Protocol::BotFailOk fail(Request request, Protocol::BotFail fields);

    void connectionClosed(ClientConnection *connection);

private:
    ServerContext m_context;
    BotHost &m_bots;
    const CommandRouter &m_router;
};

} // namespace FinChat
