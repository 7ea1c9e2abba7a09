#pragma once

#include "cluster/busmessage.h"
#include "storage/records.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace FinChat {

// Rooms and who is in them, mirrored in memory so that a broadcast or a membership check
// needs no query. The database stays the source of truth: the services change it first and
// tell the directory once the change is committed. Servers sharing one database mirror one
// another's changes: each change made here goes to the change sink (ClusterBus), and those of
// the other servers come back through apply().
class RoomDirectory
{
public:
    using ChangeSink = std::function<void(const Bus::RoomChange &)>;
    void setChangeSink(ChangeSink sink) { m_sink = std::move(sink); }
    // Another server's change, made here without sending it on.
    void apply(const Bus::RoomChange &change);

    // Everything anew, from the database; the other servers are told to read it again too.
    void load(const RoomsSnapshot &snapshot);
    // The same, as another server asked: not sent on.
    void replace(const RoomsSnapshot &snapshot);
    // How the public rooms read again from the database differ from those held here; direct
    // conversations are no part of it (none is made, renamed or deleted but over the wire,
    // and nobody outside them may be told of one).
    struct Differences
    {
        QList<RoomRecord> created;
        QList<std::pair<QString, RoomRecord>> renamed; // (old name, the room now)
        QList<RoomRecord> retopiced;
        QList<QString> deleted;
    };
    Differences differencesFrom(const QList<RoomRecord> &rooms) const;
    const RoomRecord *find(const QString &name) const;
    // The room as this user may know it: nullptr for a direct conversation they are not in,
    // as for one that does not exist.
    const RoomRecord *findFor(const QString &name, qint64 userId) const;
    const RoomRecord *findById(qint64 roomId) const;
    QList<RoomRecord> rooms() const;
    void addRoom(const RoomRecord &room);
    void setTopic(qint64 roomId, const QString &topic);
    void addMember(qint64 roomId, qint64 userId);
    void removeMember(qint64 roomId, qint64 userId);
    bool isMember(qint64 roomId, qint64 userId) const;
    QSet<qint64> members(qint64 roomId) const { return m_members.value(roomId); }
    QSet<qint64> roomsOf(qint64 userId) const { return m_roomsOfUser.value(userId); }
    // Everyone who shares at least one room with the user, the user left out.
    QSet<qint64> peersOf(qint64 userId) const;
    // Mutes (room.mute), kept here so that sending checks them without a query.
    void setMute(const MuteRecord &mute);
    void liftMute(qint64 roomId, qint64 userId);
    // Until when the user may not post in the room, if a mute holds at `now`.
    std::optional<qint64> mutedUntil(qint64 roomId, qint64 userId, qint64 now) const;

private:
    QHash<qint64, RoomRecord> m_rooms;
    QHash<QString, qint64> m_roomIdsByName;
    QHash<qint64, QSet<qint64>> m_members;
    QHash<qint64, QSet<qint64>> m_roomsOfUser;
    QHash<std::pair<qint64, qint64>, qint64> m_mutedUntil; // (room id, user id) -> until
    ChangeSink m_sink;
    bool m_replaying = false; // applying a change that is not this server's to tell
    void publish(const Bus::RoomChange &change) const;
};

} // namespace FinChat
