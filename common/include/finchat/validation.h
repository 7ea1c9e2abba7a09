#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// Input rules shared by server and client. The server enforces them; clients use the same
// functions to warn early. docs/protocol.md states each rule in prose.
namespace FinChat::Validation {

inline constexpr qsizetype UsernameMinLength = 3;
inline constexpr qsizetype UsernameMaxLength = 32;
inline constexpr qsizetype PasswordMinLength = 8;
// An upper bound keeps a single login from costing unbounded hashing work.
inline constexpr qsizetype PasswordMaxLength = 256;
inline constexpr qsizetype DisplayNameMaxLength = 64;
inline constexpr qsizetype RoomNameMinLength = 2;
inline constexpr qsizetype RoomNameMaxLength = 32;
inline constexpr qsizetype TopicMaxLength = 200;
inline constexpr qsizetype ReasonMaxLength = 300;
inline constexpr qsizetype BioMaxLength = 300;
inline constexpr qsizetype MotdMaxLength = 1000;
inline constexpr qsizetype NonceMaxLength = 64;
inline constexpr qsizetype CommandNameMaxLength = 32;

// Usernames are case-insensitive: this lower-cases and checks the result. Allowed:
// 3-32 of a-z, 0-9, '_', '.', '-', starting with a letter or digit.
std::optional<QString> normalizedUsername(QStringView username);
// PasswordMinLength to PasswordMaxLength code points.
bool isValidPassword(QStringView password);
// A password in UTF-16 units is at most twice its length in code points.
inline constexpr qsizetype PasswordMaxUtf16Length = 2 * PasswordMaxLength;
// Trimmed; 1-64 characters; no control characters.
std::optional<QString> normalizedDisplayName(QStringView displayName);
// Lower-cased; 2-32 of a-z, 0-9, '_', '-', starting with a letter or digit.
std::optional<QString> normalizedRoomName(QStringView roomName);
// Trimmed; at most 200 characters; no control characters.
std::optional<QString> normalizedTopic(QStringView topic);
// A moderator's reason: on one line (line breaks and runs of spaces become one space); at
// most 300 characters; no control characters; may be empty.
std::optional<QString> normalizedReason(QStringView reason);

// What someone writes about themself on their profile: on one line, as a reason is; at most
// 300 characters; may be empty.
std::optional<QString> normalizedBio(QStringView bio);
// The message of the day: trimmed; at most 1000 characters; line breaks allowed, no other
// control characters; may be empty.
std::optional<QString> normalizedMotd(QStringView motd);

// Number of Unicode code points, the unit in which body limits are stated.
qsizetype codePointCount(QStringView text);

// A message body of the form "/name" or "/name=argument" is a command, not a message.
struct CommandInvocation
{
    QString name;     // lower-cased
    QString argument; // everything after the first '=', untouched
};
std::optional<CommandInvocation> parseCommand(QStringView body);

} // namespace FinChat::Validation
