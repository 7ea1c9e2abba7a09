#include "state/fanout.h"

#include "state/onlineusers.h"
#include "state/roomdirectory.h"
#include "wire/clientconnection.h"

namespace FinChat {

Fanout::Fanout(const OnlineUsers &online, const RoomDirectory &rooms)
    : m_online(online)
    , m_rooms(rooms)
{}

QSet<qint64> Fanout::roomMembers(qint64 roomId) const
{
    return m_rooms.members(roomId);
}

void Fanout::sendToUsers(const QSet<qint64> &userIds, const TextFrame &frame) const
{
    for (qint64 userId : userIds) {
        for (ClientConnection *connection : m_online.connectionsOf(userId))
            connection->send(frame);
    }
}

void Fanout::sendToEveryone(const TextFrame &frame) const
{
    // A copy (cheap: implicitly shared): a send may drop a client that stopped reading,
    // which takes it out of the online table while this loop runs.
    const auto everyone = m_online.all();
    for (const auto &connections : everyone) {
        for (ClientConnection *connection : connections)
            connection->send(frame);
    }
}

} // namespace FinChat
