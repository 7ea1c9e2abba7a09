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

// message.send: stores and broadcasts a message, or routes a command; message.edit and
// message.delete.
class MessageService
{
public:
    MessageService(ServerContext context, const RoomService &rooms);

    QCoro::Task<Protocol::MessageSendOk> send(Request request, Protocol::MessageSend fields);
    // The author changes their message, within the site's edit window.
    QCoro::Task<Protocol::MessageEditOk> edit(Request request, Protocol::MessageEdit fields);
    // The author deletes their own message; a moderator anyone's of a lower role.
    QCoro::Task<Protocol::MessageDeleteOk> remove(Request request, Protocol::MessageDelete fields);
    CommandRouter &commands() { return m_commands; }
    // Messages stored since the server started, and how fast.
    const RateMeter &storedMessages() const { return m_stored; }

private:
    // Whether the sender may post this text in the room now: refuses an empty or too long
    // text, a muted sender, or one sending too fast.
    void admitText(const Author &sender, const RoomRecord &room, const QString &body);

    ServerContext m_context;
    const RoomService &m_rooms;
    CommandRouter m_commands;
    // Per user, not per connection: more sockets must not buy a higher rate.
    KeyedLeakyBuckets m_messageRate;
    RateMeter m_stored;
};

} // namespace FinChat
