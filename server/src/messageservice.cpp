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
{}

QJsonObject MessageService::send(const Request &request)
{
    ClientConnection *sender = request.connection();
    const RoomRecord &room = m_rooms.memberRoom(request);
    // The frame limit already bounds the raw size; the body limit is checked in code points.
    const QString body = request.string("body"_L1, m_context.limits.maxIncomingMessageBytes);
    const QString nonce =
        request.optionalString("nonce"_L1, Validation::NonceMaxLength).value_or(QString());
    if (body.trimmed().isEmpty())
        throw ProtocolError(ErrorCode::EmptyMessage, u"the message is empty"_s);
    if (Validation::codePointCount(body) > m_context.limits.maxBodyLength)
        throw ProtocolError(ErrorCode::MessageTooLong, u"messages are at most %1 characters"_s.arg(
                                                           m_context.limits.maxBodyLength));
    if (!sender->allowMessage(QDateTime::currentMSecsSinceEpoch()))
        throw ProtocolError(ErrorCode::RateLimited,
                            u"you are sending too fast; wait a few seconds"_s);

    if (const auto command = Validation::parseCommand(body))
        return m_commands.route(sender, room, *command);

    // Stored before it is shown to anyone: what a client sees was acknowledged by the disk.
    const Storage::Inserted inserted =
        m_context.storage.insertMessage(room.id, sender->user(), body, nonce);
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
    return reply;
}

} // namespace FinChat
