#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include "finchat/protocol/messages.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

class TestAccounts : public QObject
{
    Q_OBJECT

private slots:
    void serverSaysHelloWithProtocolVersion()
    {
        TestServer server;
        TestClient client;
        QVERIFY(client.open(server.url()));
        QCOMPARE(client.serverHello().value(u"protocol"_s).toInt(), 1);
        QCOMPARE(
            client.serverHello().value(u"limits"_s).toObject().value(u"maxBodyLength"_s).toInt(),
            4000);
        const QJsonObject reply = client.request(Type::Hello, {{u"protocol"_s, 1}});
        QCOMPARE(typeOf(reply), Type::HelloOk);
        const QJsonObject future = client.request(Type::Hello, {{u"protocol"_s, 2}});
        QCOMPARE(codeOf(future), u"unsupported_protocol"_s);
        QVERIFY(client.isConnected());
    }

    void registerLoginResumeLogout()
    {
        TestServer server;
        TestClient client;
        QVERIFY(client.open(server.url()));

        const QJsonObject registered =
            client.registerUser(u"Alice"_s, u"correct horse"_s, u"Alice A."_s);
        QCOMPARE(typeOf(registered), Type::RegisterOk);
        QCOMPARE(registered.value(u"user"_s).toObject().value(u"user"_s).toString(), u"alice"_s);

        const QJsonObject loggedIn = client.login(u"alice"_s, u"correct horse"_s);
        QCOMPARE(typeOf(loggedIn), Type::LoginOk);
        const QString token = loggedIn.value(u"token"_s).toString();
        QVERIFY(token.size() >= 40);
        QCOMPARE(loggedIn.value(u"user"_s).toObject().value(u"displayName"_s).toString(),
                 u"Alice A."_s);
        // New accounts start in the default room.
        QCOMPARE(loggedIn.value(u"rooms"_s).toArray(), QJsonArray{u"general"_s});

        // The password is stored only as an Argon2id hash, the token only as a hash.
        const auto stored = server.storage().blocking(
            [](Storage &storage) { return storage.userByName(u"alice"_s); });
        QVERIFY(stored->passwordHash.startsWith(u"$argon2id$"_s));
        QVERIFY(!stored->passwordHash.contains(u"correct horse"_s));
        {
            const QSqlDatabase raw = server.database().openSide(u"peek"_s);
            QSqlQuery sessions(u"SELECT token_hash FROM sessions"_s, raw);
            QVERIFY(sessions.next());
            QVERIFY(sessions.value(0).toByteArray() != token.toUtf8());
            QCOMPARE(sessions.value(0).toByteArray().size(), 32);
        }
        QSqlDatabase::removeDatabase(u"peek"_s);

        // A reconnect resumes with the token, no password needed.
        client.closeSocket();
        TestClient again;
        QVERIFY(again.open(server.url()));
        const QJsonObject resumed = again.request(Type::Resume, {{u"token"_s, token}});
        QCOMPARE(typeOf(resumed), Type::ResumeOk);
        QCOMPARE(resumed.value(u"user"_s).toObject().value(u"user"_s).toString(), u"alice"_s);
        QCOMPARE(typeOf(again.request(Type::RoomsList)), Type::RoomsListOk);

        // Logout revokes the token: the connection is logged out and the token is dead.
        QCOMPARE(typeOf(again.request(Type::Logout)), Type::LogoutOk);
        QCOMPARE(codeOf(again.request(Type::RoomsList)), u"not_logged_in"_s);
        QCOMPARE(codeOf(again.request(Type::Resume, {{u"token"_s, token}})), u"invalid_token"_s);
        // And the socket is still usable for a fresh login.
        QCOMPARE(typeOf(again.login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);
    }

    void wrongPasswordAndUnknownUserLookTheSame()
    {
        TestServer server;
        TestClient client;
        QVERIFY(client.open(server.url()));
        QCOMPARE(typeOf(client.registerUser(u"bob"_s, u"hunter2hunter2"_s)), Type::RegisterOk);
        const QJsonObject wrong = client.login(u"bob"_s, u"hunter3hunter3"_s);
        QCOMPARE(codeOf(wrong), u"bad_credentials"_s);
        const QJsonObject unknown = client.login(u"nobody"_s, u"hunter2hunter2"_s);
        QCOMPARE(codeOf(unknown), u"bad_credentials"_s);
        QCOMPARE(wrong.value(u"message"_s), unknown.value(u"message"_s));
        QCOMPARE(typeOf(client.login(u"BOB"_s, u"hunter2hunter2"_s)), Type::LoginOk);
    }

    void registrationRules()
    {
        TestServer server;
        TestClient client;
        QVERIFY(client.open(server.url()));
        QCOMPARE(codeOf(client.registerUser(u"x"_s, u"long enough"_s)), u"invalid_username"_s);
        QCOMPARE(codeOf(client.registerUser(u"has space"_s, u"long enough"_s)),
                 u"invalid_username"_s);
        QCOMPARE(codeOf(client.registerUser(u"carol"_s, u"short"_s)), u"weak_password"_s);
        QCOMPARE(codeOf(client.registerUser(u"carol"_s, u"long enough"_s, u"bad\nname"_s)),
                 u"invalid_display_name"_s);
        QCOMPARE(typeOf(client.registerUser(u"carol"_s, u"long enough"_s)), Type::RegisterOk);
        QCOMPARE(codeOf(client.registerUser(u"Carol"_s, u"another one"_s)), u"username_taken"_s);
    }

    void failedLoginsAreThrottled()
    {
        TestServer server;
        TestClient client;
        QVERIFY(client.open(server.url()));
        QCOMPARE(typeOf(client.registerUser(u"dave"_s, u"right password"_s)), Type::RegisterOk);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(codeOf(client.login(u"dave"_s, u"wrong password"_s)), u"bad_credentials"_s);
        // Even the right password is refused until the minute has passed.
        QCOMPARE(codeOf(client.login(u"dave"_s, u"right password"_s)), u"rate_limited"_s);
        QVERIFY(client.isConnected());
    }

    void alreadyLoggedInIsRefused()
    {
        TestServer server;
        TestClient client;
        QVERIFY(client.connectAs(server.url(), u"erin"_s));
        QCOMPARE(codeOf(client.login(u"erin"_s, u"correct horse"_s)), u"already_logged_in"_s);
        QCOMPARE(codeOf(client.registerUser(u"erin2"_s, u"correct horse"_s)),
                 u"already_logged_in"_s);
    }

    void profileGetAndUpdate()
    {
        TestServer server;
        TestClient phone, laptop, friendClient;
        QVERIFY(phone.open(server.url()));
        QVERIFY(laptop.open(server.url()));
        QVERIFY(friendClient.connectAs(server.url(), u"grace"_s));
        QCOMPARE(typeOf(phone.signUp(u"frank"_s, u"first password"_s)), Type::LoginOk);
        const QString laptopToken =
            laptop.login(u"frank"_s, u"first password"_s).value(u"token"_s).toString();

        const QJsonObject profile = phone.request(Type::ProfileGet);
        QCOMPARE(profile.value(u"user"_s).toString(), u"frank"_s);
        QCOMPARE(profile.value(u"displayName"_s).toString(), u"frank"_s);
        QVERIFY(profile.value(u"createdAt"_s).toInteger() > 0);

        friendClient.clearEvents();
        const QJsonObject renamed =
            phone.request(Type::ProfileUpdate, {{u"displayName"_s, u"Frank F."_s}});
        QCOMPARE(typeOf(renamed), Type::ProfileUpdateOk);
        QCOMPARE(renamed.value(u"user"_s).toObject().value(u"displayName"_s).toString(),
                 u"Frank F."_s);
        // People sharing a room see the new name.
        QCOMPARE(friendClient.waitForEvent(Type::UserUpdated).value(u"displayName"_s).toString(),
                 u"Frank F."_s);
        QCOMPARE(phone.request(Type::ProfileGet).value(u"displayName"_s).toString(), u"Frank F."_s);

        // A password change needs the old password...
        QCOMPARE(
            codeOf(phone.request(Type::ProfileUpdate, {{u"password"_s, u"second password"_s}})),
            u"invalid_field"_s);
        QCOMPARE(
            codeOf(phone.request(Type::ProfileUpdate, {{u"password"_s, u"second password"_s},
                                                       {u"oldPassword"_s, u"wrong password"_s}})),
            u"bad_credentials"_s);
        QCOMPARE(
            codeOf(phone.request(Type::ProfileUpdate, {{u"password"_s, u"short"_s},
                                                       {u"oldPassword"_s, u"first password"_s}})),
            u"weak_password"_s);
        QCOMPARE(
            typeOf(phone.request(Type::ProfileUpdate, {{u"password"_s, u"second password"_s},
                                                       {u"oldPassword"_s, u"first password"_s}})),
            Type::ProfileUpdateOk);
        // ... and signs out the other devices' tokens.
        TestClient later;
        QVERIFY(later.open(server.url()));
        QCOMPARE(codeOf(later.request(Type::Resume, {{u"token"_s, laptopToken}})),
                 u"invalid_token"_s);
        QCOMPARE(codeOf(later.login(u"frank"_s, u"first password"_s)), u"bad_credentials"_s);
        QCOMPARE(typeOf(later.login(u"frank"_s, u"second password"_s)), Type::LoginOk);
    }

    void passwordChangeEndsTheOtherSessionsAtOnce()
    {
        TestServer server;
        TestClient phone, laptop, tablet, stranger;
        QVERIFY(phone.open(server.url()));
        const QString phoneToken =
            phone.signUp(u"gina"_s, u"first password"_s).value(u"token"_s).toString();
        QVERIFY(laptop.open(server.url()));
        QCOMPARE(typeOf(laptop.login(u"gina"_s, u"first password"_s)), Type::LoginOk);
        // The tablet resumes the phone's session: the same token on another connection.
        QVERIFY(tablet.open(server.url()));
        QCOMPARE(typeOf(tablet.request(Type::Resume, {{u"token"_s, phoneToken}})), Type::ResumeOk);
        QVERIFY(stranger.connectAs(server.url(), u"hank"_s));

        QCOMPARE(
            typeOf(phone.request(Type::ProfileUpdate, {{u"password"_s, u"second password"_s},
                                                       {u"oldPassword"_s, u"first password"_s}})),
            Type::ProfileUpdateOk);
        // The laptop's open connection is told why and closed, not left chatting.
        const QJsonObject ended = laptop.waitForEvent(Type::SessionEnded);
        QCOMPARE(ended.value(u"reason"_s).toString(), Protocol::SessionEndReason::PasswordChanged);
        QVERIFY(laptop.waitForDisconnected());
        // The session that changed it goes on, on both its connections; others never notice.
        QVERIFY(tablet.noEvent(Type::SessionEnded));
        QCOMPARE(typeOf(tablet.request(Type::RoomsList)), Type::RoomsListOk);
        QCOMPARE(typeOf(phone.request(Type::RoomsList)), Type::RoomsListOk);
        QVERIFY(stranger.noEvent(Type::SessionEnded, 100));
        QCOMPARE(typeOf(stranger.request(Type::RoomsList)), Type::RoomsListOk);
    }

    void logoutEndsTheSessionOnEveryConnectionUsingIt()
    {
        TestServer server;
        TestClient laptop, tablet, phone;
        QVERIFY(laptop.open(server.url()));
        const QString token =
            laptop.signUp(u"ivy"_s, u"correct horse"_s).value(u"token"_s).toString();
        QVERIFY(tablet.open(server.url()));
        QCOMPARE(typeOf(tablet.request(Type::Resume, {{u"token"_s, token}})), Type::ResumeOk);
        QVERIFY(phone.open(server.url()));
        QCOMPARE(typeOf(phone.login(u"ivy"_s, u"correct horse"_s)), Type::LoginOk);

        QCOMPARE(typeOf(laptop.request(Type::Logout)), Type::LogoutOk);
        const QJsonObject ended = tablet.waitForEvent(Type::SessionEnded);
        QCOMPARE(ended.value(u"reason"_s).toString(), Protocol::SessionEndReason::LoggedOut);
        QVERIFY(tablet.waitForDisconnected());
        // The connection that logged out stays open, logged out; another session goes on.
        QVERIFY(laptop.isConnected());
        QCOMPARE(codeOf(laptop.request(Type::RoomsList)), u"not_logged_in"_s);
        QVERIFY(phone.noEvent(Type::SessionEnded, 100));
        QCOMPARE(typeOf(phone.request(Type::RoomsList)), Type::RoomsListOk);
    }

    // A request that needs a session, sent before the answer to the resume (or login) that
    // opens it, finds none: it is refused with not_logged_in and changes nothing, so a
    // pipelined logout does not end the session the resume then opens (docs/protocol.md).
    void requestSentBeforeTheLoginAnswerFindsNoSession()
    {
        TestServer server;
        TestClient first, pipelining;
        QVERIFY(first.open(server.url()));
        const QString token =
            first.signUp(u"jude"_s, u"correct horse"_s).value(u"token"_s).toString();
        QVERIFY(pipelining.open(server.url()));
        pipelining.sendRawNoWait(Protocol::frameText(Protocol::Resume{token}, u"r"_s));
        pipelining.sendRawNoWait(Protocol::frameText(Protocol::Logout{}, u"l"_s));
        QVERIFY(QTest::qWaitFor([&] { return pipelining.replyCount() == 2; }));
        QHash<QString, QJsonObject> replies;
        for (const QJsonObject &reply : pipelining.takeReplies())
            replies.insert(reply.value(u"id"_s).toString(), reply);
        QCOMPARE(codeOf(replies.value(u"l"_s)), u"not_logged_in"_s);
        QCOMPARE(typeOf(replies.value(u"r"_s)), Type::ResumeOk);
        // The session is whole: both connections use it.
        QCOMPARE(typeOf(pipelining.request(Type::RoomsList)), Type::RoomsListOk);
        QVERIFY(first.noEvent(Type::SessionEnded, 100));
        QCOMPARE(typeOf(first.request(Type::RoomsList)), Type::RoomsListOk);
    }

    void presenceOnlineOffline()
    {
        TestServer server;
        TestClient alice, bobPhone, bobLaptop;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bobPhone.connectAs(server.url(), u"bob"_s));
        QVERIFY(bobLaptop.open(server.url()));
        QCOMPARE(alice.waitForEvent(Type::UserOnline).value(u"user"_s).toString(), u"bob"_s);

        // A second device is not a second "came online".
        QCOMPARE(typeOf(bobLaptop.login(u"bob"_s, u"correct horse"_s)), Type::LoginOk);
        QVERIFY(alice.noEvent(Type::UserOnline));
        bobPhone.closeSocket();
        QVERIFY(alice.noEvent(Type::UserOffline));
        // The last one closing is.
        bobLaptop.closeSocket();
        QCOMPARE(alice.waitForEvent(Type::UserOffline).value(u"user"_s).toString(), u"bob"_s);
    }

    void loginTimeoutClosesIdleSockets()
    {
        ServerLimits limits;
        limits.loginTimeout = std::chrono::milliseconds(1500);
        TestServer server(limits);
        TestClient idle, active;
        QVERIFY(idle.open(server.url()));
        QVERIFY(active.connectAs(server.url(), u"henry"_s));
        QCOMPARE(idle.waitForEvent(Type::Error).value(u"code"_s).toString(), u"login_timeout"_s);
        QVERIFY(idle.waitForDisconnected());
        QCOMPARE(idle.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QTest::qWait(1600);
        QVERIFY(active.isConnected()); // logged in in time: unaffected
        QCOMPARE(typeOf(active.request(Type::RoomsList)), Type::RoomsListOk);
    }
};

FINCHAT_SERVER_TEST_MAIN(TestAccounts)
#include "tst_accounts.moc"
