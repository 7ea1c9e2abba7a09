#include "handlers/messageservice.h"

#include "handlers/permissions.h"
#include "handlers/roomservice.h"
#include "state/fanout.h"
#include "state/ratesharing.h"
#include "state/roomdirectory.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"
#include "wire/wireformat.h"

#include "finchat/validation.h"

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;

namespace {

QString clockTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
}

// The message a new one answers: in the same room and not deleted.
void requireReplyTarget(const Storage &storage, qint64 id, const RoomRecord &room)
{
    const auto original = storage.messageById(id);
    if (!original || original->roomId != room.id || original->deleted)
        throw ProtocolError(ErrorCode::UnknownMessage,
                            u"there is no message %1 in %2 to reply to"_s.arg(id).arg(room.name));
}

} // namespace

MessageService::MessageService(ServerContext context, const RoomService &rooms)
    : m_context(context)
    , m_rooms(rooms)
    , m_commands(context.fanout)
    , m_messageRate(context.limits.messageBurst, context.limits.messageWindow)
{
    m_messageRate.share(context.rates, u"messages"_s);
}

QCoro::Task<Protocol::MessageSendOk> MessageService::send(Request request,
                                                          Protocol::MessageSend fields)
{
    const Author sender = request.connection()->user();
    const RoomRecord room = m_rooms.memberRoom(request, fields.room);
    const QString body = fields.body;
    const QString nonce = fields.nonce.value_or(QString());
    admitText(sender, room, body);

    if (const auto command = Validation::parseCommand(body)) {
        // Through the storage queue, though it stores nothing: the room must see the command
        // after the messages this user sent before it, which may still be committing.
        auto queued = m_context.read([](Storage &) {});
        co_await queued;
        co_return m_commands.route(request.liveConnection(), room, *command);
    }

    // Committed before anyone is shown it: what a client sees was acknowledged by the disk.
    // Once stored it goes out even if the sender has left meanwhile.
    auto storing = m_context.write(
        [room, author = sender, body, nonce, replyTo = fields.replyTo](Storage &storage) {
            // A retried reply is answered with what it stored (insertMessage), whatever
            // became of the message it answers meanwhile.
            if (replyTo && (nonce.isEmpty() || !storage.messageByNonce(author.id, nonce)))
                requireReplyTarget(storage, *replyTo, room);
            return storage.insertMessage(room.id, author, body, nonce, replyTo);
        });
    const Storage::Inserted inserted = co_await storing;
    // A retried nonce answers with the original, which names its own room.
    const RoomRecord *origin = m_context.rooms.findById(inserted.message.roomId);
    const Protocol::Message message =
        WireFormat::message(inserted.message, origin ? origin->name : room.name);
    if (!inserted.duplicate) {
        m_stored.record(Protocol::nowMs());
        m_context.fanout.toRoom(room.id, Protocol::MessageNew{message});
    }
    co_return Protocol::MessageSendOk{message, inserted.duplicate, std::nullopt};
}

QCoro::Task<Protocol::MessageEditOk> MessageService::edit(Request request,
                                                          Protocol::MessageEdit fields)
{
    const Author author = request.connection()->user();
    const QString body = fields.body;
    if (Validation::parseCommand(body))
        throw invalidField("body"_L1, u"cannot become a command"_s);
    const qint64 id = fields.message;
    // The message as stored, its author's own and not deleted; judged again in the write,
    // which may run after a deletion or a ban that came in meanwhile.
    const auto editable = [id, authorId = author.id](const Storage &storage) {
        const std::optional<MessageRecord> message = storage.messageById(id);
        if (!message || message->deleted)
            throw ProtocolError(ErrorCode::UnknownMessage, u"no message has id %1"_s.arg(id));
        if (message->authorId != authorId)
            throw ProtocolError(ErrorCode::Forbidden, u"only its author edits a message"_s);
        return *message;
    };
    auto reading = m_context.read([editable](Storage &storage) { return editable(storage); });
    const MessageRecord stored = co_await reading;
    const RoomRecord *room = m_context.rooms.findById(stored.roomId);
    if (!room || !m_context.rooms.isMember(room->id, author.id))
        throw ProtocolError(ErrorCode::NotAMember, u"you are no longer in its room"_s);
    const qint64 window = m_context.settings.editMinutes;
    if (Protocol::nowMs() - stored.timestamp >= window * 60'000)
        throw ProtocolError(
            ErrorCode::EditExpired,
            window == 0 ? u"this server does not allow editing messages"_s
                        : u"messages can be edited for %1 minutes after sending"_s.arg(window));
    admitText(author, *room, body);

    auto editing = m_context.write([editable, id, body, authorId = author.id](Storage &storage) {
        Permissions::actingAccount(storage, authorId, Protocol::Role::Member);
        editable(storage);
        storage.editMessage(id, body);
        return editable(storage);
    });
    const MessageRecord edited = co_await editing;
    const RoomRecord *roomNow = m_context.rooms.findById(edited.roomId);
    if (!roomNow) // deleted with its room meanwhile
        throw ProtocolError(ErrorCode::UnknownMessage, u"the message's room was deleted"_s);
    const Protocol::Message message = WireFormat::message(edited, roomNow->name);
    if (edited.editedAt != stored.editedAt)
        m_context.fanout.toRoom(roomNow->id, Protocol::MessageEdited{message});
    co_return Protocol::MessageEditOk{message};
}

void MessageService::admitText(const Author &sender, const RoomRecord &room, const QString &body)
{
    if (body.trimmed().isEmpty())
        throw ProtocolError(ErrorCode::EmptyMessage, u"the message is empty"_s);
    if (Validation::codePointCount(body) > m_context.limits.maxBodyLength)
        throw ProtocolError(ErrorCode::MessageTooLong, u"messages are at most %1 characters"_s.arg(
                                                           m_context.limits.maxBodyLength));
    if (const auto until = m_context.rooms.mutedUntil(room.id, sender.id, Protocol::nowMs()))
        throw ProtocolError(ErrorCode::Muted,
                            u"you are muted in %1 until %2"_s.arg(room.name, clockTime(*until)));
    if (!m_messageRate.tryConsume(sender.id, Protocol::nowMs()))
        throw ProtocolError(ErrorCode::RateLimited,
                            u"you are sending too fast; wait a few seconds"_s);
}

QCoro::Task<Protocol::MessageDeleteOk> MessageService::remove(Request request,
                                                              Protocol::MessageDelete fields)
{
    struct Deleted
    {
        MessageRecord message;
        QString by;
        bool changed = false;
    };
    // Judged and done in one write, on the accounts and the message as stored then.
    auto deleting = m_context.write([actorId = request.connection()->user().id,
                                     id = fields.message](Storage &storage) {
        const UserRecord actor =
            Permissions::actingAccount(storage, actorId, Protocol::Role::Member);
        const auto message = storage.messageById(id);
        const auto room = message ? storage.roomById(message->roomId) : std::nullopt;
        // A direct conversation's messages are its members' alone: to a moderator outside
        // it, as to anyone, they do not exist.
        if (!message || !room || (room->direct && !storage.isMember(room->id, actor.id)))
            throw ProtocolError(ErrorCode::UnknownMessage, u"no message has id %1"_s.arg(id));
        const bool own = message->authorId == actor.id;
        if (!own && room->direct)
            throw ProtocolError(ErrorCode::Forbidden, u"nobody moderates a direct conversation"_s);
        if (!own)
            Permissions::personBelow(storage, actor, message->username);
        const bool changed = storage.deleteMessage(id, actor.id);
        // A moderator's deletion is theirs to answer for; an author's own is not moderation.
        if (changed && !own)
            storage.addAuditEntry({.actor = actor.username,
                                   .action = QString(Protocol::AuditAction::Delete),
                                   .target = message->username,
                                   .detail = u"#%1: message %2"_s.arg(room->name).arg(id)});
        return Deleted{*message, actor.username, changed};
    });
    const Deleted deleted = co_await deleting;
    const RoomRecord *room = m_context.rooms.findById(deleted.message.roomId);
    const QString roomName = room ? room->name : QString();
    if (deleted.changed && room)
        m_context.fanout.toRoom(room->id,
                                Protocol::MessageDeleted{roomName, deleted.message.id, deleted.by});
    co_return Protocol::MessageDeleteOk{roomName, deleted.message.id};
}

} // namespace FinChat
