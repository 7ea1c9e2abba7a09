#pragma once

#include "records.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace FinChat {

class Storage;

// Rooms and who is in them, mirrored in memory so that a broadcast or a membership check
// needs no query. Storage stays the source of truth: every change is written there first.
class RoomDirectory
{
public:
    explicit RoomDirectory(Storage &storage);

    void load();
    const RoomRecord *find(const QString &name) const;
    const RoomRecord *findById(qint64 roomId) const;
    QList<RoomRecord> rooms() const;
    // nullopt when a room of that name exists.
    std::optional<RoomRecord> create(const QString &name, const QString &topic,
                                     std::optional<qint64> creatorId);
    bool join(qint64 roomId, qint64 userId);  // true when newly joined
    bool leave(qint64 roomId, qint64 userId); // true when the user was a member
    bool isMember(qint64 roomId, qint64 userId) const;
    QSet<qint64> members(qint64 roomId) const { return m_members.value(roomId); }
    QSet<qint64> roomsOf(qint64 userId) const { return m_roomsOfUser.value(userId); }
    // Everyone who shares at least one room with the user, the user left out.
    QSet<qint64> peersOf(qint64 userId) const;

private:
    Storage &m_storage;
    QHash<qint64, RoomRecord> m_rooms;
    QHash<QString, qint64> m_roomIdsByName;
    QHash<qint64, QSet<qint64>> m_members;
    QHash<qint64, QSet<qint64>> m_roomsOfUser;
};

} // namespace FinChat
