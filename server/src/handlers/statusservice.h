#pragma once

#include "core/servercontext.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <functional>

#include <qcoro/qcorotask.h>

namespace FinChat {

// server.status: how the server is doing, for its admins. What it reports is gathered by
// whoever owns the parts (ChatServer), at the moment of asking; the metrics endpoint shows the
// same figures.
class StatusService
{
public:
    using Snapshot = std::function<Protocol::ServerStatusOk()>;
    StatusService(ServerContext context, Snapshot snapshot);

    QCoro::Task<Protocol::ServerStatusOk> status(Request request, Protocol::ServerStatus fields);

private:
    ServerContext m_context;
    Snapshot m_snapshot;
};

} // namespace FinChat
