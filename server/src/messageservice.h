#pragma once

#include "commandrouter.h"
#include "request.h"
#include "servercontext.h"

#include <QJsonObject>

namespace FinChat {

class RoomService;

// message.send: stores and broadcasts a message, or routes a command.
class MessageService
{
public:
    MessageService(ServerContext context, const RoomService &rooms);

    QJsonObject send(const Request &request);
    CommandRouter &commands() { return m_commands; }

private:
    ServerContext m_context;
    const RoomService &m_rooms;
    CommandRouter m_commands;
};

} // namespace FinChat
