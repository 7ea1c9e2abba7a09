#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include "wire/clientconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSslSocket>
#include <QTest>
#include <QThread>
#include <QWebSocket>

#include <memory>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {

// A WebSocket client written on a bare TCP socket, for what QWebSocket will not do: keep
// sending pings while reading nothing at all.
class NonReadingClient
{
public:
    // Over TLS, as every client talks to the server: the server's TLS layer holds the
    // encrypted copy of what it sends, and that must count against the limit too.
    bool open(quint16 port)
    {
        m_socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
        // Not waitForEncrypted(): the server runs on this thread and must answer meanwhile.
        if (!QTest::qWaitFor([this] { return m_socket.isEncrypted(); }))
            return false;
        // With a one-byte read buffer Qt stops taking data from the kernel, so the server's
        // answers pile up on its side, as with a client that stopped reading.
        m_socket.setReadBufferSize(1);
        m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                       "Sec-WebSocket-Version: 13\r\n\r\n");
        return m_socket.waitForBytesWritten(5000);
    }

    // A masked ping frame with a 125-byte payload, the largest a control frame may carry.
    void ping()
    {
        static const QByteArray frame = [] {
            QByteArray bytes;
            bytes.append(char(0x89));       // FIN + ping
            bytes.append(char(0x80 | 125)); // masked, 125 bytes
            bytes.append(QByteArray(4, 0)); // a zero mask leaves the payload as it is
            bytes.append(QByteArray(125, 'p'));
            return bytes;
        }();
        m_socket.write(frame);
    }

    // A request, as a masked text frame (at most 125 bytes of text).
    void sendText(const QByteArray &text)
    {
        Q_ASSERT(text.size() <= 125);
        QByteArray frame;
        frame.append(char(0x81));               // FIN + text
        frame.append(char(0x80 | text.size())); // masked
        frame.append(QByteArray(4, 0));         // a zero mask leaves the text as it is
        frame.append(text);
        m_socket.write(frame);
    }

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    qint64 bytesToWrite() const
    {
        return m_socket.bytesToWrite() + m_socket.encryptedBytesToWrite();
    }

private:
    QSslSocket m_socket;
};

QString frameText(const QJsonObject &frame)
{
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

} // namespace

// What an attacker, or bad luck, throws at the server: each case once crashed, leaked or
// fooled it. The server must answer with a clear error, lose nothing, and keep serving.
class TestHostile : public QObject
{
    Q_OBJECT

private slots:
    void nullWhereAStringBelongs_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<bool>("loggedIn");
        const auto row = [](const char *name, QLatin1StringView type, const char *rest,
                            bool loggedIn) {
            QTest::newRow(name) << rawFrame(type, QString::fromLatin1(rest)) << loggedIn;
        };
        row("login password", Type::Login, R"("id":1,"username":"someone","password":null)", false);
        row("login username", Type::Login, R"("id":1,"username":null,"password":"x")", false);
        row("register password", Type::Register, R"("id":1,"username":"newbie","password":null)",
            false);
        row("register username", Type::Register,
            R"("id":1,"username":null,"password":"long enough")", false);
        row("resume token", Type::Resume, R"("id":1,"token":null)", false);
        row("room.create name", Type::RoomCreate, R"("id":1,"name":null)", true);
        row("room.join room", Type::RoomJoin, R"("id":1,"room":null)", true);
        row("room.leave room", Type::RoomLeave, R"("id":1,"room":null)", true);
        row("history.fetch room", Type::HistoryFetch, R"("id":1,"room":null)", true);
        row("message.send room", Type::MessageSend, R"("id":1,"room":null,"body":"x")", true);
        row("message.send body", Type::MessageSend, R"("id":1,"room":"general","body":null)", true);
        row("profile.update old password", Type::ProfileUpdate,
            R"("id":1,"password":"a new password","oldPassword":null)", true);
    }
    void nullWhereAStringBelongs()
    {
        QFETCH(QString, frame);
        QFETCH(bool, loggedIn);
        TestServer server(TestServer::generousLimits());
        TestClient watcher;
        QVERIFY(watcher.connectAs(server.url(), u"watcher"_s));
        TestClient client;
        if (loggedIn)
            QVERIFY(client.connectAs(server.url(), u"alice"_s));
        else
            QVERIFY(client.open(server.url()));

        const QJsonObject error = client.sendRaw(frame);
        QCOMPARE(typeOf(error), Type::Error);
        QCOMPARE(codeOf(error), u"invalid_field"_s);
        QVERIFY2(error.value(u"message"_s).toString().contains(u"null"_s),
                 qPrintable(frameText(error)));
        // Nothing reached anyone else, nothing was stored, and the server still serves both.
        QVERIFY(watcher.noEvent(Type::MessageNew, 100));
        QCOMPARE(server.storedMessageCount(), 0);
        QCOMPARE(typeOf(watcher.send(u"general"_s, u"still here"_s)), Type::MessageSendOk);
        QVERIFY(client.isConnected());
    }

    void loneSurrogatesAreRefused()
    {
        TestServer server(TestServer::generousLimits());
        TestClient client;
        QVERIFY(client.connectAs(server.url(), u"alice"_s));
        // Written as JSON escapes: a QString holding a lone surrogate cannot go through UTF-8.
        const QJsonObject send = client.sendRaw(
            rawFrame(Type::MessageSend, uR"("id":1,"room":"general","body":"a\ud800b")"_s));
        QCOMPARE(codeOf(send), u"invalid_field"_s);
        QCOMPARE(server.storedMessageCount(), 0);
        const QJsonObject rename =
            client.sendRaw(rawFrame(Type::ProfileUpdate, uR"("id":2,"displayName":"x\udc00y")"_s));
        QCOMPARE(codeOf(rename), u"invalid_field"_s);
        const QJsonObject id = client.sendRaw(rawFrame(Type::RoomsList, uR"("id":"\ud83d")"_s));
        QCOMPARE(codeOf(id), u"invalid_field"_s);
        // A proper pair is a character like any other.
        const QJsonObject ok = client.sendRaw(
            rawFrame(Type::MessageSend, uR"("id":3,"room":"general","body":"up \ud83d\udcc8")"_s));
        QCOMPARE(typeOf(ok), Type::MessageSendOk);
        QCOMPARE(ok[u"message"_s][u"body"_s].toString(), u"up \U0001F4C8"_s);
    }

    void passwordLengthCountsCharacters()
    {
        TestServer server(TestServer::generousLimits());
        TestClient client;
        QVERIFY(client.open(server.url()));
        const QString fourEmoji = u"\U0001F4C8\U0001F4C9\U0001F4B0\U0001F680"_s;
        QCOMPARE(codeOf(client.registerUser(u"emoji"_s, fourEmoji)), u"weak_password"_s);
        QCOMPARE(typeOf(client.registerUser(u"emoji"_s, fourEmoji.repeated(2))), Type::RegisterOk);
    }

    // The socket of a login closes while its password is being checked, and the server is
    // busy handling the close while the hash finishes: the finished hash is handled after the
    // close and before the connection is deleted. The closed connection must never count as
    // the user being online (it once did, and a later broadcast wrote to the freed object).
    void loginFinishingJustAfterTheCloseLeavesNoGhost()
    {
        TestServer server(TestServer::generousLimits());
        TestClient setup;
        QVERIFY(setup.open(server.url()));
        QCOMPARE(typeOf(setup.registerUser(u"victim"_s, u"correct horse"_s)), Type::RegisterOk);
        TestClient watcher;
        QVERIFY(watcher.connectAs(server.url(), u"watcher"_s));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(typeOf(setup.login(u"victim"_s, u"correct horse"_s)), Type::LoginOk);
        const auto hashMs = static_cast<unsigned long>(std::max<qint64>(timer.elapsed(), 5));
        setup.closeSocket();
        QVERIFY(!watcher.waitForEvent(Type::UserOffline).isEmpty());
        watcher.clearEvents();

        for (int attempt = 0; attempt < 5; ++attempt) {
            const auto before = server.server().findChildren<ClientConnection *>();
            TestClient client;
            QVERIFY(client.open(server.url()));
            ClientConnection *connection = nullptr;
            for (ClientConnection *candidate : server.server().findChildren<ClientConnection *>())
                connection = before.contains(candidate) ? connection : candidate;
            QVERIFY(connection);
            // The socket reports the close before ClientConnection and ChatServer hear of it;
            // stalling there lets the hash finish first.
            auto *socket = connection->findChild<QWebSocket *>();
            QVERIFY(socket);
            QObject::connect(socket, &QWebSocket::stateChanged, connection,
                             [hashMs, stalled = false](QAbstractSocket::SocketState) mutable {
                                 if (!std::exchange(stalled, true))
                                     QThread::msleep(hashMs * 3);
                             });
            client.sendRawNoWait(frameText({{u"type"_s, Type::Login},
                                            {u"id"_s, 1},
                                            {u"username"_s, u"victim"_s},
                                            {u"password"_s, u"correct horse"_s}}));
            QTest::qWait(static_cast<int>(hashMs / 4));
            client.closeSocket();
            QTest::qWait(static_cast<int>(hashMs * 2));

            const QJsonObject joined = watcher.request(Type::RoomJoin, {{u"room"_s, u"general"_s}});
            const QJsonArray members = joined[u"members"_s].toArray();
            for (const QJsonValue &member : members) {
                if (member[u"user"_s].toString() == "victim"_L1)
                    QCOMPARE(member[u"online"_s].toBool(), false);
            }
            QVERIFY(watcher.noEvent(Type::UserOnline, 0));
            QCOMPARE(typeOf(watcher.send(u"general"_s, u"anyone there?"_s)), Type::MessageSendOk);
        }
    }

    // The rule behind the case above, which every handler relies on after a co_await: once a
    // connection is closing, a request no longer reaches it, although the object lives on
    // until its deferred delete.
    void aClosingConnectionIsNoLongerReachable()
    {
        TestServer server(TestServer::generousLimits());
        TestClient client;
        QVERIFY(client.open(server.url()));
        const auto connections = server.server().findChildren<ClientConnection *>();
        QCOMPARE(connections.size(), 1);
        ClientConnection *connection = connections.first();
        const Request request(connection, Type::Login, 1, {});
        QCOMPARE(request.connection(), connection);
        bool checked = false;
        QObject::connect(connection, &ClientConnection::closed, connection, [&] {
            QVERIFY(request.connection() == nullptr);
            checked = true;
        });
        client.closeSocket();
        QVERIFY(QTest::qWaitFor([&] { return checked; }));
    }

    // Found by finchat-protocol-fuzz: a client that sends register and leaves at once. The
    // handler resumed after the name check with no connection to take the address from.
    void clientLeavingRightAfterARequestIsNoCrash_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::newRow("register") << rawFrame(
            Type::Register, uR"("username":"leaver","password":"correct horse")"_s);
        QTest::newRow("login") << rawFrame(Type::Login,
                                           uR"("username":"someone","password":"correct horse")"_s);
        QTest::newRow("resume") << rawFrame(Type::Resume, uR"("token":"whatever")"_s);
    }
    void clientLeavingRightAfterARequestIsNoCrash()
    {
        QFETCH(QString, frame);
        TestServer server(TestServer::generousLimits());
        for (int i = 0; i < 20; ++i) {
            QWebSocket leaver;
            leaver.open(server.url());
            QVERIFY(
                QTest::qWaitFor([&] { return leaver.state() == QAbstractSocket::ConnectedState; }));
            leaver.sendTextMessage(frame);
            leaver.flush();
            leaver.abort();
            QTest::qWait(i % 4);
        }
        TestClient alice;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QCOMPARE(typeOf(alice.send(u"general"_s, u"still serving"_s)), Type::MessageSendOk);
    }

    // A client that completes TLS (or connects in plaintext) and then never sends the
    // WebSocket upgrade holds a socket of the server's; it must go when its time is up,
    // or enough of them use up the server's file descriptors.
    void silentClientAfterConnectingIsDropped_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("tls") << true;
        QTest::newRow("plaintext") << false;
    }

    void silentClientAfterConnectingIsDropped()
    {
        QFETCH(bool, encrypted);
        ServerConfig config;
        config.limits.loginTimeout = std::chrono::milliseconds(1000);
        config.tls.plaintext = !encrypted;
        TestServer server(config);
        QSslSocket silent;
        if (encrypted)
            silent.connectToHostEncrypted(u"127.0.0.1"_s, quint16(server.url().port()));
        else
            silent.connectToHost(u"127.0.0.1"_s, quint16(server.url().port()));
        QVERIFY(QTest::qWaitFor([&] {
            return encrypted ? silent.isEncrypted()
                             : silent.state() == QAbstractSocket::ConnectedState;
        }));
        QVERIFY(QTest::qWaitFor([&] { return silent.state() == QAbstractSocket::UnconnectedState; },
                                5000));
        QCOMPARE(server.server().findChildren<QTcpSocket *>().size(), 0);
    }

    void clientThatPingsAndNeverReadsIsDropped()
    {
        ServerLimits limits = TestServer::generousLimits();
        limits.maxOutgoingBufferBytes = 256 * 1024;
        TestServer server(limits);
        TestClient bystander;
        QVERIFY(bystander.connectAs(server.url(), u"bystander"_s));

        NonReadingClient flooder;
        QVERIFY(flooder.open(static_cast<quint16>(server.url().port())));
        // Each ping asks for a 127-byte pong. Far more pongs than the limit plus what the
        // kernel's socket buffers hold: the server must cut the client long before the end.
        constexpr qint64 MaxBytes = 64LL * 1024 * 1024;
        qint64 sent = 0;
        while (flooder.isConnected() && sent < MaxBytes) {
            if (flooder.bytesToWrite() < 256 * 1024) {
                for (int i = 0; i < 512; ++i)
                    flooder.ping();
                sent += 512 * 131;
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        QVERIFY2(!flooder.isConnected(),
                 qPrintable(u"still connected after %1 MiB of pings"_s.arg(sent >> 20)));
        QCOMPARE(typeOf(bystander.send(u"general"_s, u"unaffected"_s)), Type::MessageSendOk);
    }

    // A member who stopped reading while the room talks: the broadcasts, which the server
    // frames once and writes to each socket itself, count against the limit like anything
    // else, and the one who stopped is dropped while the others go on.
    void memberWhoStopsReadingIsDroppedFromBroadcasts()
    {
        ServerLimits limits = TestServer::generousLimits();
        limits.maxOutgoingBufferBytes = 256 * 1024;
        TestServer server(limits);
        {
            TestClient signingUp;
            QVERIFY(signingUp.open(server.url()));
            QCOMPARE(typeOf(signingUp.signUp(u"slow"_s)), Type::LoginOk);
        }
        TestClient alice;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(QTest::qWaitFor([&] { return server.server().onlineUserCount() == 1; }));
        NonReadingClient slow;
        QVERIFY(slow.open(static_cast<quint16>(server.url().port())));
        slow.sendText(R"({"type":"login","id":1,"username":"slow","password":"correct horse"})");
        QVERIFY(QTest::qWaitFor([&] { return server.server().onlineUserCount() == 2; }));
        slow.sendText(R"({"type":"room.join","id":2,"room":"general"})");
        // 16,000 bytes a message, 4 at a time (alice reads her own copies, and must stay well
        // under the limit), up to far more than the limit and the kernel's buffers hold. slow
        // writes nothing, so it does not notice; the server says it is gone.
        const Protocol::MessageSend send{u"general"_s, QString(u"📈"_s).repeated(4000), {}};
        const auto slowIsOn = [&] {
            return server.server().onlineUserCount() == 2;
        };
        for (int batch = 0; batch < 250 && slowIsOn(); ++batch) {
            for (int i = 0; i < 4; ++i)
                alice.sendRawNoWait(Protocol::frameText(send, batch * 4 + i + 1));
            QVERIFY(QTest::qWaitFor([&] { return alice.replyCount() == 4; }));
            for (const QJsonObject &reply : alice.takeReplies())
                QCOMPARE(typeOf(reply), Type::MessageSendOk);
            alice.clearEvents();
        }
        QVERIFY(QTest::qWaitFor([&] { return !slowIsOn(); }));
        QCOMPARE(typeOf(alice.send(u"general"_s, u"unaffected"_s)), Type::MessageSendOk);
    }

    // The server closes a client politely (its login time is up) while pongs it cannot write
    // are queued for it, and the client never reads, so it never completes the close. The
    // connection must still be released, or each such client holds a slot and its buffers for
    // ever. (Qt 6.4 drops the TCP connection at once here; ClientConnection also aborts any
    // close still open after 5 s, in case a Qt version waits for the buffer to drain.)
    void closingClientThatNeverReadsIsCutOff()
    {
        ServerLimits limits = TestServer::generousLimits();
        limits.loginTimeout = std::chrono::milliseconds(5000);
        limits.maxOutgoingBufferBytes = 64 * 1024 * 1024; // the pongs stay under it
        TestServer server(limits);
        NonReadingClient flooder;
        QVERIFY(flooder.open(static_cast<quint16>(server.url().port())));
        QVERIFY(QTest::qWaitFor([&] { return server.server().connectionCount() == 1; }));
        const auto unsent = [&] {
            const auto sockets = server.server().findChildren<QSslSocket *>();
            return sockets.isEmpty() ? qint64(0) : sockets.first()->encryptedBytesToWrite();
        };
        // Until the kernel's buffers are full and Qt holds some of the pongs, before the login
        // deadline.
        QVERIFY(QTest::qWaitFor(
            [&] {
                while (flooder.bytesToWrite() < 1024 * 1024)
                    flooder.ping();
                return unsent() > 64 * 1024;
            },
            4000));
        QVERIFY(QTest::qWaitFor([&] { return server.server().connectionCount() == 0; }, 20'000));
    }

    // Fifty guesses sent at once for one username are refused after the documented five,
    // before they cost a hash each.
    void pipelinedGuessesAreThrottledBeforeHashing()
    {
        TestServer server(TestServer::generousLimits());
        TestClient setup;
        QVERIFY(setup.open(server.url()));
        QCOMPARE(typeOf(setup.registerUser(u"target"_s, u"correct horse"_s)), Type::RegisterOk);

        TestClient attacker;
        QVERIFY(attacker.open(server.url()));
        constexpr int Guesses = 50;
        for (int i = 0; i < Guesses; ++i) {
            attacker.sendRawNoWait(frameText({{u"type"_s, Type::Login},
                                              {u"id"_s, i},
                                              {u"username"_s, u"target"_s},
                                              {u"password"_s, u"guess number %1"_s.arg(i)}}));
        }
        // The replies carry the ids 0..49.
        QVERIFY(QTest::qWaitFor([&] { return attacker.replyCount() >= Guesses; }, 30'000));
        int wrong = 0;
        int limited = 0;
        for (const QJsonObject &reply : attacker.takeReplies()) {
            const QString code = codeOf(reply);
            if (code == "bad_credentials"_L1)
                ++wrong;
            else if (code == "rate_limited"_L1)
                ++limited;
        }
        QCOMPARE(wrong, TestServer::generousLimits().failedLoginsPerMinute);
        QCOMPARE(limited, Guesses - wrong);
    }

    // Many connections queue guesses for many names, then leave. Their queued checks are
    // dropped, and a real user is let in at once, not after minutes of leftover hashing.
    void floodOfLoginsLeavesNoBacklog()
    {
        TestServer server(TestServer::generousLimits());
        TestClient user;
        QVERIFY(user.open(server.url()));
        QCOMPARE(typeOf(user.registerUser(u"real"_s, u"correct horse"_s)), Type::RegisterOk);

        constexpr int Attackers = 16;
        constexpr int GuessesEach = 40;
        std::vector<std::unique_ptr<TestClient>> attackers;
        for (int a = 0; a < Attackers; ++a) {
            auto attacker = std::make_unique<TestClient>();
            QVERIFY(attacker->open(server.url()));
            for (int i = 0; i < GuessesEach; ++i) {
                attacker->sendRawNoWait(frameText({{u"type"_s, Type::Login},
                                                   {u"id"_s, i},
                                                   {u"username"_s, u"name%1x%2"_s.arg(a).arg(i)},
                                                   {u"password"_s, u"guess"_s}}));
            }
            attackers.push_back(std::move(attacker));
        }
        // Most guesses are refused at once: the queue is bounded.
        QVERIFY(QTest::qWaitFor([&] { return attackers.front()->replyCount() > 0; }, 10'000));
        int refused = 0;
        for (const QJsonObject &reply : attackers.front()->takeReplies())
            refused += codeOf(reply) == "rate_limited"_L1 ? 1 : 0;
        QVERIFY2(refused > 0, "no guess was refused");
        for (auto &attacker : attackers)
            attacker->closeSocket();

        // The real user may be told the server is busy while the last checks end; then gets in.
        QJsonObject reply;
        QVERIFY(QTest::qWaitFor(
            [&] {
                reply = user.login(u"real"_s, u"correct horse"_s);
                return typeOf(reply) == Type::LoginOk || codeOf(reply) != "rate_limited"_L1;
            },
            5000));
        QCOMPARE(typeOf(reply), Type::LoginOk);
    }

    void messageRateIsPerUser()
    {
        ServerLimits limits = TestServer::generousLimits();
        limits.messageBurst = 6;
        limits.messageWindow = std::chrono::minutes(10);
        TestServer server(limits);
        TestClient first;
        QVERIFY(first.connectAs(server.url(), u"alice"_s));
        TestClient second;
        QVERIFY(second.open(server.url()));
        QCOMPARE(typeOf(second.login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(typeOf(first.send(u"general"_s, u"one %1"_s.arg(i))), Type::MessageSendOk);
            QCOMPARE(typeOf(second.send(u"general"_s, u"two %1"_s.arg(i))), Type::MessageSendOk);
        }
        QCOMPARE(codeOf(first.send(u"general"_s, u"too many"_s)), u"rate_limited"_s);
        QCOMPARE(codeOf(second.send(u"general"_s, u"too many"_s)), u"rate_limited"_s);
        // Another user is not held back by alice's rate.
        TestClient bob;
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        QCOMPARE(typeOf(bob.send(u"general"_s, u"hello"_s)), Type::MessageSendOk);
    }
};

FINCHAT_SERVER_TEST_MAIN(TestHostile)
#include "tst_hostile.moc"
