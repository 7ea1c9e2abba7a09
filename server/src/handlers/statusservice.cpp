#include "handlers/statusservice.h"

#include "handlers/permissions.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"

namespace FinChat {

StatusService::StatusService(ServerContext context, Snapshot snapshot)
    : m_context(context)
    , m_snapshot(std::move(snapshot))
{}

QCoro::Task<Protocol::ServerStatusOk> StatusService::status(Request request, Protocol::ServerStatus)
{
    auto checking = m_context.read([actorId = request.connection()->user().id](Storage &storage) {
        Permissions::actingAccount(storage, actorId, Protocol::Role::Admin);
    });
    co_await checking;
    co_return m_snapshot();
}

} // namespace FinChat
