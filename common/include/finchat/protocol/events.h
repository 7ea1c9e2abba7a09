#pragma once

#include "finchat/protocol.h"
#include "finchat/protocol/shapes.h"

// Every frame the server sends on its own, not as a reply, as docs/protocol.md lists them
// under "Events".
namespace FinChat::Protocol {

// The first frame of every connection.
struct ServerHello
{
    static constexpr QLatin1StringView Type = Type::Hello;
    qint64 protocol = Version;
    QString server;
    Limits limits;
    // A Registration; absent from servers before 0.2 (take "open"); a newer server may send
    // others.
    std::optional<QString> registration;
    static auto fields()
    {
        return std::tuple{field("protocol"_L1, &ServerHello::protocol),
                          field("server"_L1, &ServerHello::server),
                          field("limits"_L1, &ServerHello::limits),
                          field("registration"_L1, &ServerHello::registration, maxLength(64))};
    }
};

struct MessageNew
{
    static constexpr QLatin1StringView Type = Type::MessageNew;
    Message message;
    static auto fields() { return std::tuple{field("message"_L1, &MessageNew::message)}; }
};

// A message became a tombstone; `by` deleted it (its author, or a moderator).
struct MessageDeleted
{
    static constexpr QLatin1StringView Type = Type::MessageDeleted;
    QString room;
    qint64 message = 0; // its id
    QString by;
    static auto fields()
    {
        return std::tuple{field("room"_L1, &MessageDeleted::room),
                          field("message"_L1, &MessageDeleted::message),
                          field("by"_L1, &MessageDeleted::by)};
    }
};

// Its author changed a message: the message as it now is.
struct MessageEdited
{
    static constexpr QLatin1StringView Type = Type::MessageEdited;
    Message message;
    static auto fields() { return std::tuple{field("message"_L1, &MessageEdited::message)}; }
};

// An admin changed the site's settings (settings.update): to everyone logged in.
struct SettingsUpdated
{
    static constexpr QLatin1StringView Type = Type::SettingsUpdated;
    SiteSettings settings;
    QString by;
    static auto fields()
    {
        return std::tuple{field("settings"_L1, &SettingsUpdated::settings),
                          field("by"_L1, &SettingsUpdated::by)};
    }
};

// A direct conversation was opened with this user in it: to its members' connections.
struct DmOpened
{
    static constexpr QLatin1StringView Type = Type::DmOpened;
    RoomSummary room;
    QList<Member> members;
    QString by; // who opened it
    static auto fields()
    {
        return std::tuple{field("room"_L1, &DmOpened::room),
                          field("members"_L1, &DmOpened::members), field("by"_L1, &DmOpened::by)};
    }
};

// Someone in the room typed a command; it is shown, never stored.
struct CommandEvent
{
    static constexpr QLatin1StringView Type = Type::CommandEvent;
    QString room;
    QString username;
    QString displayName;
    Invocation command;
    qint64 timestamp = 0;
    static auto fields()
    {
        return std::tuple{
            field("room"_L1, &CommandEvent::room), field("user"_L1, &CommandEvent::username),
            field("displayName"_L1, &CommandEvent::displayName),
            field("command"_L1, &CommandEvent::command), field("ts"_L1, &CommandEvent::timestamp)};
    }
};

// A bot's answer to a command; not stored, no id.
struct BotMessage
{
    static constexpr QLatin1StringView Type = Type::BotMessage;
    QString room;
    QString username;
    QString displayName;
    bool bot = true;
    QString body;
    qint64 timestamp = 0;
    QString replyTo;
    Invocation command;
    std::optional<QJsonObject> data; // bot-specific, when the bot sent any
    static auto fields()
    {
        return std::tuple{field("room"_L1, &BotMessage::room),
                          field("user"_L1, &BotMessage::username),
                          field("displayName"_L1, &BotMessage::displayName),
                          field("bot"_L1, &BotMessage::bot),
                          field("body"_L1, &BotMessage::body),
                          field("ts"_L1, &BotMessage::timestamp),
                          field("replyTo"_L1, &BotMessage::replyTo),
                          field("command"_L1, &BotMessage::command),
                          field("data"_L1, &BotMessage::data)};
    }
};

// Why a bot's notice was sent.
namespace NoticeCode {
inline constexpr QLatin1StringView BotTimeout{"bot_timeout"};
inline constexpr QLatin1StringView BotFailed{"bot_failed"};
inline constexpr QLatin1StringView BotUnavailable{"bot_unavailable"}; // its process is away
} // namespace NoticeCode

// Something for one user only: the /help listing, or a bot that could not answer.
struct Notice
{
    static constexpr QLatin1StringView Type = Type::Notice;
    QString room;
    QString text;
    std::optional<QList<CommandInfo>> commands; // /help
    std::optional<QString> bot;                 // a bot's failure: its username
    std::optional<QString> code;                // and a NoticeCode
    static auto fields()
    {
        return std::tuple{field("room"_L1, &Notice::room), field("text"_L1, &Notice::text),
                          field("commands"_L1, &Notice::commands), field("bot"_L1, &Notice::bot),
                          field("code"_L1, &Notice::code)};
    }
};

// A member joined or left a room.
template<const QLatin1StringView &TypeName>
struct Membership
{
    static constexpr QLatin1StringView Type = TypeName;
    QString room;
    Member member;
    std::optional<QString> by = std::nullopt;     // member.left when a moderator removed them
    std::optional<QString> reason = std::nullopt; // (room.kick), and the reason they gave
    static auto fields()
    {
        return std::tuple{field("room"_L1, &Membership::room), inlined(&Membership::member),
                          field("by"_L1, &Membership::by), field("reason"_L1, &Membership::reason)};
    }
};
using MemberJoined = Membership<Type::MemberJoined>;
using MemberLeft = Membership<Type::MemberLeft>;

// A moderator muted someone in a room until a time (member.muted) or lifted it
// (member.unmuted, without until and reason).
template<const QLatin1StringView &TypeName>
struct MuteEvent
{
    static constexpr QLatin1StringView Type = TypeName;
    QString room;
    User user;
    QString by;
    std::optional<qint64> until = std::nullopt; // UTC milliseconds
    std::optional<QString> reason = std::nullopt;
    static auto fields()
    {
        return std::tuple{field("room"_L1, &MuteEvent::room), inlined(&MuteEvent::user),
                          field("by"_L1, &MuteEvent::by), field("until"_L1, &MuteEvent::until),
                          field("reason"_L1, &MuteEvent::reason)};
    }
};
using MemberMuted = MuteEvent<Type::MemberMuted>;
using MemberUnmuted = MuteEvent<Type::MemberUnmuted>;

// Presence and profile changes: a User, under one of three types.
template<const QLatin1StringView &TypeName>
struct UserEvent
{
    static constexpr QLatin1StringView Type = TypeName;
    User user;
    static auto fields() { return std::tuple{inlined(&UserEvent::user)}; }
};
using UserOnline = UserEvent<Type::UserOnline>;
using UserOffline = UserEvent<Type::UserOffline>;
using UserUpdated = UserEvent<Type::UserUpdated>;

// A room was created, or its topic changed: the room as it now is.
template<const QLatin1StringView &TypeName>
struct RoomEvent
{
    static constexpr QLatin1StringView Type = TypeName;
    RoomSummary room;
    static auto fields() { return std::tuple{field("room"_L1, &RoomEvent::room)}; }
};
using RoomCreated = RoomEvent<Type::RoomCreated>;
using RoomUpdated = RoomEvent<Type::RoomUpdated>;

// An administrator renamed a room on the server: `from` is its old name.
struct RoomRenamed
{
    static constexpr QLatin1StringView Type = Type::RoomRenamed;
    QString from;
    RoomSummary room;
    static auto fields()
    {
        return std::tuple{field("from"_L1, &RoomRenamed::from),
                          field("room"_L1, &RoomRenamed::room)};
    }
};

// An administrator deleted a room, its messages with it.
struct RoomDeleted
{
    static constexpr QLatin1StringView Type = Type::RoomDeleted;
    QString room; // its name
    static auto fields() { return std::tuple{field("room"_L1, &RoomDeleted::room)}; }
};

// Why the server ended a session.
namespace SessionEndReason {
inline constexpr QLatin1StringView PasswordChanged{"password_changed"};
inline constexpr QLatin1StringView LoggedOut{"logged_out"};
inline constexpr QLatin1StringView Banned{"banned"};
// Ended on the server's command line (user passwd, user disable) and closed at its reload.
inline constexpr QLatin1StringView Revoked{"revoked"};
} // namespace SessionEndReason

// The server ended this connection's session (its token no longer works); the socket closes
// right after. Log in again.
struct SessionEnded
{
    static constexpr QLatin1StringView Type = Type::SessionEnded;
    QString reason; // a SessionEndReason; a newer server may send others
    QString message;
    static auto fields()
    {
        return std::tuple{field("reason"_L1, &SessionEnded::reason),
                          field("message"_L1, &SessionEnded::message)};
    }
};

// An error frame: the answer to a failed request (id echoed), or to no request (id null).
struct Error
{
    static constexpr QLatin1StringView Type = Type::Error;
    QString code; // an ErrorCode's name; a newer server may send codes this build lacks
    QString message;

    static Error of(ErrorCode errorCode, QString message)
    {
        return {errorCodeName(errorCode), std::move(message)};
    }
    std::optional<ErrorCode> knownCode() const { return errorCodeFromName(code); }
    static auto fields()
    {
        return std::tuple{field("code"_L1, &Error::code), field("message"_L1, &Error::message)};
    }
};

// The user's watchlist changed (on another of their connections too): the whole of it.
struct WatchlistUpdated
{
    static constexpr QLatin1StringView Type = Type::WatchlistUpdated;
    Watchlist watchlist;
    static auto fields() { return std::tuple{inlined(&WatchlistUpdated::watchlist)}; }
};

// Fresh quotes for codes on the user's watchlist, after one of the server's price checks.
struct WatchlistPrices
{
    static constexpr QLatin1StringView Type = Type::WatchlistPrices;
    QList<WatchedCode> codes;
    static auto fields() { return std::tuple{field("codes"_L1, &WatchlistPrices::codes)}; }
};

// A price alert fired: to its owner, and to the members of its room when it has one.
struct AlertTriggered
{
    static constexpr QLatin1StringView Type = Type::AlertTriggered;
    PriceAlert alert;
    User owner;
    QString text; // "AAPL.US rose to $251.20, at or above $250.00 (alert by Alice)"
    std::optional<QJsonObject> quote;
    static auto fields()
    {
        return std::tuple{
            field("alert"_L1, &AlertTriggered::alert), field("owner"_L1, &AlertTriggered::owner),
            field("text"_L1, &AlertTriggered::text), field("quote"_L1, &AlertTriggered::quote)};
    }
};

// To a bot connection: a command it announced was typed (or the server asks it, for
// quote.get and price alerts: then room and user are absent). Answer with bot.reply or
// bot.fail naming `request`.
struct BotCommand
{
    static constexpr QLatin1StringView Type = Type::BotCommand;
    qint64 request = 0;
    QString command;
    QString argument;
    std::optional<QString> room;
    std::optional<QString> username;
    std::optional<QString> displayName;
    static auto fields()
    {
        return std::tuple{field("request"_L1, &BotCommand::request),
                          field("command"_L1, &BotCommand::command),
                          field("argument"_L1, &BotCommand::argument),
                          field("room"_L1, &BotCommand::room),
                          field("user"_L1, &BotCommand::username),
                          field("displayName"_L1, &BotCommand::displayName)};
    }
};

} // namespace FinChat::Protocol
