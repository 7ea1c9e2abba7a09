#pragma once

#include "finchat/protocol/messages.h"
#include "wire/textframe.h"

#include <QSet>
#include <QString>

namespace FinChat {

class OnlineUsers;
class RoomDirectory;

// Delivers one event to many connections, serialising and framing it once for all of them
// (TextFrame). Events are the protocol's typed events (finchat/protocol/events.h).
class Fanout
{
public:
    Fanout(const OnlineUsers &online, const RoomDirectory &rooms);

    template<Protocol::Described Event>
    void toRoom(qint64 roomId, const Event &event) const
    {
        sendToUsers(roomMembers(roomId), encode(event));
    }
    template<Protocol::Described Event>
    void toUsers(const QSet<qint64> &userIds, const Event &event) const
    {
        sendToUsers(userIds, encode(event));
    }
    template<Protocol::Described Event>
    void toUser(qint64 userId, const Event &event) const
    {
        sendToUsers({userId}, encode(event));
    }
    template<Protocol::Described Event>
    void toEveryone(const Event &event) const
    {
        sendToEveryone(encode(event));
    }

private:
    template<Protocol::Described Event>
    static TextFrame encode(const Event &event)
    {
        return TextFrame(Protocol::frame(event));
    }
    QSet<qint64> roomMembers(qint64 roomId) const;
    void sendToUsers(const QSet<qint64> &userIds, const TextFrame &frame) const;
    void sendToEveryone(const TextFrame &frame) const;

    const OnlineUsers &m_online;
    const RoomDirectory &m_rooms;
};

} // namespace FinChat
