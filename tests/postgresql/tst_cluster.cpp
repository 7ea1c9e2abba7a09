#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include "finchat/protocol/messages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
namespace Type = FinChat::Protocol::Type;

// Two servers on one PostgreSQL database serve one chat (ClusterBus): real servers on
// loopback ports, real clients on each, a database of the throwaway cluster.
class TestCluster : public QObject
{
    Q_OBJECT

private:
    static ServerConfig config()
    {
        ServerConfig config;
        config.limits = TestServer::generousLimits();
        config.limits.clusterHeartbeat = 100ms; // a silent server is gone after 300 ms
        return config;
    }
    static QStringList bodies(const QList<QJsonObject> &events)
    {
        QStringList seen;
        for (const QJsonObject &event : events)
            seen.append(event[u"message"_s][u"body"_s].toString());
        return seen;
    }
    // users.online, by username.
    static QStringList onlineAsSeenBy(TestClient &client)
    {
        QStringList online;
        for (const QJsonValue &user : client.request(Type::UsersOnline)[u"users"_s].toArray())
            online.append(user[u"user"_s].toString());
        return online;
    }
    static bool logIn(TestClient &client, const QUrl &url, const QString &name)
    {
        return client.open(url) && typeOf(client.login(name, u"correct horse"_s)) == Type::LoginOk;
    }
    // A bot program logs in with its token and announces /echo.
    static bool connectEchoBot(TestClient &bot, const QUrl &url, const QString &token)
    {
        const QJsonArray commands{QJsonObject{{u"name"_s, u"echo"_s},
                                              {u"usage"_s, u"/echo=TEXT"_s},
                                              {u"description"_s, u"Says TEXT back"_s}}};
        return bot.open(url) &&
               typeOf(bot.request(Type::BotLogin, {{u"token"_s, token}})) == Type::BotLoginOk &&
               typeOf(bot.request(Type::BotAnnounce, {{u"commands"_s, commands}})) ==
                   Type::BotAnnounceOk;
    }
    // The asker's notice about /echo, once the bot's news reached the asker's server.
    static QJsonObject noticeAfterEcho(TestClient &asker, const QString &wantedCode)
    {
        QJsonObject notice;
        const bool seen = QTest::qWaitFor(
            [&] {
                if (typeOf(asker.send(u"general"_s, u"/echo=anyone"_s)) != Type::MessageSendOk)
                    return false;
                notice = asker.waitForEvent(Type::Notice);
                return notice[u"code"_s].toString() == wantedCode;
            },
            5'000);
        return seen ? notice : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        if (!TestDatabase::onPostgres())
            QSKIP("runs under tests/postgresql/with-cluster.sh (ctest -L postgresql)");
    }

    void messagesReachEveryServerInOneOrder()
    {
        TestServer first(config());
        TestServer second(config(), first.sharedDatabase());
        TestClient alice, bob, carol;
        QVERIFY(alice.connectAs(first.url(), u"alice"_s));
        QVERIFY(bob.connectAs(second.url(), u"bob"_s));
        QVERIFY(carol.connectAs(second.url(), u"carol"_s));

        // Sent at once to both servers: each server decides only its own messages' order.
        for (int i = 0; i < 20; ++i) {
            alice.sendRawNoWait(
                Protocol::frameText(Protocol::MessageSend{u"general"_s, u"a%1"_s.arg(i), {}}));
            bob.sendRawNoWait(
                Protocol::frameText(Protocol::MessageSend{u"general"_s, u"b%1"_s.arg(i), {}}));
        }
        QList<QJsonObject> seenByAlice, seenByBob, seenByCarol;
        QVERIFY(QTest::qWaitFor(
            [&] {
                seenByAlice += alice.takeEvents(Type::MessageNew);
                seenByBob += bob.takeEvents(Type::MessageNew);
                seenByCarol += carol.takeEvents(Type::MessageNew);
                return seenByAlice.size() >= 40 && seenByBob.size() >= 40 &&
                       seenByCarol.size() >= 40;
            },
            10'000));
        QVERIFY(alice.noEvent(Type::MessageNew, 200)); // and nothing twice
        QCOMPARE(seenByAlice.size(), 40);
        QCOMPARE(seenByBob, seenByAlice); // the same events, ids included, in the same order
        QCOMPARE(seenByCarol, seenByAlice);
        QStringList fromAlice = bodies(seenByAlice).filter(u"a"_s);
        QCOMPARE(fromAlice.size(), 20);
        for (int i = 0; i < 20; ++i) // each sender's own in the order sent
            QCOMPARE(fromAlice[i], u"a%1"_s.arg(i));
        QCOMPARE(first.storedMessageCount(), 40);

        // History, read on either server, holds each message once.
        const QJsonObject page = carol.request(Type::HistoryFetch, {{u"room"_s, u"general"_s}});
        QCOMPARE(page[u"messages"_s].toArray().size(), 40);
    }

    void roomsPresenceAndProfilesAcrossServers()
    {
        TestServer first(config());
        TestServer second(config(), first.sharedDatabase());
        TestClient alice, bob;
        QVERIFY(alice.connectAs(first.url(), u"alice"_s));
        QVERIFY(bob.connectAs(second.url(), u"bob"_s));
        // bob came online on the other server: alice, who shares general with him, is told,
        // and sees him among the people online.
        QCOMPARE(alice.waitForEvent(Type::UserOnline)[u"user"_s].toString(), u"bob"_s);
        QCOMPARE(onlineAsSeenBy(alice), (QStringList{u"alice"_s, u"bob"_s}));

        // A room made on one server is joined on the other, and talked in across both.
        QCOMPARE(typeOf(bob.request(Type::RoomCreate, {{u"name"_s, u"desk"_s}})),
                 Type::RoomCreateOk);
        QCOMPARE(alice.waitForEvent(Type::RoomCreated)[u"room"_s][u"name"_s].toString(), u"desk"_s);
        // (The creator's devices learn of it as of a join; through the other server, after
        // the answer.)
        QCOMPARE(bob.waitForEvent(Type::MemberJoined)[u"user"_s].toString(), u"bob"_s);
        const QJsonObject joined = alice.request(Type::RoomJoin, {{u"room"_s, u"desk"_s}});
        QCOMPARE(typeOf(joined), Type::RoomJoinOk);
        QCOMPARE(joined[u"members"_s].toArray().size(), 2);
        for (const QJsonValue &member : joined[u"members"_s].toArray())
            QVERIFY(member[u"online"_s].toBool()); // bob too, online on the other server
        QCOMPARE(bob.waitForEvent(Type::MemberJoined)[u"user"_s].toString(), u"alice"_s);
        QCOMPARE(typeOf(alice.send(u"desk"_s, u"hello from the first"_s)), Type::MessageSendOk);
        QCOMPARE(bob.waitForEvent(Type::MessageNew)[u"message"_s][u"body"_s].toString(),
                 u"hello from the first"_s);

        // A new name reaches the other server's people, and its connections of the user.
        QCOMPARE(typeOf(bob.request(Type::ProfileUpdate, {{u"displayName"_s, u"Bob B."_s}})),
                 Type::ProfileUpdateOk);
        QCOMPARE(alice.waitForEvent(Type::UserUpdated)[u"displayName"_s].toString(), u"Bob B."_s);
        alice.clearEvents();
        QCOMPARE(typeOf(bob.send(u"desk"_s, u"renamed"_s)), Type::MessageSendOk);
        QCOMPARE(alice.waitForEvent(Type::MessageNew)[u"message"_s][u"displayName"_s].toString(),
                 u"Bob B."_s);

        // bob leaves: alice learns he went offline.
        bob.closeSocket();
        QCOMPARE(alice.waitForEvent(Type::UserOffline)[u"user"_s].toString(), u"bob"_s);
    }

    // Presence follows the bus's one order on every server: someone who moves from one
    // server to the other stays online for everyone, and goes offline once, when their last
    // connection anywhere closes.
    void presenceAcrossServersIsOneState()
    {
        TestServer first(config());
        TestServer second(config(), first.sharedDatabase());
        TestClient carol, bob;
        QVERIFY(carol.connectAs(first.url(), u"carol"_s));
        QVERIFY(bob.connectAs(second.url(), u"bob"_s));
        TestClient aliceOnFirst;
        QVERIFY(aliceOnFirst.connectAs(first.url(), u"alice"_s));
        QCOMPARE(bob.waitForEvent(Type::UserOnline)[u"user"_s].toString(), u"alice"_s);
        QCOMPARE(carol.waitForEvent(Type::UserOnline)[u"user"_s].toString(), u"bob"_s);
        QCOMPARE(carol.waitForEvent(Type::UserOnline)[u"user"_s].toString(), u"alice"_s);

        TestClient aliceOnSecond;
        QVERIFY(logIn(aliceOnSecond, second.url(), u"alice"_s));
        aliceOnFirst.closeSocket();
        for (TestClient *watcher : {&carol, &bob}) {
            QVERIFY(watcher->noEvent(Type::UserOffline, 500));
            QVERIFY(watcher->noEvent(Type::UserOnline, 0)); // she never left
        }
        // Opened and closed quickly, as a flaky network does: the same state at the end.
        for (int i = 0; i < 3; ++i) {
            TestClient flaky;
            QVERIFY(logIn(flaky, first.url(), u"alice"_s));
            flaky.closeSocket();
        }
        QVERIFY(carol.noEvent(Type::UserOffline, 500));
        QCOMPARE(onlineAsSeenBy(carol), (QStringList{u"alice"_s, u"bob"_s, u"carol"_s}));

        aliceOnSecond.closeSocket();
        QCOMPARE(carol.waitForEvent(Type::UserOffline)[u"user"_s].toString(), u"alice"_s);
        QCOMPARE(bob.waitForEvent(Type::UserOffline)[u"user"_s].toString(), u"alice"_s);
        QVERIFY(carol.noEvent(Type::UserOffline, 300)); // once
    }

    void aBanOnOneServerEndsTheSessionsOnTheOther()
    {
        TestServer first(config());
        TestServer second(config(), first.sharedDatabase());
        TestClient admin, eve;
        QVERIFY(admin.connectAs(first.url(), u"admin"_s)); // the site's first: its admin
        QVERIFY(eve.connectAs(second.url(), u"eve"_s));
        QCOMPARE(typeOf(admin.request(Type::UserBan, {{u"user"_s, u"eve"_s}})), Type::UserBanOk);
        QVERIFY(eve.waitForDisconnected());
        TestClient again;
        QVERIFY(again.open(second.url()));
        QCOMPARE(codeOf(again.login(u"eve"_s, u"correct horse"_s)), u"account_disabled"_s);
    }

    // A bot program answers the people of every server, wherever it is connected; connecting
    // again elsewhere moves it, and it is away for everyone once it goes.
    void aConnectedBotAnswersOnEveryServer()
    {
        TestServer first(config());
        TestServer second(config(), first.sharedDatabase());
        TestClient alice, bob, bot;
        QVERIFY(alice.connectAs(first.url(), u"alice"_s));
        QVERIFY(bob.connectAs(second.url(), u"bob"_s));
        const QString token = second.botToken(u"echo"_s, u"Echo Bot"_s);
        QVERIFY(connectEchoBot(bot, second.url(), token));
        // The first server learns of the bot it never saw: /help there lists it.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return QJsonDocument(alice.request(Type::CommandsList)).toJson().contains("/echo");
            },
            5'000));

        QCOMPARE(typeOf(alice.send(u"general"_s, u"/echo=hi"_s)), Type::MessageSendOk);
        const QJsonObject asked = bot.waitForEvent(Type::BotCommand);
        QCOMPARE(asked[u"argument"_s].toString(), u"hi"_s);
        QCOMPARE(asked[u"room"_s].toString(), u"general"_s);
        QCOMPARE(asked[u"user"_s].toString(), u"alice"_s);
        const QJsonObject replied =
            bot.request(Type::BotReply, {{u"request"_s, asked[u"request"_s]},
                                         {u"body"_s, u"hi back"_s},
                                         {u"data"_s, QJsonObject{{u"echoed"_s, 2}}}});
        QCOMPARE(typeOf(replied), Type::BotReplyOk);
        for (TestClient *member : {&alice, &bob}) {
            const QJsonObject reply = member->waitForEvent(Type::BotMessage);
            QCOMPARE(reply[u"body"_s].toString(), u"hi back"_s);
            QCOMPARE(reply[u"user"_s].toString(), u"echo"_s);
            QCOMPARE(reply[u"replyTo"_s].toString(), u"alice"_s);
            QCOMPARE(reply[u"data"_s][u"echoed"_s].toInt(), 2);
            QVERIFY(member->noEvent(Type::BotMessage, 200)); // once
        }
        // A failure reaches the asker alone, worded once.
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/echo=x"_s)), Type::MessageSendOk);
        const QJsonValue failing = bot.waitForEvent(Type::BotCommand)[u"request"_s];
        QCOMPARE(typeOf(bot.request(Type::BotFail,
                                    {{u"request"_s, failing}, {u"reason"_s, u"it is broken"_s}})),
                 Type::BotFailOk);
        const QJsonObject failed = alice.waitForEvent(Type::Notice);
        QCOMPARE(failed[u"code"_s].toString(), u"bot_failed"_s);
        QCOMPARE(failed[u"text"_s].toString(),
                 u"Echo Bot could not answer /echo=x: it is broken"_s);
        QVERIFY(bob.noEvent(Type::Notice, 200));

        // The bot connects to the first server too: the newer connection answers, the older
        // one is closed, and bob's command crosses to it.
        TestClient moved;
        QVERIFY(connectEchoBot(moved, first.url(), token));
        QVERIFY(bot.waitForDisconnected());
        QCOMPARE(typeOf(bob.send(u"general"_s, u"/echo=moved"_s)), Type::MessageSendOk);
        const QJsonObject askedAgain = moved.waitForEvent(Type::BotCommand);
        QCOMPARE(askedAgain[u"user"_s].toString(), u"bob"_s);
        QCOMPARE(typeOf(moved.request(Type::BotReply, {{u"request"_s, askedAgain[u"request"_s]},
                                                       {u"body"_s, u"from the first"_s}})),
                 Type::BotReplyOk);
        QCOMPARE(bob.waitForEvent(Type::BotMessage)[u"body"_s].toString(), u"from the first"_s);

        // Asked, it does not answer before its server stops: the asker elsewhere is told.
        QCOMPARE(typeOf(bob.send(u"general"_s, u"/echo=silence"_s)), Type::MessageSendOk);
        QVERIFY(!moved.waitForEvent(Type::BotCommand).isEmpty());
        moved.closeSocket();
        QCOMPARE(bob.waitForEvent(Type::Notice)[u"code"_s].toString(), u"bot_failed"_s);
        // Gone from every server: it is not available, on either.
        QVERIFY(!noticeAfterEcho(bob, u"bot_unavailable"_s).isEmpty());
        QVERIFY(!noticeAfterEcho(alice, u"bot_unavailable"_s).isEmpty());
    }

    // A server started after the bot connected learns where it is; a server that goes away
    // while its bot was asked leaves no asker waiting; a bot connecting to two servers at
    // once stays connected once.
    void botsThroughServersComingAndGoing()
    {
        auto botServer = std::make_unique<TestServer>(config());
        TestServer other(config(), botServer->sharedDatabase());
        const QString token = other.botToken(u"echo"_s, u"Echo Bot"_s);
        TestClient bot;
        QVERIFY(connectEchoBot(bot, botServer->url(), token));

        // Two more connections of it at once, on both servers: one of them answers.
        for (int round = 0; round < 3; ++round) {
            TestClient onBotServer, onOther;
            QVERIFY(onBotServer.open(botServer->url()));
            QVERIFY(onOther.open(other.url()));
            for (TestClient *again : {&onBotServer, &onOther})
                QCOMPARE(typeOf(again->request(Type::BotLogin, {{u"token"_s, token}})),
                         Type::BotLoginOk);
            const QString announce = Protocol::frameText(
                Protocol::BotAnnounce{{{u"echo"_s, u"/echo=TEXT"_s, u"Says TEXT back"_s}}});
            onBotServer.sendRawNoWait(announce);
            onOther.sendRawNoWait(announce);
            QVERIFY(QTest::qWaitFor(
                [&] { return !onBotServer.isConnected() || !onOther.isConnected(); }, 5'000));
            QTest::qWait(500); // both servers have heard both announcements by now
            QVERIFY2(onBotServer.isConnected() != onOther.isConnected(),
                     "exactly one connection of the bot stays");
        }
        TestClient answering; // the one that answers from here on
        QVERIFY(connectEchoBot(answering, botServer->url(), token));

        TestServer late(config(), botServer->sharedDatabase());
        TestClient carol;
        QVERIFY(carol.connectAs(late.url(), u"carol"_s));
        QJsonObject asked;
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (typeOf(carol.send(u"general"_s, u"/echo=late"_s)) != Type::MessageSendOk)
                    return false;
                asked = answering.waitForEvent(Type::BotCommand, 500);
                return !asked.isEmpty();
            },
            5'000));
        QCOMPARE(asked[u"user"_s].toString(), u"carol"_s);

        // Asked from elsewhere, the bot's server goes before the bot answers.
        TestClient alice;
        QVERIFY(alice.connectAs(other.url(), u"alice"_s));
        answering.clearEvents();
        alice.clearEvents();
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/echo=silence"_s)), Type::MessageSendOk);
        QVERIFY(!answering.waitForEvent(Type::BotCommand).isEmpty());
        botServer.reset();
        const QJsonObject notice = alice.waitForEvent(Type::Notice);
        QCOMPARE(notice[u"code"_s].toString(), u"bot_failed"_s);
        QVERIFY(!noticeAfterEcho(alice, u"bot_unavailable"_s).isEmpty());
    }

    // Someone connected to two servers has one message limit, not one on each.
    void rateLimitsHoldAcrossServers()
    {
        ServerConfig limited = config();
        limited.limits.messageBurst = 5;
        limited.limits.messageWindow = 60s; // nothing drains while the test runs
        TestServer first(limited);
        TestServer second(limited, first.sharedDatabase());
        TestClient aliceOnFirst, aliceOnSecond, bob;
        QVERIFY(aliceOnFirst.connectAs(first.url(), u"alice"_s));
        QVERIFY(logIn(aliceOnSecond, second.url(), u"alice"_s));
        QVERIFY(bob.connectAs(first.url(), u"bob"_s));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(typeOf(aliceOnFirst.send(u"general"_s, u"m%1"_s.arg(i))), Type::MessageSendOk);
        QCOMPARE(codeOf(aliceOnFirst.send(u"general"_s, u"too many"_s)), u"rate_limited"_s);
        // What the first server let through goes out within a tenth of a second; a message
        // bob sends after that reaches the second server after it.
        QTest::qWait(300);
        aliceOnSecond.clearEvents();
        QCOMPARE(typeOf(bob.send(u"general"_s, u"marker"_s)), Type::MessageSendOk);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QList<QJsonObject> seen = aliceOnSecond.takeEvents(Type::MessageNew);
                return bodies(seen).contains(u"marker"_s);
            },
            5'000));
        QCOMPARE(codeOf(aliceOnSecond.send(u"general"_s, u"elsewhere"_s)), u"rate_limited"_s);
        QCOMPARE(first.storedMessageCount(), 6); // alice's five and bob's one
    }

    // PostgreSQL restarts (an upgrade, a failover): every connection to it is cut. The
    // servers open theirs again, nothing acknowledged is lost, and messages flow live again.
    void theServersOutliveARestartOfPostgreSQL()
    {
        const QString restart = qEnvironmentVariable("FINCHAT_TEST_POSTGRES_RESTART");
        if (restart.isEmpty())
            QSKIP("with-cluster.sh says how to restart the cluster");
        TestServer first(config());
        TestServer second(config(), first.sharedDatabase());
        TestClient alice, bob;
        QVERIFY(alice.connectAs(first.url(), u"alice"_s));
        QVERIFY(bob.connectAs(second.url(), u"bob"_s));
        QCOMPARE(typeOf(alice.send(u"general"_s, u"before"_s, u"n-1"_s)), Type::MessageSendOk);
        QCOMPARE(bob.waitForEvent(Type::MessageNew)[u"message"_s][u"body"_s].toString(),
                 u"before"_s);

        // Restarted while the servers go on: what is sent meanwhile fails (internal_error, never
        // acknowledged), the servers try to open their connections again (and cannot, for a
        // while), and the same message sent again with its nonce is stored once.
        QProcess restarting;
        restarting.start(restart, {});
        int failedMeanwhile = 0;
        while (restarting.state() != QProcess::NotRunning) {
            if (codeOf(alice.send(u"general"_s, u"after"_s, u"n-2"_s)) == u"internal_error"_s)
                ++failedMeanwhile;
            QTest::qWait(50);
        }
        QCOMPARE(restarting.exitCode(), 0);
        QVERIFY(failedMeanwhile > 0);
        QJsonObject sent;
        QVERIFY(QTest::qWaitFor(
            [&] {
                sent = alice.send(u"general"_s, u"after"_s, u"n-2"_s);
                return typeOf(sent) == Type::MessageSendOk;
            },
            10'000));
        // Once each server hears the others again, messages flow live both ways. (What was
        // sent while a server's listening connection was cut is stored, and shown when the
        // room is loaded again, not live.)
        for (const auto &direction : {std::pair{&alice, &bob}, std::pair{&bob, &alice}}) {
            TestClient *from = direction.first; // (clang 14 captures no structured binding)
            TestClient *to = direction.second;
            int probe = 0;
            QVERIFY(QTest::qWaitFor(
                [&] {
                    const QString body = u"probe %1"_s.arg(++probe);
                    if (typeOf(from->send(u"general"_s, body)) != Type::MessageSendOk)
                        return false;
                    return QTest::qWaitFor(
                        [&] { return bodies(to->takeEvents(Type::MessageNew)).contains(body); },
                        500);
                },
                10'000));
        }
        const QJsonObject history = bob.request(Type::HistoryFetch, {{u"room"_s, u"general"_s}});
        QStringList stored;
        for (const QJsonValue &message : history[u"messages"_s].toArray())
            stored.append(message[u"body"_s].toString());
        QCOMPARE(stored.count(u"before"_s), 1);
        QCOMPARE(stored.count(u"after"_s), 1);
    }

    void aServerThatStopsLosesNothing()
    {
        auto first = std::make_unique<TestServer>(config());
        TestServer second(config(), first->sharedDatabase());
        TestClient alice, bob;
        QVERIFY(alice.connectAs(first->url(), u"alice"_s));
        QVERIFY(bob.connectAs(second.url(), u"bob"_s));
        const QJsonObject sent = alice.send(u"general"_s, u"before"_s, u"n-1"_s);
        QCOMPARE(typeOf(sent), Type::MessageSendOk);
        QCOMPARE(bob.waitForEvent(Type::MessageNew)[u"message"_s][u"body"_s].toString(),
                 u"before"_s);

        // The first server goes; alice is offline for bob, within three heartbeats if it
        // could not say so itself.
        first.reset();
        QCOMPARE(bob.waitForEvent(Type::UserOffline)[u"user"_s].toString(), u"alice"_s);

        // alice moves to the second server, and sends again what she could not know was
        // stored (the same nonce): it is not stored twice, nor shown twice.
        TestClient moved;
        QVERIFY(logIn(moved, second.url(), u"alice"_s));
        QCOMPARE(bob.waitForEvent(Type::UserOnline)[u"user"_s].toString(), u"alice"_s);
        const QJsonObject retried = moved.send(u"general"_s, u"before"_s, u"n-1"_s);
        QCOMPARE(retried[u"message"_s][u"id"_s], sent[u"message"_s][u"id"_s]);
        QCOMPARE(typeOf(moved.send(u"general"_s, u"after"_s, u"n-2"_s)), Type::MessageSendOk);
        QCOMPARE(bob.waitForEvent(Type::MessageNew)[u"message"_s][u"body"_s].toString(),
                 u"after"_s);
        QVERIFY(bob.noEvent(Type::MessageNew));
        QCOMPARE(second.storedMessageCount(), 2);
    }
};

FINCHAT_SERVER_TEST_MAIN(TestCluster)
#include "tst_cluster.moc"
