#include "fanout.h"

#include "clientconnection.h"
#include "onlineusers.h"
#include "roomdirectory.h"

#include "finchat/protocol.h"

namespace FinChat {

namespace {
QString serialized(const QJsonObject &event)
{
    return QString::fromUtf8(Protocol::serialize(event));
}
} // namespace

Fanout::Fanout(const OnlineUsers &online, const RoomDirectory &rooms)
    : m_online(online)
    , m_rooms(rooms)
{}

void Fanout::toRoom(qint64 roomId, const QJsonObject &event) const
{
    toUsers(m_rooms.members(roomId), event);
}

void Fanout::toUsers(const QSet<qint64> &userIds, const QJsonObject &event) const
{
    const QString json = serialized(event);
    for (qint64 userId : userIds) {
        for (ClientConnection *connection : m_online.connectionsOf(userId))
            connection->sendSerialized(json);
    }
}

void Fanout::toUser(qint64 userId, const QJsonObject &event) const
{
    toUsers({userId}, event);
}

void Fanout::toEveryone(const QJsonObject &event) const
{
    const QString json = serialized(event);
    // A copy (cheap: implicitly shared): a send may drop a client that stopped reading,
    // which takes it out of the online table while this loop runs.
    const auto everyone = m_online.all();
    for (const auto &connections : everyone) {
        for (ClientConnection *connection : connections)
            connection->sendSerialized(json);
    }
}

} // namespace FinChat
