#pragma once

#include "storage/records.h"

#include "finchat/protocol/shapes.h"

namespace FinChat::WireFormat {

// Stored things as the protocol's shapes.
Protocol::Message message(const MessageRecord &message, const QString &roomName);
QList<Protocol::Message> messages(const QList<MessageRecord> &messages, const QString &roomName);
Protocol::User user(const Author &user);
Protocol::Member member(const Author &user, bool online);
Protocol::RoomSummary room(const RoomRecord &room);
Protocol::AuditEntry auditEntry(const AuditRecord &entry);
Protocol::Invite invite(const InviteRecord &invite);
Protocol::SiteSettings settings(const SiteSettingsRecord &settings);

} // namespace FinChat::WireFormat
