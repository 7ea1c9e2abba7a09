#pragma once

#include "handlers/commandbackend.h"
#include "wire/request.h"

#include "finchat/protocol/messages.h"

namespace FinChat {

class ClientConnection;
class Fanout;

// Routes "/name=argument" bodies: shows the command to the room (it is never stored) unless
// its owner keeps it private, then answers /help itself or hands the call to the backend that
// owns the name.
class CommandRouter
{
public:
    explicit CommandRouter(const Fanout &fanout);

    // Each backend answers the commands it lists; the first one listing a name owns it.
    void addBackend(CommandBackend *backend) { m_backends.append(backend); }
    QList<CommandInfo> commands() const;
    // Whether a backend other than `except` answers or keeps this name.
    bool isTakenBesides(const QString &name, const CommandBackend *except) const;
    // commands.list: what /help shows, as data, for clients that complete commands.
    Protocol::CommandsListOk list(Request request, Protocol::CommandsList fields) const;

    // The sender's message.send answer; throws unknown_command.
    Protocol::MessageSendOk route(ClientConnection *sender, const RoomRecord &room,
                                  const Validation::CommandInvocation &invocation);

private:
    CommandBackend *ownerOf(const QString &name) const;
    Protocol::Notice helpNotice(const RoomRecord &room) const;

    const Fanout &m_fanout;
    QList<CommandBackend *> m_backends;
};

} // namespace FinChat
