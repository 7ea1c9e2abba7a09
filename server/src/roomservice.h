#pragma once

#include "records.h"
#include "request.h"
#include "servercontext.h"

#include <QJsonObject>

#include <qcoro/qcorotask.h>

namespace FinChat {

// rooms.list, room.create, room.join, room.leave and history.fetch.
class RoomService
{
public:
    static constexpr int JoinHistorySize = 50;
    static constexpr int MaxHistoryPage = 100;

    explicit RoomService(ServerContext context);

    QJsonObject list(const Request &request) const;
    QCoro::Task<QJsonObject> create(Request request);
    QCoro::Task<QJsonObject> join(Request request);
    QCoro::Task<QJsonObject> leave(Request request);
    QCoro::Task<QJsonObject> history(Request request);

    // The room a request names in its "room" field, or unknown_room / not_a_member. A copy:
    // the directory may change while a handler waits for storage.
    RoomRecord existingRoom(const Request &request) const;
    RoomRecord memberRoom(const Request &request) const;

private:
    // limit messages of the page, plus whether older ones remain, from limit + 1 fetched.
    static QJsonObject page(const RoomRecord &room, QList<MessageRecord> messages, int limit);
    QJsonObject membershipEvent(const RoomRecord &room, const Author &user) const;

    ServerContext m_context;
};

} // namespace FinChat
