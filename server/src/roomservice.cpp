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

const RoomRecord &RoomService::existingRoom(const Request &request) const
{
    const QString name = request.string("room"_L1, 256).toLower();
    const RoomRecord *room = m_context.rooms.find(name);
    if (!room)
        throw ProtocolError(ErrorCode::UnknownRoom, u"there is no room called %1"_s.arg(name));
    return *room;
}

const RoomRecord &RoomService::memberRoom(const Request &request) const
{
    const RoomRecord &room = existingRoom(request);
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

QJsonObject RoomService::create(const Request &request)
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
    const Author &creator = request.connection()->user();
    const auto room = m_context.rooms.create(*name, topic, creator.id);
    if (!room)
        throw ProtocolError(ErrorCode::RoomExists,
                            u"a room called %1 exists; join it instead"_s.arg(*name));
    m_context.rooms.join(room->id, creator.id);
    m_context.fanout.toEveryone(
        Protocol::makeFrame(Type::RoomCreated, {}, {{u"room"_s, roomSummary(*room)}}));
    return {{u"room"_s, roomSummary(*room)}};
}

QJsonObject RoomService::membershipEvent(const RoomRecord &room, const Author &user) const
{
    QJsonObject event = WireFormat::member(user, m_context.online.isOnline(user.id));
    event.insert(u"room"_s, room.name);
    return event;
}

QJsonObject RoomService::join(const Request &request)
{
    const RoomRecord &room = existingRoom(request);
    const Author &user = request.connection()->user();
    if (m_context.rooms.join(room.id, user.id))
        m_context.fanout.toRoom(
            room.id, Protocol::makeFrame(Type::MemberJoined, {}, membershipEvent(room, user)));

    QJsonArray members;
    for (const Author &member : m_context.storage.roomMembers(room.id))
        members.append(WireFormat::member(member, m_context.online.isOnline(member.id)));
    QJsonObject reply = page(room, std::nullopt, JoinHistorySize);
    reply.insert(u"room"_s, roomSummary(room));
    reply.insert(u"members"_s, members);
    return reply;
}

QJsonObject RoomService::leave(const Request &request)
{
    const RoomRecord &room = existingRoom(request);
    const Author &user = request.connection()->user();
    if (!m_context.rooms.leave(room.id, user.id))
        throw ProtocolError(ErrorCode::NotAMember, u"you are not in %1"_s.arg(room.name));
    QSet<qint64> audience = m_context.rooms.members(room.id);
    audience.insert(user.id); // the user's other devices learn of it too
    m_context.fanout.toUsers(
        audience, Protocol::makeFrame(Type::MemberLeft, {}, membershipEvent(room, user)));
    return {{u"room"_s, room.name}};
}

QJsonObject RoomService::history(const Request &request) const
{
    const RoomRecord &room = memberRoom(request);
    const auto before =
        request.optionalInteger("before"_L1, 1, std::numeric_limits<qint64>::max() / 2);
    const auto limit =
        request.optionalInteger("limit"_L1, 1, MaxHistoryPage).value_or(JoinHistorySize);
    QJsonObject reply = page(room, before, static_cast<int>(limit));
    reply.insert(u"room"_s, room.name);
    return reply;
}

QJsonObject RoomService::page(const RoomRecord &room, std::optional<qint64> beforeId,
                              int limit) const
{
    // One row more than asked tells whether older messages remain, without a second query.
    QList<MessageRecord> messages = m_context.storage.messagesBefore(room.id, beforeId, limit + 1);
    const bool hasMore = messages.size() > limit;
    if (hasMore)
        messages.removeFirst();
    return {{u"messages"_s, WireFormat::messages(messages, room.name)}, {u"hasMore"_s, hasMore}};
}

} // namespace FinChat
