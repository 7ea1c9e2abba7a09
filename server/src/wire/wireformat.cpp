#include "wire/wireformat.h"

namespace FinChat::WireFormat {

Protocol::Message message(const MessageRecord &message, const QString &roomName)
{
    return {.id = message.id,
            .room = roomName,
            .username = message.username,
            .displayName = message.displayName,
            .body = message.body,
            .timestamp = message.timestamp,
            .nonce = message.nonce.isEmpty() ? std::nullopt : std::optional(message.nonce),
            .bot = message.fromBot,
            .deleted = message.deleted};
}

QList<Protocol::Message> messages(const QList<MessageRecord> &messages, const QString &roomName)
{
    QList<Protocol::Message> list;
    list.reserve(messages.size());
    for (const MessageRecord &record : messages)
        list.append(message(record, roomName));
    return list;
}

Protocol::User user(const Author &user)
{
    std::optional<QString> role;
    if (user.role != Protocol::Role::Member)
        role = QString(Protocol::roleName(user.role));
    return {user.username, user.displayName, user.isBot, role};
}

Protocol::Member member(const Author &user, bool online)
{
    return {WireFormat::user(user), online};
}

Protocol::AuditEntry auditEntry(const AuditRecord &entry)
{
    return {entry.id, entry.at, entry.actor, entry.action, entry.target, entry.detail};
}

Protocol::Invite invite(const InviteRecord &invite)
{
    return {invite.id,        invite.createdBy, invite.createdAt,
            invite.expiresAt, invite.usesLeft,  invite.used};
}

Protocol::RoomSummary room(const RoomRecord &room)
{
    return {room.name, room.topic};
}

} // namespace FinChat::WireFormat
