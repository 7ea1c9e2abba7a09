#pragma once

#include "core/servercontext.h"
#include "state/ratelimiter.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <qcoro/qcorotask.h>

namespace FinChat {

// dm.open: direct conversations, one-to-one or of a few people, private to their members.
// Once open, one is a room like any other to them (message.send, history.fetch, search,
// edits, replies), and to everyone else a room that does not exist.
class DirectService
{
public:
    explicit DirectService(ServerContext context);

    QCoro::Task<Protocol::DmOpenOk> open(Request request, Protocol::DmOpen fields);

private:
    ServerContext m_context;
    // New conversations a user may open, per hour, by username: opening one that exists is
    // free, making rooms with hundreds of strangers is not.
    WindowCounter m_newConversations;
};

} // namespace FinChat
