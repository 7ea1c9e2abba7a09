#include "roomdirectory.h"

#include "storage.h"

#include <algorithm>

namespace FinChat {

RoomDirectory::RoomDirectory(Storage &storage)
    : m_storage(storage)
{}

void RoomDirectory::load()
{
    m_rooms.clear();
    m_roomIdsByName.clear();
    m_members.clear();
    m_roomsOfUser.clear();
    for (const RoomRecord &room : m_storage.rooms()) {
        m_rooms.insert(room.id, room);
        m_roomIdsByName.insert(room.name, room.id);
    }
    for (const auto &[roomId, userId] : m_storage.memberships()) {
        m_members[roomId].insert(userId);
        m_roomsOfUser[userId].insert(roomId);
    }
}

const RoomRecord *RoomDirectory::find(const QString &name) const
{
    const auto id = m_roomIdsByName.constFind(name);
    return id == m_roomIdsByName.constEnd() ? nullptr : findById(*id);
}

const RoomRecord *RoomDirectory::findById(qint64 roomId) const
{
    const auto it = m_rooms.constFind(roomId);
    return it == m_rooms.constEnd() ? nullptr : &*it;
}

QList<RoomRecord> RoomDirectory::rooms() const
{
    QList<RoomRecord> result = m_rooms.values();
    std::sort(result.begin(), result.end(),
              [](const RoomRecord &a, const RoomRecord &b) { return a.name < b.name; });
    return result;
}

std::optional<RoomRecord> RoomDirectory::create(const QString &name, const QString &topic,
                                                std::optional<qint64> creatorId)
{
    auto room = m_storage.createRoom(name, topic, creatorId);
    if (room) {
        m_rooms.insert(room->id, *room);
        m_roomIdsByName.insert(room->name, room->id);
    }
    return room;
}

bool RoomDirectory::join(qint64 roomId, qint64 userId)
{
    if (isMember(roomId, userId))
        return false;
    m_storage.addMember(roomId, userId);
    m_members[roomId].insert(userId);
    m_roomsOfUser[userId].insert(roomId);
    return true;
}

bool RoomDirectory::leave(qint64 roomId, qint64 userId)
{
    if (!isMember(roomId, userId))
        return false;
    m_storage.removeMember(roomId, userId);
    m_members[roomId].remove(userId);
    m_roomsOfUser[userId].remove(roomId);
    return true;
}

bool RoomDirectory::isMember(qint64 roomId, qint64 userId) const
{
    const auto it = m_members.constFind(roomId);
    return it != m_members.constEnd() && it->contains(userId);
}

QSet<qint64> RoomDirectory::peersOf(qint64 userId) const
{
    QSet<qint64> peers;
    for (qint64 roomId : roomsOf(userId))
        peers.unite(members(roomId));
    peers.remove(userId);
    return peers;
}

} // namespace FinChat
