#pragma once

#include "commandbackend.h"
#include "request.h"

#include <QJsonObject>

namespace FinChat {

class ClientConnection;
class Fanout;

// Routes "/name=argument" bodies: shows the command to the room (it is never stored), then
// answers /help itself or hands the call to the backend that owns the name.
class CommandRouter
{
public:
    explicit CommandRouter(const Fanout &fanout);

    void setBackend(CommandBackend *backend) { m_backend = backend; }
    QList<CommandInfo> commands() const;
    // commands.list: what /help shows, as data, for clients that complete commands.
    QJsonObject list(const Request &request) const;

    // The reply fields for the sender's message.send; throws unknown_command.
    QJsonObject route(ClientConnection *sender, const RoomRecord &room,
                      const Validation::CommandInvocation &invocation);

private:
    bool backendOwns(const QString &name) const;
    QJsonObject helpNotice(const RoomRecord &room) const;

    const Fanout &m_fanout;
    CommandBackend *m_backend = nullptr;
};

} // namespace FinChat
