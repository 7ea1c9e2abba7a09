#pragma once

#include "finchat/protocol/messages.h"

#include <QSet>
#include <QString>

namespace FinChat {

class OnlineUsers;
class RoomDirectory;

// Delivers one event to many connections, serialising it once for all of them. Events are
// the protocol's typed events (finchat/protocol/events.h).
class Fanout
{
public:
    Fanout(const OnlineUsers &online, const RoomDirectory &rooms);

    template<Protocol::Described Event>
    void toRoom(qint64 roomId, const Event &event) const
    {
        sendToUsers(roomMembers(roomId), Protocol::frameText(event));
    }
    template<Protocol::Described Event>
    void toUsers(const QSet<qint64> &userIds, const Event &event) const
    {
        sendToUsers(userIds, Protocol::frameText(event));
    }
    template<Protocol::Described Event>
    void toUser(qint64 userId, const Event &event) const
    {
        sendToUsers({userId}, Protocol::frameText(event));
    }
    template<Protocol::Described Event>
    void toEveryone(const Event &event) const
    {
        sendToEveryone(Protocol::frameText(event));
    }

private:
    QSet<qint64> roomMembers(qint64 roomId) const;
    void sendToUsers(const QSet<qint64> &userIds, const QString &json) const;
    void sendToEveryone(const QString &json) const;

    const OnlineUsers &m_online;
    const RoomDirectory &m_rooms;
};

} // namespace FinChat
