#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {

QList<qint64> idsOf(const QJsonArray &messages)
{
    QList<qint64> ids;
    for (const QJsonValue &message : messages)
        ids.append(message.toObject().value(u"id"_s).toInteger());
    return ids;
}

} // namespace

class TestMessaging : public QObject
{
    Q_OBJECT

private slots:
    void twoUsersSeeTheSameMessagesInTheSameOrder()
    {
        TestServer server(TestServer::generousLimits());
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));

        // Interleave sends without waiting, so the server decides the order.
        for (int i = 0; i < 10; ++i) {
            alice.sendRawNoWait(
                Protocol::frameText(Protocol::MessageSend{u"general"_s, u"a%1"_s.arg(i), {}}));
            bob.sendRawNoWait(
                Protocol::frameText(Protocol::MessageSend{u"general"_s, u"b%1"_s.arg(i), {}}));
        }
        QList<QJsonObject> seenByAlice, seenByBob;
        QVERIFY(QTest::qWaitFor(
            [&] {
                seenByAlice += alice.takeEvents(Type::MessageNew);
                seenByBob += bob.takeEvents(Type::MessageNew);
                return seenByAlice.size() >= 20 && seenByBob.size() >= 20;
            },
            10'000));
        QCOMPARE(seenByAlice.size(), 20);
        QCOMPARE(seenByBob, seenByAlice);
        qint64 lastId = 0, lastTs = 0;
        for (const QJsonObject &event : seenByAlice) {
            const QJsonObject message = event.value(u"message"_s).toObject();
            QVERIFY(message.value(u"id"_s).toInteger() > lastId);
            QVERIFY(message.value(u"ts"_s).toInteger() >= lastTs);
            lastId = message.value(u"id"_s).toInteger();
            lastTs = message.value(u"ts"_s).toInteger();
            QCOMPARE(message.value(u"room"_s).toString(), u"general"_s);
        }
    }

    // The server frames a broadcast once and writes it to every socket itself: frames with
    // 16- and 64-bit lengths, of text of several bytes a character, reach a real WebSocket
    // client whole, over TLS, live and in a reply. (Short answers, with 7-bit lengths, are in
    // every test.)
    void framesOfEveryLengthArriveWhole()
    {
        TestServer server(TestServer::generousLimits());
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        const QString longest = QString(u"é€📈"_s).repeated(1000); // 3,000 code points, 9,000 bytes
        const QStringList bodies{u"ok"_s, u"déjà vu "_s.repeated(12), longest, longest};
        for (const QString &body : bodies) {
            QCOMPARE(typeOf(alice.send(u"general"_s, body)), Type::MessageSendOk);
            const QJsonObject live = bob.waitForEvent(Type::MessageNew);
            QCOMPARE(live[u"message"_s][u"body"_s].toString(), body);
        }
        // Eight messages of 9,000 bytes: a join's answer over 65,535 bytes.
        for (int i = 0; i < 6; ++i)
            QCOMPARE(typeOf(alice.send(u"general"_s, longest)), Type::MessageSendOk);
        TestClient carol;
        QVERIFY(carol.connectAs(server.url(), u"carol"_s));
        const QJsonObject joined = carol.request(Type::RoomJoin, {{u"room"_s, u"general"_s}});
        QVERIFY(QJsonDocument(joined).toJson(QJsonDocument::Compact).size() > 65'535);
        const QJsonArray messages = joined[u"messages"_s].toArray();
        QCOMPARE(messages.size(), bodies.size() + 6);
        QCOMPARE(messages.first()[u"body"_s].toString(), u"ok"_s);
        QCOMPARE(messages.last()[u"body"_s].toString(), longest);
    }

    void senderGetsReplyAndOwnEchoWithNonce()
    {
        TestServer server;
        TestClient alice, alicePhone;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(alicePhone.open(server.url()));
        QCOMPARE(typeOf(alicePhone.login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);

        const QJsonObject reply = alice.send(u"general"_s, u"AAPL looks heavy"_s, u"nonce-1"_s);
        QCOMPARE(typeOf(reply), Type::MessageSendOk);
        const QJsonObject message = reply.value(u"message"_s).toObject();
        QCOMPARE(message.value(u"body"_s).toString(), u"AAPL looks heavy"_s);
        QCOMPARE(message.value(u"user"_s).toString(), u"alice"_s);
        QCOMPARE(message.value(u"nonce"_s).toString(), u"nonce-1"_s);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(qAbs(message.value(u"ts"_s).toInteger() - now) < 60'000); // UTC milliseconds

        // Every session of the sender gets the broadcast, nonce included.
        QCOMPARE(alice.waitForEvent(Type::MessageNew).value(u"message"_s).toObject(), message);
        QCOMPARE(alicePhone.waitForEvent(Type::MessageNew).value(u"message"_s).toObject(), message);
    }

    void retriedNonceIsStoredOnce()
    {
        TestServer server;
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        const QJsonObject first = alice.send(u"general"_s, u"buy the dip"_s, u"retry-me"_s);
        const QJsonObject retry = alice.send(u"general"_s, u"buy the dip"_s, u"retry-me"_s);
        QCOMPARE(typeOf(retry), Type::MessageSendOk);
        QVERIFY(retry.value(u"duplicate"_s).toBool());
        QCOMPARE(retry.value(u"message"_s), first.value(u"message"_s));
        QCOMPARE(bob.waitForEvent(Type::MessageNew).value(u"message"_s), first.value(u"message"_s));
        QVERIFY(bob.noEvent(Type::MessageNew)); // the retry is not broadcast again
        QCOMPARE(server.storedMessageCount(), 1);
    }

    void joinShowsLastFiftyOldestFirstAndHistoryPagesBack()
    {
        TestServer server(TestServer::generousLimits());
        TestClient writer, reader;
        QVERIFY(writer.connectAs(server.url(), u"writer"_s));
        QVERIFY(reader.connectAs(server.url(), u"reader"_s));
        QCOMPARE(typeOf(writer.request(Type::RoomCreate,
                                       {{u"name"_s, u"bonds"_s}, {u"topic"_s, u"Rates"_s}})),
                 Type::RoomCreateOk);
        QList<qint64> sent;
        for (int i = 1; i <= 120; ++i)
            sent.append(writer.send(u"bonds"_s, u"message %1"_s.arg(i))
                            .value(u"message"_s)
                            .toObject()
                            .value(u"id"_s)
                            .toInteger());

        const QJsonObject joined = reader.request(Type::RoomJoin, {{u"room"_s, u"bonds"_s}});
        QCOMPARE(typeOf(joined), Type::RoomJoinOk);
        QCOMPARE(joined.value(u"room"_s).toObject().value(u"topic"_s).toString(), u"Rates"_s);
        const QJsonArray last = joined.value(u"messages"_s).toArray();
        QCOMPARE(last.size(), 50);
        QCOMPARE(idsOf(last), sent.mid(70));
        QCOMPARE(last.first().toObject().value(u"body"_s).toString(), u"message 71"_s);
        QCOMPARE(last.last().toObject().value(u"body"_s).toString(), u"message 120"_s);
        QVERIFY(joined.value(u"hasMore"_s).toBool());
        QStringList memberNames;
        for (const QJsonValue &member : joined.value(u"members"_s).toArray()) {
            memberNames.append(member.toObject().value(u"user"_s).toString());
            QVERIFY(member.toObject().value(u"online"_s).toBool());
        }
        QCOMPARE(memberNames, (QStringList{u"reader"_s, u"writer"_s}));

        // Page back to the first message: no gap, no duplicate.
        QList<qint64> all = idsOf(last);
        qint64 before = all.first();
        bool hasMore = true;
        int pages = 0;
        while (hasMore) {
            const QJsonObject page =
                reader.request(Type::HistoryFetch,
                               {{u"room"_s, u"bonds"_s}, {u"before"_s, before}, {u"limit"_s, 30}});
            QCOMPARE(typeOf(page), Type::HistoryFetchOk);
            const QList<qint64> ids = idsOf(page.value(u"messages"_s).toArray());
            QVERIFY(!ids.isEmpty());
            all = ids + all;
            before = ids.first();
            hasMore = page.value(u"hasMore"_s).toBool();
            QVERIFY(++pages < 10);
        }
        QCOMPARE(pages, 3); // 30 + 30 + 10
        QCOMPARE(all, sent);

        const QJsonObject tooBig =
            reader.request(Type::HistoryFetch, {{u"room"_s, u"bonds"_s}, {u"limit"_s, 101}});
        QCOMPARE(codeOf(tooBig), u"invalid_field"_s);
    }

    void commandsAreShownButNeverStored()
    {
        TestServer server;
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));

        const QJsonObject help = alice.send(u"general"_s, u"/help"_s);
        QCOMPARE(typeOf(help), Type::MessageSendOk);
        QCOMPARE(help.value(u"command"_s).toObject().value(u"name"_s).toString(), u"help"_s);
        QVERIFY(!help.contains(u"message"_s));
        const QJsonObject event = bob.waitForEvent(Type::CommandEvent);
        QCOMPARE(event.value(u"user"_s).toString(), u"alice"_s);
        QCOMPARE(event.value(u"command"_s).toObject().value(u"name"_s).toString(), u"help"_s);
        // Only the one who asked gets the list.
        const QJsonObject notice = alice.waitForEvent(Type::Notice);
        QVERIFY(notice.value(u"text"_s).toString().contains(u"/help"_s));
        QCOMPARE(
            notice.value(u"commands"_s).toArray().first().toObject().value(u"name"_s).toString(),
            u"help"_s);
        QVERIFY(bob.noEvent(Type::Notice));

        const QJsonObject unknown = alice.send(u"general"_s, u"/nosuchbot=1"_s);
        QCOMPARE(codeOf(unknown), u"unknown_command"_s);
        QVERIFY(unknown.value(u"message"_s).toString().contains(u"/help"_s));

        QVERIFY(bob.noEvent(Type::MessageNew));
        QCOMPARE(server.storedMessageCount(), 0);
        const QJsonObject joined = bob.request(Type::RoomJoin, {{u"room"_s, u"general"_s}});
        QVERIFY(joined.value(u"messages"_s).toArray().isEmpty());
    }

    void restartKeepsEverything()
    {
        TestServer server;
        QString token;
        {
            TestClient alice;
            QVERIFY(alice.open(server.url()));
            token = alice.signUp(u"alice"_s).value(u"token"_s).toString();
            QCOMPARE(typeOf(alice.request(Type::RoomCreate, {{u"name"_s, u"fx"_s}})),
                     Type::RoomCreateOk);
            QCOMPARE(typeOf(alice.send(u"fx"_s, u"EURUSD at parity?"_s)), Type::MessageSendOk);
            QCOMPARE(typeOf(alice.request(Type::RoomLeave, {{u"room"_s, u"general"_s}})),
                     Type::RoomLeaveOk);
        }
        server.restart();

        TestClient alice;
        QVERIFY(alice.open(server.url()));
        const QJsonObject resumed = alice.request(Type::Resume, {{u"token"_s, token}});
        QCOMPARE(typeOf(resumed), Type::ResumeOk);
        QCOMPARE(resumed.value(u"rooms"_s).toArray(), QJsonArray{u"fx"_s}); // memberships kept
        const QJsonObject history = alice.request(Type::HistoryFetch, {{u"room"_s, u"fx"_s}});
        QCOMPARE(
            history.value(u"messages"_s).toArray().first().toObject().value(u"body"_s).toString(),
            u"EURUSD at parity?"_s);
        QCOMPARE(typeOf(alice.login(u"nobody"_s, u"x"_s)), Type::Error);
        TestClient other;
        QVERIFY(other.open(server.url()));
        QCOMPARE(typeOf(other.login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);
        const QJsonObject rooms = other.request(Type::RoomsList);
        QStringList names;
        for (const QJsonValue &room : rooms.value(u"rooms"_s).toArray())
            names.append(room.toObject().value(u"name"_s).toString());
        QCOMPARE(names, (QStringList{u"fx"_s, u"general"_s}));
    }

    void roomsCreateListJoinLeaveWithPresence()
    {
        TestServer server;
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));

        QCOMPARE(typeOf(alice.request(Type::RoomCreate, {{u"name"_s, u"Crypto"_s}})),
                 Type::RoomCreateOk);
        QCOMPARE(bob.waitForEvent(Type::RoomCreated)
                     .value(u"room"_s)
                     .toObject()
                     .value(u"name"_s)
                     .toString(),
                 u"crypto"_s);
        QCOMPARE(codeOf(bob.request(Type::RoomCreate, {{u"name"_s, u"crypto"_s}})),
                 u"room_exists"_s);

        const QJsonArray rooms = bob.request(Type::RoomsList).value(u"rooms"_s).toArray();
        QCOMPARE(rooms.size(), 2);
        const QJsonObject crypto = rooms.at(0).toObject();
        QCOMPARE(crypto.value(u"name"_s).toString(), u"crypto"_s);
        QCOMPARE(crypto.value(u"members"_s).toInt(), 1);
        QCOMPARE(crypto.value(u"online"_s).toInt(), 1);
        QCOMPARE(crypto.value(u"joined"_s).toBool(), false);

        QCOMPARE(codeOf(bob.send(u"crypto"_s, u"hi"_s)), u"not_a_member"_s);
        alice.clearEvents(); // bob joining general on sign-up is not what this test is about
        QCOMPARE(typeOf(bob.request(Type::RoomJoin, {{u"room"_s, u"crypto"_s}})), Type::RoomJoinOk);
        const QJsonObject joinedEvent = alice.waitForEvent(Type::MemberJoined);
        QCOMPARE(joinedEvent.value(u"room"_s).toString(), u"crypto"_s);
        QCOMPARE(joinedEvent.value(u"user"_s).toString(), u"bob"_s);
        QCOMPARE(typeOf(bob.send(u"crypto"_s, u"hi"_s)), Type::MessageSendOk);
        QCOMPARE(alice.waitForEvent(Type::MessageNew)
                     .value(u"message"_s)
                     .toObject()
                     .value(u"room"_s)
                     .toString(),
                 u"crypto"_s);

        QCOMPARE(typeOf(bob.request(Type::RoomLeave, {{u"room"_s, u"crypto"_s}})),
                 Type::RoomLeaveOk);
        QCOMPARE(alice.waitForEvent(Type::MemberLeft).value(u"user"_s).toString(), u"bob"_s);
        QCOMPARE(codeOf(bob.request(Type::RoomLeave, {{u"room"_s, u"crypto"_s}})),
                 u"not_a_member"_s);
        // Left rooms stop delivering.
        bob.clearEvents();
        alice.send(u"crypto"_s, u"anyone?"_s);
        QVERIFY(bob.noEvent(Type::MessageNew));
    }
};

FINCHAT_SERVER_TEST_MAIN(TestMessaging)
#include "tst_messaging.moc"
