#include "roomservice.h"

#include "clientconnection.h"
#include "fanout.h"
#include "onlineusers.h"
#include "roomdirectory.h"
#include "storage.h"
#include "wireformat.h"

#include "finchat/validation.h"

#include <QJsonArray>

#include <algorithm>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;
namespace Type = Protocol::Type;

namespace {
QJsonObject roomSummary(const RoomRecord &room)
{
    return {{u"name"_s, room.name}, {u"topic"_s, room.topic}};
}
} // namespace

RoomService::RoomService(ServerContext context)
    : m_context(context)
{}

RoomRecord RoomService::existingRoom(const Request &request) const
{
    const QString name = request.string("room"_L1, 256).toLower();
    const RoomRecord *room = m_context.rooms.find(name);
    if (!room)
        throw ProtocolError(ErrorCode::UnknownRoom, u"there is no room called %1"_s.arg(name));
    return *room;
}

RoomRecord RoomService::memberRoom(const Request &request) const
{
    RoomRecord room = existingRoom(request);
    if (!m_context.rooms.isMember(room.id, request.connection()->user().id))
        throw ProtocolError(ErrorCode::NotAMember, u"join %1 first"_s.arg(room.name));
    return room;
}

QJsonObject RoomService::list(const Request &request) const
{
    const qint64 self = request.connection()->user().id;
    QJsonArray rooms;
    for (const RoomRecord &room : m_context.rooms.rooms()) {
        const QSet<qint64> members = m_context.rooms.members(room.id);
        const auto online = std::count_if(members.cbegin(), members.cend(), [this](qint64 id) {
            return m_context.online.isOnline(id);
        });
        QJsonObject summary = roomSummary(room);
        summary.insert(u"members"_s, members.size());
        summary.insert(u"online"_s, static_cast<qint64>(online));
        summary.insert(u"joined"_s, members.contains(self));
        rooms.append(summary);
    }
    return {{u"rooms"_s, rooms}};
}

QCoro::Task<QJsonObject> RoomService::create(Request request)
{
    const auto name = Validation::normalizedRoomName(request.string("name"_L1, 256));
    if (!name)
        throw ProtocolError(
            ErrorCode::InvalidRoomName,
            u"room names are 2 to 32 of a-z, 0-9, '_', '-', starting with a letter or digit"_s);
    QString topic;
    if (const auto requested = request.optionalString("topic"_L1, 1024)) {
        const auto normalized = Validation::normalizedTopic(*requested);
        if (!normalized)
            throw invalidField("topic"_L1,
                               u"must be at most %1 characters without control characters"_s.arg(
                                   Validation::TopicMaxLength));
        topic = *normalized;
    }
    const qint64 creatorId = request.connection()->user().id;
    auto creating = m_context.write([name = *name, topic, creatorId](Storage &storage) {
        auto room = storage.createRoom(name, topic, creatorId);
        if (room)
            storage.addMember(room->id, creatorId);
        return room;
    });
    const std::optional<RoomRecord> room = co_await creating;
    if (!room)
        throw ProtocolError(ErrorCode::RoomExists,
                            u"a room called %1 exists; join it instead"_s.arg(*name));
    m_context.rooms.addRoom(*room);
    m_context.rooms.addMember(room->id, creatorId);
    m_context.fanout.toEveryone(
        Protocol::makeFrame(Type::RoomCreated, {}, {{u"room"_s, roomSummary(*room)}}));
    co_return QJsonObject{{u"room"_s, roomSummary(*room)}};
}

QJsonObject RoomService::membershipEvent(const RoomRecord &room, const Author &user) const
{
    QJsonObject event = WireFormat::member(user, m_context.online.isOnline(user.id));
    event.insert(u"room"_s, room.name);
    return event;
}

namespace {
struct Joined
{
    bool isNew = false;
    QList<Author> members;
    QList<MessageRecord> messages;
};
} // namespace

QCoro::Task<QJsonObject> RoomService::join(Request request)
{
    const RoomRecord room = existingRoom(request);
    const Author user = request.connection()->user();
    auto joining = m_context.write([roomId = room.id, userId = user.id](Storage &storage) {
        Joined joined;
        joined.isNew = storage.addMember(roomId, userId);
        joined.members = storage.roomMembers(roomId);
        joined.messages = storage.messagesBefore(roomId, std::nullopt, JoinHistorySize + 1);
        return joined;
    });
    const Joined joined = co_await joining;
    m_context.rooms.addMember(room.id, user.id);
    if (joined.isNew)
        m_context.fanout.toRoom(
            room.id, Protocol::makeFrame(Type::MemberJoined, {}, membershipEvent(room, user)));

    QJsonArray members;
    for (const Author &member : joined.members)
        members.append(WireFormat::member(member, m_context.online.isOnline(member.id)));
    QJsonObject reply = page(room, joined.messages, JoinHistorySize);
    reply.insert(u"room"_s, roomSummary(room));
    reply.insert(u"members"_s, members);
    co_return reply;
}

QCoro::Task<QJsonObject> RoomService::leave(Request request)
{
    const RoomRecord room = existingRoom(request);
    const Author user = request.connection()->user();
    if (!m_context.rooms.isMember(room.id, user.id))
        throw ProtocolError(ErrorCode::NotAMember, u"you are not in %1"_s.arg(room.name));
    auto leaving = m_context.write([roomId = room.id, userId = user.id](Storage &storage) {
        return storage.removeMember(roomId, userId);
    });
    const bool wasMember = co_await leaving;
    if (!wasMember) // another device of the same user left first
        throw ProtocolError(ErrorCode::NotAMember, u"you are not in %1"_s.arg(room.name));
    m_context.rooms.removeMember(room.id, user.id);
    QSet<qint64> audience = m_context.rooms.members(room.id);
    audience.insert(user.id); // the user's other devices learn of it too
    m_context.fanout.toUsers(
        audience, Protocol::makeFrame(Type::MemberLeft, {}, membershipEvent(room, user)));
    co_return QJsonObject{{u"room"_s, room.name}};
}

QCoro::Task<QJsonObject> RoomService::history(Request request)
{
    const RoomRecord room = memberRoom(request);
    const auto before =
        request.optionalInteger("before"_L1, 1, std::numeric_limits<qint64>::max() / 2);
    const auto limit = static_cast<int>(
        request.optionalInteger("limit"_L1, 1, MaxHistoryPage).value_or(JoinHistorySize));
    // One row more than asked tells whether older messages remain, without a second query.
    auto fetching = m_context.read([roomId = room.id, before, limit](Storage &storage) {
        return storage.messagesBefore(roomId, before, limit + 1);
    });
    const QList<MessageRecord> messages = co_await fetching;
    QJsonObject reply = page(room, messages, limit);
    reply.insert(u"room"_s, room.name);
    co_return reply;
}

QJsonObject RoomService::page(const RoomRecord &room, QList<MessageRecord> messages, int limit)
{
    const bool hasMore = messages.size() > limit;
    if (hasMore)
        messages.removeFirst();
    return {{u"messages"_s, WireFormat::messages(messages, room.name)}, {u"hasMore"_s, hasMore}};
}

} // namespace FinChat
