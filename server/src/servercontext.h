#pragma once

namespace FinChat {

class Fanout;
class OnlineUsers;
class RoomDirectory;
class Storage;
struct ServerLimits;

// The shared state the request handlers work on, owned by ChatServer.
struct ServerContext
{
    Storage &storage;
    const ServerLimits &limits;
    OnlineUsers &online;
    RoomDirectory &rooms;
    const Fanout &fanout;
};

} // namespace FinChat
