#pragma once

#include <QJsonObject>
#include <QSet>

namespace FinChat {

class OnlineUsers;
class RoomDirectory;

// Delivers one event to many connections, serialising it once for all of them.
class Fanout
{
public:
    Fanout(const OnlineUsers &online, const RoomDirectory &rooms);

    void toRoom(qint64 roomId, const QJsonObject &event) const;
    void toUsers(const QSet<qint64> &userIds, const QJsonObject &event) const;
    void toUser(qint64 userId, const QJsonObject &event) const;
    void toEveryone(const QJsonObject &event) const;

private:
    const OnlineUsers &m_online;
    const RoomDirectory &m_rooms;
};

} // namespace FinChat
