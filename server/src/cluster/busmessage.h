#pragma once

#include "storage/records.h"

#include "finchat/protocol/shapes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>
#include <variant>

namespace FinChat::Bus {

// std::visit with one lambda per kind.
template<typename... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>; // clang 14 does not deduce it for an aggregate

// Who gets an event: each server resolves it against its own connections when the event
// arrives, so that a room's members are those of that moment on every server alike.
struct ToRoom
{
    qint64 roomId = 0;
    std::optional<qint64> alsoUserId = std::nullopt; // one who just left it, say
};
// Everyone who shares a room with the user, and the user too when themselvesToo: resolved
// on arrival, so that the message stays small however many rooms and members there are.
struct ToPeersOf
{
    qint64 userId = 0;
    bool themselvesToo = false;
};
struct ToUsers
{
    QSet<qint64> userIds;
};
struct ToEveryone
{};
using Audience = std::variant<ToRoom, ToPeersOf, ToUsers, ToEveryone>;

// A protocol event for an audience, as JSON (Protocol::frame).
struct Event
{
    Audience audience;
    QJsonObject frame;
};

// A change to the rooms every server mirrors in memory (RoomDirectory).
struct AddRoom
{
    RoomRecord room;
};
struct SetTopic
{
    qint64 roomId = 0;
    QString topic;
};
struct AddMember
{
    qint64 roomId = 0;
    qint64 userId = 0;
};
struct RemoveMember
{
    qint64 roomId = 0;
    qint64 userId = 0;
};
struct SetMute
{
    MuteRecord mute;
};
struct LiftMute
{
    qint64 roomId = 0;
    qint64 userId = 0;
};
// The rooms changed in ways read back from the database (the command line's changes).
struct ReloadRooms
{};
using RoomChange =
    std::variant<AddRoom, SetTopic, AddMember, RemoveMember, SetMute, LiftMute, ReloadRooms>;

// The user's first connection on the sending server opened, or its last one closed.
struct Presence
{
    Author user;
    bool online = false;
};
// Everyone online on the sending server: its answer to Hello, replacing what was known.
struct PresenceOfServer
{
    QList<Author> users;
};
// A server started: the others tell it who is online on them.
struct Hello
{};
// The sending server is still there (every heartbeat).
struct Alive
{};
// Sessions of this user ended (a ban, a new password, a logout): each server checks its
// connections against the database.
struct SessionsEnded
{
    qint64 userId = 0;
};
// The user's name or role changed; connections of the user hold the new one.
struct UserUpdated
{
    Author user;
};
// settings.update changed the site's settings.
struct SettingsChanged
{};

// Bot programs connected over the wire (BotHost) answer commands typed on any server: the
// server a bot is connected to says so, and the others hand it their people's commands.
// A bot connected to the sending server, with the commands it announced: the latest one
// in the bus's order is where it answers (a connection of it elsewhere is closed).
struct BotConnected
{
    Author bot;
    QList<Protocol::CommandInfo> commands;
};
// Its connection to the sending server closed.
struct BotAway
{
    qint64 botId = 0;
};
// The sending server's answer to Hello: the bots connected to it.
struct BotsOfServer
{
    QList<BotConnected> bots;
};
// A command for a bot connected to `server`, asked on the sending server; the answer goes
// back as a BotAnswer with the same request.
struct BotCall
{
    QString server;
    quint64 request = 0;
    qint64 botId = 0;
    QString command;
    QString argument;
    QString room;        // empty when the asking server asks for itself
    QString user;        // who typed it
    QString displayName; // their display name
};
// The bot's reply, or why there is none, for the server that asked.
struct BotAnswer
{
    enum Outcome
    {
        Replied,
        Failed, // bot.fail, or it went away while asked
        Away,   // it was no longer connected there when the call came
    };
    QString server;
    quint64 request = 0;
    qint64 botId = 0;
    Outcome outcome = Failed;
    QString text; // the reply, or the reason it failed
    QJsonObject data;
};
using BotNews = std::variant<BotConnected, BotAway, BotsOfServer, BotCall, BotAnswer>;

// What the sending server's rate limits let through since its last batch (RateSharing).
struct RateSpent
{
    QString limit; // the limiter's name
    QString key;   // a user id, username or address
    int count = 0;
    bool clearedFirst = false; // the key's count was cleared before these were spent
};
struct RatesSpent
{
    QList<RateSpent> spent;
};

using Body = std::variant<Event, RoomChange, Presence, PresenceOfServer, Hello, Alive,
                          SessionsEnded, UserUpdated, SettingsChanged, BotNews, RatesSpent>;

// One message between the servers of one database (ClusterBus), and its text form: a
// compact JSON object, so that a human reading PostgreSQL's log can too.
struct Message
{
    QString server; // the sender's id
    // The sender's count of its messages: PostgreSQL delivers identical notifications of one
    // transaction once, and two presence changes or two joins can be identical.
    qint64 sequence = 0;
    Body body;

    QByteArray encode() const;
    // nullopt when the text is no message of this version (logged and dropped by the bus).
    static std::optional<Message> decode(const QByteArray &text);
};

} // namespace FinChat::Bus
