#pragma once

#include "finchat/protocol.h"
#include "finchat/protocol/shapes.h"

// Every request a client sends and the reply it gets on success, as docs/protocol.md
// describes them. Each names its wire type (Type) and, for requests, its reply (Reply).
// Caps on request fields bound what a handler ever sees; the rules for names and texts
// (Validation) are applied by the server on top.
namespace FinChat::Protocol {

inline constexpr qsizetype NameFieldMaxLength = 256;
inline constexpr qsizetype InviteCodeMaxLength = 64;
inline constexpr qint64 MaxInviteUses = 1000;
inline constexpr qint64 MaxInviteHours = 24 * 366;
// room.mute lasts 1 minute to 30 days.
inline constexpr qint64 MaxMuteMinutes = 30 * 24 * 60;
// Message ids, as requests name them.
inline constexpr qint64 MaxMessageId = qint64(1) << 53;

// Replies.

struct HelloOk
{
    static constexpr QLatin1StringView Type = Type::HelloOk;
    qint64 protocol = Version;
    static auto fields() { return std::tuple{field("protocol"_L1, &HelloOk::protocol)}; }
};

struct RegisterOk
{
    static constexpr QLatin1StringView Type = Type::RegisterOk;
    User user;
    static auto fields() { return std::tuple{field("user"_L1, &RegisterOk::user)}; }
};

// What login and resume both answer: who is logged in, the rooms they are in, and the
// site's settings (absent from servers before 0.4).
struct SessionInfo
{
    User user;
    QStringList rooms;
    std::optional<SiteSettings> settings = std::nullopt;
    static auto fields()
    {
        return std::tuple{field("user"_L1, &SessionInfo::user),
                          field("rooms"_L1, &SessionInfo::rooms),
                          field("settings"_L1, &SessionInfo::settings)};
    }
};

struct LoginOk
{
    static constexpr QLatin1StringView Type = Type::LoginOk;
    QString token;
    SessionInfo session;
    static auto fields()
    {
        return std::tuple{field("token"_L1, &LoginOk::token), inlined(&LoginOk::session)};
    }
};

struct ResumeOk
{
    static constexpr QLatin1StringView Type = Type::ResumeOk;
    SessionInfo session;
    static auto fields() { return std::tuple{inlined(&ResumeOk::session)}; }
};

struct LogoutOk
{
    static constexpr QLatin1StringView Type = Type::LogoutOk;
    static auto fields() { return std::tuple{}; }
};

// Someone's profile: `rooms` are the rooms the asker shares with them (all of their own,
// on their own profile).
struct ProfileGetOk
{
    static constexpr QLatin1StringView Type = Type::ProfileGetOk;
    User user;
    qint64 createdAt = 0;
    bool online = false;
    QString bio;
    QStringList rooms;
    static auto fields()
    {
        return std::tuple{
            inlined(&ProfileGetOk::user), field("createdAt"_L1, &ProfileGetOk::createdAt),
            field("online"_L1, &ProfileGetOk::online),
            field("bio"_L1, &ProfileGetOk::bio, maxLength(2 * Validation::BioMaxLength)),
            field("rooms"_L1, &ProfileGetOk::rooms)};
    }
};

struct ProfileUpdateOk
{
    static constexpr QLatin1StringView Type = Type::ProfileUpdateOk;
    User user;
    static auto fields() { return std::tuple{field("user"_L1, &ProfileUpdateOk::user)}; }
};

struct RoomsListOk
{
    static constexpr QLatin1StringView Type = Type::RoomsListOk;
    QList<RoomListing> rooms;
    static auto fields() { return std::tuple{field("rooms"_L1, &RoomsListOk::rooms)}; }
};

struct RoomCreateOk
{
    static constexpr QLatin1StringView Type = Type::RoomCreateOk;
    RoomSummary room;
    static auto fields() { return std::tuple{field("room"_L1, &RoomCreateOk::room)}; }
};

// Messages of a room, oldest first, and whether older ones exist.
struct HistoryPage
{
    QList<Message> messages;
    bool hasMore = false;
    static auto fields()
    {
        return std::tuple{field("messages"_L1, &HistoryPage::messages),
                          field("hasMore"_L1, &HistoryPage::hasMore)};
    }
};

struct RoomJoinOk
{
    static constexpr QLatin1StringView Type = Type::RoomJoinOk;
    RoomSummary room;
    HistoryPage page;
    QList<Member> members;
    std::optional<qint64> mutedUntil = std::nullopt; // the joiner may not post until then
    static auto fields()
    {
        return std::tuple{field("room"_L1, &RoomJoinOk::room), inlined(&RoomJoinOk::page),
                          field("members"_L1, &RoomJoinOk::members),
                          field("mutedUntil"_L1, &RoomJoinOk::mutedUntil)};
    }
};

struct RoomLeaveOk
{
    static constexpr QLatin1StringView Type = Type::RoomLeaveOk;
    QString room;
    static auto fields() { return std::tuple{field("room"_L1, &RoomLeaveOk::room)}; }
};

struct HistoryFetchOk
{
    static constexpr QLatin1StringView Type = Type::HistoryFetchOk;
    QString room;
    HistoryPage page;
    bool hasNewer = false; // for `around`: newer messages than these exist
    static auto fields()
    {
        return std::tuple{field("room"_L1, &HistoryFetchOk::room), inlined(&HistoryFetchOk::page),
                          field("hasNewer"_L1, &HistoryFetchOk::hasNewer, OmitWhenFalse)};
    }
};

// A direct conversation and who is in it.
struct DmOpenOk
{
    static constexpr QLatin1StringView Type = Type::DmOpenOk;
    RoomSummary room;
    QList<Member> members;
    static auto fields()
    {
        return std::tuple{field("room"_L1, &DmOpenOk::room),
                          field("members"_L1, &DmOpenOk::members)};
    }
};

// What message.search found, best first, and whether more is to be had (at a higher offset).
struct MessageSearchOk
{
    static constexpr QLatin1StringView Type = Type::MessageSearchOk;
    QList<SearchHit> results;
    bool hasMore = false;
    static auto fields()
    {
        return std::tuple{field("results"_L1, &MessageSearchOk::results),
                          field("hasMore"_L1, &MessageSearchOk::hasMore)};
    }
};

// A stored message (duplicate when its nonce was seen before), or a command routed.
struct MessageSendOk
{
    static constexpr QLatin1StringView Type = Type::MessageSendOk;
    std::optional<Message> message;
    bool duplicate = false;
    std::optional<Invocation> command;
    static auto fields()
    {
        return std::tuple{field("message"_L1, &MessageSendOk::message),
                          field("duplicate"_L1, &MessageSendOk::duplicate, OmitWhenFalse),
                          field("command"_L1, &MessageSendOk::command)};
    }
};

struct CommandsListOk
{
    static constexpr QLatin1StringView Type = Type::CommandsListOk;
    QList<CommandInfo> commands;
    static auto fields() { return std::tuple{field("commands"_L1, &CommandsListOk::commands)}; }
};

// The latest quote for one code, as the bot answering /stock gives it: `quote` is one entry
// of its data.quotes, absent when there is none; then `text` says why and `error` is the
// bot's data.error (unknown_symbol, service_busy, ...) or bot_failed.
struct QuoteGetOk
{
    static constexpr QLatin1StringView Type = Type::QuoteGetOk;
    QString code;
    QString text;
    std::optional<QJsonObject> quote;
    std::optional<QString> error;
    static auto fields()
    {
        return std::tuple{field("code"_L1, &QuoteGetOk::code), field("text"_L1, &QuoteGetOk::text),
                          field("quote"_L1, &QuoteGetOk::quote),
                          field("error"_L1, &QuoteGetOk::error, maxLength(40))};
    }
};

// What every watchlist request answers: the whole watchlist as it now is.
template<const QLatin1StringView &TypeName>
struct WatchlistReply
{
    static constexpr QLatin1StringView Type = TypeName;
    Watchlist watchlist;
    static auto fields() { return std::tuple{inlined(&WatchlistReply::watchlist)}; }
};
using WatchlistGetOk = WatchlistReply<Type::WatchlistGetOk>;
using WatchlistAddOk = WatchlistReply<Type::WatchlistAddOk>;
using WatchlistRemoveOk = WatchlistReply<Type::WatchlistRemoveOk>;
using AlertAddOk = WatchlistReply<Type::AlertAddOk>;
using AlertRemoveOk = WatchlistReply<Type::AlertRemoveOk>;

// What user.ban, user.unban and user.role answer: the account as it now is.
template<const QLatin1StringView &TypeName>
struct UserReply
{
    static constexpr QLatin1StringView Type = TypeName;
    User user;
    static auto fields() { return std::tuple{field("user"_L1, &UserReply::user)}; }
};
using UserBanOk = UserReply<Type::UserBanOk>;
using UserUnbanOk = UserReply<Type::UserUnbanOk>;
using UserRoleOk = UserReply<Type::UserRoleOk>;

// Audit log entries, newest first, and whether older ones exist.
struct AuditListOk
{
    static constexpr QLatin1StringView Type = Type::AuditListOk;
    QList<AuditEntry> entries;
    bool hasMore = false;
    static auto fields()
    {
        return std::tuple{field("entries"_L1, &AuditListOk::entries),
                          field("hasMore"_L1, &AuditListOk::hasMore)};
    }
};

struct UserListOk
{
    static constexpr QLatin1StringView Type = Type::UserListOk;
    QList<Account> users;
    bool hasMore = false;
    static auto fields()
    {
        return std::tuple{field("users"_L1, &UserListOk::users),
                          field("hasMore"_L1, &UserListOk::hasMore)};
    }
};

struct InviteCreateOk
{
    static constexpr QLatin1StringView Type = Type::InviteCreateOk;
    QString code; // shown this once: the server keeps only its hash
    Invite invite;
    static auto fields()
    {
        return std::tuple{field("code"_L1, &InviteCreateOk::code),
                          field("invite"_L1, &InviteCreateOk::invite)};
    }
};

// The invites that can still be used, newest first.
struct InviteListOk
{
    static constexpr QLatin1StringView Type = Type::InviteListOk;
    QList<Invite> invites;
    static auto fields() { return std::tuple{field("invites"_L1, &InviteListOk::invites)}; }
};

struct InviteRevokeOk
{
    static constexpr QLatin1StringView Type = Type::InviteRevokeOk;
    static auto fields() { return std::tuple{}; }
};

// How the server is doing, for its admins.
struct ServerStatusOk
{
    static constexpr QLatin1StringView Type = Type::ServerStatusOk;
    QString version;
    qint64 startedAt = 0; // UTC milliseconds
    qint64 uptimeSeconds = 0;
    qint64 connections = 0;       // open sockets, logged in or not, bots' included
    qint64 usersOnline = 0;       // people logged in on at least one connection
    double messagesPerSecond = 0; // stored, over the last minute
    qint64 messagesSinceStart = 0;
    qint64 databaseBytes = 0; // the database file and its write-ahead log
    QString registration;     // a Registration
    QList<BotState> bots;
    static auto fields()
    {
        return std::tuple{field("version"_L1, &ServerStatusOk::version),
                          field("startedAt"_L1, &ServerStatusOk::startedAt),
                          field("uptimeSeconds"_L1, &ServerStatusOk::uptimeSeconds),
                          field("connections"_L1, &ServerStatusOk::connections),
                          field("usersOnline"_L1, &ServerStatusOk::usersOnline),
                          field("messagesPerSecond"_L1, &ServerStatusOk::messagesPerSecond),
                          field("messagesSinceStart"_L1, &ServerStatusOk::messagesSinceStart),
                          field("databaseBytes"_L1, &ServerStatusOk::databaseBytes),
                          field("registration"_L1, &ServerStatusOk::registration),
                          field("bots"_L1, &ServerStatusOk::bots)};
    }
};

struct RoomTopicOk
{
    static constexpr QLatin1StringView Type = Type::RoomTopicOk;
    RoomSummary room;
    static auto fields() { return std::tuple{field("room"_L1, &RoomTopicOk::room)}; }
};

struct RoomKickOk
{
    static constexpr QLatin1StringView Type = Type::RoomKickOk;
    QString room;
    QString username;
    static auto fields()
    {
        return std::tuple{field("room"_L1, &RoomKickOk::room),
                          field("user"_L1, &RoomKickOk::username)};
    }
};

struct RoomMuteOk
{
    static constexpr QLatin1StringView Type = Type::RoomMuteOk;
    QString room;
    QString username;
    qint64 until = 0; // UTC milliseconds
    static auto fields()
    {
        return std::tuple{field("room"_L1, &RoomMuteOk::room),
                          field("user"_L1, &RoomMuteOk::username),
                          field("until"_L1, &RoomMuteOk::until)};
    }
};

struct RoomUnmuteOk
{
    static constexpr QLatin1StringView Type = Type::RoomUnmuteOk;
    QString room;
    QString username;
    static auto fields()
    {
        return std::tuple{field("room"_L1, &RoomUnmuteOk::room),
                          field("user"_L1, &RoomUnmuteOk::username)};
    }
};

struct MessageEditOk
{
    static constexpr QLatin1StringView Type = Type::MessageEditOk;
    Message message; // as it now is
    static auto fields() { return std::tuple{field("message"_L1, &MessageEditOk::message)}; }
};

// Who is online on the whole server, by username.
struct UsersOnlineOk
{
    static constexpr QLatin1StringView Type = Type::UsersOnlineOk;
    QList<User> users;
    bool hasMore = false;
    static auto fields()
    {
        return std::tuple{field("users"_L1, &UsersOnlineOk::users),
                          field("hasMore"_L1, &UsersOnlineOk::hasMore)};
    }
};

struct SettingsUpdateOk
{
    static constexpr QLatin1StringView Type = Type::SettingsUpdateOk;
    SiteSettings settings; // as they now are
    static auto fields() { return std::tuple{field("settings"_L1, &SettingsUpdateOk::settings)}; }
};

struct MessageDeleteOk
{
    static constexpr QLatin1StringView Type = Type::MessageDeleteOk;
    QString room;
    qint64 message = 0; // its id
    static auto fields()
    {
        return std::tuple{field("room"_L1, &MessageDeleteOk::room),
                          field("message"_L1, &MessageDeleteOk::message)};
    }
};

// A bot connection is the bot account its token names.
struct BotLoginOk
{
    static constexpr QLatin1StringView Type = Type::BotLoginOk;
    QString username;
    QString displayName;
    static auto fields()
    {
        return std::tuple{field("user"_L1, &BotLoginOk::username),
                          field("displayName"_L1, &BotLoginOk::displayName)};
    }
};

struct BotAnnounceOk
{
    static constexpr QLatin1StringView Type = Type::BotAnnounceOk;
    static auto fields() { return std::tuple{}; }
};

// What a bot's answer to a command came to: false when the request was no longer waiting
// (answered already, timed out, or not this bot's), and nobody saw the answer.
template<const QLatin1StringView &TypeName>
struct BotAnswerOk
{
    static constexpr QLatin1StringView Type = TypeName;
    bool delivered = false;
    static auto fields() { return std::tuple{field("delivered"_L1, &BotAnswerOk::delivered)}; }
};
using BotReplyOk = BotAnswerOk<Type::BotReplyOk>;
using BotFailOk = BotAnswerOk<Type::BotFailOk>;

// Requests.

struct Hello
{
    static constexpr QLatin1StringView Type = Type::Hello;
    using Reply = HelloOk;
    qint64 protocol = Version;
    static auto fields()
    {
        return std::tuple{field("protocol"_L1, &Hello::protocol, range(0, 1'000'000))};
    }
};

struct Register
{
    static constexpr QLatin1StringView Type = Type::Register;
    using Reply = RegisterOk;
    QString username;
    QString password;
    std::optional<QString> displayName;
    std::optional<QString> invite; // a code, where the server registers by invitation
    static auto fields()
    {
        return std::tuple{
            field("username"_L1, &Register::username, maxLength(NameFieldMaxLength)),
            field("password"_L1, &Register::password,
                  maxLength(Validation::PasswordMaxUtf16Length)),
            field("displayName"_L1, &Register::displayName, maxLength(NameFieldMaxLength)),
            field("invite"_L1, &Register::invite, maxLength(InviteCodeMaxLength))};
    }
};

struct Login
{
    static constexpr QLatin1StringView Type = Type::Login;
    using Reply = LoginOk;
    QString username;
    QString password;
    static auto fields()
    {
        return std::tuple{
            field("username"_L1, &Login::username, maxLength(NameFieldMaxLength)),
            field("password"_L1, &Login::password, maxLength(Validation::PasswordMaxUtf16Length))};
    }
};

struct Resume
{
    static constexpr QLatin1StringView Type = Type::Resume;
    using Reply = ResumeOk;
    QString token;
    static auto fields()
    {
        return std::tuple{field("token"_L1, &Resume::token, maxLength(NameFieldMaxLength))};
    }
};

struct Logout
{
    static constexpr QLatin1StringView Type = Type::Logout;
    using Reply = LogoutOk;
    static auto fields() { return std::tuple{}; }
};

struct ProfileGet
{
    static constexpr QLatin1StringView Type = Type::ProfileGet;
    using Reply = ProfileGetOk;
    std::optional<QString> username = std::nullopt; // whose; one's own when absent
    static auto fields()
    {
        return std::tuple{field("user"_L1, &ProfileGet::username, maxLength(NameFieldMaxLength))};
    }
};

// A new display name, bio, or password (with the old one), in any combination.
struct ProfileUpdate
{
    static constexpr QLatin1StringView Type = Type::ProfileUpdate;
    using Reply = ProfileUpdateOk;
    std::optional<QString> displayName;
    std::optional<QString> password;
    std::optional<QString> oldPassword;
    std::optional<QString> bio = std::nullopt; // empty clears it
    static auto fields()
    {
        constexpr auto PasswordRule = maxLength(Validation::PasswordMaxUtf16Length);
        return std::tuple{
            field("displayName"_L1, &ProfileUpdate::displayName, maxLength(NameFieldMaxLength)),
            field("password"_L1, &ProfileUpdate::password, PasswordRule),
            field("oldPassword"_L1, &ProfileUpdate::oldPassword, PasswordRule),
            field("bio"_L1, &ProfileUpdate::bio, maxLength(2 * Validation::BioMaxLength))};
    }
};

struct RoomsList
{
    static constexpr QLatin1StringView Type = Type::RoomsList;
    using Reply = RoomsListOk;
    static auto fields() { return std::tuple{}; }
};

struct RoomCreate
{
    static constexpr QLatin1StringView Type = Type::RoomCreate;
    using Reply = RoomCreateOk;
    QString name;
    std::optional<QString> topic;
    static auto fields()
    {
        return std::tuple{field("name"_L1, &RoomCreate::name, maxLength(NameFieldMaxLength)),
                          field("topic"_L1, &RoomCreate::topic, maxLength(1024))};
    }
};

struct RoomJoin
{
    static constexpr QLatin1StringView Type = Type::RoomJoin;
    using Reply = RoomJoinOk;
    QString room;
    std::optional<qint64> history =
        std::nullopt; // how many of the latest messages; JoinHistorySize if absent
    static auto fields()
    {
        return std::tuple{field("room"_L1, &RoomJoin::room, maxLength(NameFieldMaxLength)),
                          field("history"_L1, &RoomJoin::history, range(1, MaxJoinHistory))};
    }
};

struct RoomLeave
{
    static constexpr QLatin1StringView Type = Type::RoomLeave;
    using Reply = RoomLeaveOk;
    QString room;
    static auto fields()
    {
        return std::tuple{field("room"_L1, &RoomLeave::room, maxLength(NameFieldMaxLength))};
    }
};

struct HistoryFetch
{
    static constexpr QLatin1StringView Type = Type::HistoryFetch;
    using Reply = HistoryFetchOk;
    QString room;
    std::optional<qint64> before; // message id; the newest messages when absent
    std::optional<qint64> limit;  // DefaultHistoryPage when absent
    // A message id: the page is the messages around it, it included (not with `before`).
    std::optional<qint64> around = std::nullopt;
    static auto fields()
    {
        return std::tuple{field("room"_L1, &HistoryFetch::room, maxLength(NameFieldMaxLength)),
                          field("before"_L1, &HistoryFetch::before,
                                range(1, std::numeric_limits<qint64>::max() / 2)),
                          field("limit"_L1, &HistoryFetch::limit, range(1, MaxHistoryPage)),
                          field("around"_L1, &HistoryFetch::around, range(1, MaxMessageId))};
    }
};

// A direct conversation has the one who opens it and at most this many others.
inline constexpr int MaxDirectOthers = 8;

// Opens the direct conversation of the asker and these people (made the first time).
struct DmOpen
{
    static constexpr QLatin1StringView Type = Type::DmOpen;
    using Reply = DmOpenOk;
    QStringList users; // usernames, the asker's own left out
    static auto fields()
    {
        return std::tuple{field("users"_L1, &DmOpen::users, maxLength(NameFieldMaxLength))};
    }
};

inline constexpr qsizetype SearchQueryMaxLength = 200;
inline constexpr int MaxSearchPage = 50;
inline constexpr int MaxSearchOffset = 500;

// Full-text search of the rooms the user is in (or of one of them).
struct MessageSearch
{
    static constexpr QLatin1StringView Type = Type::MessageSearch;
    using Reply = MessageSearchOk;
    QString query;
    std::optional<QString> room;
    std::optional<qint64> offset; // how many of the best results to skip; 0 when absent
    std::optional<qint64> limit;  // 20 when absent
    static auto fields()
    {
        return std::tuple{
            field("query"_L1, &MessageSearch::query, maxLength(2 * SearchQueryMaxLength)),
            field("room"_L1, &MessageSearch::room, maxLength(NameFieldMaxLength)),
            field("offset"_L1, &MessageSearch::offset, range(0, MaxSearchOffset)),
            field("limit"_L1, &MessageSearch::limit, range(1, MaxSearchPage))};
    }
};

struct MessageSend
{
    static constexpr QLatin1StringView Type = Type::MessageSend;
    using Reply = MessageSendOk;
    QString room;
    QString body; // bounded by the frame size here; by code points in the server
    std::optional<QString> nonce;
    std::optional<qint64> replyTo = std::nullopt; // the id of a message of the same room it answers
    static auto fields()
    {
        return std::tuple{
            field("room"_L1, &MessageSend::room, maxLength(NameFieldMaxLength)),
            field("body"_L1, &MessageSend::body, maxLength(std::numeric_limits<qsizetype>::max())),
            field("nonce"_L1, &MessageSend::nonce, maxLength(Validation::NonceMaxLength)),
            field("replyTo"_L1, &MessageSend::replyTo, range(1, MaxMessageId))};
    }
};

// The author changes their message's text, within the site's edit window.
struct MessageEdit
{
    static constexpr QLatin1StringView Type = Type::MessageEdit;
    using Reply = MessageEditOk;
    qint64 message = 0; // its id
    QString body;
    static auto fields()
    {
        return std::tuple{
            field("message"_L1, &MessageEdit::message, range(1, MaxMessageId)),
            field("body"_L1, &MessageEdit::body, maxLength(std::numeric_limits<qsizetype>::max()))};
    }
};

inline constexpr int MaxOnlinePage = 200;

struct UsersOnline
{
    static constexpr QLatin1StringView Type = Type::UsersOnline;
    using Reply = UsersOnlineOk;
    std::optional<QString> after; // a username; from the first when absent
    std::optional<qint64> limit;  // MaxOnlinePage when absent
    static auto fields()
    {
        return std::tuple{field("after"_L1, &UsersOnline::after, maxLength(NameFieldMaxLength)),
                          field("limit"_L1, &UsersOnline::limit, range(1, MaxOnlinePage))};
    }
};

// Admins change what they give; what they leave out stays.
struct SettingsUpdate
{
    static constexpr QLatin1StringView Type = Type::SettingsUpdate;
    using Reply = SettingsUpdateOk;
    std::optional<QString> motd; // empty: none
    std::optional<qint64> editMinutes;
    static auto fields()
    {
        return std::tuple{
            field("motd"_L1, &SettingsUpdate::motd, maxLength(2 * Validation::MotdMaxLength)),
            field("editMinutes"_L1, &SettingsUpdate::editMinutes, range(0, MaxEditMinutes))};
    }
};

struct CommandsList
{
    static constexpr QLatin1StringView Type = Type::CommandsList;
    using Reply = CommandsListOk;
    static auto fields() { return std::tuple{}; }
};

inline constexpr qsizetype QuoteCodeMaxLength = 20;

struct QuoteGet
{
    static constexpr QLatin1StringView Type = Type::QuoteGet;
    using Reply = QuoteGetOk;
    QString code; // a stooq code such as "aapl.us"
    static auto fields()
    {
        return std::tuple{field("code"_L1, &QuoteGet::code, maxLength(QuoteCodeMaxLength))};
    }
};

struct WatchlistGet
{
    static constexpr QLatin1StringView Type = Type::WatchlistGet;
    using Reply = WatchlistGetOk;
    static auto fields() { return std::tuple{}; }
};

// Adds a code to, or removes it from, the watchlist.
template<const QLatin1StringView &TypeName, typename ReplyType>
struct WatchlistChange
{
    static constexpr QLatin1StringView Type = TypeName;
    using Reply = ReplyType;
    QString code;
    static auto fields()
    {
        return std::tuple{field("code"_L1, &WatchlistChange::code, maxLength(QuoteCodeMaxLength))};
    }
};
using WatchlistAdd = WatchlistChange<Type::WatchlistAdd, WatchlistAddOk>;
using WatchlistRemove = WatchlistChange<Type::WatchlistRemove, WatchlistRemoveOk>;

inline constexpr double MaxAlertPrice = 1e12;

struct AlertAdd
{
    static constexpr QLatin1StringView Type = Type::AlertAdd;
    using Reply = AlertAddOk;
    QString code;
    QString direction; // "above" or "below"
    double price = 0;
    std::optional<QString> room; // announce it in this room too (the owner must be a member)
    static auto fields()
    {
        return std::tuple{field("code"_L1, &AlertAdd::code, maxLength(QuoteCodeMaxLength)),
                          field("direction"_L1, &AlertAdd::direction, maxLength(8)),
                          field("price"_L1, &AlertAdd::price, range(0, qint64(MaxAlertPrice))),
                          field("room"_L1, &AlertAdd::room, maxLength(NameFieldMaxLength))};
    }
};

struct AlertRemove
{
    static constexpr QLatin1StringView Type = Type::AlertRemove;
    using Reply = AlertRemoveOk;
    qint64 alert = 0; // its id (the frame's "id" is the request's)
    static auto fields()
    {
        return std::tuple{field("alert"_L1, &AlertRemove::alert, range(1, qint64(1) << 53))};
    }
};

// Moderation (docs/protocol.md, "Moderation"). Who may send which is the server's to check.

inline constexpr int MaxAuditPage = 100;

struct UserBan
{
    static constexpr QLatin1StringView Type = Type::UserBan;
    using Reply = UserBanOk;
    QString username;
    std::optional<QString> reason; // shown to the banned user and kept in the audit log
    static auto fields()
    {
        return std::tuple{
            field("user"_L1, &UserBan::username, maxLength(NameFieldMaxLength)),
            field("reason"_L1, &UserBan::reason, maxLength(2 * Validation::ReasonMaxLength))};
    }
};

struct UserUnban
{
    static constexpr QLatin1StringView Type = Type::UserUnban;
    using Reply = UserUnbanOk;
    QString username;
    static auto fields()
    {
        return std::tuple{field("user"_L1, &UserUnban::username, maxLength(NameFieldMaxLength))};
    }
};

struct UserRole
{
    static constexpr QLatin1StringView Type = Type::UserRole;
    using Reply = UserRoleOk;
    QString username;
    QString role; // a Role's name
    static auto fields()
    {
        return std::tuple{field("user"_L1, &UserRole::username, maxLength(NameFieldMaxLength)),
                          field("role"_L1, &UserRole::role, maxLength(16))};
    }
};

inline constexpr int MaxUserPage = 200;

// Every account, by username: moderators and admins.
struct UserList
{
    static constexpr QLatin1StringView Type = Type::UserList;
    using Reply = UserListOk;
    std::optional<QString> after; // a username; from the first when absent
    std::optional<qint64> limit;  // MaxUserPage when absent
    static auto fields()
    {
        return std::tuple{field("after"_L1, &UserList::after, maxLength(NameFieldMaxLength)),
                          field("limit"_L1, &UserList::limit, range(1, MaxUserPage))};
    }
};

struct AuditList
{
    static constexpr QLatin1StringView Type = Type::AuditList;
    using Reply = AuditListOk;
    std::optional<qint64> before; // entry id; the newest entries when absent
    std::optional<qint64> limit;  // MaxAuditPage when absent
    static auto fields()
    {
        return std::tuple{field("before"_L1, &AuditList::before,
                                range(1, std::numeric_limits<qint64>::max() / 2)),
                          field("limit"_L1, &AuditList::limit, range(1, MaxAuditPage))};
    }
};

struct InviteCreate
{
    static constexpr QLatin1StringView Type = Type::InviteCreate;
    using Reply = InviteCreateOk;
    std::optional<qint64> uses;  // how many accounts it makes; 1 when absent
    std::optional<qint64> hours; // valid for; 7 days when absent
    static auto fields()
    {
        return std::tuple{field("uses"_L1, &InviteCreate::uses, range(1, MaxInviteUses)),
                          field("hours"_L1, &InviteCreate::hours, range(1, MaxInviteHours))};
    }
};

struct InviteList
{
    static constexpr QLatin1StringView Type = Type::InviteList;
    using Reply = InviteListOk;
    static auto fields() { return std::tuple{}; }
};

struct InviteRevoke
{
    static constexpr QLatin1StringView Type = Type::InviteRevoke;
    using Reply = InviteRevokeOk;
    qint64 invite = 0; // its id
    static auto fields()
    {
        return std::tuple{field("invite"_L1, &InviteRevoke::invite, range(1, qint64(1) << 53))};
    }
};

struct RoomTopic
{
    static constexpr QLatin1StringView Type = Type::RoomTopic;
    using Reply = RoomTopicOk;
    QString room;
    QString topic; // empty clears it
    static auto fields()
    {
        return std::tuple{field("room"_L1, &RoomTopic::room, maxLength(NameFieldMaxLength)),
                          field("topic"_L1, &RoomTopic::topic, maxLength(1024))};
    }
};

struct RoomKick
{
    static constexpr QLatin1StringView Type = Type::RoomKick;
    using Reply = RoomKickOk;
    QString room;
    QString username;
    std::optional<QString> reason;
    static auto fields()
    {
        return std::tuple{
            field("room"_L1, &RoomKick::room, maxLength(NameFieldMaxLength)),
            field("user"_L1, &RoomKick::username, maxLength(NameFieldMaxLength)),
            field("reason"_L1, &RoomKick::reason, maxLength(2 * Validation::ReasonMaxLength))};
    }
};

struct RoomMute
{
    static constexpr QLatin1StringView Type = Type::RoomMute;
    using Reply = RoomMuteOk;
    QString room;
    QString username;
    qint64 minutes = 0;
    std::optional<QString> reason;
    static auto fields()
    {
        return std::tuple{
            field("room"_L1, &RoomMute::room, maxLength(NameFieldMaxLength)),
            field("user"_L1, &RoomMute::username, maxLength(NameFieldMaxLength)),
            field("minutes"_L1, &RoomMute::minutes, range(1, MaxMuteMinutes)),
            field("reason"_L1, &RoomMute::reason, maxLength(2 * Validation::ReasonMaxLength))};
    }
};

struct RoomUnmute
{
    static constexpr QLatin1StringView Type = Type::RoomUnmute;
    using Reply = RoomUnmuteOk;
    QString room;
    QString username;
    static auto fields()
    {
        return std::tuple{field("room"_L1, &RoomUnmute::room, maxLength(NameFieldMaxLength)),
                          field("user"_L1, &RoomUnmute::username, maxLength(NameFieldMaxLength))};
    }
};

// The author deletes their own message, a moderator anyone's below them.
struct MessageDelete
{
    static constexpr QLatin1StringView Type = Type::MessageDelete;
    using Reply = MessageDeleteOk;
    qint64 message = 0; // its id
    static auto fields()
    {
        return std::tuple{field("message"_L1, &MessageDelete::message, range(1, MaxMessageId))};
    }
};

struct ServerStatus
{
    static constexpr QLatin1StringView Type = Type::ServerStatus;
    using Reply = ServerStatusOk;
    static auto fields() { return std::tuple{}; }
};

// Bots (docs/protocol.md, "Bots"): only a connection logged in with bot.login may send
// bot.announce, bot.reply and bot.fail, and it may send nothing that people do.

inline constexpr qsizetype BotTokenMaxLength = 128;
inline constexpr qsizetype MaxBotReplyLength = 4000;
inline constexpr qsizetype MaxBotFailReasonLength = 300;
// A reply's data (a quote card's figures, say) over this, serialised, is dropped and the text
// goes out alone; a plugin's as a connected bot's.
inline constexpr qsizetype MaxBotReplyDataBytes = 16 * 1024;
// The id of a command sent to a bot (BotCommand::request).
inline constexpr qint64 MaxBotRequestId = qint64(1) << 53;

struct BotLogin
{
    static constexpr QLatin1StringView Type = Type::BotLogin;
    using Reply = BotLoginOk;
    QString token;
    static auto fields()
    {
        return std::tuple{field("token"_L1, &BotLogin::token, maxLength(BotTokenMaxLength))};
    }
};

// The commands the bot answers, replacing any it announced before.
struct BotAnnounce
{
    static constexpr QLatin1StringView Type = Type::BotAnnounce;
    using Reply = BotAnnounceOk;
    QList<CommandInfo> commands;
    static auto fields() { return std::tuple{field("commands"_L1, &BotAnnounce::commands)}; }
};

struct BotReply
{
    static constexpr QLatin1StringView Type = Type::BotReply;
    using Reply = BotReplyOk;
    qint64 request = 0; // BotCommand::request
    QString body;
    std::optional<QJsonObject> data;
    static auto fields()
    {
        return std::tuple{field("request"_L1, &BotReply::request, range(1, MaxBotRequestId)),
                          field("body"_L1, &BotReply::body, maxLength(MaxBotReplyLength)),
                          field("data"_L1, &BotReply::data)};
    }
};

struct BotFail
{
    static constexpr QLatin1StringView Type = Type::BotFail;
    using Reply = BotFailOk;
    qint64 request = 0;
    QString reason;
    static auto fields()
    {
        return std::tuple{field("request"_L1, &BotFail::request, range(1, MaxBotRequestId)),
                          field("reason"_L1, &BotFail::reason, maxLength(MaxBotFailReasonLength))};
    }
};

} // namespace FinChat::Protocol
