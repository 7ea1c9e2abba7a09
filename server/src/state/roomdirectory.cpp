#include "state/roomdirectory.h"

#include <algorithm>

namespace FinChat {

namespace {
// Makes the directory's changes for as long as it lives without telling other servers.
class Replaying
{
public:
    explicit Replaying(bool &flag)
        : m_flag(flag)
        , m_was(flag)
    {
        m_flag = true;
    }
    ~Replaying() { m_flag = m_was; }
    Replaying(const Replaying &) = delete;
    Replaying &operator=(const Replaying &) = delete;

private:
    bool &m_flag;
    bool m_was;
};
} // namespace

void RoomDirectory::publish(const Bus::RoomChange &change) const
{
    if (m_sink && !m_replaying)
        m_sink(change);
}

void RoomDirectory::apply(const Bus::RoomChange &change)
{
    const Replaying replaying(m_replaying);
    std::visit(
        Bus::Overloaded{
            [this](const Bus::AddRoom &add) { addRoom(add.room); },
            [this](const Bus::SetTopic &set) { setTopic(set.roomId, set.topic); },
            [this](const Bus::AddMember &add) { addMember(add.roomId, add.userId); },
            [this](const Bus::RemoveMember &remove) { removeMember(remove.roomId, remove.userId); },
            [this](const Bus::SetMute &set) { setMute(set.mute); },
            [this](const Bus::LiftMute &lift) { liftMute(lift.roomId, lift.userId); },
            [](const Bus::ReloadRooms &) {
            }}, // the bus reads the database
        change);
}

void RoomDirectory::load(const RoomsSnapshot &snapshot)
{
    publish(Bus::ReloadRooms{});
    replace(snapshot);
}

void RoomDirectory::replace(const RoomsSnapshot &snapshot)
{
    const Replaying replaying(m_replaying);
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
    publish(Bus::SetMute{mute});
}

void RoomDirectory::liftMute(qint64 roomId, qint64 userId)
{
    m_mutedUntil.remove({roomId, userId});
    publish(Bus::LiftMute{roomId, userId});
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
    publish(Bus::AddRoom{room});
}

void RoomDirectory::setTopic(qint64 roomId, const QString &topic)
{
    if (const auto room = m_rooms.find(roomId); room != m_rooms.end())
        room->topic = topic;
    publish(Bus::SetTopic{roomId, topic});
}

void RoomDirectory::addMember(qint64 roomId, qint64 userId)
{
    m_members[roomId].insert(userId);
    m_roomsOfUser[userId].insert(roomId);
    publish(Bus::AddMember{roomId, userId});
}

void RoomDirectory::removeMember(qint64 roomId, qint64 userId)
{
    m_members[roomId].remove(userId);
    m_roomsOfUser[userId].remove(roomId);
    publish(Bus::RemoveMember{roomId, userId});
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
