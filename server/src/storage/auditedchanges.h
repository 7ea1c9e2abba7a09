#pragma once

#include "storage/records.h"

namespace FinChat {

class Storage;

// The changes the audit log must record, each made together with its line, inside the
// caller's transaction: a request's write (its savepoint) or the command line's
// Storage::inTransaction. The protocol (ModerationService) and the command line
// (finchat-server user|invite) both make them through here. `actor` is who did it, a
// username; nullopt: the server's command line.
namespace AuditedChanges {

// false when the account already has the role (read again here: it may have changed).
bool setRole(Storage &storage, const UserRecord &target, Protocol::Role role,
             const std::optional<QString> &actor);
// Disables (and logs out everywhere) or enables the account, recorded as `action` (ban,
// unban, disable, enable) with `detail`; false when it already was so.
bool setDisabled(Storage &storage, const UserRecord &target, bool disabled,
                 const std::optional<QString> &actor, QLatin1StringView action,
                 const QString &detail);
InviteRecord createInvite(Storage &storage, const QByteArray &codeHash,
                          const std::optional<QString> &actor, qint64 uses, qint64 expiresAt);
// false when no usable invite has this id.
bool revokeInvite(Storage &storage, qint64 inviteId, const std::optional<QString> &actor);
// Rooms. `topic` and `name` follow the rules of docs/protocol.md (the caller checks them).
void setTopic(Storage &storage, const RoomRecord &room, const QString &topic,
              const std::optional<QString> &actor);
// nullopt when the name is taken.
std::optional<RoomRecord> createRoom(Storage &storage, const QString &name, const QString &topic,
                                     const std::optional<QString> &actor);
// false when the new name is taken.
bool renameRoom(Storage &storage, const RoomRecord &room, const QString &name,
                const std::optional<QString> &actor);
// How many messages went with it.
qint64 deleteRoom(Storage &storage, const RoomRecord &room, const std::optional<QString> &actor);

} // namespace AuditedChanges
} // namespace FinChat
