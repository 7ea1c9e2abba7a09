#pragma once

#include <QString>

#include <optional>

namespace FinChat::Client {

// What a room shows when a moderator acts in it, worded for whoever reads it: "you" when it
// is about the reader. Names are as shown (display names where the room knows them).
namespace ModerationText {

QString removed(const QString &by, const QString &who, bool itIsMe,
                const std::optional<QString> &reason);
QString muted(const QString &by, const QString &who, bool itIsMe, qint64 until,
              const std::optional<QString> &reason);
QString unmuted(const QString &by, const QString &who, bool itIsMe);
// In place of the message input while the reader is muted in the room.
QString mutedHere(qint64 until);

} // namespace ModerationText
} // namespace FinChat::Client
