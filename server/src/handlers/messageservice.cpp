#include "handlers/messageservice.h"

#include "handlers/roomservice.h"
#include "state/fanout.h"
#include "state/roomdirectory.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"
#include "wire/wireformat.h"

#include "finchat/validation.h"

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;

MessageService::MessageService(ServerContext context, const RoomService &rooms)
    : m_context(context)
    , m_rooms(rooms)
    , m_commands(context.fanout)
    , m_messageRate(context.limits.messageBurst, context.limits.messageWindow)
{}

QCoro::Task<Protocol::MessageSendOk> MessageService::send(Request request,
                                                          Protocol::MessageSend fields)
{
    ClientConnection *sender = request.connection();
    const RoomRecord room = m_rooms.memberRoom(request, fields.room);
    const QString body = fields.body;
    const QString nonce = fields.nonce.value_or(QString());
    if (body.trimmed().isEmpty())
        throw ProtocolError(ErrorCode::EmptyMessage, u"the message is empty"_s);
    if (Validation::codePointCount(body) > m_context.limits.maxBodyLength)
        throw ProtocolError(ErrorCode::MessageTooLong, u"messages are at most %1 characters"_s.arg(
                                                           m_context.limits.maxBodyLength));
    if (!m_messageRate.tryConsume(sender->user().id, Protocol::nowMs()))
        throw ProtocolError(ErrorCode::RateLimited,
                            u"you are sending too fast; wait a few seconds"_s);

    if (const auto command = Validation::parseCommand(body)) {
        // Through the storage queue, though it stores nothing: the room must see the command
        // after the messages this user sent before it, which may still be committing.
        auto queued = m_context.read([](Storage &) {});
        co_await queued;
        co_return m_commands.route(request.liveConnection(), room, *command);
    }

    // Committed before anyone is shown it: what a client sees was acknowledged by the disk.
    // Once stored it goes out even if the sender has left meanwhile.
    auto storing =
        m_context.write([roomId = room.id, author = sender->user(), body, nonce](Storage &storage) {
            return storage.insertMessage(roomId, author, body, nonce);
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

} // namespace FinChat
