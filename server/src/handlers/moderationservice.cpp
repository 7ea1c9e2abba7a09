#include "handlers/moderationservice.h"

#include "handlers/accountservice.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"
#include "wire/wireformat.h"

#include "finchat/protocol/messages.h"
#include "finchat/validation.h"

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;
using Protocol::Role;

namespace {

ProtocolError forbidden(const QString &why)
{
    return {ErrorCode::Forbidden, why};
}

QString roleWord(Role role)
{
    return QString(Protocol::roleName(role));
}

} // namespace

ModerationService::ModerationService(ServerContext context, AccountService &accounts)
    : m_context(context)
    , m_accounts(accounts)
{}

QCoro::Task<ModerationService::Parties>
ModerationService::parties(const Request &request, const QString &targetName, Role minimum)
{
    const qint64 actorId = request.connection()->user().id;
    const QString username = Validation::normalizedUsername(targetName).value_or(QString());
    auto reading = m_context.read([actorId, username](Storage &storage) {
        return std::pair{storage.userById(actorId),
                         username.isEmpty() ? std::nullopt : storage.userByName(username)};
    });
    const auto [actor, target] = co_await reading;
    if (!actor || actor->isDisabled() || actor->role < minimum)
        throw forbidden(u"only a %1 may do this"_s.arg(roleWord(minimum)));
    if (!target)
        throw ProtocolError(ErrorCode::UnknownUser,
                            u"there is no user '%1'"_s.arg(targetName.left(64)));
    if (target->isBot)
        throw forbidden(u"bots are managed on the server (finchat-server bot ...)"_s);
    if (target->id == actor->id)
        throw forbidden(u"you cannot do this to yourself; ask another admin"_s);
    co_return Parties{*actor, *target};
}

QCoro::Task<UserRecord> ModerationService::changeBan(const Request &request,
                                                     const QString &targetName, bool disabled,
                                                     const QString &reason)
{
    QCoro::Task<Parties> finding = parties(request, targetName, Role::Moderator);
    const Parties found = co_await finding;
    // Nobody bans their equal: a moderator bans members, an admin moderators too; an admin
    // is demoted (user.role) before a ban.
    if (found.target.role >= found.actor.role)
        throw forbidden(u"%1 is a %2; only a higher role may do this"_s.arg(
            found.target.username, roleWord(found.target.role)));
    AuditRecord entry{
        .actor = found.actor.username,
        .action = QString(disabled ? Protocol::AuditAction::Ban : Protocol::AuditAction::Unban),
        .target = found.target.username,
        .detail = reason};
    // A write is all or nothing (its own savepoint): no ban without its audit line.
    auto writing = m_context.write([targetId = found.target.id, disabled, entry](Storage &storage) {
        if (storage.setDisabled(targetId, disabled)) { // else already so: nothing to record
            if (disabled)
                storage.deleteSessionsOfUser(targetId);
            storage.addAuditEntry(entry);
        }
        return storage.userById(targetId);
    });
    const std::optional<UserRecord> changed = co_await writing;
    if (!changed)
        throw ProtocolError(ErrorCode::InternalError, u"the account no longer exists"_s);
    co_return *changed;
}

QCoro::Task<Protocol::UserBanOk> ModerationService::ban(Request request, Protocol::UserBan fields)
{
    const QString reason = fields.reason.value_or(QString()).simplified();
    const QString by = request.connection()->user().username;
    QCoro::Task<UserRecord> banning = changeBan(request, fields.username, true, reason);
    const UserRecord banned = co_await banning;
    // Even when the moderator has left meanwhile: the ban is stored, so it takes effect.
    m_accounts.endSessionsOf(banned.id, Protocol::SessionEndReason::Banned,
                             reason.isEmpty() ? u"you were banned by %1"_s.arg(by)
                                              : u"you were banned by %1: %2"_s.arg(by, reason));
    co_return Protocol::UserBanOk{WireFormat::user(banned.author())};
}

QCoro::Task<Protocol::UserUnbanOk> ModerationService::unban(Request request,
                                                            Protocol::UserUnban fields)
{
    QCoro::Task<UserRecord> lifting = changeBan(request, fields.username, false, QString());
    const UserRecord unbanned = co_await lifting;
    co_return Protocol::UserUnbanOk{WireFormat::user(unbanned.author())};
}

QCoro::Task<Protocol::UserRoleOk> ModerationService::setRole(Request request,
                                                             Protocol::UserRole fields)
{
    const std::optional<Role> role = Protocol::roleFromName(fields.role);
    if (!role)
        throw invalidField("role"_L1, u"must be \"member\", \"moderator\" or \"admin\""_s);
    QCoro::Task<Parties> finding = parties(request, fields.username, Role::Admin);
    const Parties found = co_await finding;
    const AuditRecord entry{.actor = found.actor.username,
                            .action = QString(Protocol::AuditAction::RoleChange),
                            .target = found.target.username,
                            .detail = roleWord(*role)};
    auto writing =
        m_context.write([targetId = found.target.id, role = *role, entry](Storage &storage) {
            const auto current = storage.userById(targetId);
            if (current && current->role != role) {
                storage.setRole(targetId, role);
                storage.addAuditEntry(entry);
            }
            return storage.userById(targetId);
        });
    const std::optional<UserRecord> changed = co_await writing;
    if (!changed)
        throw ProtocolError(ErrorCode::InternalError, u"the account no longer exists"_s);
    if (changed->role != found.target.role)
        m_accounts.announceUserUpdate(changed->author());
    co_return Protocol::UserRoleOk{WireFormat::user(changed->author())};
}

QCoro::Task<Protocol::AuditListOk> ModerationService::auditLog(Request request,
                                                               Protocol::AuditList fields)
{
    const qint64 actorId = request.connection()->user().id;
    const int limit = static_cast<int>(fields.limit.value_or(Protocol::MaxAuditPage));
    auto reading = m_context.read([actorId, before = fields.before, limit](Storage &storage) {
        const auto actor = storage.userById(actorId);
        const bool allowed = actor && !actor->isDisabled() && actor->role == Role::Admin;
        return std::pair{allowed,
                         allowed ? storage.auditEntries(before, limit + 1) : QList<AuditRecord>()};
    });
    const auto [allowed, entries] = co_await reading;
    if (!allowed)
        throw forbidden(u"only an admin may read the audit log"_s);
    Protocol::AuditListOk reply;
    reply.hasMore = entries.size() > limit;
    for (const AuditRecord &entry : entries.first(std::min<qsizetype>(entries.size(), limit)))
        reply.entries.append(WireFormat::auditEntry(entry));
    co_return reply;
}

} // namespace FinChat
