#pragma once

#include "core/servercontext.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <qcoro/qcorotask.h>

namespace FinChat {

// settings.update: what admins set for the whole site (the message of the day, the edit
// window). Everyone logged in learns the new settings at once; every login carries them.
class SettingsService
{
public:
    explicit SettingsService(ServerContext context);
    // Another server changed them.
    QCoro::Task<> reload();

    QCoro::Task<Protocol::SettingsUpdateOk> update(Request request,
                                                   Protocol::SettingsUpdate fields);

private:
    ServerContext m_context;
};

} // namespace FinChat
