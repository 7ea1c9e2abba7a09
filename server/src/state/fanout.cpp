#include "state/fanout.h"

#include "state/onlineusers.h"
#include "state/roomdirectory.h"
#include "wire/clientconnection.h"

namespace FinChat {

Fanout::Fanout(const OnlineUsers &online, const RoomDirectory &rooms)
    : m_online(online)
    , m_rooms(rooms)
{}

void Fanout::send(const Bus::Audience &audience, const QJsonObject &frame) const
{
    if (m_relay)
        m_relay(audience, frame);
    else
        deliver(audience, TextFrame(frame));
}

void Fanout::deliver(const Bus::Audience &audience, const TextFrame &frame) const
{
    if (const auto *room = std::get_if<Bus::ToRoom>(&audience)) {
        QSet<qint64> members = m_rooms.members(room->roomId);
        if (room->alsoUserId)
            members.insert(*room->alsoUserId);
        sendToUsers(members, frame);
    } else if (const auto *peers = std::get_if<Bus::ToPeersOf>(&audience)) {
        QSet<qint64> users = m_rooms.peersOf(peers->userId);
        if (peers->themselvesToo)
            users.insert(peers->userId);
        sendToUsers(users, frame);
    } else if (const auto *users = std::get_if<Bus::ToUsers>(&audience))
        sendToUsers(users->userIds, frame);
    else
        sendToEveryone(frame);
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
