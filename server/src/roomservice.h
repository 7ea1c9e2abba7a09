#pragma once

#include "request.h"
#include "servercontext.h"

#include <QJsonObject>

namespace FinChat {

struct Author;
struct RoomRecord;

// rooms.list, room.create, room.join, room.leave and history.fetch.
class RoomService
{
public:
    static constexpr int JoinHistorySize = 50;
    static constexpr int MaxHistoryPage = 100;

    explicit RoomService(ServerContext context);

    QJsonObject list(const Request &request) const;
    QJsonObject create(const Request &request);
    QJsonObject join(const Request &request);
    QJsonObject leave(const Request &request);
    QJsonObject history(const Request &request) const;

    // The room a request names in its "room" field, or unknown_room / not_a_member.
    const RoomRecord &existingRoom(const Request &request) const;
    const RoomRecord &memberRoom(const Request &request) const;

private:
    QJsonObject page(const RoomRecord &room, std::optional<qint64> beforeId, int limit) const;
    QJsonObject membershipEvent(const RoomRecord &room, const Author &user) const;

    ServerContext m_context;
};

} // namespace FinChat
