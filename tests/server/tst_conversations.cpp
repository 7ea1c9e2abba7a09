#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include "storage/storage.h"
#include "storage/storagethread.h"

#include "finchat/protocol/messages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {

qint64 idOf(const QJsonObject &sendReply)
{
    return sendReply[u"message"_s][u"id"_s].toInteger();
}

QJsonObject edit(TestClient &who, qint64 id, const QString &body)
{
    return who.request(Type::MessageEdit, {{u"message"_s, id}, {u"body"_s, body}});
}

QJsonObject reply(TestClient &who, const QString &room, const QString &body, qint64 to,
                  const QString &nonce = {})
{
    QJsonObject fields{{u"room"_s, room}, {u"body"_s, body}, {u"replyTo"_s, to}};
    if (!nonce.isEmpty())
        fields.insert(u"nonce"_s, nonce);
    return who.request(Type::MessageSend, fields);
}

// The room's latest messages as history.fetch gives them, oldest first.
QJsonArray historyOf(TestClient &who, const QString &room, int limit = 50)
{
    return who.request(Type::HistoryFetch, {{u"room"_s, room}, {u"limit"_s, limit}})
        .value(u"messages"_s)
        .toArray();
}

QJsonObject messageIn(const QJsonArray &messages, qint64 id)
{
    for (const QJsonValue &message : messages) {
        if (message[u"id"_s].toInteger() == id)
            return message.toObject();
    }
    return {};
}

QStringList namesIn(const QJsonArray &users)
{
    QStringList names;
    for (const QJsonValue &user : users)
        names.append(user[u"user"_s].toString());
    return names;
}

QString storedBody(TestServer &server, qint64 id)
{
    return server.storage().blocking(
        [id](Storage &storage) { return storage.messageById(id).value().body; });
}

} // namespace

// Edits, replies, profiles, the online list, the site's settings and the history length on
// join (issue 15), through the real server: each rule tried by someone it is meant to stop.
class TestConversations : public QObject
{
    Q_OBJECT

private slots:
    void authorsEditTheirMessages()
    {
        TestServer server;
        TestClient alice; // admin: the first
        TestClient bob;
        TestClient carol;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}, {&carol, u"carol"_s}}));
        const qint64 id = idOf(bob.send(u"general"_s, u"AAPL to the moom"_s, u"b-1"_s));
        QVERIFY(id > 0);

        const QJsonObject edited = edit(bob, id, u"AAPL to the moon"_s);
        QCOMPARE(typeOf(edited), Type::MessageEditOk);
        const QJsonObject now = edited[u"message"_s].toObject();
        QCOMPARE(now[u"id"_s].toInteger(), id);
        QCOMPARE(now[u"body"_s].toString(), u"AAPL to the moon"_s);
        QVERIFY(now[u"edited"_s].toInteger() >= now[u"ts"_s].toInteger());
        for (TestClient *member : {&alice, &bob, &carol}) {
            const QJsonObject event = member->waitForEvent(Type::MessageEdited);
            QCOMPARE(event[u"message"_s][u"body"_s].toString(), u"AAPL to the moon"_s);
            QCOMPARE(event[u"message"_s][u"id"_s].toInteger(), id);
        }
        // History gives the message as it now is; the old text is not kept, and a retried
        // nonce answers with the edited message.
        const QJsonObject inHistory = messageIn(historyOf(carol, u"general"_s), id);
        QCOMPARE(inHistory[u"body"_s].toString(), u"AAPL to the moon"_s);
        QCOMPARE(inHistory[u"edited"_s].toInteger(), now[u"edited"_s].toInteger());
        QCOMPARE(storedBody(server, id), u"AAPL to the moon"_s);
        QCOMPARE(bob.send(u"general"_s, u"AAPL to the moom"_s, u"b-1"_s)[u"message"_s][u"body"_s]
                     .toString(),
                 u"AAPL to the moon"_s);

        // Only the author edits, not even an admin; the text follows the rules of a message.
        QCOMPARE(codeOf(edit(carol, id, u"mine now"_s)), u"forbidden"_s);
        QCOMPARE(codeOf(edit(alice, id, u"mine now"_s)), u"forbidden"_s);
        QCOMPARE(codeOf(edit(bob, id, u"   "_s)), u"empty_message"_s);
        QCOMPARE(codeOf(edit(bob, id, QString(4001, u'x'))), u"message_too_long"_s);
        QCOMPARE(codeOf(edit(bob, id, u"/stock=aapl.us"_s)), u"invalid_field"_s);
        QCOMPARE(codeOf(edit(bob, id + 1000, u"hello"_s)), u"unknown_message"_s);
        QCOMPARE(codeOf(bob.request(Type::MessageEdit, {{u"message"_s, id}})), u"invalid_field"_s);
        QCOMPARE(storedBody(server, id), u"AAPL to the moon"_s);

        // The same text again changes nothing and tells nobody.
        QCOMPARE(typeOf(edit(bob, id, u"AAPL to the moon"_s)), Type::MessageEditOk);
        QVERIFY(carol.noEvent(Type::MessageEdited));

        // A muted author may not edit either; a deleted message cannot be edited.
        QCOMPARE(typeOf(alice.request(
                     Type::RoomMute,
                     {{u"room"_s, u"general"_s}, {u"user"_s, u"bob"_s}, {u"minutes"_s, 5}})),
                 Type::RoomMuteOk);
        QCOMPARE(codeOf(edit(bob, id, u"sneaky"_s)), u"muted"_s);
        QCOMPARE(typeOf(alice.request(Type::RoomUnmute,
                                      {{u"room"_s, u"general"_s}, {u"user"_s, u"bob"_s}})),
                 Type::RoomUnmuteOk);
        QCOMPARE(typeOf(bob.request(Type::MessageDelete, {{u"message"_s, id}})),
                 Type::MessageDeleteOk);
        QCOMPARE(codeOf(edit(bob, id, u"back"_s)), u"unknown_message"_s);
        QCOMPARE(storedBody(server, id), QString());
    }

    void theEditWindowAndTheMessageOfTheDayAreTheAdminsToSet()
    {
        TestServer server;
        TestClient alice;
        TestClient bob;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}}));
        // Every login carries the settings, the defaults until an admin changes them.
        TestClient bobsPhone;
        QVERIFY(bobsPhone.open(server.url()));
        const QJsonObject login = bobsPhone.login(u"bob"_s, u"correct horse"_s);
        QCOMPARE(login[u"settings"_s][u"motd"_s].toString(), QString());
        QCOMPARE(login[u"settings"_s][u"editMinutes"_s].toInteger(), 24 * 60);

        const auto update = [](TestClient &who, const QJsonObject &fields) {
            return who.request(Type::SettingsUpdate, fields);
        };
        QCOMPARE(codeOf(update(bob, {{u"motd"_s, u"free shares"_s}})), u"forbidden"_s);
        QCOMPARE(codeOf(update(alice, {{u"motd"_s, u"bell\u0007"_s}})), u"invalid_field"_s);
        QCOMPARE(codeOf(update(alice, {{u"motd"_s, QString(1001, u'm')}})), u"invalid_field"_s);
        QCOMPARE(codeOf(update(alice, {{u"editMinutes"_s, -1}})), u"invalid_field"_s);
        QCOMPARE(codeOf(update(alice, {})), u"invalid_field"_s); // nothing to change

        const QJsonObject set =
            update(alice, {{u"motd"_s, u"  Markets open at 9:30.\r\nBe kind.  "_s},
                           {u"editMinutes"_s, 0}});
        QCOMPARE(typeOf(set), Type::SettingsUpdateOk);
        QCOMPARE(set[u"settings"_s][u"motd"_s].toString(), u"Markets open at 9:30.\nBe kind."_s);
        for (TestClient *who : {&alice, &bob, &bobsPhone}) {
            const QJsonObject event = who->waitForEvent(Type::SettingsUpdated);
            QCOMPARE(event[u"settings"_s][u"editMinutes"_s].toInteger(), 0);
            QCOMPARE(event[u"by"_s].toString(), u"alice"_s);
        }
        // With the window closed nobody edits; a partial update keeps the rest.
        const qint64 id = idOf(bob.send(u"general"_s, u"typo"_s));
        QCOMPARE(codeOf(edit(bob, id, u"fixed"_s)), u"edit_expired"_s);
        QCOMPARE(update(alice, {{u"editMinutes"_s, 5}})[u"settings"_s][u"motd"_s].toString(),
                 u"Markets open at 9:30.\nBe kind."_s);
        QCOMPARE(typeOf(edit(bob, id, u"fixed"_s)), Type::MessageEditOk);

        // Audited without the text; kept across a restart and given to the next login.
        const QJsonArray log = alice.request(Type::AuditList)[u"entries"_s].toArray();
        QCOMPARE(log.at(0)[u"action"_s].toString(), u"settings"_s);
        QCOMPARE(log.at(0)[u"detail"_s].toString(), u"edit window 5 minutes"_s);
        QCOMPARE(log.at(1)[u"detail"_s].toString(),
                 u"message of the day changed; edit window 0 minutes"_s);
        server.restart();
        TestClient later;
        QVERIFY(later.open(server.url()));
        const QJsonObject again = later.login(u"bob"_s, u"correct horse"_s);
        QCOMPARE(again[u"settings"_s][u"motd"_s].toString(), u"Markets open at 9:30.\nBe kind."_s);
        QCOMPARE(again[u"settings"_s][u"editMinutes"_s].toInteger(), 5);
    }

    void repliesQuoteWhatTheyAnswer()
    {
        TestServer server;
        TestClient alice;
        TestClient bob;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}}));
        const QString longText = u"📈"_s.repeated(250);
        const qint64 original = idOf(alice.send(u"general"_s, longText));
        const QJsonObject answered = reply(bob, u"general"_s, u"agreed"_s, original, u"r-1"_s);
        QCOMPARE(typeOf(answered), Type::MessageSendOk);
        const QJsonObject quote = answered[u"message"_s][u"reply"_s].toObject();
        QCOMPARE(quote[u"id"_s].toInteger(), original);
        QCOMPARE(quote[u"user"_s].toString(), u"alice"_s);
        // Cut to 200 characters (not UTF-16 units: each chart emoji is two) and an ellipsis.
        QCOMPARE(quote[u"body"_s].toString(), u"📈"_s.repeated(200) + QChar(0x2026));
        alice.waitForEvent(Type::MessageNew); // her own
        QCOMPARE(
            alice.waitForEvent(Type::MessageNew)[u"message"_s][u"reply"_s][u"id"_s].toInteger(),
            original);
        const qint64 replyId = idOf(answered);

        // History shows the quote as the original now is: edited, then deleted.
        QCOMPARE(typeOf(edit(alice, original, u"AAPL beats"_s)), Type::MessageEditOk);
        QCOMPARE(messageIn(historyOf(bob, u"general"_s), replyId)[u"reply"_s][u"body"_s].toString(),
                 u"AAPL beats"_s);
        QCOMPARE(typeOf(alice.request(Type::MessageDelete, {{u"message"_s, original}})),
                 Type::MessageDeleteOk);
        const QJsonObject afterDeletion =
            messageIn(historyOf(bob, u"general"_s), replyId)[u"reply"_s].toObject();
        QCOMPARE(afterDeletion[u"deleted"_s].toBool(), true);
        QCOMPARE(afterDeletion[u"body"_s].toString(), QString());
        QCOMPARE(afterDeletion[u"id"_s].toInteger(), original);

        // A retried reply is the same message, though what it answers is gone now.
        const QJsonObject retried = reply(bob, u"general"_s, u"agreed"_s, original, u"r-1"_s);
        QCOMPARE(retried[u"duplicate"_s].toBool(), true);
        QCOMPARE(idOf(retried), replyId);

        // Nobody answers a deleted message, one that does not exist, or one in another room.
        QCOMPARE(codeOf(reply(bob, u"general"_s, u"late"_s, original)), u"unknown_message"_s);
        QCOMPARE(codeOf(reply(bob, u"general"_s, u"what?"_s, replyId + 1000)),
                 u"unknown_message"_s);
        QCOMPARE(typeOf(alice.request(Type::RoomCreate, {{u"name"_s, u"desk"_s}})),
                 Type::RoomCreateOk);
        const qint64 elsewhere = idOf(alice.send(u"desk"_s, u"private desk talk"_s));
        const QJsonObject crossRoom = reply(bob, u"general"_s, u"leak it"_s, elsewhere);
        QCOMPARE(codeOf(crossRoom), u"unknown_message"_s);
        QVERIFY(!crossRoom[u"message"_s].toString().contains(u"private"_s));
        QCOMPARE(codeOf(reply(bob, u"general"_s, u"x"_s, 0)), u"invalid_field"_s);
        const int stored = server.storedMessageCount();
        // A command that answers something is still a command: routed, never stored.
        QVERIFY(reply(bob, u"general"_s, u"/help"_s, replyId)[u"command"_s].isObject());
        QCOMPARE(server.storedMessageCount(), stored);
    }

    void profilesShowWhatPeopleShare()
    {
        TestServer server;
        TestClient alice;
        TestClient bob;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}}));
        const auto profile = [](TestClient &who, const QString &user = {}) {
            return who.request(Type::ProfileGet,
                               user.isNull() ? QJsonObject{} : QJsonObject{{u"user"_s, user}});
        };
        const QJsonObject updated =
            bob.request(Type::ProfileUpdate, {{u"bio"_s, u"  Swing trader.\nLikes   bonds.  "_s}});
        QCOMPARE(typeOf(updated), Type::ProfileUpdateOk);
        QCOMPARE(codeOf(bob.request(Type::ProfileUpdate, {{u"bio"_s, QString(301, u'b')}})),
                 u"invalid_field"_s);
        QCOMPARE(codeOf(bob.request(Type::ProfileUpdate, {{u"bio"_s, u"\u0000"_s}})),
                 u"invalid_field"_s);

        QCOMPARE(typeOf(alice.request(Type::RoomCreate, {{u"name"_s, u"desk"_s}})),
                 Type::RoomCreateOk);
        QJsonObject bobs = profile(alice, u"BOB"_s); // names are case-insensitive
        QCOMPARE(typeOf(bobs), Type::ProfileGetOk);
        QCOMPARE(bobs[u"user"_s].toString(), u"bob"_s);
        QCOMPARE(bobs[u"bio"_s].toString(), u"Swing trader. Likes bonds."_s);
        QCOMPARE(bobs[u"online"_s].toBool(), true);
        QVERIFY(bobs[u"createdAt"_s].toInteger() > 0);
        // Only the rooms both are in: alice's desk is not bob's business.
        QCOMPARE(bobs[u"rooms"_s].toArray(), QJsonArray{u"general"_s});
        QCOMPARE(typeOf(bob.request(Type::RoomJoin, {{u"room"_s, u"desk"_s}})), Type::RoomJoinOk);
        QCOMPARE(profile(alice, u"bob"_s)[u"rooms"_s].toArray(),
                 (QJsonArray{u"desk"_s, u"general"_s}));
        QCOMPARE(profile(bob)[u"user"_s].toString(), u"bob"_s); // one's own

        QCOMPARE(codeOf(profile(alice, u"nobody"_s)), u"unknown_user"_s);
        QCOMPARE(codeOf(profile(alice, u"../etc"_s)), u"unknown_user"_s);
        bob.closeSocket();
        QTRY_COMPARE(profile(alice, u"bob"_s)[u"online"_s].toBool(), false);
    }

    void theOnlineListPagesEveryoneHere()
    {
        TestServer server;
        TestClient clients[5];
        const QStringList names{u"erin"_s, u"alice"_s, u"dave"_s, u"carol"_s, u"bob"_s};
        for (int i = 0; i < 5; ++i)
            QVERIFY(clients[i].connectAs(server.url(), names.at(i)));
        TestClient &erin = clients[0];
        QCOMPARE(typeOf(erin.request(Type::RoomLeave, {{u"room"_s, u"general"_s}})),
                 Type::RoomLeaveOk);

        // Erin shares no room with anybody, yet sees everyone here, by name, a page at a time.
        const QJsonObject first = erin.request(Type::UsersOnline, {{u"limit"_s, 2}});
        QCOMPARE(namesIn(first[u"users"_s].toArray()), (QStringList{u"alice"_s, u"bob"_s}));
        QCOMPARE(first[u"hasMore"_s].toBool(), true);
        const QJsonObject rest =
            erin.request(Type::UsersOnline, {{u"after"_s, u"bob"_s}, {u"limit"_s, 3}});
        QCOMPARE(namesIn(rest[u"users"_s].toArray()),
                 (QStringList{u"carol"_s, u"dave"_s, u"erin"_s}));
        QCOMPARE(rest[u"hasMore"_s].toBool(), false);
        QCOMPARE(codeOf(erin.request(Type::UsersOnline, {{u"limit"_s, 201}})), u"invalid_field"_s);

        clients[2].closeSocket(); // dave
        QTRY_COMPARE(namesIn(erin.request(Type::UsersOnline)[u"users"_s].toArray()),
                     (QStringList{u"alice"_s, u"bob"_s, u"carol"_s, u"erin"_s}));
    }

    void joiningAsksForAsMuchHistoryAsItWants()
    {
        TestServer server(TestServer::generousLimits());
        TestClient alice;
        TestClient bob;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}}));
        QCOMPARE(typeOf(alice.request(Type::RoomCreate, {{u"name"_s, u"tape"_s}})),
                 Type::RoomCreateOk);
        for (int i = 1; i <= 120; ++i)
            QVERIFY(idOf(alice.send(u"tape"_s, u"tick %1"_s.arg(i))) > 0);
        const auto join = [&bob](const QJsonObject &extra) {
            QJsonObject fields{{u"room"_s, u"tape"_s}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                fields.insert(it.key(), it.value());
            return bob.request(Type::RoomJoin, fields);
        };
        const QJsonObject usual = join({});
        QCOMPARE(usual[u"messages"_s].toArray().size(), 50);
        QCOMPARE(usual[u"hasMore"_s].toBool(), true);
        const QJsonObject more = join({{u"history"_s, 100}});
        QCOMPARE(more[u"messages"_s].toArray().size(), 100);
        QCOMPARE(more[u"messages"_s].toArray().last()[u"body"_s].toString(), u"tick 120"_s);
        QCOMPARE(more[u"hasMore"_s].toBool(), true);
        const QJsonObject all = join({{u"history"_s, 500}});
        QCOMPARE(all[u"messages"_s].toArray().size(), 120);
        QCOMPARE(all[u"messages"_s].toArray().first()[u"body"_s].toString(), u"tick 1"_s);
        QCOMPARE(all[u"hasMore"_s].toBool(), false);
        QCOMPARE(join({{u"history"_s, 1}})[u"messages"_s].toArray().size(), 1);
        for (const QJsonValue &wrong :
             {QJsonValue(0), QJsonValue(501), QJsonValue(-1), QJsonValue(u"all"_s)})
            QCOMPARE(codeOf(join({{u"history"_s, wrong}})), u"invalid_field"_s);
    }

    void searchFindsOnlyWhatTheSearcherMayRead()
    {
        TestServer server(TestServer::generousLimits());
        TestClient alice;
        TestClient bob;
        TestClient carol;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}, {&carol, u"carol"_s}}));
        const auto search = [](TestClient &who, const QString &query,
                               const QJsonObject &more = {}) {
            QJsonObject fields{{u"query"_s, query}};
            for (auto it = more.begin(); it != more.end(); ++it)
                fields.insert(it.key(), it.value());
            return who.request(Type::MessageSearch, fields);
        };
        const auto found = [](const QJsonObject &reply) {
            QStringList bodies;
            for (const QJsonValue &hit : reply[u"results"_s].toArray())
                bodies.append(hit[u"message"_s][u"body"_s].toString());
            return bodies;
        };
        const qint64 beat = idOf(bob.send(u"general"_s, u"AAPL beat estimates"_s));
        bob.send(u"general"_s, u"Apple earnings tomorrow; Müller says hold"_s);
        QCOMPARE(typeOf(alice.request(Type::RoomCreate, {{u"name"_s, u"desk"_s}})),
                 Type::RoomCreateOk);
        alice.send(u"desk"_s, u"AAPL: our position is 10k shares"_s);

        // carol is not in #desk: she finds general's message only, with where the word is.
        const QJsonObject carols = search(carol, u"aapl"_s);
        QCOMPARE(typeOf(carols), Type::MessageSearchOk);
        QCOMPARE(found(carols), QStringList{u"AAPL beat estimates"_s});
        const QJsonObject hit = carols[u"results"_s].toArray().first().toObject();
        QCOMPARE(hit[u"message"_s][u"id"_s].toInteger(), beat);
        QCOMPARE(hit[u"message"_s][u"room"_s].toString(), u"general"_s);
        QCOMPARE(hit[u"highlights"_s].toArray(),
                 (QJsonArray{QJsonObject{{u"start"_s, 0}, {u"length"_s, 4}}}));
        QCOMPARE(codeOf(search(carol, u"aapl"_s, {{u"room"_s, u"desk"_s}})), u"not_a_member"_s);
        // alice is in both; a room narrows it.
        QCOMPARE(found(search(alice, u"aapl"_s)).size(), 2);
        QCOMPARE(found(search(alice, u"AAPL position"_s, {{u"room"_s, u"desk"_s}})),
                 QStringList{u"AAPL: our position is 10k shares"_s});
        QCOMPARE(found(search(alice, u"aapl"_s, {{u"room"_s, u"general"_s}})),
                 QStringList{u"AAPL beat estimates"_s});
        // Words are found by their start, without regard to case or accents.
        QCOMPARE(found(search(carol, u"app MULLER"_s)),
                 QStringList{u"Apple earnings tomorrow; Müller says hold"_s});

        // An edit is found by its new words only; a deleted message is not found at all; a
        // room left is searched no more.
        QCOMPARE(typeOf(edit(bob, beat, u"AAPL missed estimates"_s)), Type::MessageEditOk);
        QCOMPARE(found(search(carol, u"beat"_s)), QStringList());
        QCOMPARE(found(search(carol, u"missed"_s)), QStringList{u"AAPL missed estimates"_s});
        QCOMPARE(typeOf(bob.request(Type::MessageDelete, {{u"message"_s, beat}})),
                 Type::MessageDeleteOk);
        QCOMPARE(found(search(carol, u"missed"_s)), QStringList());
        QCOMPARE(typeOf(alice.request(Type::RoomLeave, {{u"room"_s, u"desk"_s}})),
                 Type::RoomLeaveOk);
        QCOMPARE(found(search(alice, u"position"_s)), QStringList());

        // What people type is never FTS5 syntax: nothing they type makes the search fail.
        for (const QString &typed : {u"\"unbalanced"_s, u"AND OR NOT"_s, u"body:apple"_s,
                                     u"NEAR(apple"_s, u"apple*)"_s, u"-apple ^"_s})
            QCOMPARE(typeOf(search(carol, typed)), Type::MessageSearchOk);
        QCOMPARE(found(search(carol, u"apple*)"_s)).size(), 1); // only words count
        for (const QString &wordless : {u"***"_s, u"  "_s, u"\"\""_s})
            QCOMPARE(codeOf(search(carol, wordless)), u"invalid_field"_s);
        QCOMPARE(codeOf(search(carol, u"x"_s, {{u"limit"_s, 51}})), u"invalid_field"_s);
        QCOMPARE(codeOf(search(carol, u"x"_s, {{u"offset"_s, 501}})), u"invalid_field"_s);

        // Pages of results follow each other without a repeat.
        for (int i = 1; i <= 30; ++i)
            bob.send(u"general"_s, u"tick %1"_s.arg(i));
        const QJsonObject first = search(carol, u"tick"_s);
        QCOMPARE(first[u"results"_s].toArray().size(), 20);
        QCOMPARE(first[u"hasMore"_s].toBool(), true);
        const QJsonObject second = search(carol, u"tick"_s, {{u"offset"_s, 20}});
        QCOMPARE(second[u"hasMore"_s].toBool(), false);
        const QStringList firstPage = found(first);
        QSet<QString> seen(firstPage.cbegin(), firstPage.cend());
        for (const QString &body : found(second))
            QVERIFY2(!seen.contains(body), qPrintable(body));
        QCOMPARE(seen.size() + found(second).size(), 30);
    }

    void historyOpensAroundAMessage()
    {
        TestServer server(TestServer::generousLimits());
        TestClient alice;
        TestClient bob;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}}));
        QList<qint64> ids;
        for (int i = 1; i <= 40; ++i)
            ids.append(idOf(alice.send(u"general"_s, u"m%1"_s.arg(i))));
        const auto around = [&bob](qint64 id, int limit) {
            return bob.request(Type::HistoryFetch,
                               {{u"room"_s, u"general"_s}, {u"around"_s, id}, {u"limit"_s, limit}});
        };
        const auto bodies = [](const QJsonObject &page) {
            QStringList list;
            for (const QJsonValue &message : page[u"messages"_s].toArray())
                list.append(message[u"body"_s].toString());
            return list;
        };
        const QJsonObject middle = around(ids.at(19), 5); // m20
        QCOMPARE(bodies(middle), (QStringList{u"m18"_s, u"m19"_s, u"m20"_s, u"m21"_s, u"m22"_s}));
        QCOMPARE(middle[u"hasMore"_s].toBool(), true);
        QCOMPARE(middle[u"hasNewer"_s].toBool(), true);
        const QJsonObject newest = around(ids.last(), 5);
        QCOMPARE(bodies(newest), (QStringList{u"m38"_s, u"m39"_s, u"m40"_s}));
        QCOMPARE(newest[u"hasNewer"_s].toBool(), false);
        const QJsonObject oldest = around(ids.first(), 4);
        QCOMPARE(bodies(oldest), (QStringList{u"m1"_s, u"m2"_s, u"m3"_s}));
        QCOMPARE(oldest[u"hasMore"_s].toBool(), false);
        QCOMPARE(bodies(around(ids.at(9), 1)), QStringList{u"m10"_s});

        // Only a message of that room, and only for its members.
        QCOMPARE(typeOf(alice.request(Type::RoomCreate, {{u"name"_s, u"desk"_s}})),
                 Type::RoomCreateOk);
        const qint64 secret = idOf(alice.send(u"desk"_s, u"desk only"_s));
        QCOMPARE(codeOf(around(secret, 5)), u"unknown_message"_s);
        QCOMPARE(codeOf(bob.request(Type::HistoryFetch,
                                    {{u"room"_s, u"desk"_s}, {u"around"_s, secret}})),
                 u"not_a_member"_s);
        QCOMPARE(codeOf(bob.request(Type::HistoryFetch, {{u"room"_s, u"general"_s},
                                                         {u"around"_s, ids.first()},
                                                         {u"before"_s, ids.last()}})),
                 u"invalid_field"_s);
    }

    void directMessagesArePrivateToTheirMembers()
    {
        TestServer server;
        TestClient alice; // the admin: not even she may look in
        TestClient bob;
        TestClient carol;
        QVERIFY(connectAll(server, {{&alice, u"alice"_s}, {&bob, u"bob"_s}, {&carol, u"carol"_s}}));
        const QJsonObject opened =
            bob.request(Type::DmOpen, {{u"users"_s, QJsonArray{u"Carol"_s}}});
        QCOMPARE(typeOf(opened), Type::DmOpenOk);
        const QString dm = opened[u"room"_s][u"name"_s].toString();
        QVERIFY(dm.startsWith(u"dm:"_s));
        QCOMPARE(opened[u"room"_s][u"direct"_s].toBool(), true);
        QCOMPARE(namesIn(opened[u"members"_s].toArray()), (QStringList{u"bob"_s, u"carol"_s}));
        // Both are told, nobody else; opening it again, from either side, is the same one.
        QCOMPARE(carol.waitForEvent(Type::DmOpened)[u"by"_s].toString(), u"bob"_s);
        QCOMPARE(bob.waitForEvent(Type::DmOpened)[u"room"_s][u"name"_s].toString(), dm);
        QVERIFY(alice.noEvent(Type::DmOpened));
        QVERIFY(alice.noEvent(Type::RoomCreated, 0));
        QCOMPARE(
            carol.request(Type::DmOpen, {{u"users"_s, QJsonArray{u"bob"_s}}})[u"room"_s][u"name"_s]
                .toString(),
            dm);
        QVERIFY(bob.noEvent(Type::DmOpened));

        // The two talk as in any room: messages, replies, edits, history, search.
        const qint64 secret = idOf(bob.send(dm, u"my NVDA position is 5k shares"_s));
        QVERIFY(secret > 0);
        QCOMPARE(carol.waitForEvent(Type::MessageNew)[u"message"_s][u"room"_s].toString(), dm);
        QCOMPARE(typeOf(reply(carol, dm, u"nice"_s, secret)), Type::MessageSendOk);
        QCOMPARE(typeOf(edit(bob, secret, u"my NVDA position is 6k shares"_s)),
                 Type::MessageEditOk);
        QCOMPARE(historyOf(carol, dm).size(), 2);
        QCOMPARE(carol.request(Type::MessageSearch, {{u"query"_s, u"nvda"_s}})[u"results"_s]
                     .toArray()
                     .size(),
                 1);

        // alice tries every request that names a room or a message: to her it does not
        // exist, and nothing of it shows.
        const auto refused = [&alice](const QString &type, const QJsonObject &fields) {
            const QJsonObject answer = alice.request(type, fields);
            const QString text = QString::fromUtf8(QJsonDocument(answer).toJson());
            return typeOf(answer) == Type::Error && !text.contains(u"NVDA"_s) &&
                           !text.contains(u"bob"_s) && !text.contains(u"carol"_s)
                       ? codeOf(answer)
                       : u"leaked: "_s + text;
        };
        const QJsonObject inDm{{u"room"_s, dm}};
        QCOMPARE(refused(Type::RoomJoin, inDm), u"unknown_room"_s);
        QCOMPARE(refused(Type::RoomLeave, inDm), u"unknown_room"_s);
        QCOMPARE(refused(Type::HistoryFetch, inDm), u"unknown_room"_s);
        QCOMPARE(refused(Type::HistoryFetch, {{u"room"_s, dm}, {u"around"_s, secret}}),
                 u"unknown_room"_s);
        QCOMPARE(refused(Type::HistoryFetch, {{u"room"_s, u"general"_s}, {u"around"_s, secret}}),
                 u"unknown_message"_s);
        QCOMPARE(refused(Type::MessageSend, {{u"room"_s, dm}, {u"body"_s, u"hi"_s}}),
                 u"unknown_room"_s);
        QCOMPARE(refused(Type::MessageSend,
                         {{u"room"_s, u"general"_s}, {u"body"_s, u"hi"_s}, {u"replyTo"_s, secret}}),
                 u"unknown_message"_s);
        QCOMPARE(refused(Type::MessageEdit, {{u"message"_s, secret}, {u"body"_s, u"x"_s}}),
                 u"forbidden"_s);
        QCOMPARE(refused(Type::MessageDelete, {{u"message"_s, secret}}), u"unknown_message"_s);
        QCOMPARE(refused(Type::MessageSearch, {{u"query"_s, u"nvda"_s}, {u"room"_s, dm}}),
                 u"unknown_room"_s);
        QCOMPARE(alice.request(Type::MessageSearch, {{u"query"_s, u"nvda"_s}})[u"results"_s]
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(refused(Type::RoomTopic, {{u"room"_s, dm}, {u"topic"_s, u"mine"_s}}),
                 u"unknown_room"_s);
        QCOMPARE(refused(Type::RoomKick, {{u"room"_s, dm}, {u"user"_s, u"bob"_s}}),
                 u"unknown_room"_s);
        QCOMPARE(
            refused(Type::RoomMute, {{u"room"_s, dm}, {u"user"_s, u"bob"_s}, {u"minutes"_s, 5}}),
            u"unknown_room"_s);
        QCOMPARE(refused(Type::RoomUnmute, {{u"room"_s, dm}, {u"user"_s, u"bob"_s}}),
                 u"unknown_room"_s);
        QVERIFY(!refused(Type::AlertAdd, {{u"code"_s, u"nvda.us"_s},
                                          {u"direction"_s, u"above"_s},
                                          {u"price"_s, 1000},
                                          {u"room"_s, dm}})
                     .startsWith(u"leaked"_s)); // no bot here: unknown_command
        QCOMPARE(refused(Type::RoomCreate, {{u"name"_s, dm}}), u"invalid_room_name"_s);
        for (const QJsonValue &room : alice.request(Type::RoomsList)[u"rooms"_s].toArray())
            QVERIFY(!room[u"name"_s].toString().startsWith(u"dm:"_s));
        QCOMPARE(alice.request(Type::ProfileGet, {{u"user"_s, u"bob"_s}})[u"rooms"_s].toArray(),
                 QJsonArray{u"general"_s});
        QVERIFY(alice.noEvent(Type::MessageNew, 0));
        // A member cannot leave it, nor moderate it.
        QCOMPARE(codeOf(bob.request(Type::RoomLeave, inDm)), u"forbidden"_s);
        QCOMPARE(codeOf(bob.request(Type::RoomKick, {{u"room"_s, dm}, {u"user"_s, u"carol"_s}})),
                 u"unknown_room"_s);

        // Who may be written to: people who exist, are not banned and are not bots; a few at
        // once; oneself only with someone else.
        const auto open = [&bob](const QJsonArray &users) {
            return bob.request(Type::DmOpen, {{u"users"_s, users}});
        };
        QCOMPARE(codeOf(open({u"nobody"_s})), u"unknown_user"_s);
        QCOMPARE(codeOf(open({u"../x"_s})), u"unknown_user"_s);
        QCOMPARE(codeOf(open({u"bob"_s})), u"invalid_field"_s);
        QCOMPARE(codeOf(open({})), u"invalid_field"_s);
        QJsonArray nine;
        for (int i = 1; i <= 9; ++i)
            nine.append(u"person%1"_s.arg(i));
        QCOMPARE(codeOf(open(nine)), u"invalid_field"_s);
        // A group: the three of them, a conversation of its own.
        const QJsonObject group = open({u"carol"_s, u"alice"_s});
        QCOMPARE(typeOf(group), Type::DmOpenOk);
        QVERIFY(group[u"room"_s][u"name"_s].toString() != dm);
        QCOMPARE(namesIn(group[u"members"_s].toArray()),
                 (QStringList{u"alice"_s, u"bob"_s, u"carol"_s}));
        QCOMPARE(alice.waitForEvent(Type::DmOpened)[u"room"_s][u"name"_s].toString(),
                 group[u"room"_s][u"name"_s].toString());
        // In a conversation she is in, the admin is one of its people: nobody moderates it,
        // so she deletes her own messages there and nobody else's.
        const QString groupRoom = group[u"room"_s][u"name"_s].toString();
        const qint64 bobsInGroup = idOf(bob.send(groupRoom, u"lunch?"_s));
        QCOMPARE(codeOf(alice.request(Type::MessageDelete, {{u"message"_s, bobsInGroup}})),
                 u"forbidden"_s);
        QVERIFY(bob.noEvent(Type::MessageDeleted));
        QCOMPARE(historyOf(bob, groupRoom).first()[u"body"_s].toString(), u"lunch?"_s);
        const qint64 alicesInGroup = idOf(alice.send(groupRoom, u"sure"_s));
        QCOMPARE(typeOf(alice.request(Type::MessageDelete, {{u"message"_s, alicesInGroup}})),
                 Type::MessageDeleteOk);

        // After a restart it is still theirs: listed in their login, loaded by a join.
        server.restart();
        TestClient again;
        QVERIFY(again.open(server.url()));
        const QJsonObject login = again.login(u"carol"_s, u"correct horse"_s);
        QVERIFY(login[u"rooms"_s].toArray().contains(QJsonValue(dm)));
        const QJsonObject reloaded = again.request(Type::RoomJoin, inDm);
        QCOMPARE(reloaded[u"room"_s][u"direct"_s].toBool(), true);
        QCOMPARE(reloaded[u"messages"_s].toArray().size(), 2);
        TestClient aliceAgain;
        QVERIFY(aliceAgain.open(server.url()));
        QVERIFY(!aliceAgain.login(u"alice"_s, u"correct horse"_s)[u"rooms"_s].toArray().contains(
            QJsonValue(dm)));
        QCOMPARE(codeOf(aliceAgain.request(Type::RoomJoin, inDm)), u"unknown_room"_s);
    }
};

FINCHAT_SERVER_TEST_MAIN(TestConversations)
#include "tst_conversations.moc"
