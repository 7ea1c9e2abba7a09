#pragma once

#include "core/servercontext.h"
#include "storage/records.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <qcoro/qcorotask.h>

namespace FinChat {

class AccountService;

// user.ban, user.unban, user.role and audit.list: what moderators and admins do over the
// protocol. Who may do what is decided on the accounts as stored now, not as they were at
// login, so that a role taken away on the command line counts at once.
class ModerationService
{
public:
    ModerationService(ServerContext context, AccountService &accounts);

    QCoro::Task<Protocol::UserBanOk> ban(Request request, Protocol::UserBan fields);
    QCoro::Task<Protocol::UserUnbanOk> unban(Request request, Protocol::UserUnban fields);
    QCoro::Task<Protocol::UserRoleOk> setRole(Request request, Protocol::UserRole fields);
    QCoro::Task<Protocol::AuditListOk> auditLog(Request request, Protocol::AuditList fields);

private:
    // Who asks, as stored, and the person they name; throws forbidden when the one asking is
    // not at least minimum, unknown_user when the other does not exist, and forbidden when
    // it is a bot or themself.
    struct Parties
    {
        UserRecord actor;
        UserRecord target;
    };
    QCoro::Task<Parties> parties(const Request &request, const QString &targetName,
                                 Protocol::Role minimum);
    // Bans (disabled = true) or lifts the ban; the audit log says who and why.
    QCoro::Task<UserRecord> changeBan(const Request &request, const QString &targetName,
                                      bool disabled, const QString &reason);

    ServerContext m_context;
    AccountService &m_accounts;
};

} // namespace FinChat
