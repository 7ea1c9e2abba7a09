#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include "storage/storage.h"
#include "storage/storagethread.h"

#include "finchat/protocol/messages.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {

QJsonObject userIn(const QJsonObject &reply)
{
    return reply.value(u"user"_s).toObject();
}

// A plain HTTP/1.1 GET on loopback: the status code and the body (0 and nothing when no
// whole answer came).
std::pair<int, QString> httpGet(quint16 port, const QString &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {0, {}};
    socket.write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray answer;
    static const QRegularExpression length(u"content-length: *(\\d+)"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const auto complete = [&] {
        answer += socket.readAll();
        const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return false;
        const auto match = length.match(QString::fromLatin1(answer.left(headerEnd)));
        return match.hasMatch() && answer.size() - headerEnd - 4 >= match.captured(1).toInt();
    };
    if (!QTest::qWaitFor(complete, 5000))
        return {0, {}};
    const int status = QString::fromLatin1(answer.mid(9, 3)).toInt(); // "HTTP/1.1 200"
    return {status, QString::fromUtf8(answer.mid(answer.indexOf("\r\n\r\n") + 4))};
}

QString roleIn(const QJsonObject &user)
{
    return user.value(u"role"_s).toString(u"member"_s);
}

} // namespace

// Roles, bans and the audit log through the real server: every rule is tried by the account
// it is meant to stop, not only by the one it lets through.
class TestModeration : public QObject
{
    Q_OBJECT

private slots:
    void theFirstPersonIsTheAdmin()
    {
        TestServer server;
        TestClient alice;
        TestClient bob;
        QVERIFY(alice.open(server.url()));
        QVERIFY(bob.open(server.url()));
        QCOMPARE(roleIn(userIn(alice.registerUser(u"alice"_s, u"correct horse"_s))), u"admin"_s);
        QCOMPARE(roleIn(userIn(bob.registerUser(u"bob"_s, u"correct horse"_s))), u"member"_s);
        // login.ok says what the account may do, and so does the member list.
        QCOMPARE(roleIn(userIn(alice.login(u"alice"_s, u"correct horse"_s))), u"admin"_s);
        const QJsonObject bobIn = bob.login(u"bob"_s, u"correct horse"_s);
        QVERIFY(!userIn(bobIn).contains(u"role"_s));
        const QJsonObject joined = bob.request(Type::RoomJoin, {{u"room"_s, u"general"_s}});
        QCOMPARE(typeOf(joined), Type::RoomJoinOk);
        QStringList roles;
        for (const QJsonValue &member : joined.value(u"members"_s).toArray())
            roles.append(member[u"user"_s].toString() + u'=' + roleIn(member.toObject()));
        QCOMPARE(roles, (QStringList{u"alice=admin"_s, u"bob=member"_s}));
    }

    void onlyAModeratorMayBanAndOnlyBelowThemselves()
    {
        TestServer server;
        TestClient alice; // admin: the first
        TestClient bob;
        TestClient carol;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}, {&carol, u"carol"_s}}));

        const QJsonObject byMember = bob.request(Type::UserBan, {{u"user"_s, u"carol"_s}});
        QCOMPARE(codeOf(byMember), u"forbidden"_s);
        QCOMPARE(
            codeOf(bob.request(Type::UserRole, {{u"user"_s, u"bob"_s}, {u"role"_s, u"admin"_s}})),
            u"forbidden"_s);

        const QJsonObject promoted =
            alice.request(Type::UserRole, {{u"user"_s, u"bob"_s}, {u"role"_s, u"moderator"_s}});
        QCOMPARE(typeOf(promoted), Type::UserRoleOk);
        QCOMPARE(roleIn(userIn(promoted)), u"moderator"_s);
        // Bob and the people who share a room with him learn it at once.
        QCOMPARE(roleIn(bob.waitForEvent(Type::UserUpdated)), u"moderator"_s);
        QCOMPARE(roleIn(carol.waitForEvent(Type::UserUpdated)), u"moderator"_s);

        // A moderator may not ban an admin, nor change roles.
        QCOMPARE(codeOf(bob.request(Type::UserBan, {{u"user"_s, u"alice"_s}})), u"forbidden"_s);
        QCOMPARE(codeOf(bob.request(Type::UserRole,
                                    {{u"user"_s, u"carol"_s}, {u"role"_s, u"moderator"_s}})),
                 u"forbidden"_s);
        // Nobody bans themself or a bot; unknown names and roles are said to be so.
        QCOMPARE(codeOf(bob.request(Type::UserBan, {{u"user"_s, u"bob"_s}})), u"forbidden"_s);
        QCOMPARE(codeOf(bob.request(Type::UserBan, {{u"user"_s, u"nobody"_s}})), u"unknown_user"_s);
        QCOMPARE(codeOf(alice.request(Type::UserRole,
                                      {{u"user"_s, u"carol"_s}, {u"role"_s, u"owner"_s}})),
                 u"invalid_field"_s);
        QCOMPARE(codeOf(alice.request(Type::UserRole,
                                      {{u"user"_s, u"alice"_s}, {u"role"_s, u"member"_s}})),
                 u"forbidden"_s);
        QCOMPARE(codeOf(bob.request(Type::UserBan, {{u"user"_s, QJsonValue::Null}})),
                 u"invalid_field"_s);

        // Demoted on the server's own database, Bob loses the power at once, not at his next
        // login.
        server.storage().blocking([](Storage &storage) {
            storage.setRole(storage.userByName(u"bob"_s)->id, Protocol::Role::Member);
        });
        QCOMPARE(codeOf(bob.request(Type::UserBan, {{u"user"_s, u"carol"_s}})), u"forbidden"_s);
        QVERIFY(carol.isConnected());
    }

    void aBannedUserIsClosedAtOnceAndCannotComeBack()
    {
        TestServer server;
        TestClient alice;
        TestClient mallory;
        TestClient secondDevice;
        TestClient bystander;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(mallory.connectAs(server.url(), u"mallory"_s));
        QVERIFY(bystander.connectAs(server.url(), u"dave"_s));
        QVERIFY(secondDevice.open(server.url()));
        const QJsonObject secondLogin = secondDevice.login(u"mallory"_s, u"correct horse"_s);
        QCOMPARE(typeOf(secondLogin), Type::LoginOk);
        const QString token = secondLogin.value(u"token"_s).toString();

        const QJsonObject banned = alice.request(
            Type::UserBan, {{u"user"_s, u"Mallory"_s}, {u"reason"_s, u"spam\nspam"_s}});
        QCOMPARE(typeOf(banned), Type::UserBanOk);
        // Every connection of hers hears why and closes; the others see her go offline.
        for (TestClient *device : {&mallory, &secondDevice}) {
            const QJsonObject ended = device->waitForEvent(Type::SessionEnded);
            QCOMPARE(ended.value(u"reason"_s).toString(), u"banned"_s);
            QCOMPARE(ended.value(u"message"_s).toString(),
                     u"you were banned by alice: spam spam"_s);
            QVERIFY(device->waitForDisconnected());
        }
        QCOMPARE(bystander.waitForEvent(Type::UserOffline).value(u"user"_s).toString(),
                 u"mallory"_s);

        // Neither her password nor her old token lets her in.
        TestClient again;
        QVERIFY(again.open(server.url()));
        QCOMPARE(codeOf(again.login(u"mallory"_s, u"correct horse"_s)), u"account_disabled"_s);
        QCOMPARE(codeOf(again.request(Type::Resume, {{u"token"_s, token}})), u"invalid_token"_s);
        // A wrong password still says only that.
        QCOMPARE(codeOf(again.login(u"mallory"_s, u"wrong horse battery"_s)), u"bad_credentials"_s);

        // Lifted, the ban lets her log in again; the others were never disturbed.
        QCOMPARE(typeOf(alice.request(Type::UserUnban, {{u"user"_s, u"mallory"_s}})),
                 Type::UserUnbanOk);
        QCOMPARE(typeOf(again.login(u"mallory"_s, u"correct horse"_s)), Type::LoginOk);
        QVERIFY(bystander.isConnected());
        QCOMPARE(typeOf(bystander.send(u"general"_s, u"still here"_s)), Type::MessageSendOk);
    }

    void theAuditLogKeepsEveryActionForAdminsOnly()
    {
        TestServer server;
        TestClient alice; // admin: the first
        TestClient bob;
        TestClient carol;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}, {&carol, u"carol"_s}}));
        QCOMPARE(typeOf(alice.request(Type::UserRole,
                                      {{u"user"_s, u"bob"_s}, {u"role"_s, u"moderator"_s}})),
                 Type::UserRoleOk);
        QCOMPARE(typeOf(bob.request(Type::UserBan,
                                    {{u"user"_s, u"carol"_s}, {u"reason"_s, u"off topic"_s}})),
                 Type::UserBanOk);
        // Banning twice changes nothing and records nothing.
        QCOMPARE(typeOf(bob.request(Type::UserBan, {{u"user"_s, u"carol"_s}})), Type::UserBanOk);
        QCOMPARE(typeOf(bob.request(Type::UserUnban, {{u"user"_s, u"carol"_s}})),
                 Type::UserUnbanOk);

        QCOMPARE(codeOf(bob.request(Type::AuditList)), u"forbidden"_s);
        const QJsonObject log = alice.request(Type::AuditList);
        QCOMPARE(typeOf(log), Type::AuditListOk);
        QStringList lines;
        for (const QJsonValue &entry : log.value(u"entries"_s).toArray()) {
            lines.append(u"%1 %2 %3 %4"_s
                             .arg(entry[u"by"_s].toString(), entry[u"action"_s].toString(),
                                  entry[u"user"_s].toString(), entry[u"detail"_s].toString())
                             .trimmed());
            QVERIFY(entry[u"at"_s].toInteger() > 0);
        }
        QCOMPARE(lines, (QStringList{u"bob unban carol"_s, u"bob ban carol off topic"_s,
                                     u"alice role bob moderator"_s}));
        QVERIFY(!log.value(u"hasMore"_s).toBool());

        // Paged, newest first.
        const QJsonObject first = alice.request(Type::AuditList, {{u"limit"_s, 2}});
        QVERIFY(first.value(u"hasMore"_s).toBool());
        const qint64 oldestShown = first.value(u"entries"_s).toArray().last()[u"id"_s].toInteger();
        const QJsonObject rest =
            alice.request(Type::AuditList, {{u"before"_s, oldestShown}, {u"limit"_s, 2}});
        QCOMPARE(rest.value(u"entries"_s).toArray().size(), 1);
        QCOMPARE(rest.value(u"entries"_s).toArray().first()[u"action"_s].toString(), u"role"_s);
        QVERIFY(!rest.value(u"hasMore"_s).toBool());
        QCOMPARE(codeOf(alice.request(Type::AuditList, {{u"limit"_s, 101}})), u"invalid_field"_s);
    }

    void aReasonIsOneLineWithoutControlCharacters()
    {
        TestServer server;
        TestClient alice;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        TestClient mallory;
        QVERIFY(mallory.connectAs(server.url(), u"mallory"_s));
        for (const QString &reason : {u"spam\u0000"_s, u"\u001b[31mred"_s, QString(301, u'x')}) {
            QCOMPARE(codeOf(alice.request(Type::UserBan,
                                          {{u"user"_s, u"mallory"_s}, {u"reason"_s, reason}})),
                     u"invalid_field"_s);
        }
        QVERIFY(mallory.isConnected()); // nothing was done
        QVERIFY(alice.request(Type::AuditList).value(u"entries"_s).toArray().isEmpty());
    }

    // Two admins demote each other at the same moment: the rules are checked where the change
    // is made, one write after the other, so exactly one of them wins and an admin remains.
    void racingRequestsCannotBreakTheRules()
    {
        TestServer server;
        TestClient alice;
        TestClient bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        QCOMPARE(
            typeOf(alice.request(Type::UserRole, {{u"user"_s, u"bob"_s}, {u"role"_s, u"admin"_s}})),
            Type::UserRoleOk);
        alice.sendRawNoWait(
            rawFrame(Type::UserRole, uR"("id":"a","user":"bob","role":"member")"_s));
        bob.sendRawNoWait(
            rawFrame(Type::UserRole, uR"("id":"b","user":"alice","role":"member")"_s));
        QVERIFY(QTest::qWaitFor([&] { return alice.replyCount() == 1 && bob.replyCount() == 1; }));
        const QString first = typeOf(alice.takeReplies().first());
        const QString second = typeOf(bob.takeReplies().first());
        QCOMPARE(QSet<QString>({first, second}), (QSet<QString>{Type::UserRoleOk, u"error"_s}));
        const int admins = server.storage().blocking([](Storage &storage) {
            int count = 0;
            for (const UserRecord &user : storage.users())
                count += user.role == Protocol::Role::Admin ? 1 : 0;
            return count;
        });
        QCOMPARE(admins, 1);
    }

    // A ban that lands while the banned user's password is being checked: the login must not
    // end with a session for a banned account.
    void aBanDuringALoginKeepsThemOut()
    {
        TestServer server;
        TestClient alice;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        TestClient setup;
        QVERIFY(setup.open(server.url()));
        QCOMPARE(typeOf(setup.registerUser(u"mallory"_s, u"correct horse"_s)), Type::RegisterOk);
        // Password checks queued ahead of hers keep hers waiting while the ban is made.
        TestClient crowd;
        QVERIFY(crowd.open(server.url()));
        for (int i = 0; i < 6; ++i) {
            crowd.sendRawNoWait(
                rawFrame(Type::Login,
                         uR"("id":%1,"username":"nobody%1","password":"correct horse")"_s.arg(i)));
        }
        TestClient mallory;
        QVERIFY(mallory.open(server.url()));
        mallory.sendRawNoWait(rawFrame(
            Type::Login, uR"("id":"in","username":"mallory","password":"correct horse")"_s));
        // Her account is read at once; her check waits behind the crowd's. (Whichever way the
        // race goes, the assertions below hold; this makes the harder way the likely one.)
        QTest::qWait(50);
        QVERIFY(!mallory.replyCount());
        QCOMPARE(typeOf(alice.request(Type::UserBan, {{u"user"_s, u"mallory"_s}})),
                 Type::UserBanOk);
        QVERIFY(QTest::qWaitFor([&] { return mallory.replyCount() == 1; }));
        const QJsonObject answer = mallory.takeReplies().first();
        if (typeOf(answer) == Type::LoginOk) {
            // The login finished first: the ban then closed it.
            QCOMPARE(mallory.waitForEvent(Type::SessionEnded).value(u"reason"_s).toString(),
                     u"banned"_s);
            QVERIFY(mallory.waitForDisconnected());
        } else {
            QCOMPARE(codeOf(answer), u"account_disabled"_s);
        }
        TestClient again;
        QVERIFY(again.open(server.url()));
        QCOMPARE(codeOf(again.login(u"mallory"_s, u"correct horse"_s)), u"account_disabled"_s);
    }

    void registrationByInvitation()
    {
        ServerConfig config;
        config.registration = Registration::Invite;
        TestServer server(config);
        server.addPerson(u"boss"_s);
        TestClient boss;
        QVERIFY(boss.open(server.url()));
        QCOMPARE(boss.serverHello().value(u"registration"_s).toString(), u"invite"_s);
        QCOMPARE(typeOf(boss.login(u"boss"_s, u"correct horse"_s)), Type::LoginOk);

        TestClient stranger;
        QVERIFY(stranger.open(server.url()));
        const auto registerWith = [&](const QString &name, const QJsonValue &invite) {
            QJsonObject fields{{u"username"_s, name}, {u"password"_s, u"correct horse"_s}};
            if (!invite.isUndefined())
                fields.insert(u"invite"_s, invite);
            return stranger.request(Type::Register, fields);
        };
        QCOMPARE(codeOf(registerWith(u"eve"_s, QJsonValue::Undefined)), u"invalid_invite"_s);
        QCOMPARE(codeOf(registerWith(u"eve"_s, QJsonValue::Null)), u"invalid_invite"_s);
        QCOMPARE(codeOf(registerWith(u"eve"_s, u"aaaaa-aaaaa-aaaaa-aaaaa"_s)), u"invalid_invite"_s);
        QCOMPARE(codeOf(registerWith(u"eve"_s, u"not a code"_s)), u"invalid_invite"_s);

        // Only an admin makes invites.
        TestClient member;
        QVERIFY(member.open(server.url()));
        const QJsonObject made =
            boss.request(Type::InviteCreate, {{u"uses"_s, 2}, {u"hours"_s, 1}});
        QCOMPARE(typeOf(made), Type::InviteCreateOk);
        const QString code = made.value(u"code"_s).toString();
        QVERIFY(QRegularExpression(u"\\A[a-z2-7]{5}(-[a-z2-7]{5}){3}\\z"_s).match(code).hasMatch());
        QCOMPARE(made[u"invite"_s][u"usesLeft"_s].toInt(), 2);
        QCOMPARE(made[u"invite"_s][u"by"_s].toString(), u"boss"_s);
        const qint64 expires = made[u"invite"_s][u"expiresAt"_s].toInteger();
        QVERIFY(qAbs(expires - (Protocol::nowMs() + 3'600'000)) < 60'000);

        // Two accounts, then it is used up; a taken name does not use it.
        QCOMPARE(typeOf(registerWith(u"ann"_s, code)), Type::RegisterOk);
        QCOMPARE(codeOf(registerWith(u"ann"_s, code)), u"username_taken"_s);
        QCOMPARE(typeOf(registerWith(u"ben"_s, code.toUpper().remove(u'-'))), Type::RegisterOk);
        QCOMPARE(codeOf(registerWith(u"cid"_s, code)), u"invalid_invite"_s);
        QCOMPARE(typeOf(member.login(u"ann"_s, u"correct horse"_s)), Type::LoginOk);
        QCOMPARE(codeOf(member.request(Type::InviteCreate)), u"forbidden"_s);
        QCOMPARE(codeOf(member.request(Type::InviteList)), u"forbidden"_s);

        // Listed while usable; revoked, it stops working at once.
        const QString second = boss.request(Type::InviteCreate).value(u"code"_s).toString();
        const QJsonArray listed = boss.request(Type::InviteList).value(u"invites"_s).toArray();
        QCOMPARE(listed.size(), 1);
        const qint64 id = listed.first()[u"id"_s].toInteger();
        QCOMPARE(codeOf(member.request(Type::InviteRevoke, {{u"invite"_s, id}})), u"forbidden"_s);
        QCOMPARE(typeOf(boss.request(Type::InviteRevoke, {{u"invite"_s, id}})),
                 Type::InviteRevokeOk);
        QCOMPARE(codeOf(boss.request(Type::InviteRevoke, {{u"invite"_s, id}})),
                 u"invalid_invite"_s);
        QCOMPARE(codeOf(registerWith(u"cid"_s, second)), u"invalid_invite"_s);
        QCOMPARE(codeOf(boss.request(Type::InviteCreate, {{u"uses"_s, 0}})), u"invalid_field"_s);

        // The audit log has each; the codes themselves are nowhere in the database.
        QStringList actions;
        for (const QJsonValue &entry : boss.request(Type::AuditList).value(u"entries"_s).toArray())
            actions.append(entry[u"action"_s].toString() + u' ' + entry[u"user"_s].toString());
        QCOMPARE(actions,
                 (QStringList{u"uninvite invite 2"_s, u"invite invite 2"_s, u"invite invite 1"_s}));
        {
            const QSqlDatabase raw = server.database().openSide(u"peek"_s);
            QSqlQuery hashes(u"SELECT code_hash FROM invites"_s, raw);
            int kept = 0;
            for (; hashes.next(); ++kept)
                QCOMPARE(hashes.value(0).toByteArray().size(), 32); // SHA-256, not the code
            QCOMPARE(kept, 2);
        }
        QSqlDatabase::removeDatabase(u"peek"_s);
        if (!server.database().isPostgres()) { // nor anywhere else in the file
            QFile database(server.databasePath());
            QVERIFY(database.open(QIODevice::ReadOnly));
            const QByteArray bytes = database.readAll();
            QVERIFY(!bytes.contains(code.toLatin1()) && !bytes.contains(second.toLatin1()));
        }
    }

    // A wrong code costs what a new account does: guessing runs into registrations_per_hour.
    void guessingInviteCodesIsThrottled()
    {
        ServerConfig config;
        config.registration = Registration::Invite;
        config.limits.registrationsPerHour = 3;
        TestServer server(config);
        TestClient guesser;
        QVERIFY(guesser.open(server.url()));
        const auto guess = [&](const QString &code) {
            return codeOf(guesser.request(Type::Register, {{u"username"_s, u"eve"_s},
                                                           {u"password"_s, u"correct horse"_s},
                                                           {u"invite"_s, code}}));
        };
        QCOMPARE(guess(u"aaaaa-aaaaa-aaaaa-aaaaa"_s), u"invalid_invite"_s);
        QCOMPARE(guess(u"not a code"_s), u"invalid_invite"_s);
        QCOMPARE(guess(u"bbbbb-bbbbb-bbbbb-bbbbb"_s), u"invalid_invite"_s);
        QCOMPARE(guess(u"ccccc-ccccc-ccccc-ccccc"_s), u"rate_limited"_s);
    }

    void closedRegistrationMakesNoAccounts()
    {
        ServerConfig config;
        config.registration = Registration::Closed;
        TestServer server(config);
        TestClient client;
        QVERIFY(client.open(server.url()));
        QCOMPARE(client.serverHello().value(u"registration"_s).toString(), u"closed"_s);
        QCOMPARE(codeOf(client.registerUser(u"eve"_s, u"correct horse"_s)),
                 u"registration_closed"_s);
        QVERIFY(
            server.storage().blocking([](Storage &storage) { return storage.users(); }).isEmpty());
    }

    void adminsSeeHowTheServerIsDoing()
    {
        ServerConfig config;
        config.metrics.port = 0; // on, at any free loopback port
        TestServer server(config);
        TestClient alice;
        TestClient bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        TestClient bot;
        QVERIFY(bot.open(server.url()));
        QCOMPARE(typeOf(bot.request(Type::BotLogin,
                                    {{u"token"_s, server.botToken(u"ticker"_s, u"Ticker"_s)}})),
                 Type::BotLoginOk);
        const QJsonArray announced{QJsonObject{
            {u"name"_s, u"tick"_s}, {u"usage"_s, u"/tick"_s}, {u"description"_s, u"A tick"_s}}};
        QCOMPARE(typeOf(bot.request(Type::BotAnnounce, {{u"commands"_s, announced}})),
                 Type::BotAnnounceOk);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(typeOf(bob.send(u"general"_s, u"tick %1"_s.arg(i))), Type::MessageSendOk);

        QCOMPARE(codeOf(bob.request(Type::ServerStatus)), u"forbidden"_s);
        const QJsonObject status = alice.request(Type::ServerStatus);
        QCOMPARE(typeOf(status), Type::ServerStatusOk);
        QCOMPARE(status[u"version"_s].toString(), QStringLiteral(FINCHAT_VERSION_STRING));
        QCOMPARE(status[u"connections"_s].toInt(), 3);
        QCOMPARE(status[u"usersOnline"_s].toInt(), 2); // alice and bob; bots are under "bots"
        QCOMPARE(status[u"messagesSinceStart"_s].toInt(), 3);
        QCOMPARE(status[u"messagesPerSecond"_s].toDouble(), 3.0 / 60);
        QVERIFY(status[u"databaseBytes"_s].toInteger() > 4096); // a file, or a PostgreSQL database
        QCOMPARE(status[u"registration"_s].toString(), u"open"_s);
        QVERIFY(status[u"uptimeSeconds"_s].toInteger() >= 0);
        QVERIFY(qAbs(status[u"startedAt"_s].toInteger() - Protocol::nowMs()) < 60'000);
        const QJsonArray bots = status[u"bots"_s].toArray();
        QCOMPARE(bots.size(), 1);
        QCOMPARE(bots.first()[u"user"_s].toString(), u"ticker"_s);
        QCOMPARE(bots.first()[u"kind"_s].toString(), u"connected"_s);
        QVERIFY(bots.first()[u"available"_s].toBool());
        QCOMPARE(bots.first()[u"commands"_s].toInt(), 1);

        // The same figures for a Prometheus scraper, on a loopback port of their own.
        const quint16 metricsPort = server.server().metricsPort();
        QVERIFY(metricsPort != 0);
        const auto get = [metricsPort](const QString &path) {
            return httpGet(metricsPort, path);
        };
        const auto [status200, text] = get(u"/metrics"_s);
        QCOMPARE(status200, 200);
        for (const QString &line :
             {u"finchat_info{version=\"%1\"} 1"_s.arg(QStringLiteral(FINCHAT_VERSION_STRING)),
              u"finchat_connections 3"_s, u"finchat_users_online 2"_s,
              u"finchat_messages_stored_total 3"_s, u"finchat_messages_per_second 0.05"_s,
              u"finchat_bot_available{bot=\"ticker\",kind=\"connected\"} 1"_s,
              u"# TYPE finchat_messages_stored_total counter"_s})
            QVERIFY2(text.split(u'\n').contains(line), qPrintable(line + u"\n---\n"_s + text));
        QCOMPARE(get(u"/"_s).first, 404);
    }

    // The metrics port takes a few connections at once, briefly, with little in them: a
    // client that floods or hoards it is cut off, and the scraper still gets its answer.
    void theMetricsPortIsBounded()
    {
        ServerConfig config;
        config.metrics.port = 0;
        TestServer server(config);
        const quint16 port = server.server().metricsPort();
        QVERIFY(port != 0);
        std::vector<std::unique_ptr<QTcpSocket>> hoarded;
        for (int i = 0; i < 8; ++i) {
            hoarded.push_back(std::make_unique<QTcpSocket>());
            hoarded.back()->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(hoarded.back()->waitForConnected(5000));
        }
        QTcpSocket oneTooMany;
        oneTooMany.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(oneTooMany.waitForConnected(5000));
        // The server runs on this thread: wait by running its event loop.
        QTRY_COMPARE(oneTooMany.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(httpGet(port, u"/metrics"_s).first, 0); // still full
        hoarded.clear();

        QTcpSocket flood;
        flood.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(flood.waitForConnected(5000));
        flood.write("GET /metrics HTTP/1.1\r\nX-Filler: " + QByteArray(64 * 1024, 'a'));
        QTRY_COMPARE(flood.state(), QAbstractSocket::UnconnectedState);
        QTRY_COMPARE(httpGet(port, u"/metrics"_s).first, 200);
    }

    void metricsAreOffUnlessConfigured()
    {
        TestServer server;
        QCOMPARE(server.server().metricsPort(), 0);
    }

    void topicsAreSetByTheCreatorOrAModerator()
    {
        TestServer server;
        TestClient alice; // admin: the first
        TestClient bob;
        TestClient carol;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}, {&carol, u"carol"_s}}));
        QCOMPARE(typeOf(bob.request(Type::RoomCreate, {{u"name"_s, u"bonds"_s}})),
                 Type::RoomCreateOk);
        const auto setTopic = [](TestClient &who, const QString &room, const QString &topic) {
            return who.request(Type::RoomTopic, {{u"room"_s, room}, {u"topic"_s, topic}});
        };
        // Bob made it; Carol did not and is no moderator; nobody made general.
        QCOMPARE(typeOf(setTopic(bob, u"bonds"_s, u"  Rates and spreads "_s)), Type::RoomTopicOk);
        QCOMPARE(codeOf(setTopic(carol, u"bonds"_s, u"mine now"_s)), u"forbidden"_s);
        QCOMPARE(codeOf(setTopic(bob, u"general"_s, u"mine"_s)), u"forbidden"_s);
        QCOMPARE(codeOf(setTopic(bob, u"nowhere"_s, u"x"_s)), u"unknown_room"_s);
        QCOMPARE(codeOf(setTopic(bob, u"bonds"_s, u"bell\u0007"_s)), u"invalid_field"_s);
        // Everyone logged in learns it, member or not, as they learn of new rooms.
        const QJsonObject updated = carol.waitForEvent(Type::RoomUpdated);
        QCOMPARE(updated[u"room"_s][u"name"_s].toString(), u"bonds"_s);
        QCOMPARE(updated[u"room"_s][u"topic"_s].toString(), u"Rates and spreads"_s);

        QCOMPARE(typeOf(setTopic(alice, u"general"_s, u"Markets"_s)), Type::RoomTopicOk);
        QCOMPARE(carol.waitForEvent(Type::RoomUpdated)[u"room"_s][u"topic"_s].toString(),
                 u"Markets"_s);
        QStringList topics;
        for (const QJsonValue &room : carol.request(Type::RoomsList)[u"rooms"_s].toArray())
            topics.append(room[u"name"_s].toString() + u'=' + room[u"topic"_s].toString());
        QCOMPARE(topics, (QStringList{u"bonds=Rates and spreads"_s, u"general=Markets"_s}));
        const QJsonArray log = alice.request(Type::AuditList)[u"entries"_s].toArray();
        QCOMPARE(log.first()[u"action"_s].toString(), u"topic"_s);
        QCOMPARE(log.first()[u"user"_s].toString(), u"#general"_s);
        QCOMPARE(log.first()[u"detail"_s].toString(), u"Markets"_s);
        QCOMPARE(log.at(1)[u"by"_s].toString(), u"bob"_s);
    }

    void aKickRemovesSomeoneFromARoom()
    {
        TestServer server;
        TestClient alice; // admin
        TestClient mallory;
        TestClient malloryPhone;
        TestClient bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(mallory.connectAs(server.url(), u"mallory"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        QVERIFY(malloryPhone.open(server.url()));
        QCOMPARE(typeOf(malloryPhone.login(u"mallory"_s, u"correct horse"_s)), Type::LoginOk);
        const auto kick = [](TestClient &who, const QString &name) {
            return who.request(
                Type::RoomKick,
                {{u"room"_s, u"general"_s}, {u"user"_s, name}, {u"reason"_s, u"off topic"_s}});
        };
        QCOMPARE(codeOf(kick(bob, u"mallory"_s)), u"forbidden"_s); // members do not kick
        QCOMPARE(codeOf(kick(mallory, u"alice"_s)), u"forbidden"_s);

        const QJsonObject kicked = kick(alice, u"mallory"_s);
        QCOMPARE(typeOf(kicked), Type::RoomKickOk);
        QCOMPARE(kicked[u"user"_s].toString(), u"mallory"_s);
        for (TestClient *seen : {&mallory, &malloryPhone, &bob}) {
            const QJsonObject left = seen->waitForEvent(Type::MemberLeft);
            QCOMPARE(left[u"user"_s].toString(), u"mallory"_s);
            QCOMPARE(left[u"by"_s].toString(), u"alice"_s);
            QCOMPARE(left[u"reason"_s].toString(), u"off topic"_s);
        }
        QVERIFY(mallory.isConnected()); // a kick is not a ban
        QCOMPARE(codeOf(mallory.send(u"general"_s, u"still here?"_s)), u"not_a_member"_s);
        QCOMPARE(codeOf(kick(alice, u"mallory"_s)), u"not_a_member"_s);
        QCOMPARE(typeOf(mallory.request(Type::RoomJoin, {{u"room"_s, u"general"_s}})),
                 Type::RoomJoinOk);
        const QJsonArray log = alice.request(Type::AuditList)[u"entries"_s].toArray();
        QCOMPARE(log.first()[u"action"_s].toString(), u"kick"_s);
        QCOMPARE(log.first()[u"user"_s].toString(), u"mallory"_s);
        QCOMPARE(log.first()[u"detail"_s].toString(), u"#general: off topic"_s);
    }

    void aBanOutlivesTheModeratorLeaving()
    {
        TestServer server;
        TestClient alice;
        TestClient mallory;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(mallory.connectAs(server.url(), u"mallory"_s));
        // The ban is sent and the socket closed before any answer can come.
        alice.sendRawNoWait(rawFrame(Type::UserBan, uR"("user":"mallory")"_s));
        alice.closeSocket();
        QCOMPARE(mallory.waitForEvent(Type::SessionEnded).value(u"reason"_s).toString(),
                 u"banned"_s);
        QVERIFY(mallory.waitForDisconnected());
    }

    void moderatorsListEveryAccount()
    {
        TestServer server;
        TestClient alice; // admin
        TestClient bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        server.addPerson(u"carol"_s); // never logged in
        QCOMPARE(codeOf(bob.request(Type::UserList)), u"forbidden"_s);
        QCOMPARE(typeOf(alice.request(Type::UserBan, {{u"user"_s, u"carol"_s}})), Type::UserBanOk);

        const QJsonObject all = alice.request(Type::UserList);
        QCOMPARE(typeOf(all), Type::UserListOk);
        QCOMPARE(all[u"hasMore"_s].toBool(), false);
        QStringList shown;
        for (const QJsonValue &account : all[u"users"_s].toArray()) {
            shown.append(
                u"%1 %2 %3 %4"_s.arg(account[u"user"_s].toString(), roleIn(account.toObject()),
                                     account[u"online"_s].toBool() ? u"online"_s : u"offline"_s,
                                     account[u"banned"_s].toBool() ? u"banned"_s : u"enabled"_s));
            QVERIFY(account[u"createdAt"_s].toInteger() > 0);
        }
        QCOMPARE(shown,
                 (QStringList{u"alice admin online enabled"_s, u"bob member online enabled"_s,
                              u"carol member offline banned"_s}));

        // A moderator may list too; pages follow the usernames.
        QCOMPARE(typeOf(alice.request(Type::UserRole,
                                      {{u"user"_s, u"bob"_s}, {u"role"_s, u"moderator"_s}})),
                 Type::UserRoleOk);
        const QJsonObject first = bob.request(Type::UserList, {{u"limit"_s, 2}});
        QCOMPARE(first[u"users"_s].toArray().size(), 2);
        QCOMPARE(first[u"hasMore"_s].toBool(), true);
        const QJsonObject next =
            bob.request(Type::UserList, {{u"limit"_s, 2}, {u"after"_s, u"bob"_s}});
        QCOMPARE(next[u"users"_s].toArray().size(), 1);
        QCOMPARE(next[u"users"_s][0][u"user"_s].toString(), u"carol"_s);
        QCOMPARE(next[u"hasMore"_s].toBool(), false);
        QCOMPARE(codeOf(bob.request(Type::UserList, {{u"limit"_s, 201}})), u"invalid_field"_s);
    }

    void authorsAndModeratorsDeleteMessages()
    {
        TestServer server;
        TestClient alice; // admin: the first
        TestClient bob;
        TestClient carol;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}, {&carol, u"carol"_s}}));
        const auto remove = [](TestClient &who, qint64 id) {
            return who.request(Type::MessageDelete, {{u"message"_s, id}});
        };
        const QJsonObject sent = bob.send(u"general"_s, u"my card number is 4111"_s, u"b-1"_s);
        const qint64 id = sent[u"message"_s][u"id"_s].toInteger();
        QVERIFY(id > 0);

        QCOMPARE(codeOf(remove(carol, id)), u"forbidden"_s); // a member deletes only their own
        QCOMPARE(codeOf(remove(carol, id + 1000)), u"unknown_message"_s);
        QCOMPARE(codeOf(carol.request(Type::MessageDelete, {{u"message"_s, u"1"_s}})),
                 u"invalid_field"_s);

        const QJsonObject deleted = remove(bob, id);
        QCOMPARE(typeOf(deleted), Type::MessageDeleteOk);
        QCOMPARE(deleted[u"room"_s].toString(), u"general"_s);
        for (TestClient *member : {&alice, &bob, &carol}) {
            const QJsonObject event = member->waitForEvent(Type::MessageDeleted);
            QCOMPARE(event[u"message"_s].toInteger(), id);
            QCOMPARE(event[u"room"_s].toString(), u"general"_s);
            QCOMPARE(event[u"by"_s].toString(), u"bob"_s);
        }
        // History keeps its place, not its text; the database does not keep the text either,
        // and retrying the nonce does not bring it back.
        const QJsonObject history = carol.request(Type::HistoryFetch, {{u"room"_s, u"general"_s}});
        const QJsonObject tombstone = history[u"messages"_s].toArray().last().toObject();
        QCOMPARE(tombstone[u"id"_s].toInteger(), id);
        QCOMPARE(tombstone[u"deleted"_s].toBool(), true);
        QCOMPARE(tombstone[u"body"_s].toString(), QString());
        QCOMPARE(tombstone[u"user"_s].toString(), u"bob"_s);
        const QString stored = server.storage().blocking(
            [id](Storage &storage) { return storage.messageById(id)->body; });
        QCOMPARE(stored, QString());
        const QJsonObject retried = bob.send(u"general"_s, u"my card number is 4111"_s, u"b-1"_s);
        QCOMPARE(retried[u"duplicate"_s].toBool(), true);
        QCOMPARE(retried[u"message"_s][u"deleted"_s].toBool(), true);
        QCOMPARE(retried[u"message"_s][u"body"_s].toString(), QString());
        // Deleting a tombstone again changes nothing and tells nobody.
        QCOMPARE(typeOf(remove(bob, id)), Type::MessageDeleteOk);

        // A moderator deletes a member's message, not an admin's; that is in the audit log
        // (an author's own deletion is not moderation).
        QCOMPARE(typeOf(alice.request(Type::UserRole,
                                      {{u"user"_s, u"bob"_s}, {u"role"_s, u"moderator"_s}})),
                 Type::UserRoleOk);
        const qint64 carols =
            carol.send(u"general"_s, u"spam spam"_s)[u"message"_s][u"id"_s].toInteger();
        const qint64 alices =
            alice.send(u"general"_s, u"rules"_s)[u"message"_s][u"id"_s].toInteger();
        QCOMPARE(codeOf(remove(bob, alices)), u"forbidden"_s);
        QCOMPARE(typeOf(remove(bob, carols)), Type::MessageDeleteOk);
        const QJsonObject byModerator = carol.waitForEvent(Type::MessageDeleted);
        QCOMPARE(byModerator[u"message"_s].toInteger(), carols);
        QCOMPARE(byModerator[u"by"_s].toString(), u"bob"_s);
        const QJsonArray log = alice.request(Type::AuditList)[u"entries"_s].toArray();
        QCOMPARE(log.first()[u"action"_s].toString(), u"delete"_s);
        QCOMPARE(log.first()[u"by"_s].toString(), u"bob"_s);
        QCOMPARE(log.first()[u"user"_s].toString(), u"carol"_s);
        QCOMPARE(log.first()[u"detail"_s].toString(), u"#general: message %1"_s.arg(carols));
        QCOMPARE(log.at(1)[u"action"_s].toString(), u"role"_s);
    }

    void aMutedMemberCannotPostUntilItEnds()
    {
        TestServer server;
        TestClient alice; // admin: the first
        TestClient bob;
        TestClient carol;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}, {&carol, u"carol"_s}}));
        QCOMPARE(typeOf(bob.request(Type::RoomCreate, {{u"name"_s, u"other"_s}})),
                 Type::RoomCreateOk);
        const auto mute = [](TestClient &who, const QString &name, qint64 minutes) {
            return who.request(Type::RoomMute, {{u"room"_s, u"general"_s},
                                                {u"user"_s, name},
                                                {u"minutes"_s, minutes},
                                                {u"reason"_s, u"cool down"_s}});
        };
        QCOMPARE(codeOf(mute(carol, u"bob"_s, 10)), u"forbidden"_s);
        QCOMPARE(codeOf(mute(alice, u"bob"_s, 0)), u"invalid_field"_s);
        QCOMPARE(codeOf(mute(alice, u"bob"_s, 30 * 24 * 60 + 1)), u"invalid_field"_s);

        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QJsonObject muted = mute(alice, u"bob"_s, 10);
        QCOMPARE(typeOf(muted), Type::RoomMuteOk);
        const qint64 until = muted[u"until"_s].toInteger();
        QVERIFY(until >= before + 10 * 60 * 1000);
        for (TestClient *member : {&bob, &carol}) {
            const QJsonObject event = member->waitForEvent(Type::MemberMuted);
            QCOMPARE(event[u"user"_s].toString(), u"bob"_s);
            QCOMPARE(event[u"by"_s].toString(), u"alice"_s);
            QCOMPARE(event[u"until"_s].toInteger(), until);
            QCOMPARE(event[u"reason"_s].toString(), u"cool down"_s);
        }
        QCOMPARE(codeOf(bob.send(u"general"_s, u"but why"_s)), u"muted"_s);
        QCOMPARE(codeOf(bob.send(u"general"_s, u"/help"_s)), u"muted"_s); // commands too
        QCOMPARE(typeOf(bob.send(u"other"_s, u"elsewhere I may"_s)), Type::MessageSendOk);
        const QJsonObject rejoined = bob.request(Type::RoomJoin, {{u"room"_s, u"general"_s}});
        QCOMPARE(rejoined[u"mutedUntil"_s].toInteger(), until);
        QVERIFY(
            !carol.request(Type::RoomJoin, {{u"room"_s, u"general"_s}}).contains(u"mutedUntil"_s));

        const QJsonObject unmuted =
            alice.request(Type::RoomUnmute, {{u"room"_s, u"general"_s}, {u"user"_s, u"bob"_s}});
        QCOMPARE(typeOf(unmuted), Type::RoomUnmuteOk);
        QCOMPARE(bob.waitForEvent(Type::MemberUnmuted)[u"by"_s].toString(), u"alice"_s);
        QCOMPARE(typeOf(bob.send(u"general"_s, u"thanks"_s)), Type::MessageSendOk);
        const QJsonArray log = alice.request(Type::AuditList)[u"entries"_s].toArray();
        QCOMPARE(log.at(0)[u"action"_s].toString(), u"unmute"_s);
        QCOMPARE(log.at(1)[u"action"_s].toString(), u"mute"_s);
        QVERIFY(log.at(1)[u"detail"_s].toString().startsWith(u"#general until "_s));
        QVERIFY(log.at(1)[u"detail"_s].toString().endsWith(u": cool down"_s));
    }

    void aMuteOutlivesARestartAndEndsOnItsOwn()
    {
        TestServer server;
        {
            TestClient alice;
            TestClient bob;
            QVERIFY(alice.connectAs(server.url(), u"alice"_s));
            QVERIFY(bob.connectAs(server.url(), u"bob"_s));
            QCOMPARE(typeOf(alice.request(
                         Type::RoomMute,
                         {{u"room"_s, u"general"_s}, {u"user"_s, u"bob"_s}, {u"minutes"_s, 60}})),
                     Type::RoomMuteOk);
        }
        server.restart();
        TestClient bob;
        QVERIFY(bob.open(server.url()));
        QCOMPARE(typeOf(bob.login(u"bob"_s, u"correct horse"_s)), Type::LoginOk);
        QCOMPARE(codeOf(bob.send(u"general"_s, u"after the restart"_s)), u"muted"_s);

        // The same mute, stored to end in a moment: it ends without anyone lifting it.
        const qint64 soon = QDateTime::currentMSecsSinceEpoch() + 1500;
        server.storage().blocking([soon](Storage &storage) {
            storage.setMute(
                {storage.roomByName(u"general"_s)->id, storage.userByName(u"bob"_s)->id, soon},
                storage.userByName(u"alice"_s)->id);
        });
        server.restart();
        TestClient again;
        QVERIFY(again.open(server.url()));
        QCOMPARE(typeOf(again.login(u"bob"_s, u"correct horse"_s)), Type::LoginOk);
        QCOMPARE(codeOf(again.send(u"general"_s, u"too early"_s)), u"muted"_s);
        QTest::qWait(static_cast<int>(soon - QDateTime::currentMSecsSinceEpoch()) + 100);
        QCOMPARE(typeOf(again.send(u"general"_s, u"free again"_s)), Type::MessageSendOk);
    }
};

FINCHAT_SERVER_TEST_MAIN(TestModeration)
#include "tst_moderation.moc"
