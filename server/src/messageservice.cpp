#include "messageservice.h"

#include "clientconnection.h"
#include "fanout.h"
#include "roomdirectory.h"
#include "roomservice.h"
#include "storage.h"
#include "wireformat.h"

#include "finchat/validation.h"

#include <QDateTime>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;

MessageService::MessageService(ServerContext context, const RoomService &rooms)
    : m_context(context)
    , m_rooms(rooms)
    , m_commands(context.fanout)
    , m_messageRate(context.limits.messageBurst, context.limits.messageWindow)
{}

QCoro::Task<QJsonObject> MessageService::send(Request request)
{
    ClientConnection *sender = request.connection();
    const RoomRecord room = m_rooms.memberRoom(request);
    // The frame limit already bounds the raw size; the body limit is checked in code points.
    const QString body = request.string("body"_L1, m_context.limits.maxIncomingMessageBytes);
    const QString nonce =
        request.optionalString("nonce"_L1, Validation::NonceMaxLength).value_or(QString());
    if (body.trimmed().isEmpty())
        throw ProtocolError(ErrorCode::EmptyMessage, u"the message is empty"_s);
    if (Validation::codePointCount(body) > m_context.limits.maxBodyLength)
        throw ProtocolError(ErrorCode::MessageTooLong, u"messages are at most %1 characters"_s.arg(
                                                           m_context.limits.maxBodyLength));
    if (!m_messageRate.tryConsume(sender->user().id, QDateTime::currentMSecsSinceEpoch()))
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
    const QJsonObject message =
        WireFormat::message(inserted.message, origin ? origin->name : room.name);
    if (!inserted.duplicate) {
        m_context.fanout.toRoom(room.id, Protocol::makeFrame(Protocol::Type::MessageNew, {},
                                                             {{u"message"_s, message}}));
    }
    QJsonObject reply{{u"message"_s, message}};
    if (inserted.duplicate)
        reply.insert(u"duplicate"_s, true);
    co_return reply;
}

} // namespace FinChat
