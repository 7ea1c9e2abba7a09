#pragma once

#include "core/servercontext.h"
#include "state/ratelimiter.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <qcoro/qcorotask.h>

namespace FinChat {

class RoomService;

// message.search: the messages of the rooms a user is in that hold the words they look for,
// best first, with where the words are.
class SearchService
{
public:
    SearchService(ServerContext context, const RoomService &rooms);

    QCoro::Task<Protocol::MessageSearchOk> search(Request request, Protocol::MessageSearch fields);

private:
    ServerContext m_context;
    const RoomService &m_rooms;
    // Per user, as sending is (and apart from it): a search reads far more than a send, on
    // the thread every write waits for.
    KeyedLeakyBuckets m_searches;
};

} // namespace FinChat
