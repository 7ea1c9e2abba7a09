#pragma once

#include "core/servercontext.h"
#include "handlers/commandrouter.h"
#include "state/ratelimiter.h"
#include "state/ratemeter.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <qcoro/qcorotask.h>

namespace FinChat {

class RoomService;

// message.send: stores and broadcasts a message, or routes a command; message.delete.
class MessageService
{
public:
    MessageService(ServerContext context, const RoomService &rooms);

    QCoro::Task<Protocol::MessageSendOk> send(Request request, Protocol::MessageSend fields);
    // The author deletes their own message; a moderator anyone's of a lower role.
    QCoro::Task<Protocol::MessageDeleteOk> remove(Request request, Protocol::MessageDelete fields);
    CommandRouter &commands() { return m_commands; }
    // Messages stored since the server started, and how fast.
    const RateMeter &storedMessages() const { return m_stored; }

private:
    ServerContext m_context;
    const RoomService &m_rooms;
    CommandRouter m_commands;
    // Per user, not per connection: more sockets must not buy a higher rate.
    KeyedLeakyBuckets m_messageRate;
    RateMeter m_stored;
};

} // namespace FinChat
