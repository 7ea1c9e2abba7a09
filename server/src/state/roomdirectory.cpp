#include "state/roomdirectory.h"

#include <algorithm>

namespace FinChat {

void RoomDirectory::load(const RoomsSnapshot &snapshot)
{
    m_rooms.clear();
    m_roomIdsByName.clear();
    m_members.clear();
    m_roomsOfUser.clear();
    m_mutedUntil.clear();
    for (const RoomRecord &room : snapshot.rooms)
        addRoom(room);
    for (const auto &[roomId, userId] : snapshot.memberships)
        addMember(roomId, userId);
    for (const MuteRecord &mute : snapshot.mutes)
        setMute(mute);
}

RoomDirectory::Differences RoomDirectory::differencesFrom(const QList<RoomRecord> &rooms) const
{
    Differences differences;
    QSet<qint64> stillThere;
    for (const RoomRecord &room : rooms) {
        stillThere.insert(room.id);
        if (room.direct)
            continue;
        const RoomRecord *held = findById(room.id);
        if (!held) {
            differences.created.append(room);
            continue;
        }
        if (held->name != room.name)
            differences.renamed.append({held->name, room});
        else if (held->topic != room.topic)
            differences.retopiced.append(room);
    }
    for (const RoomRecord &held : m_rooms) {
        if (!stillThere.contains(held.id) && !held.direct)
            differences.deleted.append(held.name);
    }
    return differences;
}

void RoomDirectory::setMute(const MuteRecord &mute)
{
    m_mutedUntil.insert({mute.roomId, mute.userId}, mute.until);
}

void RoomDirectory::liftMute(qint64 roomId, qint64 userId)
{
    m_mutedUntil.remove({roomId, userId});
}

std::optional<qint64> RoomDirectory::mutedUntil(qint64 roomId, qint64 userId, qint64 now) const
{
    const auto until = m_mutedUntil.constFind({roomId, userId});
    if (until == m_mutedUntil.constEnd() || *until <= now)
        return std::nullopt;
    return *until;
}

const RoomRecord *RoomDirectory::find(const QString &name) const
{
    const auto id = m_roomIdsByName.constFind(name);
    return id == m_roomIdsByName.constEnd() ? nullptr : findById(*id);
}

const RoomRecord *RoomDirectory::findFor(const QString &name, qint64 userId) const
{
    const RoomRecord *room = find(name);
    return room && room->direct && !isMember(room->id, userId) ? nullptr : room;
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

void RoomDirectory::addRoom(const RoomRecord &room)
{
    m_rooms.insert(room.id, room);
    m_roomIdsByName.insert(room.name, room.id);
}

void RoomDirectory::setTopic(qint64 roomId, const QString &topic)
{
    if (const auto room = m_rooms.find(roomId); room != m_rooms.end())
        room->topic = topic;
}

void RoomDirectory::addMember(qint64 roomId, qint64 userId)
{
    m_members[roomId].insert(userId);
    m_roomsOfUser[userId].insert(roomId);
}

void RoomDirectory::removeMember(qint64 roomId, qint64 userId)
{
    m_members[roomId].remove(userId);
    m_roomsOfUser[userId].remove(roomId);
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
