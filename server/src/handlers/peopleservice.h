#pragma once

#include "core/servercontext.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <qcoro/qcorotask.h>

namespace FinChat {

// profile.get and users.online: who someone is, and who is here now.
class PeopleService
{
public:
    explicit PeopleService(ServerContext context);

    // Anyone's profile, with the rooms the asker shares with them.
    QCoro::Task<Protocol::ProfileGetOk> profile(Request request, Protocol::ProfileGet fields);
    // Everyone logged in on this server, by username, a page at a time.
    Protocol::UsersOnlineOk online(Request request, Protocol::UsersOnline fields) const;

private:
    // The names of the rooms both users are in, sorted.
    QStringList sharedRooms(qint64 userId, qint64 otherId) const;

    ServerContext m_context;
};

} // namespace FinChat
