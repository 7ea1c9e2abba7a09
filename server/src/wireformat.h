#pragma once

#include "records.h"

#include <QJsonArray>
#include <QJsonObject>

namespace FinChat::WireFormat {

// The JSON shapes of stored things, as docs/protocol.md shows them.
QJsonObject message(const MessageRecord &message, const QString &roomName);
QJsonArray messages(const QList<MessageRecord> &messages, const QString &roomName);
QJsonObject user(const Author &user);
QJsonObject member(const Author &user, bool online);

} // namespace FinChat::WireFormat
