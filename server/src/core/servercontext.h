#pragma once

#include "storage/storagethread.h"

namespace FinChat {

class ClusterBus;
class Fanout;
class OnlineUsers;
class RateSharing;
class RoomDirectory;
struct ServerLimits;
struct SiteSettingsRecord;

// The shared state the request handlers work on, owned by ChatServer.
struct ServerContext
{
    StorageThread &storage;
    const ServerLimits &limits;
    OnlineUsers &online;
    RoomDirectory &rooms;
    const Fanout &fanout;
    // The other servers on the same database, if any.
    ClusterBus &cluster;
    // Where the rate limits per user or address take part, to hold across those servers.
    RateSharing &rates;
    // What admins set with settings.update, as stored.
    SiteSettingsRecord &settings;
    // Lives exactly as long as the server: storage answers that arrive after it is gone
    // unwind their handler (Abandoned) instead of resuming into freed services.
    const QObject &lifetime;

    // Storage work for a handler; name the result before co_awaiting it (see StorageThread).
    template<typename Work>
    auto read(Work work) const
    {
        return storage.read(&lifetime, std::move(work));
    }
    template<typename Work>
    auto write(Work work) const
    {
        return storage.write(&lifetime, std::move(work));
    }
};

} // namespace FinChat
