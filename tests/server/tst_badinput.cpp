#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include "wire/forwardedaddress.h"

#include "finchat/protocol/messages.h"

#include <QJsonArray>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

// Every kind of bad input gets its documented error code, and the socket stays usable; the
// last request of each case proves it by succeeding.
class TestBadInput : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;   // logged in as "alice", member of general
    std::unique_ptr<TestClient> m_stranger; // connected, not logged in

    void assertStillUsable()
    {
        QCOMPARE(typeOf(m_client->request(Type::RoomsList)), Type::RoomsListOk);
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_client = std::make_unique<TestClient>();
        m_stranger = std::make_unique<TestClient>();
        QVERIFY(m_client->open(m_server->url()));
        QVERIFY(m_stranger->open(m_server->url()));
        QCOMPARE(typeOf(m_client->signUp(u"alice"_s)), Type::LoginOk);
        QCOMPARE(typeOf(m_client->request(Type::RoomCreate, {{u"name"_s, u"private-ish"_s}})),
                 Type::RoomCreateOk);
        QCOMPARE(typeOf(m_client->request(Type::RoomLeave, {{u"room"_s, u"private-ish"_s}})),
                 Type::RoomLeaveOk);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_stranger.reset();
        m_server.reset();
    }

    void malformedFrames_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<QString>("code");
        QTest::newRow("not JSON") << u"{this is not json"_s << u"invalid_json"_s;
        QTest::newRow("truncated")
            << u"{\"type\":\"%1\""_s.arg(Type::RoomsList) << u"invalid_json"_s;
        QTest::newRow("empty") << QString() << u"invalid_json"_s;
        QTest::newRow("array") << u"[1,2,3]"_s << u"not_an_object"_s;
        QTest::newRow("number") << u"42"_s << u"not_an_object"_s;
        QTest::newRow("string") << u"\"hello\""_s << u"not_an_object"_s;
        QTest::newRow("no type") << u"{\"id\":1}"_s << u"invalid_field"_s;
        QTest::newRow("type not a string") << u"{\"type\":5,\"id\":1}"_s << u"invalid_field"_s;
        QTest::newRow("unknown type")
            << u"{\"type\":\"launch.missiles\",\"id\":1}"_s << u"unknown_type"_s;
        QTest::newRow("id an object")
            << u"{\"type\":\"%1\",\"id\":{}}"_s.arg(Type::RoomsList) << u"invalid_field"_s;
        QTest::newRow("id a fraction")
            << u"{\"type\":\"%1\",\"id\":1.5}"_s.arg(Type::RoomsList) << u"invalid_field"_s;
    }
    void malformedFrames()
    {
        QFETCH(QString, frame);
        QFETCH(QString, code);
        const QJsonObject error = m_client->sendRaw(frame);
        QCOMPARE(typeOf(error), Type::Error);
        QCOMPARE(codeOf(error), code);
        QVERIFY(!error.value(u"message"_s).toString().isEmpty());
        QVERIFY(error.contains(u"id"_s));
        assertStillUsable();
    }

    void errorsEchoTheRequestId()
    {
        const QJsonObject error = m_client->sendRaw(u"{\"type\":\"nope\",\"id\":\"abc-1\"}"_s);
        QCOMPARE(error.value(u"id"_s).toString(), u"abc-1"_s);
        const QJsonObject numeric = m_client->sendRaw(u"{\"type\":\"nope\",\"id\":77}"_s);
        QCOMPARE(numeric.value(u"id"_s).toInt(), 77);
    }

    void wrongFields_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing room")
            << QString(Type::MessageSend) << QJsonObject{{u"body"_s, u"x"_s}} << u"invalid_field"_s;
        QTest::newRow("body a number")
            << QString(Type::MessageSend) << QJsonObject{{u"room"_s, u"general"_s}, {u"body"_s, 5}}
            << u"invalid_field"_s;
        QTest::newRow("nonce too long") << QString(Type::MessageSend)
                                        << QJsonObject{{u"room"_s, u"general"_s},
                                                       {u"body"_s, u"x"_s},
                                                       {u"nonce"_s, QString(65, u'n')}}
                                        << u"invalid_field"_s;
        QTest::newRow("before a string")
            << QString(Type::HistoryFetch)
            << QJsonObject{{u"room"_s, u"general"_s}, {u"before"_s, u"10"_s}} << u"invalid_field"_s;
        QTest::newRow("limit zero")
            << QString(Type::HistoryFetch)
            << QJsonObject{{u"room"_s, u"general"_s}, {u"limit"_s, 0}} << u"invalid_field"_s;
        QTest::newRow("unknown room")
            << QString(Type::MessageSend)
            << QJsonObject{{u"room"_s, u"nowhere"_s}, {u"body"_s, u"x"_s}} << u"unknown_room"_s;
        QTest::newRow("join unknown room")
            << QString(Type::RoomJoin) << QJsonObject{{u"room"_s, u"nowhere"_s}}
            << u"unknown_room"_s;
        QTest::newRow("not a member")
            << QString(Type::MessageSend)
            << QJsonObject{{u"room"_s, u"private-ish"_s}, {u"body"_s, u"x"_s}} << u"not_a_member"_s;
        QTest::newRow("history not a member")
            << QString(Type::HistoryFetch) << QJsonObject{{u"room"_s, u"private-ish"_s}}
            << u"not_a_member"_s;
        QTest::newRow("room exists") << QString(Type::RoomCreate)
                                     << QJsonObject{{u"name"_s, u"general"_s}} << u"room_exists"_s;
        QTest::newRow("bad room name")
            << QString(Type::RoomCreate) << QJsonObject{{u"name"_s, u"no spaces"_s}}
            << u"invalid_room_name"_s;
        QTest::newRow("empty message")
            << QString(Type::MessageSend)
            << QJsonObject{{u"room"_s, u"general"_s}, {u"body"_s, u"  \n "_s}}
            << u"empty_message"_s;
        QTest::newRow("message too long")
            << QString(Type::MessageSend)
            << QJsonObject{{u"room"_s, u"general"_s}, {u"body"_s, QString(4001, u'x')}}
            << u"message_too_long"_s;
        QTest::newRow("unknown command")
            << QString(Type::MessageSend)
            << QJsonObject{{u"room"_s, u"general"_s}, {u"body"_s, u"/nope"_s}}
            << u"unknown_command"_s;
        QTest::newRow("already logged in")
            << QString(Type::Login)
            << QJsonObject{{u"username"_s, u"alice"_s}, {u"password"_s, u"correct horse"_s}}
            << u"already_logged_in"_s;
    }
    void wrongFields()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, fields);
        QFETCH(QString, code);
        const QJsonObject error = m_client->request(type, fields);
        QCOMPARE(codeOf(error), code);
        assertStillUsable();
    }

    void bodyAtTheLimitIsAccepted()
    {
        const QJsonObject reply = m_client->send(u"general"_s, QString(4000, u'x'));
        QCOMPARE(typeOf(reply), Type::MessageSendOk);
    }

    void notLoggedIn_data()
    {
        QTest::addColumn<QString>("type");
        // Every request but the five that lead to a login.
        Protocol::Requests::forEach([]<typename Request>() {
            const QList<QLatin1StringView> open{Type::Hello, Type::Register, Type::Login,
                                                Type::Resume, Type::BotLogin};
            if (!open.contains(Request::Type))
                QTest::newRow(Request::Type.data()) << QString(Request::Type);
        });
    }
    void notLoggedIn()
    {
        QFETCH(QString, type);
        QCOMPARE(
            codeOf(m_stranger->request(type, {{u"room"_s, u"general"_s}, {u"body"_s, u"x"_s}})),
            u"not_logged_in"_s);
        QCOMPARE(typeOf(m_stranger->request(Type::Hello, {{u"protocol"_s, 1}})), Type::HelloOk);
    }

    void badCredentialsKeepTheSocket()
    {
        QCOMPARE(codeOf(m_stranger->login(u"alice"_s, u"not the password"_s)),
                 u"bad_credentials"_s);
        QCOMPARE(codeOf(m_stranger->request(Type::Resume, {{u"token"_s, u"forged"_s}})),
                 u"invalid_token"_s);
        QVERIFY(m_stranger->isConnected());
    }

    void binaryFramesAreRefused()
    {
        m_client->sendBinary(QByteArray("\x00\x01", 2));
        QCOMPARE(m_client->waitForEvent(Type::Error).value(u"code"_s).toString(),
                 u"invalid_json"_s);
        assertStillUsable();
    }

    void oversizedFrameClosesOnlyThatSocket()
    {
        TestClient flooder;
        QVERIFY(flooder.open(m_server->url()));
        flooder.sendRawNoWait(
            u"{\"type\":\"%1\",\"pad\":\"%2\"}"_s.arg(Type::Hello, QString(70 * 1024, u'x')));
        QVERIFY(flooder.waitForDisconnected());
        QCOMPARE(flooder.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        assertStillUsable();
    }

    void messageRateIsLimited()
    {
        // A long window makes the drain during the test negligible (one unit per 30 s), so
        // exactly the burst gets through; the drain itself is tst_ratelimiter's subject.
        ServerLimits limits;
        limits.messageWindow = std::chrono::minutes(10);
        TestServer server(limits);
        TestClient chatty, other;
        QVERIFY(chatty.connectAs(server.url(), u"chatty"_s));
        QVERIFY(other.connectAs(server.url(), u"other"_s));
        int accepted = 0;
        QJsonObject refused;
        for (int i = 0; i < 25 && refused.isEmpty(); ++i) {
            const QJsonObject reply = chatty.send(u"general"_s, u"spam %1"_s.arg(i));
            if (typeOf(reply) == Type::MessageSendOk)
                ++accepted;
            else
                refused = reply;
        }
        QCOMPARE(accepted, 20);
        QCOMPARE(codeOf(refused), u"rate_limited"_s);
        // Other users are not affected.
        QCOMPARE(typeOf(other.send(u"general"_s, u"still here"_s)), Type::MessageSendOk);
        QVERIFY(chatty.isConnected());
    }

    void connectionsPerAddressAreLimited()
    {
        ServerLimits limits;
        limits.maxConnectionsPerAddress = 2;
        TestServer server(limits);
        TestClient first, second, third;
        QVERIFY(first.open(server.url()));
        QVERIFY(second.open(server.url()));
        QVERIFY(!third.open(server.url()));
        QCOMPARE(third.waitForEvent(Type::Error).value(u"code"_s).toString(),
                 u"too_many_connections"_s);
        QVERIFY(third.waitForDisconnected());
        QVERIFY(first.isConnected());
        first.closeSocket();
        TestClient fourth;
        QTRY_VERIFY(server.server().connectionCount() < 2);
        QVERIFY(fourth.open(server.url()));
        QVERIFY(fourth.isConnected());
    }

    // Behind a load balancer, the limits count the clients it names, and only a trusted
    // proxy may name one: anyone else's X-Forwarded-For is ignored.
    void limitsCountTheClientsATrustedProxyNames()
    {
        const auto from = [](const QUrl &url, const QByteArray &forwardedFor) {
            QNetworkRequest request(url);
            request.setRawHeader("X-Forwarded-For", forwardedFor);
            return request;
        };
        ServerConfig config;
        config.limits.maxConnectionsPerAddress = 2;
        config.trustedProxies = *ForwardedAddress::parseTrusted(u"10.9.9.9, 127.0.0.0/8"_s);
        TestServer behindProxy(config);
        TestClient first, second, third, other;
        QVERIFY(first.open(from(behindProxy.url(), "203.0.113.7")));
        // Appended by our proxy, last: what the client claimed before it counts for nothing.
        QVERIFY(second.open(from(behindProxy.url(), "198.51.100.1, 203.0.113.7")));
        QVERIFY(!third.open(from(behindProxy.url(), "203.0.113.7")));
        QCOMPARE(third.waitForEvent(Type::Error).value(u"code"_s).toString(),
                 u"too_many_connections"_s);
        QVERIFY(other.open(from(behindProxy.url(), "203.0.113.8"))); // another client
        TestClient unnamed; // the proxy's own address, when it names nobody or nonsense
        QVERIFY(unnamed.open(from(behindProxy.url(), "not an address")));

        ServerConfig direct;
        direct.limits.maxConnectionsPerAddress = 2;
        TestServer untrusting(direct);
        TestClient a, b, c;
        QVERIFY(a.open(from(untrusting.url(), "203.0.113.1")));
        QVERIFY(b.open(from(untrusting.url(), "203.0.113.2")));
        QVERIFY(!c.open(from(untrusting.url(), "203.0.113.3"))); // all are 127.0.0.1
    }
};

FINCHAT_SERVER_TEST_MAIN(TestBadInput)
#include "tst_badinput.moc"
