#include "handlers/roomservice.h"

#include "state/fanout.h"
#include "state/onlineusers.h"
#include "state/roomdirectory.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"
#include "wire/wireformat.h"

#include "finchat/validation.h"

#include <QLoggingCategory>

#include <algorithm>

namespace FinChat {

Q_LOGGING_CATEGORY(lcRooms, "finchat.server.rooms")

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;

RoomService::RoomService(ServerContext context)
    : m_context(context)
{}

namespace {
ProtocolError unknownRoom(const QString &name)
{
    return ProtocolError(ErrorCode::UnknownRoom, u"there is no room called %1"_s.arg(name));
}
} // namespace

RoomRecord RoomService::existingRoom(const QString &name) const
{
    const QString key = name.toLower();
    const RoomRecord *room = m_context.rooms.find(key);
    if (!room || room->direct)
        throw unknownRoom(key);
    return *room;
}

RoomRecord RoomService::roomFor(const Request &request, const QString &name) const
{
    const QString key = name.toLower();
    const RoomRecord *room = m_context.rooms.findFor(key, request.connection()->user().id);
    if (!room)
        throw unknownRoom(key);
    return *room;
}

RoomRecord RoomService::memberRoom(const Request &request, const QString &name) const
{
    RoomRecord room = roomFor(request, name);
    if (!m_context.rooms.isMember(room.id, request.connection()->user().id))
        throw ProtocolError(ErrorCode::NotAMember, u"join %1 first"_s.arg(room.name));
    return room;
}

Protocol::Member RoomService::memberOf(const Author &user) const
{
    return WireFormat::member(user, m_context.online.isOnline(user.id));
}

Protocol::RoomsListOk RoomService::list(Request request, Protocol::RoomsList) const
{
    const qint64 self = request.connection()->user().id;
    Protocol::RoomsListOk reply;
    for (const RoomRecord &room : m_context.rooms.rooms()) {
        if (room.direct) // listed to nobody: its members have it among their rooms
            continue;
        const QSet<qint64> members = m_context.rooms.members(room.id);
        const auto online = std::count_if(members.cbegin(), members.cend(), [this](qint64 id) {
            return m_context.online.isOnline(id);
        });
        reply.rooms.append(
            {WireFormat::room(room), members.size(), online, members.contains(self)});
    }
    return reply;
}

QCoro::Task<Protocol::RoomCreateOk> RoomService::create(Request request,
                                                        Protocol::RoomCreate fields)
{
    const auto name = Validation::normalizedRoomName(fields.name);
    if (!name)
        throw ProtocolError(
            ErrorCode::InvalidRoomName,
            u"room names are 2 to 32 of a-z, 0-9, '_', '-', starting with a letter or digit"_s);
    QString topic;
    if (fields.topic) {
        const auto normalized = Validation::normalizedTopic(*fields.topic);
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
    m_context.fanout.toEveryone(Protocol::RoomCreated{WireFormat::room(*room)});
    // The creator is its first member: their other devices learn it as from a room.join.
    m_context.fanout.toRoom(
        room->id, Protocol::MemberJoined{room->name, memberOf(request.connection()->user())});
    co_return Protocol::RoomCreateOk{WireFormat::room(*room)};
}

namespace {
struct Joined
{
    bool isNew = false;
    QList<Author> members;
    QList<MessageRecord> messages;
};
} // namespace

QCoro::Task<Protocol::RoomJoinOk> RoomService::join(Request request, Protocol::RoomJoin fields)
{
    const RoomRecord room = roomFor(request, fields.room); // a direct one: its members reload it
    const Author user = request.connection()->user();
    const auto history = static_cast<int>(fields.history.value_or(Protocol::JoinHistorySize));
    auto joining = m_context.write([roomId = room.id, userId = user.id, history](Storage &storage) {
        Joined joined;
        joined.isNew = storage.addMember(roomId, userId);
        joined.members = storage.roomMembers(roomId);
        joined.messages = storage.messagesBefore(roomId, std::nullopt, history + 1);
        return joined;
    });
    const Joined joined = co_await joining;
    m_context.rooms.addMember(room.id, user.id);
    if (joined.isNew)
        m_context.fanout.toRoom(room.id, Protocol::MemberJoined{room.name, memberOf(user)});

    Protocol::RoomJoinOk reply{WireFormat::room(room), page(room, joined.messages, history), {}};
    for (const Author &member : joined.members)
        reply.members.append(memberOf(member));
    reply.mutedUntil = m_context.rooms.mutedUntil(room.id, user.id, Protocol::nowMs());
    co_return reply;
}

QCoro::Task<Protocol::RoomLeaveOk> RoomService::leave(Request request, Protocol::RoomLeave fields)
{
    const RoomRecord room = roomFor(request, fields.room);
    if (room.direct)
        throw ProtocolError(ErrorCode::Forbidden, u"a direct conversation cannot be left"_s);
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
    // The user's other devices learn of it too.
    m_context.fanout.toRoomAnd(room.id, user.id, Protocol::MemberLeft{room.name, memberOf(user)});
    co_return Protocol::RoomLeaveOk{room.name};
}

QCoro::Task<Protocol::HistoryFetchOk> RoomService::history(Request request,
                                                           Protocol::HistoryFetch fields)
{
    const RoomRecord room = memberRoom(request, fields.room);
    const auto limit = static_cast<int>(fields.limit.value_or(Protocol::DefaultHistoryPage));
    if (fields.around) {
        if (fields.before)
            throw invalidField("around"_L1, u"cannot go with 'before'"_s);
        auto surrounding = around(room, *fields.around, limit);
        co_return co_await surrounding;
    }
    // One row more than asked tells whether older messages remain, without a second query.
    auto fetching =
        m_context.read([roomId = room.id, before = fields.before, limit](Storage &storage) {
            return storage.messagesBefore(roomId, before, limit + 1);
        });
    const QList<MessageRecord> messages = co_await fetching;
    co_return Protocol::HistoryFetchOk{room.name, page(room, messages, limit)};
}

QCoro::Task<Protocol::HistoryFetchOk> RoomService::around(RoomRecord room, qint64 id, int limit)
{
    // The message, up to half the page before it and the rest after; one more each way
    // tells whether the room goes on.
    const int older = (limit - 1) / 2;
    const int newer = limit - 1 - older;
    struct Window
    {
        QList<MessageRecord> upToIt; // oldest first, it last
        QList<MessageRecord> after;
    };
    auto reading = m_context.read([roomId = room.id, id, older, newer](Storage &storage) {
        return Window{storage.messagesBefore(roomId, id + 1, older + 2),
                      storage.messagesAfter(roomId, id, newer + 1)};
    });
    Window window = co_await reading;
    if (window.upToIt.isEmpty() || window.upToIt.last().id != id)
        throw ProtocolError(ErrorCode::UnknownMessage,
                            u"there is no message %1 in %2"_s.arg(id).arg(room.name));
    Protocol::HistoryFetchOk reply{room.name, page(room, window.upToIt, older + 1), false};
    reply.hasNewer = window.after.size() > newer;
    if (reply.hasNewer)
        window.after.removeLast();
    reply.page.messages.append(WireFormat::messages(window.after, room.name));
    co_return reply;
}

Protocol::HistoryPage RoomService::page(const RoomRecord &room, QList<MessageRecord> messages,
                                        int limit)
{
    const bool hasMore = messages.size() > limit;
    if (hasMore)
        messages.removeFirst();
    return {WireFormat::messages(messages, room.name), hasMore};
}

QCoro::Task<> RoomService::mirrorDirectory(std::function<void()> done)
{
    auto reading = m_context.read([](Storage &storage) { return storage.roomsSnapshot(); });
    try {
        m_context.rooms.replace(co_await reading);
    } catch (const Abandoned &) {
        co_return; // the server stopped
    } catch (const std::exception &error) {
        qCWarning(lcRooms) << "cannot read the rooms again; the ones held stay:" << error.what();
    }
    done();
}

QCoro::Task<> RoomService::reloadDirectory()
{
    auto reading = m_context.read([](Storage &storage) { return storage.roomsSnapshot(); });
    RoomsSnapshot read;
    try {
        read = co_await reading;
    } catch (const Abandoned &) {
        co_return; // the server stopped
    } catch (const std::exception &error) {
        qCWarning(lcRooms) << "cannot read the rooms again; the ones held stay:" << error.what();
        co_return;
    }
    const RoomDirectory::Differences changed = m_context.rooms.differencesFrom(read.rooms);
    m_context.rooms.load(read);
    // Clients know rooms by name: the names that went go first, so that a name given to
    // another room (deleted and made again, renamed into) arrives after it was freed.
    for (const QString &room : changed.deleted)
        m_context.fanout.toEveryone(Protocol::RoomDeleted{room});
    for (const auto &[from, room] : changed.renamed)
        m_context.fanout.toEveryone(Protocol::RoomRenamed{from, WireFormat::room(room)});
    for (const RoomRecord &room : changed.created)
        m_context.fanout.toEveryone(Protocol::RoomCreated{WireFormat::room(room)});
    for (const RoomRecord &room : changed.retopiced)
        m_context.fanout.toEveryone(Protocol::RoomUpdated{WireFormat::room(room)});
    const auto count = changed.created.size() + changed.renamed.size() + changed.retopiced.size() +
                       changed.deleted.size();
    if (count > 0)
        qCInfo(lcRooms) << "rooms read again:" << count << "changed";
}

} // namespace FinChat
