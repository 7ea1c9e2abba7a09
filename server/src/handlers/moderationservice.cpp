#include "handlers/moderationservice.h"

#include "auth/invitecode.h"
#include "handlers/accountservice.h"
#include "handlers/permissions.h"
#include "handlers/roomservice.h"
#include "state/fanout.h"
#include "state/onlineusers.h"
#include "state/roomdirectory.h"
#include "storage/auditedchanges.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"
#include "wire/wireformat.h"

#include "finchat/protocol/messages.h"
#include "finchat/validation.h"

namespace FinChat {

using namespace Qt::StringLiterals;
using Permissions::actingAccount;
using Permissions::namedPerson;
using Permissions::personBelow;
using Protocol::ErrorCode;
using Protocol::Role;

namespace {

constexpr qint64 DefaultInviteHours = 7 * 24;
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;

// A moderator's reason, by the rules of reasons; invalid_field otherwise.
QString requireReason(const std::optional<QString> &given)
{
    const auto reason = Validation::normalizedReason(given.value_or(QString()));
    if (!reason)
        throw invalidField("reason"_L1, u"must be at most %1 characters, without control "
                                        "characters"_s.arg(Validation::ReasonMaxLength));
    return *reason;
}

std::optional<QString> optionalText(const QString &text)
{
    return text.isEmpty() ? std::nullopt : std::optional(text);
}

// An audit line's detail for an action in a room: "#room", then what and why when given.
QString roomDetail(const QString &room, const QString &what, const QString &reason)
{
    QString detail = u'#' + room;
    if (!what.isEmpty())
        detail += u' ' + what;
    if (!reason.isEmpty())
        detail += u": "_s + reason;
    return detail;
}

} // namespace

ModerationService::ModerationService(ServerContext context, AccountService &accounts,
                                     const RoomService &rooms)
    : m_context(context)
    , m_accounts(accounts)
    , m_rooms(rooms)
{}

QCoro::Task<UserRecord> ModerationService::changeBan(qint64 actorId, QString targetName,
                                                     bool disabled, QString reason)
{
    // One write, all or nothing (its own savepoint): no ban without its audit line.
    auto writing = m_context.write([=](Storage &storage) {
        const UserRecord actor = actingAccount(storage, actorId, Role::Moderator);
        const UserRecord target = personBelow(storage, actor, targetName);
        // Already so: nothing changes and nothing is recorded.
        AuditedChanges::setDisabled(
            storage, target, disabled, actor.username,
            disabled ? Protocol::AuditAction::Ban : Protocol::AuditAction::Unban, reason);
        return *storage.userById(target.id);
    });
    co_return co_await writing;
}

QCoro::Task<Protocol::UserBanOk> ModerationService::ban(Request request, Protocol::UserBan fields)
{
    const QString reason = requireReason(fields.reason);
    const Author actor = request.connection()->user();
    QCoro::Task<UserRecord> banning = changeBan(actor.id, fields.username, true, reason);
    const UserRecord banned = co_await banning;
    // Even when the moderator has left meanwhile: the ban is stored, so it takes effect. A
    // repeated ban closes whatever connection is left too.
    m_accounts.endSessionsOf(banned.id, Protocol::SessionEndReason::Banned,
                             reason.isEmpty()
                                 ? u"you were banned by %1"_s.arg(actor.username)
                                 : u"you were banned by %1: %2"_s.arg(actor.username, reason));
    co_return Protocol::UserBanOk{WireFormat::user(banned.author())};
}

QCoro::Task<Protocol::UserUnbanOk> ModerationService::unban(Request request,
                                                            Protocol::UserUnban fields)
{
    QCoro::Task<UserRecord> lifting =
        changeBan(request.connection()->user().id, fields.username, false, QString());
    const UserRecord unbanned = co_await lifting;
    co_return Protocol::UserUnbanOk{WireFormat::user(unbanned.author())};
}

QCoro::Task<Protocol::UserRoleOk> ModerationService::setRole(Request request,
                                                             Protocol::UserRole fields)
{
    const std::optional<Role> role = Protocol::roleFromName(fields.role);
    if (!role)
        throw invalidField("role"_L1, u"must be \"member\", \"moderator\" or \"admin\""_s);
    // Admins may change any other account's role, another admin's too; never their own, so
    // that the protocol alone cannot leave a server without an admin.
    auto writing = m_context.write([actorId = request.connection()->user().id,
                                    name = fields.username, role = *role](Storage &storage) {
        const UserRecord actor = actingAccount(storage, actorId, Role::Admin);
        const UserRecord target = namedPerson(storage, actor, name);
        const bool changed = AuditedChanges::setRole(storage, target, role, actor.username);
        return std::pair{changed, *storage.userById(target.id)};
    });
    const auto [changed, target] = co_await writing;
    if (changed)
        m_accounts.announceUserUpdate(target.author());
    co_return Protocol::UserRoleOk{WireFormat::user(target.author())};
}

QCoro::Task<Protocol::RoomTopicOk> ModerationService::setTopic(Request request,
                                                               Protocol::RoomTopic fields)
{
    RoomRecord room = m_rooms.existingRoom(fields.room);
    const auto topic = Validation::normalizedTopic(fields.topic);
    if (!topic)
        throw invalidField("topic"_L1, u"must be at most %1 characters without control "
                                       "characters"_s.arg(Validation::TopicMaxLength));
    // The room's creator keeps its topic as well as moderators do.
    auto writing = m_context.write(
        [actorId = request.connection()->user().id, room, topic = *topic](Storage &storage) {
            const UserRecord actor = actingAccount(storage, actorId, Role::Member);
            if (actor.role < Role::Moderator && storage.roomCreator(room.id) != actor.id)
                throw ProtocolError(ErrorCode::Forbidden,
                                    u"only the room's creator or a moderator sets its topic"_s);
            AuditedChanges::setTopic(storage, room, topic, actor.username);
        });
    co_await writing;
    room.topic = *topic;
    m_context.rooms.setTopic(room.id, room.topic);
    m_context.fanout.toEveryone(Protocol::RoomUpdated{WireFormat::room(room)});
    co_return Protocol::RoomTopicOk{WireFormat::room(room)};
}

QCoro::Task<Protocol::RoomKickOk> ModerationService::kick(Request request,
                                                          Protocol::RoomKick fields)
{
    const RoomRecord room = m_rooms.existingRoom(fields.room);
    const QString reason = requireReason(fields.reason);
    auto writing =
        m_context.write([actorId = request.connection()->user().id, roomId = room.id,
                         roomName = room.name, name = fields.username, reason](Storage &storage) {
            const UserRecord actor = actingAccount(storage, actorId, Role::Moderator);
            const UserRecord target = personBelow(storage, actor, name);
            if (!storage.removeMember(roomId, target.id))
                throw ProtocolError(ErrorCode::NotAMember,
                                    u"%1 is not in %2"_s.arg(target.username, roomName));
            storage.addAuditEntry({.actor = actor.username,
                                   .action = QString(Protocol::AuditAction::Kick),
                                   .target = target.username,
                                   .detail = roomDetail(roomName, QString(), reason)});
            return std::pair{actor.username, target.author()};
        });
    const auto [by, target] = co_await writing;
    m_context.rooms.removeMember(room.id, target.id);
    // The one removed may join again.
    tellRoomAndTarget(
        room, target.id,
        Protocol::MemberLeft{room.name, m_rooms.memberOf(target), by, optionalText(reason)});
    co_return Protocol::RoomKickOk{room.name, target.username};
}

template<typename Event>
void ModerationService::tellRoomAndTarget(const RoomRecord &room, qint64 targetId,
                                          const Event &event) const
{
    m_context.fanout.toRoomAnd(room.id, targetId, event);
}

QCoro::Task<Protocol::RoomMuteOk> ModerationService::mute(Request request,
                                                          Protocol::RoomMute fields)
{
    const RoomRecord room = m_rooms.existingRoom(fields.room);
    const QString reason = requireReason(fields.reason);
    const qint64 until = Protocol::nowMs() + fields.minutes * MinuteMs;
    auto writing = m_context.write([actorId = request.connection()->user().id, room,
                                    name = fields.username, until, reason](Storage &storage) {
        const UserRecord actor = actingAccount(storage, actorId, Role::Moderator);
        const UserRecord target = personBelow(storage, actor, name);
        storage.setMute({room.id, target.id, until}, actor.id);
        const QString when = QDateTime::fromMSecsSinceEpoch(until, Qt::UTC).toString(Qt::ISODate);
        storage.addAuditEntry({.actor = actor.username,
                               .action = QString(Protocol::AuditAction::Mute),
                               .target = target.username,
                               .detail = roomDetail(room.name, u"until "_s + when, reason)});
        return std::pair{actor.username, target.author()};
    });
    const auto [by, target] = co_await writing;
    m_context.rooms.setMute({room.id, target.id, until});
    tellRoomAndTarget(room, target.id,
                      Protocol::MemberMuted{room.name, WireFormat::user(target), by, until,
                                            optionalText(reason)});
    co_return Protocol::RoomMuteOk{room.name, target.username, until};
}

QCoro::Task<Protocol::RoomUnmuteOk> ModerationService::unmute(Request request,
                                                              Protocol::RoomUnmute fields)
{
    const RoomRecord room = m_rooms.existingRoom(fields.room);
    auto writing = m_context.write([actorId = request.connection()->user().id, room,
                                    name = fields.username](Storage &storage) {
        const UserRecord actor = actingAccount(storage, actorId, Role::Moderator);
        const UserRecord target = personBelow(storage, actor, name);
        // Not muted (any more): nothing changes and nothing is recorded.
        const bool lifted = storage.liftMute(room.id, target.id);
        if (lifted)
            storage.addAuditEntry({.actor = actor.username,
                                   .action = QString(Protocol::AuditAction::Unmute),
                                   .target = target.username,
                                   .detail = u'#' + room.name});
        return std::tuple{lifted, actor.username, target.author()};
    });
    const auto [lifted, by, target] = co_await writing;
    m_context.rooms.liftMute(room.id, target.id);
    if (lifted)
        tellRoomAndTarget(room, target.id,
                          Protocol::MemberUnmuted{room.name, WireFormat::user(target), by});
    co_return Protocol::RoomUnmuteOk{room.name, target.username};
}

QCoro::Task<Protocol::AuditListOk> ModerationService::auditLog(Request request,
                                                               Protocol::AuditList fields)
{
    const int limit = static_cast<int>(fields.limit.value_or(Protocol::MaxAuditPage));
    auto reading = m_context.read([actorId = request.connection()->user().id,
                                   before = fields.before, limit](Storage &storage) {
        actingAccount(storage, actorId, Role::Admin);
        return storage.auditEntries(before, limit + 1);
    });
    const QList<AuditRecord> entries = co_await reading;
    Protocol::AuditListOk reply;
    reply.hasMore = entries.size() > limit;
    for (const AuditRecord &entry : entries.first(std::min<qsizetype>(entries.size(), limit)))
        reply.entries.append(WireFormat::auditEntry(entry));
    co_return reply;
}

QCoro::Task<Protocol::UserListOk> ModerationService::listUsers(Request request,
                                                               Protocol::UserList fields)
{
    const int limit = static_cast<int>(fields.limit.value_or(Protocol::MaxUserPage));
    auto reading =
        m_context.read([actorId = request.connection()->user().id,
                        after = fields.after.value_or(QString()), limit](Storage &storage) {
            actingAccount(storage, actorId, Role::Moderator);
            return storage.usersAfter(after, limit + 1);
        });
    const QList<UserRecord> users = co_await reading;
    Protocol::UserListOk reply;
    reply.hasMore = users.size() > limit;
    for (const UserRecord &user : users.first(std::min<qsizetype>(users.size(), limit)))
        reply.users.append({WireFormat::user(user.author()), m_context.online.isOnline(user.id),
                            user.isDisabled(), user.createdAt});
    co_return reply;
}

QCoro::Task<Protocol::InviteCreateOk> ModerationService::createInvite(Request request,
                                                                      Protocol::InviteCreate fields)
{
    const QString code = InviteCode::generate();
    const qint64 uses = fields.uses.value_or(1);
    const qint64 expiresAt = Protocol::nowMs() + fields.hours.value_or(DefaultInviteHours) * HourMs;
    auto writing =
        m_context.write([actorId = request.connection()->user().id, hash = InviteCode::hash(code),
                         uses, expiresAt](Storage &storage) {
            const UserRecord actor = actingAccount(storage, actorId, Role::Admin);
            return AuditedChanges::createInvite(storage, hash, actor.username, uses, expiresAt);
        });
    const InviteRecord invite = co_await writing;
    co_return Protocol::InviteCreateOk{code, WireFormat::invite(invite)};
}

QCoro::Task<Protocol::InviteListOk> ModerationService::listInvites(Request request,
                                                                   Protocol::InviteList)
{
    auto reading = m_context.read([actorId = request.connection()->user().id](Storage &storage) {
        actingAccount(storage, actorId, Role::Admin);
        return storage.usableInvites();
    });
    const QList<InviteRecord> invites = co_await reading;
    Protocol::InviteListOk reply;
    for (const InviteRecord &invite : invites)
        reply.invites.append(WireFormat::invite(invite));
    co_return reply;
}

QCoro::Task<Protocol::InviteRevokeOk> ModerationService::revokeInvite(Request request,
                                                                      Protocol::InviteRevoke fields)
{
    auto writing = m_context.write(
        [actorId = request.connection()->user().id, id = fields.invite](Storage &storage) {
            const UserRecord actor = actingAccount(storage, actorId, Role::Admin);
            if (!AuditedChanges::revokeInvite(storage, id, actor.username))
                throw ProtocolError(ErrorCode::InvalidInvite,
                                    u"no invite %1 can still be used"_s.arg(id));
        });
    co_await writing;
    co_return Protocol::InviteRevokeOk{};
}

} // namespace FinChat
