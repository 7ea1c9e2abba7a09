#include "storage/auditedchanges.h"

#include "auth/invitecode.h"
#include "storage/storage.h"

namespace FinChat::AuditedChanges {

using namespace Qt::StringLiterals;

namespace {

QString inviteName(qint64 inviteId)
{
    return u"invite %1"_s.arg(inviteId);
}

} // namespace

bool setRole(Storage &storage, const UserRecord &target, Protocol::Role role,
             const std::optional<QString> &actor)
{
    const std::optional<UserRecord> current = storage.userById(target.id);
    if (!current || current->role == role)
        return false;
    storage.setRole(target.id, role);
    storage.addAuditEntry({.actor = actor,
                           .action = QString(Protocol::AuditAction::RoleChange),
                           .target = target.username,
                           .detail = QString(Protocol::roleName(role))});
    return true;
}

bool setDisabled(Storage &storage, const UserRecord &target, bool disabled,
                 const std::optional<QString> &actor, QLatin1StringView action,
                 const QString &detail)
{
    if (!storage.setDisabled(target.id, disabled))
        return false;
    if (disabled)
        storage.deleteSessionsOfUser(target.id); // logged out everywhere
    storage.addAuditEntry(
        {.actor = actor, .action = QString(action), .target = target.username, .detail = detail});
    return true;
}

InviteRecord createInvite(Storage &storage, const QByteArray &codeHash,
                          const std::optional<QString> &actor, qint64 uses, qint64 expiresAt)
{
    const InviteRecord invite = storage.createInvite(codeHash, actor, uses, expiresAt);
    storage.addAuditEntry({.actor = actor,
                           .action = QString(Protocol::AuditAction::InviteCreated),
                           .target = inviteName(invite.id),
                           .detail = InviteCode::summary(uses, expiresAt)});
    return invite;
}

bool revokeInvite(Storage &storage, qint64 inviteId, const std::optional<QString> &actor)
{
    if (!storage.revokeInvite(inviteId))
        return false;
    storage.addAuditEntry({.actor = actor,
                           .action = QString(Protocol::AuditAction::InviteRevoked),
                           .target = inviteName(inviteId),
                           .detail = QString()});
    return true;
}

void setTopic(Storage &storage, const RoomRecord &room, const QString &topic,
              const std::optional<QString> &actor)
{
    storage.setRoomTopic(room.id, topic);
    storage.addAuditEntry({.actor = actor,
                           .action = QString(Protocol::AuditAction::Topic),
                           .target = u'#' + room.name,
                           .detail = topic});
}

std::optional<RoomRecord> createRoom(Storage &storage, const QString &name, const QString &topic,
                                     const std::optional<QString> &actor)
{
    auto created = storage.createRoom(name, topic, std::nullopt);
    if (created)
        storage.addAuditEntry({.actor = actor,
                               .action = QString(Protocol::AuditAction::CreateRoom),
                               .target = u'#' + name,
                               .detail = topic});
    return created;
}

bool renameRoom(Storage &storage, const RoomRecord &room, const QString &name,
                const std::optional<QString> &actor)
{
    if (storage.roomByName(name))
        return false;
    storage.renameRoom(room.id, name);
    storage.addAuditEntry({.actor = actor,
                           .action = QString(Protocol::AuditAction::RenameRoom),
                           .target = u'#' + name,
                           .detail = u"was #"_s + room.name});
    return true;
}

qint64 deleteRoom(Storage &storage, const RoomRecord &room, const std::optional<QString> &actor)
{
    const qint64 messages = storage.deleteRoom(room.id);
    storage.addAuditEntry({.actor = actor,
                           .action = QString(Protocol::AuditAction::DeleteRoom),
                           .target = u'#' + room.name,
                           .detail = u"%1 messages"_s.arg(messages)});
    return messages;
}

} // namespace FinChat::AuditedChanges
