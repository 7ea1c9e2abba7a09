#pragma once

#include "core/servercontext.h"
#include "storage/records.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <qcoro/qcorotask.h>

namespace FinChat {

class AccountService;
class RoomService;

// user.ban, user.unban, user.role, room.topic, room.kick, room.mute, room.unmute, audit.list
// and invite.*: what
// moderators and admins do over the protocol. Who may do what is decided inside the storage work
// that acts, on the accounts as stored at that moment: writes run one at a time, so two requests
// racing (two admins demoting each other, a ban and a promotion) cannot both pass a check that only
// one of them should, and a role taken away on the command line counts at once.
class ModerationService
{
public:
    ModerationService(ServerContext context, AccountService &accounts, const RoomService &rooms);

    QCoro::Task<Protocol::UserBanOk> ban(Request request, Protocol::UserBan fields);
    QCoro::Task<Protocol::UserUnbanOk> unban(Request request, Protocol::UserUnban fields);
    QCoro::Task<Protocol::UserRoleOk> setRole(Request request, Protocol::UserRole fields);
    QCoro::Task<Protocol::AuditListOk> auditLog(Request request, Protocol::AuditList fields);
    QCoro::Task<Protocol::UserListOk> listUsers(Request request, Protocol::UserList fields);
    QCoro::Task<Protocol::RoomTopicOk> setTopic(Request request, Protocol::RoomTopic fields);
    QCoro::Task<Protocol::RoomKickOk> kick(Request request, Protocol::RoomKick fields);
    QCoro::Task<Protocol::RoomMuteOk> mute(Request request, Protocol::RoomMute fields);
    QCoro::Task<Protocol::RoomUnmuteOk> unmute(Request request, Protocol::RoomUnmute fields);
    QCoro::Task<Protocol::InviteCreateOk> createInvite(Request request,
                                                       Protocol::InviteCreate fields);
    QCoro::Task<Protocol::InviteListOk> listInvites(Request request, Protocol::InviteList fields);
    QCoro::Task<Protocol::InviteRevokeOk> revokeInvite(Request request,
                                                       Protocol::InviteRevoke fields);

private:
    // Bans (disabled = true) or lifts a ban; the account as it now is. By value: a coroutine
    // keeps its parameters, not what a reference pointed to.
    QCoro::Task<UserRecord> changeBan(qint64 actorId, QString targetName, bool disabled,
                                      QString reason);
    // To the room's members and every device of the one it is about.
    template<typename Event>
    void tellRoomAndTarget(const RoomRecord &room, qint64 targetId, const Event &event) const;

    ServerContext m_context;
    AccountService &m_accounts;
    const RoomService &m_rooms;
};

} // namespace FinChat
