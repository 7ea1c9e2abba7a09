#pragma once

#include "core/servercontext.h"
#include "storage/records.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <qcoro/qcorotask.h>

namespace FinChat {

// rooms.list, room.create, room.join, room.leave and history.fetch.
class RoomService
{
public:
    explicit RoomService(ServerContext context);

    Protocol::RoomsListOk list(Request request, Protocol::RoomsList fields) const;
    QCoro::Task<Protocol::RoomCreateOk> create(Request request, Protocol::RoomCreate fields);
    QCoro::Task<Protocol::RoomJoinOk> join(Request request, Protocol::RoomJoin fields);
    QCoro::Task<Protocol::RoomLeaveOk> leave(Request request, Protocol::RoomLeave fields);
    QCoro::Task<Protocol::HistoryFetchOk> history(Request request, Protocol::HistoryFetch fields);

    // The public room called name, or unknown_room (for a direct conversation too: no room
    // request but these below applies to one). A copy: the directory may change while a
    // handler waits for storage.
    RoomRecord existingRoom(const QString &name) const;
    // A room the asker is in, or unknown_room / not_a_member.
    RoomRecord memberRoom(const Request &request, const QString &name) const;
    // A room the asker may know of: a public one, or a direct conversation they are in;
    // unknown_room otherwise, the same as for a room that does not exist.
    RoomRecord roomFor(const Request &request, const QString &name) const;
    // The user as a room's member list shows them, online or not.
    Protocol::Member memberOf(const Author &user) const;
    // Reads the rooms again from the database, which the command line may have changed
    // (finchat-server room ...), and tells everyone logged in what changed: on SIGHUP.
    QCoro::Task<> reloadDirectory();
    // Another server read the rooms again (its command line changed them): so does this one,
    // telling nobody (that server did), then calls done.
    QCoro::Task<> mirrorDirectory(std::function<void()> done);

private:
    // history.fetch's `around`: the messages around message `id` of the room.
    QCoro::Task<Protocol::HistoryFetchOk> around(RoomRecord room, qint64 id, int limit);
    // limit messages of the page, plus whether older ones remain, from limit + 1 fetched.
    static Protocol::HistoryPage page(const RoomRecord &room, QList<MessageRecord> messages,
                                      int limit);

    ServerContext m_context;
};

} // namespace FinChat
