#include "cluster/busmessage.h"

#include "finchat/protocol/events.h"
#include "finchat/protocol/messages.h"

#include <QTest>

using namespace FinChat;
using namespace Qt::StringLiterals;

// What servers on one database tell one another (ClusterBus): every kind survives its text
// form, and text that is no message is refused, not half read.
class TestBusMessage : public QObject
{
    Q_OBJECT

private:
    static Bus::Message roundTrip(const Bus::Body &body)
    {
        const auto decoded = Bus::Message::decode(Bus::Message{u"s1"_s, 42, body}.encode());
        if (!decoded || decoded->sequence != 42)
            qFatal("did not decode");
        return *decoded;
    }

private slots:
    void eventsKeepTheirAudienceAndFrame()
    {
        const QJsonObject frame{{u"type"_s, u"message.new"_s}, {u"body"_s, u"é€📈 \"q\""_s}};
        const Bus::Message room = roundTrip(Bus::Event{Bus::ToRoom{7, 9}, frame});
        QCOMPARE(room.server, u"s1"_s);
        const auto &event = std::get<Bus::Event>(room.body);
        QCOMPARE(event.frame, frame);
        QCOMPARE(std::get<Bus::ToRoom>(event.audience).roomId, 7);
        QCOMPARE(std::get<Bus::ToRoom>(event.audience).alsoUserId, std::optional<qint64>(9));
        const auto peers =
            std::get<Bus::Event>(roundTrip(Bus::Event{Bus::ToPeersOf{3, true}, frame}).body);
        QVERIFY(std::get<Bus::ToPeersOf>(peers.audience).themselvesToo);
        const auto users =
            std::get<Bus::Event>(roundTrip(Bus::Event{Bus::ToUsers{{1, 2, 3}}, frame}).body);
        QCOMPARE(std::get<Bus::ToUsers>(users.audience).userIds, (QSet<qint64>{1, 2, 3}));
        const auto everyone =
            std::get<Bus::Event>(roundTrip(Bus::Event{Bus::ToEveryone{}, frame}).body);
        QVERIFY(std::holds_alternative<Bus::ToEveryone>(everyone.audience));
    }

    void roomChangesPresenceAndTheRest()
    {
        const RoomRecord desk{4, u"desk"_s, u"Bonds"_s, 1'763'800'000'123, false};
        const auto added =
            std::get<Bus::RoomChange>(roundTrip(Bus::RoomChange{Bus::AddRoom{desk}}).body);
        QCOMPARE(std::get<Bus::AddRoom>(added).room.topic, u"Bonds"_s);
        QCOMPARE(std::get<Bus::AddRoom>(added).room.createdAt, desk.createdAt);
        const auto muted = std::get<Bus::RoomChange>(
            roundTrip(Bus::RoomChange{Bus::SetMute{{4, 5, 1'763'800'060'000}}}).body);
        QCOMPARE(std::get<Bus::SetMute>(muted).mute.until, 1'763'800'060'000);
        QVERIFY(std::holds_alternative<Bus::ReloadRooms>(
            std::get<Bus::RoomChange>(roundTrip(Bus::RoomChange{Bus::ReloadRooms{}}).body)));

        const Author bob{5, u"bob"_s, u"Bob"_s, false, Protocol::Role::Moderator};
        const auto online = std::get<Bus::Presence>(roundTrip(Bus::Presence{bob, true}).body);
        QCOMPARE(online.user.role, Protocol::Role::Moderator);
        QVERIFY(online.online);
        QCOMPARE(std::get<Bus::PresenceOfServer>(roundTrip(Bus::PresenceOfServer{{bob}}).body)
                     .users.value(0)
                     .username,
                 u"bob"_s);
        QCOMPARE(std::get<Bus::SessionsEnded>(roundTrip(Bus::SessionsEnded{5}).body).userId, 5);
        QCOMPARE(std::get<Bus::UserUpdated>(roundTrip(Bus::UserUpdated{bob}).body).user.displayName,
                 u"Bob"_s);
        QVERIFY(std::holds_alternative<Bus::Hello>(roundTrip(Bus::Hello{}).body));
        QVERIFY(std::holds_alternative<Bus::Alive>(roundTrip(Bus::Alive{}).body));
        QVERIFY(
            std::holds_alternative<Bus::SettingsChanged>(roundTrip(Bus::SettingsChanged{}).body));
    }

    void botNewsKeepsItsCommandsCallsAndAnswers()
    {
        const Author echo{9, u"echo"_s, u"Echo Bot"_s, true, Protocol::Role::Member};
        const Bus::BotConnected connected{echo, {{u"echo"_s, u"/echo=TEXT"_s, u"Says it"_s}}};
        const auto heard = std::get<Bus::BotConnected>(
            std::get<Bus::BotNews>(roundTrip(Bus::BotNews{connected}).body));
        QCOMPARE(heard.bot.displayName, u"Echo Bot"_s);
        QVERIFY(heard.bot.isBot);
        QCOMPARE(heard.commands.value(0).usage, u"/echo=TEXT"_s);
        const auto here = std::get<Bus::BotsOfServer>(
            std::get<Bus::BotNews>(roundTrip(Bus::BotNews{Bus::BotsOfServer{{connected}}}).body));
        QCOMPARE(here.bots.value(0).commands.value(0).description, u"Says it"_s);
        QCOMPARE(std::get<Bus::BotAway>(
                     std::get<Bus::BotNews>(roundTrip(Bus::BotNews{Bus::BotAway{9}}).body))
                     .botId,
                 9);

        const Bus::BotCall call{u"s2"_s,    17,           9,          u"echo"_s,
                                u"a=b ☂"_s, u"general"_s, u"alice"_s, u"Alice"_s};
        const auto asked =
            std::get<Bus::BotCall>(std::get<Bus::BotNews>(roundTrip(Bus::BotNews{call}).body));
        QCOMPARE(asked.server, u"s2"_s);
        QCOMPARE(asked.request, quint64(17));
        QCOMPARE(asked.argument, u"a=b ☂"_s);
        QCOMPARE(asked.displayName, u"Alice"_s);
        const Bus::BotAnswer answer{u"s1"_s,           17, 9, Bus::BotAnswer::Replied, u"b"_s,
                                    {{u"quotes"_s, 1}}};
        const auto answered =
            std::get<Bus::BotAnswer>(std::get<Bus::BotNews>(roundTrip(Bus::BotNews{answer}).body));
        QCOMPARE(answered.outcome, Bus::BotAnswer::Replied);
        QCOMPARE(answered.data, answer.data);
        QCOMPARE(answered.botId, 9);
    }

    void ratesSpentKeepEveryEntry()
    {
        const Bus::RatesSpent spent{
            {{u"messages"_s, u"7"_s, 3, false}, {u"failed-logins"_s, u"alice|::1"_s, 0, true}}};
        const auto heard = std::get<Bus::RatesSpent>(roundTrip(spent).body);
        QCOMPARE(heard.spent.size(), 2);
        QCOMPARE(heard.spent[0].limit, u"messages"_s);
        QCOMPARE(heard.spent[0].count, 3);
        QVERIFY(!heard.spent[0].clearedFirst);
        QCOMPARE(heard.spent[1].key, u"alice|::1"_s);
        QVERIFY(heard.spent[1].clearedFirst);
    }

    void textThatIsNoMessageIsRefused()
    {
        for (const QByteArray &text :
             {QByteArray(), QByteArray("null"), QByteArray("[]"),
              QByteArray("{\"kind\":\"alive\"}"),
              QByteArray("{\"server\":\"s\",\"kind\":\"nonsense\"}"),
              QByteArray("{\"server\":\"s\",\"kind\":\"event\"}"),
              // An audience it does not know is no audience, never everyone.
              QByteArray("{\"server\":\"s\",\"kind\":\"event\",\"frame\":{},\"to\":{}}"),
              QByteArray("{\"server\":\"s\",\"kind\":\"event\",\"frame\":{},"
                         "\"to\":{\"team\":3}}"),
              QByteArray("{\"server\":\"s\",\"kind\":\"rooms\",\"change\":{\"op\":\"x\"}}"),
              QByteArray("{\"server\":\"s\",\"kind\":\"bots\",\"news\":{\"op\":\"x\"}}"),
              // A call or answer that names no server or request, and an outcome unknown.
              QByteArray("{\"server\":\"s\",\"kind\":\"bots\",\"news\":{\"op\":"
                         "\"call\",\"id\":3,\"request\":1}}"),
              QByteArray("{\"server\":\"s\",\"kind\":\"bots\",\"news\":{\"op\":"
                         "\"answer\",\"id\":3,\"to\":\"s2\",\"request\":1,\"outcome\":7}}"),
              QByteArray("{\"server\":\"s\",\"kind\":\"bots\",\"news\":{\"op\":"
                         "\"away\"}}"),
              QByteArray("{\"server\":\"s\",\"kind\":\"rates\",\"spent\":7}"),
              QByteArray("{\"server\":\"s\",\"kind\":\"rates\",\"spent\":[[\"m\",\"7\"]]}"),
              // Commands that are no list are no announcement.
              QByteArray("{\"server\":\"s\",\"kind\":\"bots\",\"news\":{\"op\":"
                         "\"connected\",\"commands\":7}}"),
              QByteArray("{\"server\":\"s\",\"kind\":\"ev")})
            QVERIFY2(!Bus::Message::decode(text), text.constData());
    }
};

QTEST_GUILESS_MAIN(TestBusMessage)
#include "tst_busmessage.moc"
