#include "cluster/busmessage.h"

#include "finchat/protocol/messages.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace FinChat::Bus {

using namespace Qt::StringLiterals;

namespace {

QJsonObject authorJson(const Author &author)
{
    return {{u"id"_s, author.id},
            {u"user"_s, author.username},
            {u"name"_s, author.displayName},
            {u"bot"_s, author.isBot},
            {u"role"_s, QString(Protocol::roleName(author.role))}};
}

Author authorFrom(const QJsonObject &json)
{
    return {json[u"id"_s].toInteger(), json[u"user"_s].toString(), json[u"name"_s].toString(),
            json[u"bot"_s].toBool(),
            Protocol::roleFromName(json[u"role"_s].toString()).value_or(Protocol::Role::Member)};
}

QJsonArray idsJson(const QSet<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QSet<qint64> idsFrom(const QJsonArray &array)
{
    QSet<qint64> ids;
    for (const QJsonValue &id : array)
        ids.insert(id.toInteger());
    return ids;
}

QJsonObject audienceJson(const Audience &audience)
{
    return std::visit(Overloaded{[](const ToRoom &to) {
                                     QJsonObject json{{u"room"_s, to.roomId}};
                                     if (to.alsoUserId)
                                         json.insert(u"also"_s, *to.alsoUserId);
                                     return json;
                                 },
                                 [](const ToPeersOf &to) {
                                     return QJsonObject{{u"peersOf"_s, to.userId},
                                                        {u"themselvesToo"_s, to.themselvesToo}};
                                 },
                                 [](const ToUsers &to) {
                                     return QJsonObject{{u"users"_s, idsJson(to.userIds)}};
                                 },
                                 [](const ToEveryone &) {
                                     return QJsonObject{{u"everyone"_s, true}};
                                 }},
                      audience);
}

std::optional<Audience> audienceFrom(const QJsonObject &json)
{
    if (json.contains(u"room"_s)) {
        ToRoom to{json[u"room"_s].toInteger()};
        if (json.contains(u"also"_s))
            to.alsoUserId = json[u"also"_s].toInteger();
        return to;
    }
    if (json.contains(u"peersOf"_s))
        return ToPeersOf{json[u"peersOf"_s].toInteger(), json[u"themselvesToo"_s].toBool()};
    if (json.contains(u"users"_s))
        return ToUsers{idsFrom(json[u"users"_s].toArray())};
    if (json[u"everyone"_s].toBool())
        return ToEveryone{};
    return std::nullopt; // never "everyone" by default: a direct message must not go to all
}

QJsonObject roomChangeJson(const RoomChange &change)
{
    return std::visit(
        Overloaded{
            [](const AddRoom &add) {
                return QJsonObject{{u"op"_s, u"room"_s},          {u"id"_s, add.room.id},
                                   {u"name"_s, add.room.name},    {u"topic"_s, add.room.topic},
                                   {u"at"_s, add.room.createdAt}, {u"direct"_s, add.room.direct}};
            },
            [](const SetTopic &set) {
                return QJsonObject{
                    {u"op"_s, u"topic"_s}, {u"id"_s, set.roomId}, {u"topic"_s, set.topic}};
            },
            [](const AddMember &add) {
                return QJsonObject{
                    {u"op"_s, u"member"_s}, {u"id"_s, add.roomId}, {u"user"_s, add.userId}};
            },
            [](const RemoveMember &remove) {
                return QJsonObject{
                    {u"op"_s, u"left"_s}, {u"id"_s, remove.roomId}, {u"user"_s, remove.userId}};
            },
            [](const SetMute &set) {
                return QJsonObject{{u"op"_s, u"mute"_s},
                                   {u"id"_s, set.mute.roomId},
                                   {u"user"_s, set.mute.userId},
                                   {u"until"_s, set.mute.until}};
            },
            [](const LiftMute &lift) {
                return QJsonObject{
                    {u"op"_s, u"unmute"_s}, {u"id"_s, lift.roomId}, {u"user"_s, lift.userId}};
            },
            [](const ReloadRooms &) {
                return QJsonObject{{u"op"_s, u"reload"_s}};
            }},
        change);
}

std::optional<RoomChange> roomChangeFrom(const QJsonObject &json)
{
    const QString op = json[u"op"_s].toString();
    const qint64 id = json[u"id"_s].toInteger();
    const qint64 user = json[u"user"_s].toInteger();
    if (op == "room"_L1)
        return AddRoom{{id, json[u"name"_s].toString(), json[u"topic"_s].toString(),
                        json[u"at"_s].toInteger(), json[u"direct"_s].toBool()}};
    if (op == "topic"_L1)
        return SetTopic{id, json[u"topic"_s].toString()};
    if (op == "member"_L1)
        return AddMember{id, user};
    if (op == "left"_L1)
        return RemoveMember{id, user};
    if (op == "mute"_L1)
        return SetMute{{id, user, json[u"until"_s].toInteger()}};
    if (op == "unmute"_L1)
        return LiftMute{id, user};
    if (op == "reload"_L1)
        return ReloadRooms{};
    return std::nullopt;
}

QJsonObject botJson(const BotConnected &bot)
{
    QJsonObject json = Protocol::toJson(Protocol::BotAnnounce{bot.commands});
    json.insert(u"bot"_s, authorJson(bot.bot));
    return json;
}

std::optional<BotConnected> botFrom(const QJsonObject &json)
{
    try {
        return BotConnected{authorFrom(json[u"bot"_s].toObject()),
                            Protocol::fromJson<Protocol::BotAnnounce>(json).commands};
    } catch (const Protocol::ProtocolError &) {
        return std::nullopt;
    }
}

QJsonObject botNewsJson(const BotNews &news)
{
    return std::visit(
        Overloaded{[](const BotConnected &connected) {
                       QJsonObject json = botJson(connected);
                       json.insert(u"op"_s, u"connected"_s);
                       return json;
                   },
                   [](const BotAway &away) {
                       return QJsonObject{{u"op"_s, u"away"_s}, {u"id"_s, away.botId}};
                   },
                   [](const BotsOfServer &all) {
                       QJsonArray bots;
                       for (const BotConnected &bot : all.bots)
                           bots.append(botJson(bot));
                       return QJsonObject{{u"op"_s, u"here"_s}, {u"bots"_s, bots}};
                   },
                   [](const BotCall &call) {
                       return QJsonObject{{u"op"_s, u"call"_s},
                                          {u"to"_s, call.server},
                                          {u"request"_s, qint64(call.request)},
                                          {u"id"_s, call.botId},
                                          {u"command"_s, call.command},
                                          {u"argument"_s, call.argument},
                                          {u"room"_s, call.room},
                                          {u"user"_s, call.user},
                                          {u"name"_s, call.displayName}};
                   },
                   [](const BotAnswer &answer) {
                       return QJsonObject{{u"op"_s, u"answer"_s},
                                          {u"to"_s, answer.server},
                                          {u"request"_s, qint64(answer.request)},
                                          {u"id"_s, answer.botId},
                                          {u"outcome"_s, int(answer.outcome)},
                                          {u"text"_s, answer.text},
                                          {u"data"_s, answer.data}};
                   }},
        news);
}

std::optional<BotNews> botNewsFrom(const QJsonObject &json)
{
    const QString op = json[u"op"_s].toString();
    if (op == "connected"_L1) {
        if (auto connected = botFrom(json))
            return *connected;
        return std::nullopt;
    }
    if (op == "here"_L1) {
        BotsOfServer all;
        for (const QJsonValue &bot : json[u"bots"_s].toArray()) {
            if (auto connected = botFrom(bot.toObject()))
                all.bots.append(*connected);
        }
        return all;
    }
    if (!json[u"id"_s].isDouble())
        return std::nullopt; // every other kind names its bot
    if (op == "away"_L1)
        return BotAway{json[u"id"_s].toInteger()};
    const QString server = json[u"to"_s].toString();
    if (server.isEmpty() || !json[u"request"_s].isDouble())
        return std::nullopt;
    const auto request = quint64(json[u"request"_s].toInteger());
    const qint64 botId = json[u"id"_s].toInteger();
    if (op == "call"_L1)
        return BotCall{server,
                       request,
                       botId,
                       json[u"command"_s].toString(),
                       json[u"argument"_s].toString(),
                       json[u"room"_s].toString(),
                       json[u"user"_s].toString(),
                       json[u"name"_s].toString()};
    const int outcome = json[u"outcome"_s].toInt(-1);
    if (op == "answer"_L1 && outcome >= BotAnswer::Replied && outcome <= BotAnswer::Away)
        return BotAnswer{server,
                         request,
                         botId,
                         BotAnswer::Outcome(outcome),
                         json[u"text"_s].toString(),
                         json[u"data"_s].toObject()};
    return std::nullopt;
}

} // namespace

QByteArray Message::encode() const
{
    QJsonObject json{{u"server"_s, server}, {u"seq"_s, sequence}};
    std::visit(Overloaded{[&](const Event &event) {
                              json.insert(u"kind"_s, u"event"_s);
                              json.insert(u"to"_s, audienceJson(event.audience));
                              json.insert(u"frame"_s, event.frame);
                          },
                          [&](const RoomChange &change) {
                              json.insert(u"kind"_s, u"rooms"_s);
                              json.insert(u"change"_s, roomChangeJson(change));
                          },
                          [&](const Presence &presence) {
                              json.insert(u"kind"_s, u"presence"_s);
                              json.insert(u"user"_s, authorJson(presence.user));
                              json.insert(u"online"_s, presence.online);
                          },
                          [&](const PresenceOfServer &all) {
                              QJsonArray users;
                              for (const Author &user : all.users)
                                  users.append(authorJson(user));
                              json.insert(u"kind"_s, u"online"_s);
                              json.insert(u"users"_s, users);
                          },
                          [&](const Hello &) { json.insert(u"kind"_s, u"hello"_s); },
                          [&](const Alive &) { json.insert(u"kind"_s, u"alive"_s); },
                          [&](const SessionsEnded &ended) {
                              json.insert(u"kind"_s, u"sessions"_s);
                              json.insert(u"user"_s, ended.userId);
                          },
                          [&](const UserUpdated &updated) {
                              json.insert(u"kind"_s, u"user"_s);
                              json.insert(u"user"_s, authorJson(updated.user));
                          },
                          [&](const SettingsChanged &) { json.insert(u"kind"_s, u"settings"_s); },
                          [&](const BotNews &news) {
                              json.insert(u"kind"_s, u"bots"_s);
                              json.insert(u"news"_s, botNewsJson(news));
                          },
                          [&](const RatesSpent &rates) {
                              // Compact: one array per entry, many per batch.
                              QJsonArray spent;
                              for (const RateSpent &entry : rates.spent)
                                  spent.append(QJsonArray{entry.limit, entry.key, entry.count,
                                                          entry.clearedFirst});
                              json.insert(u"kind"_s, u"rates"_s);
                              json.insert(u"spent"_s, spent);
                          }},
               body);
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

std::optional<Message> Message::decode(const QByteArray &text)
{
    const QJsonObject json = QJsonDocument::fromJson(text).object();
    const QString sender = json[u"server"_s].toString();
    const QString kind = json[u"kind"_s].toString();
    if (sender.isEmpty())
        return std::nullopt;
    const auto made = [&](Body said) {
        return std::optional<Message>(Message{sender, json[u"seq"_s].toInteger(), said});
    };
    if (kind == "event"_L1 && json[u"frame"_s].isObject()) {
        if (auto audience = audienceFrom(json[u"to"_s].toObject()))
            return made(Event{*audience, json[u"frame"_s].toObject()});
        return std::nullopt;
    }
    if (kind == "rooms"_L1) {
        if (auto change = roomChangeFrom(json[u"change"_s].toObject()))
            return made(*change);
        return std::nullopt;
    }
    if (kind == "presence"_L1)
        return made(Presence{authorFrom(json[u"user"_s].toObject()), json[u"online"_s].toBool()});
    if (kind == "online"_L1) {
        PresenceOfServer all;
        for (const QJsonValue &user : json[u"users"_s].toArray())
            all.users.append(authorFrom(user.toObject()));
        return made(all);
    }
    if (kind == "hello"_L1)
        return made(Hello{});
    if (kind == "alive"_L1)
        return made(Alive{});
    if (kind == "sessions"_L1)
        return made(SessionsEnded{json[u"user"_s].toInteger()});
    if (kind == "user"_L1)
        return made(UserUpdated{authorFrom(json[u"user"_s].toObject())});
    if (kind == "settings"_L1)
        return made(SettingsChanged{});
    if (kind == "rates"_L1) {
        if (!json[u"spent"_s].isArray())
            return std::nullopt;
        RatesSpent rates;
        for (const QJsonValue &value : json[u"spent"_s].toArray()) {
            const QJsonArray entry = value.toArray();
            if (entry.size() != 4 || !entry[0].isString() || !entry[1].isString() ||
                !entry[2].isDouble())
                return std::nullopt;
            rates.spent.append(
                {entry[0].toString(), entry[1].toString(), entry[2].toInt(), entry[3].toBool()});
        }
        return made(rates);
    }
    if (kind == "bots"_L1) {
        if (auto news = botNewsFrom(json[u"news"_s].toObject()))
            return made(*news);
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace FinChat::Bus
