#include "testclient.h"
#include "testserver.h"

#include "storage/storage.h"
#include "storage/storagethread.h"

#include "finchat/protocol/messages.h"

#include <QJsonArray>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {

QJsonObject userIn(const QJsonObject &reply)
{
    return reply.value(u"user"_s).toObject();
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
        TestClient alice;
        TestClient bob;
        TestClient carol;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s)); // admin
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        QVERIFY(carol.connectAs(server.url(), u"carol"_s));

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
        TestClient alice;
        TestClient bob;
        TestClient carol;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        QVERIFY(carol.connectAs(server.url(), u"carol"_s));
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
};

QTEST_GUILESS_MAIN(TestModeration)
#include "tst_moderation.moc"
