#include "wire/wireformat.h"

#include "finchat/validation.h"

namespace FinChat::WireFormat {

namespace {

// The first QuoteMaxLength characters, and an ellipsis when there were more.
QString excerpt(const QString &text)
{
    if (Validation::codePointCount(text) <= Protocol::QuoteMaxLength)
        return text;
    qsizetype end = 0;
    for (qsizetype kept = 0; kept < Protocol::QuoteMaxLength; ++kept)
        end += end + 1 < text.size() && text.at(end).isHighSurrogate() &&
                       text.at(end + 1).isLowSurrogate()
                   ? 2
                   : 1;
    return text.left(end) + QChar(0x2026);
}

std::optional<Protocol::Quote> quote(const std::optional<QuoteRecord> &quoted)
{
    if (!quoted)
        return std::nullopt;
    return Protocol::Quote{quoted->id, quoted->username, quoted->displayName, excerpt(quoted->body),
                           quoted->deleted};
}

} // namespace

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
            .deleted = message.deleted,
            .edited = message.editedAt,
            .reply = quote(message.reply)};
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

Protocol::SiteSettings settings(const SiteSettingsRecord &settings)
{
    return {settings.motd, settings.editMinutes};
}

Protocol::RoomSummary room(const RoomRecord &room)
{
    return {room.name, room.topic, room.direct};
}

} // namespace FinChat::WireFormat
