#pragma once

#include "finchat/protocol/fields.h"
#include "finchat/validation.h"

#include <QString>

// The shapes that requests, replies and events are made of, as docs/protocol.md shows them
// under "Shapes used below".
namespace FinChat::Protocol {

using namespace Qt::StringLiterals;

// Who someone is. "user" is the username, the stable key; displayName is what to show; role
// is a Role's name, absent for members.
struct User
{
    QString username;
    QString displayName;
    bool bot = false;
    std::optional<QString> role = std::nullopt;

    static auto fields()
    {
        return std::tuple{field("user"_L1, &User::username),
                          field("displayName"_L1, &User::displayName),
                          field("bot"_L1, &User::bot, OmitWhenFalse),
                          field("role"_L1, &User::role, maxLength(16))};
    }
};

// A user in a room, with their presence.
struct Member
{
    User user;
    bool online = false;

    static auto fields()
    {
        return std::tuple{inlined(&Member::user), field("online"_L1, &Member::online)};
    }
};

// The message another one answers (Message::reply), as it now is: its text cut to
// QuoteMaxLength characters, or gone when it was deleted.
inline constexpr qsizetype QuoteMaxLength = 200;
struct Quote
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString body;
    bool deleted = false;

    static auto fields()
    {
        return std::tuple{field("id"_L1, &Quote::id), field("user"_L1, &Quote::username),
                          field("displayName"_L1, &Quote::displayName),
                          field("body"_L1, &Quote::body, maxLength(2 * QuoteMaxLength + 1)),
                          field("deleted"_L1, &Quote::deleted, OmitWhenFalse)};
    }
    friend bool operator==(const Quote &, const Quote &) = default;
};

// A stored chat message.
struct Message
{
    qint64 id = 0;
    QString room;
    QString username;
    QString displayName;
    QString body;
    qint64 timestamp = 0; // UTC milliseconds
    std::optional<QString> nonce;
    bool bot = false;
    bool deleted = false;                        // a tombstone: the body is gone (message.delete)
    std::optional<qint64> edited = std::nullopt; // when its author last changed it
    std::optional<Quote> reply = std::nullopt;   // the message it answers

    static auto fields()
    {
        return std::tuple{field("id"_L1, &Message::id),
                          field("room"_L1, &Message::room),
                          field("user"_L1, &Message::username),
                          field("displayName"_L1, &Message::displayName),
                          field("body"_L1, &Message::body),
                          field("ts"_L1, &Message::timestamp),
                          field("nonce"_L1, &Message::nonce),
                          field("bot"_L1, &Message::bot, OmitWhenFalse),
                          field("deleted"_L1, &Message::deleted, OmitWhenFalse),
                          field("edited"_L1, &Message::edited),
                          field("reply"_L1, &Message::reply)};
    }
};

// Where a found word lies in a text: UTF-16 code units from its start, as Qt and JavaScript
// index strings.
struct TextRange
{
    qint64 start = 0;
    qint64 length = 0;

    static auto fields()
    {
        return std::tuple{field("start"_L1, &TextRange::start, range(0, 1 << 20)),
                          field("length"_L1, &TextRange::length, range(0, 1 << 20))};
    }
};

// A message message.search found, with where its words match.
struct SearchHit
{
    Message message;
    QList<TextRange> highlights;

    static auto fields()
    {
        return std::tuple{field("message"_L1, &SearchHit::message),
                          field("highlights"_L1, &SearchHit::highlights)};
    }
};

struct RoomSummary
{
    QString name;
    QString topic;
    bool direct = false; // a direct conversation (dm.open), named "dm:..."

    static auto fields()
    {
        return std::tuple{field("name"_L1, &RoomSummary::name),
                          field("topic"_L1, &RoomSummary::topic),
                          field("direct"_L1, &RoomSummary::direct, OmitWhenFalse)};
    }
};

// A room as rooms.list shows it.
struct RoomListing
{
    RoomSummary room;
    qint64 members = 0;
    qint64 online = 0;
    bool joined = false;

    static auto fields()
    {
        return std::tuple{inlined(&RoomListing::room), field("members"_L1, &RoomListing::members),
                          field("online"_L1, &RoomListing::online),
                          field("joined"_L1, &RoomListing::joined)};
    }
};

// An account as moderators see it in user.list.
struct Account
{
    User user;
    bool online = false;
    bool banned = false;  // banned by a moderator, or disabled on the command line
    qint64 createdAt = 0; // UTC milliseconds

    static auto fields()
    {
        return std::tuple{inlined(&Account::user), field("online"_L1, &Account::online),
                          field("banned"_L1, &Account::banned, OmitWhenFalse),
                          field("createdAt"_L1, &Account::createdAt)};
    }
};

// One line of the audit log: who did what to whom, and when.
struct AuditEntry
{
    qint64 id = 0;
    qint64 at = 0;             // UTC milliseconds
    std::optional<QString> by; // a username; absent: the server's command line
    QString action;            // an AuditAction
    QString username;          // the account acted on
    QString detail;            // the reason given, the new role, ...

    static auto fields()
    {
        return std::tuple{
            field("id"_L1, &AuditEntry::id),         field("at"_L1, &AuditEntry::at),
            field("by"_L1, &AuditEntry::by),         field("action"_L1, &AuditEntry::action),
            field("user"_L1, &AuditEntry::username), field("detail"_L1, &AuditEntry::detail)};
    }
};

// An invite code as admins see it; the code itself is shown once, when it is made.
struct Invite
{
    qint64 id = 0;
    std::optional<QString> by; // a username; absent: the server's command line
    qint64 createdAt = 0;
    std::optional<qint64> expiresAt; // absent: never
    qint64 usesLeft = 0;
    qint64 used = 0;

    static auto fields()
    {
        return std::tuple{field("id"_L1, &Invite::id),
                          field("by"_L1, &Invite::by),
                          field("createdAt"_L1, &Invite::createdAt),
                          field("expiresAt"_L1, &Invite::expiresAt),
                          field("usesLeft"_L1, &Invite::usesLeft),
                          field("used"_L1, &Invite::used)};
    }
};

// A bot as server.status shows it.
struct BotState
{
    QString username;
    QString kind;           // "plugin": loaded by the server; "connected": over bot.login
    bool available = false; // it answers now (a connected bot that is away does not)
    qint64 commands = 0;

    static auto fields()
    {
        return std::tuple{field("user"_L1, &BotState::username), field("kind"_L1, &BotState::kind),
                          field("available"_L1, &BotState::available),
                          field("commands"_L1, &BotState::commands)};
    }
};

// A command as /help and commands.list show it.
struct CommandInfo
{
    QString name; // lower-case, without the slash
    QString usage;
    QString description;

    static auto fields()
    {
        return std::tuple{field("name"_L1, &CommandInfo::name),
                          field("usage"_L1, &CommandInfo::usage),
                          field("description"_L1, &CommandInfo::description)};
    }
};

// A command someone typed: "/stock=aapl.us" is {"name": "stock", "argument": "aapl.us"}.
struct Invocation
{
    QString name;
    QString argument;

    static Invocation of(const Validation::CommandInvocation &parsed)
    {
        return {parsed.name, parsed.argument};
    }
    // As typed: "/name" or "/name=argument".
    QString text() const
    {
        return argument.isEmpty() ? QString(u'/' + name) : QString(u'/' + name + u'=' + argument);
    }

    static auto fields()
    {
        return std::tuple{field("name"_L1, &Invocation::name),
                          field("argument"_L1, &Invocation::argument)};
    }
};

// A price alert: it fires once, the first time the server sees the price of `code` at or
// above (direction "above") or at or below ("below") `price`. `room`: where it is announced
// too, besides to its owner.
struct PriceAlert
{
    qint64 id = 0;
    QString code; // lower-case stooq code: "aapl.us"
    QString direction;
    double price = 0;
    std::optional<QString> room;
    qint64 createdAt = 0;
    std::optional<qint64> triggeredAt; // set once it fired
    std::optional<double> triggeredPrice;

    static auto fields()
    {
        return std::tuple{field("id"_L1, &PriceAlert::id),
                          field("code"_L1, &PriceAlert::code),
                          field("direction"_L1, &PriceAlert::direction),
                          field("price"_L1, &PriceAlert::price),
                          field("room"_L1, &PriceAlert::room),
                          field("createdAt"_L1, &PriceAlert::createdAt),
                          field("triggeredAt"_L1, &PriceAlert::triggeredAt),
                          field("triggeredPrice"_L1, &PriceAlert::triggeredPrice)};
    }
};

// A code on someone's watchlist, with the latest quote the server has seen for it: one
// entry of the quote bot's data.quotes (docs/plugins.md), absent until the first check.
struct WatchedCode
{
    QString code;
    std::optional<QJsonObject> quote;

    static auto fields()
    {
        return std::tuple{field("code"_L1, &WatchedCode::code),
                          field("quote"_L1, &WatchedCode::quote)};
    }
};

// A user's watchlist (in the order added) and price alerts (armed and fired, newest first).
struct Watchlist
{
    QList<WatchedCode> codes;
    QList<PriceAlert> alerts;

    static auto fields()
    {
        return std::tuple{field("codes"_L1, &Watchlist::codes),
                          field("alerts"_L1, &Watchlist::alerts)};
    }
};

// What admins set for the whole site (settings.update), sent with every login.
struct SiteSettings
{
    QString motd; // the message of the day; empty: none
    qint64 editMinutes = DefaultEditMinutes;

    static auto fields()
    {
        return std::tuple{
            field("motd"_L1, &SiteSettings::motd, maxLength(2 * Validation::MotdMaxLength)),
            field("editMinutes"_L1, &SiteSettings::editMinutes, range(0, MaxEditMinutes))};
    }
};

// The limits a server announces in its hello.
struct Limits
{
    qint64 maxBodyLength = 0;
    qint64 maxMessageBytes = 0;
    qint64 loginTimeoutMs = 0;
    qint64 messageBurst = 0;
    qint64 messageWindowMs = 0;
    qint64 historyPageMax = 0;

    static auto fields()
    {
        return std::tuple{field("maxBodyLength"_L1, &Limits::maxBodyLength),
                          field("maxMessageBytes"_L1, &Limits::maxMessageBytes),
                          field("loginTimeoutMs"_L1, &Limits::loginTimeoutMs),
                          field("messageBurst"_L1, &Limits::messageBurst),
                          field("messageWindowMs"_L1, &Limits::messageWindowMs),
                          field("historyPageMax"_L1, &Limits::historyPageMax)};
    }
};

} // namespace FinChat::Protocol
