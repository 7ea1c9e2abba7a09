#include "clientaccounts.h"
#include "core/chatclient.h"
#include "core/errortext.h"
#include "core/membermodel.h"
#include "core/messagemodel.h"
#include "core/roomlistmodel.h"
#include "filesizelimit.h"
#include "scriptedserver.h"
#include "storage/auditedchanges.h"
#include "testclient.h"
#include "testserver.h"

#include "finchat/protocol/messages.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <qcoro/qcorotask.h>

using namespace FinChat;
using namespace FinChat::Client;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {

QStringList bodies(const MessageModel &model)
{
    QStringList result;
    for (const ChatMessage &message : model.messages())
        result.append(message.body);
    return result;
}

QList<qint64> ids(const MessageModel &model)
{
    QList<qint64> result;
    for (const ChatMessage &message : model.messages())
        result.append(message.id);
    return result;
}

// The room's stored messages as the server has them, oldest first.
QList<qint64> storedIds(StorageThread &storage)
{
    QList<qint64> result;
    const auto records = storage.blocking(
        [](Storage &opened) { return opened.messagesBefore(1, std::nullopt, 100'000); });
    for (const MessageRecord &record : records)
        result.append(record.id);
    return result;
}

// Messages the room got while the server was stopped (written to its database directly, as
// another process would), "missed 1" to "missed <count>" by the given user, in "general".
void writeWhileStopped(const TestServer &server, const QString &username, int count)
{
    Storage storage;
    storage.openSqlite(server.databasePath());
    const auto user = storage.userByName(username);
    const Author author{user->id, user->username, user->displayName, false};
    for (int i = 1; i <= count; ++i)
        storage.insertMessage(1, author, u"missed %1"_s.arg(i), {});
}

// Logs in to the scripted server, then drops the connection under the client; false when
// the login did not bring the client online.
bool logInThenDrop(ChatClient &client, ScriptedServer &server)
{
    QCoro::waitFor(client.logIn(server.url(), u"alice"_s, u"correct horse"_s));
    if (client.state() != ChatClient::State::Online)
        return false;
    server.dropConnections();
    return true;
}

} // namespace

class TestClientCore : public QObject
{
    Q_OBJECT

private slots:
    void logInJoinSendAndReceive()
    {
        TestServer server;
        ChatClient alice, bob;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        QCOMPARE(alice.state(), ChatClient::State::Online);
        QCOMPARE(alice.joinedRooms(), QStringList{u"general"_s});
        QVERIFY(!alice.token().isEmpty());
        QCOMPARE(alice.rooms()->rowCount(), 1);

        const QString nonce = alice.sendMessage(u"general"_s, u"gm, markets"_s);
        QVERIFY(!nonce.isEmpty());
        // Shown at once, as pending, then confirmed with the server's id.
        QCOMPARE(alice.messages(u"general"_s)->messages().last().status,
                 ChatMessage::Status::Pending);
        QTRY_COMPARE(alice.messages(u"general"_s)->messages().last().status,
                     ChatMessage::Status::Sent);
        QVERIFY(alice.messages(u"general"_s)->messages().last().id > 0);
        QCOMPARE(alice.outboxSize(), 0);

        QTRY_COMPARE(bodies(*bob.messages(u"general"_s)), QStringList{u"gm, markets"_s});
        QCOMPARE(bob.messages(u"general"_s)->index(0).data(MessageModel::OwnRole).toBool(), false);
        QCOMPARE(alice.messages(u"general"_s)->index(0).data(MessageModel::OwnRole).toBool(), true);
        QCOMPARE(alice.messages(u"general"_s)->rowCount(), 1); // the echo did not add a second copy
    }

    void loginErrorsAreReported()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        ChatClient again;
        const auto wrong =
            QCoro::waitFor(again.logIn(server.url(), u"alice"_s, u"wrong password"_s));
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.failure->is(Protocol::ErrorCode::BadCredentials));
        QCOMPARE(again.state(), ChatClient::State::Offline);
        QVERIFY(createAccount(again, server.url(), u"alice"_s)
                    .failure->is(Protocol::ErrorCode::UsernameTaken));

        const QUrl nowhere(u"ws://127.0.0.1:1"_s);
        const auto unreachable =
            QCoro::waitFor(again.logIn(nowhere, u"alice"_s, u"correct horse"_s));
        QVERIFY(unreachable.failure->is(Failure::Reason::Unreachable));

        const auto resumed = QCoro::waitFor(again.resume(server.url(), alice.token()));
        QVERIFY(resumed.ok());
        QCOMPARE(again.username(), u"alice"_s);
    }

    void historyPagesBackToTheFirstMessage()
    {
        TestServer server(TestServer::generousLimits());
        TestClient writer;
        QVERIFY(writer.connectAs(server.url(), u"writer"_s));
        for (int i = 1; i <= 120; ++i)
            QCOMPARE(typeOf(writer.send(u"general"_s, u"m%1"_s.arg(i))), Type::MessageSendOk);

        ChatClient reader;
        QVERIFY(createAccount(reader, server.url(), u"reader"_s).ok());
        MessageModel &model = *reader.messages(u"general"_s);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.messages().first().body, u"m71"_s);
        QVERIFY(model.hasOlder());
        QSignalSpy loaded(&reader, &ChatClient::olderLoaded);
        while (model.hasOlder()) {
            const qsizetype before = loaded.size();
            reader.fetchOlder(u"general"_s);
            QVERIFY(model.isLoadingOlder());
            reader.fetchOlder(u"general"_s); // ignored while one is under way
            QTRY_COMPARE(loaded.size(), before + 1);
        }
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(model.rowCount(), 120);
        QCOMPARE(ids(model), storedIds(server.storage()));
        QCOMPARE(model.messages().first().body, u"m1"_s);
    }

    void reconnectsResendsTheOutboxOnceAndCatchesUp()
    {
        TestServer server(TestServer::generousLimits());
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        TestClient carol;
        QVERIFY(carol.connectAs(server.url(), u"carol"_s));
        QCOMPARE(typeOf(carol.send(u"general"_s, u"before the outage"_s)), Type::MessageSendOk);
        QTRY_COMPARE(alice.messages(u"general"_s)->rowCount(), 1);

        server.stop();
        QTRY_COMPARE(alice.state(), ChatClient::State::Reconnecting);
        // Typed while offline: shown as pending, kept in the outbox.
        for (int i = 1; i <= 3; ++i)
            alice.sendMessage(u"general"_s, u"offline %1"_s.arg(i));
        QCOMPARE(alice.outboxSize(), 3);

        // Meanwhile the room moved on by more than one page.
        writeWhileStopped(server, u"carol"_s, 70);

        QSignalSpy caughtUp(&alice, &ChatClient::caughtUp);
        server.start();
        QVERIFY(caughtUp.wait(20'000));
        QCOMPARE(alice.state(), ChatClient::State::Online);
        QTRY_COMPARE(alice.outboxSize(), 0);

        // Every stored message exactly once, in the server's order, with no gap.
        MessageModel &model = *alice.messages(u"general"_s);
        QTRY_COMPARE(ids(model), storedIds(server.storage()));
        QCOMPARE(model.rowCount(), 1 + 70 + 3);
        QCOMPARE(bodies(model).count(u"offline 2"_s), 1);
        QCOMPARE(model.messages().at(1).body, u"missed 1"_s);
        for (const ChatMessage &message : model.messages())
            QCOMPARE(message.status, ChatMessage::Status::Sent);
        QCOMPARE(server.storedMessageCount(), 1 + 70 + 3);
    }

    // A message deleted while this client was away is a tombstone here too once it is back;
    // one both written and deleted meanwhile takes its place without being announced.
    void deletionsWhileAwayShowOnReturn()
    {
        TestServer server(TestServer::generousLimits());
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        TestClient carol;
        QVERIFY(carol.connectAs(server.url(), u"carol"_s));
        QCOMPARE(typeOf(carol.send(u"general"_s, u"my secret"_s)), Type::MessageSendOk);
        QTRY_COMPARE(bodies(*alice.messages(u"general"_s)), QStringList{u"my secret"_s});

        const auto unread = [&alice] {
            return alice.rooms()->dataOf(u"general"_s, RoomListModel::UnreadRole).toInt();
        };
        const int unreadBefore = unread();
        server.stop();
        QTRY_COMPARE(alice.state(), ChatClient::State::Reconnecting);
        writeWhileStopped(server, u"carol"_s, 2);
        {
            Storage storage;
            storage.openSqlite(server.databasePath());
            const qint64 carolId = storage.userByName(u"carol"_s)->id;
            for (const MessageRecord &message : storage.messagesBefore(1, std::nullopt, 10)) {
                if (message.body != u"missed 2"_s)
                    storage.deleteMessage(message.id, carolId);
            }
        }
        QSignalSpy caughtUp(&alice, &ChatClient::caughtUp);
        server.start();
        QVERIFY(caughtUp.wait(20'000));
        const MessageModel &model = *alice.messages(u"general"_s);
        QTRY_COMPARE(ids(model), storedIds(server.storage()));
        QCOMPARE(bodies(model), (QStringList{QString(), QString(), u"missed 2"_s}));
        QVERIFY(model.messages().at(0).deleted);
        QVERIFY(model.messages().at(1).deleted);
        QCOMPARE(unread(), unreadBefore + 1); // "missed 2" alone
    }

    void editsAndRepliesReachEveryoneAndSurviveBeingAway()
    {
        TestServer server(TestServer::generousLimits());
        ChatClient alice, bob;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok()); // the first: admin
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        const auto row = [](ChatClient &client, const QString &body) -> const ChatMessage * {
            for (const ChatMessage &message : client.messages(u"general"_s)->messages()) {
                if (message.body == body && message.id != 0)
                    return &message;
            }
            return nullptr;
        };
        alice.sendMessage(u"general"_s, u"TSLA 250 calls"_s);
        QTRY_VERIFY(row(bob, u"TSLA 250 calls"_s));
        const qint64 original = row(bob, u"TSLA 250 calls"_s)->id;

        // bob's reply shows its quote at once, and stored, on both sides.
        bob.sendMessage(u"general"_s, u"risky"_s, original);
        const auto pending = bob.messages(u"general"_s)->messages().last();
        QVERIFY(pending.reply && pending.reply->id == original);
        QCOMPARE(pending.reply->body, u"TSLA 250 calls"_s);
        QTRY_VERIFY(row(alice, u"risky"_s) && row(alice, u"risky"_s)->reply);
        QCOMPARE(row(alice, u"risky"_s)->reply->username, u"alice"_s);
        QTRY_VERIFY(row(bob, u"risky"_s));

        // alice edits: everyone's copy and the quote of it follow.
        alice.editMessage(original, u"TSLA 260 calls"_s);
        QTRY_VERIFY(row(bob, u"TSLA 260 calls"_s));
        QVERIFY(row(bob, u"TSLA 260 calls"_s)->edited);
        QCOMPARE(row(bob, u"risky"_s)->reply->body, u"TSLA 260 calls"_s);
        QVERIFY(bob.messages(u"general"_s)->index(0).data(MessageModel::EditedRole).toBool());
        // bob may not edit alice's message: the menu would not offer it, the server says no.
        QSignalSpy refused(&bob, &ChatClient::requestFailed);
        QVERIFY(!bob.canEdit(bob.messages(u"general"_s)->index(0)));
        QVERIFY(alice.canEdit(alice.messages(u"general"_s)->index(0)));
        bob.editMessage(original, u"mine"_s);
        QTRY_COMPARE(refused.count(), 1);

        // While bob is away alice edits again and deletes: his return shows both.
        server.stop();
        QTRY_COMPARE(bob.state(), ChatClient::State::Reconnecting);
        {
            Storage storage;
            storage.openSqlite(server.databasePath());
            storage.editMessage(original, u"TSLA 270 calls"_s);
        }
        QSignalSpy caughtUp(&bob, &ChatClient::caughtUp);
        server.start();
        QVERIFY(caughtUp.wait(20'000));
        QTRY_VERIFY(row(bob, u"TSLA 270 calls"_s));
        QCOMPARE(row(bob, u"risky"_s)->reply->body, u"TSLA 270 calls"_s);
        QTRY_COMPARE(alice.state(), ChatClient::State::Online);
        alice.deleteMessage(original);
        QTRY_VERIFY(row(bob, u"risky"_s)->reply->deleted);
        QVERIFY(!row(bob, u"TSLA 270 calls"_s));
    }

    void directConversationsAreListedCountedAndNotified()
    {
        TestServer server(TestServer::generousLimits());
        ChatClient alice, bob, carol;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        QVERIFY(createAccount(carol, server.url(), u"carol"_s).ok());
        QVERIFY(QCoro::waitFor(bob.changeDisplayName(u"Bob B."_s)).ok());
        const auto onlineIn = [](ChatClient &client, const QString &room) {
            return client.rooms()->dataOf(room, RoomListModel::OnlineRole).toInt();
        };

        // alice opens one with bob: listed and loaded on both sides, after the rooms, named
        // after the other. Its dm.opened comes before the answer: loaded once all the same.
        QSignalSpy alicesLoads(&alice, &ChatClient::roomJoined);
        const QString dm = QCoro::waitFor(alice.openDirect({u"bob"_s}));
        QVERIFY(dm.startsWith(u"dm:"_s));
        QTRY_VERIFY(alice.joinedRooms().contains(dm));
        QVERIFY(alice.rooms()->isDirect(dm));
        QCOMPARE(alice.rooms()->shownName(dm), u"Bob B."_s);
        QCOMPARE(alice.rooms()->notify(dm), RoomListModel::Notify::All);
        QTRY_VERIFY(bob.joinedRooms().contains(dm));
        QCOMPARE(bob.rooms()->shownName(dm), u"alice"_s);
        QCOMPARE(bob.joinedRooms(), (QStringList{u"general"_s, dm}));
        QCOMPARE(onlineIn(bob, dm), 1);
        // Opened again, from the other side, it is the same one.
        QCOMPARE(QCoro::waitFor(bob.openDirect({u"ALICE"_s})), dm);
        QCOMPARE(alicesLoads.count(), 1);

        // Every message of it counts as unread and notifies, once, no mention needed.
        bob.setCurrentRoom(u"general"_s);
        QSignalSpy notified(&bob, &ChatClient::notificationDue);
        alice.sendMessage(dm, u"lunch at noon?"_s);
        QTRY_COMPARE(bob.rooms()->unread(dm), 1);
        QTRY_COMPARE(notified.count(), 1);
        QCOMPARE(notified.first().at(0).toString(), dm);
        QCOMPARE(notified.first().at(2).toString(), u"lunch at noon?"_s);
        QVERIFY(!notified.wait(300));

        // A group, opened by carol: its title names the others, and follows their names and
        // whether they are here. carol, told of everything before her own answer, never heard
        // of alice and bob's.
        const QString group = QCoro::waitFor(carol.openDirect({u"alice"_s, u"bob"_s}));
        QVERIFY(!group.isEmpty() && group != dm);
        QCOMPARE(carol.rooms()->rowOf(dm), -1);
        QTRY_VERIFY(bob.joinedRooms().contains(group));
        QCOMPARE(bob.rooms()->shownName(group), u"alice, carol"_s);
        QVERIFY(QCoro::waitFor(alice.changeDisplayName(u"Alice A."_s)).ok());
        QTRY_COMPARE(bob.rooms()->shownName(dm), u"Alice A."_s);
        QTRY_COMPARE(bob.rooms()->shownName(group), u"Alice A., carol"_s);
        QCOMPARE(onlineIn(bob, group), 2);
        carol.logOut();
        QTRY_COMPARE(onlineIn(bob, group), 1);

        // A reconnect lists the rooms afresh, without direct conversations: they stay, with
        // what was unread.
        server.stop();
        QTRY_COMPARE(bob.state(), ChatClient::State::Reconnecting);
        QSignalSpy caughtUp(&bob, &ChatClient::caughtUp);
        server.start();
        QVERIFY(caughtUp.wait(20'000));
        QCOMPARE(bob.joinedRooms(), (QStringList{u"general"_s, dm, group}));
        QCOMPARE(bob.rooms()->unread(dm), 1);

        // Logged in afresh, alice finds hers with their history; bob on another server, under
        // the same name, finds none of this one's.
        ChatClient again;
        QVERIFY(QCoro::waitFor(again.logIn(server.url(), u"alice"_s, u"correct horse"_s)).ok());
        QCOMPARE(again.joinedRooms(), (QStringList{u"general"_s, dm, group}));
        QCOMPARE(again.rooms()->shownName(group), u"Bob B., carol"_s);
        QCOMPARE(again.messages(dm)->messages().last().body, u"lunch at noon?"_s);
        bob.logOut();
        QTRY_COMPARE(bob.state(), ChatClient::State::Offline);
        TestServer elsewhere;
        QVERIFY(createAccount(bob, elsewhere.url(), u"bob"_s).ok());
        QCOMPARE(bob.joinedRooms(), QStringList{u"general"_s});
        QCOMPARE(bob.rooms()->rowOf(dm), -1);
        QVERIFY(bob.messages(u"general"_s)->messages().isEmpty());
    }

    void aDirectConversationOpenedWhileLoggingInIsLoaded()
    {
        // A dm.opened that arrives while the login's rooms are being loaded, before the
        // session is online, is listed then and loaded once online.
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QSignalSpy created(&alice, &ChatClient::roomJoined);
        for (const QString &room : {u"macro"_s, u"rates"_s, u"fx"_s})
            alice.createRoom(room);
        QTRY_COMPARE(created.count(), 3);
        TestClient bob;
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        alice.logOut();
        QTRY_COMPARE(alice.state(), ChatClient::State::Offline);
        // bob opens it as the first of alice's rooms is loaded: the rest are still to come.
        const QMetaObject::Connection opening =
            connect(&alice, &ChatClient::roomJoined, &bob, [&bob] {
                bob.sendRawNoWait(uR"({"type": "dm.open", "id": 9001, "users": ["alice"]})"_s);
            });
        const auto loggedIn =
            QCoro::waitFor(alice.logIn(server.url(), u"alice"_s, u"correct horse"_s));
        disconnect(opening);
        QVERIFY(loggedIn.ok());
        const QString dm = bob.waitForEvent(Type::DmOpened)[u"room"_s][u"name"_s].toString();
        QVERIFY(dm.startsWith(u"dm:"_s));
        QTRY_VERIFY(alice.joinedRooms().contains(dm));
        QCOMPARE(typeOf(bob.send(dm, u"you there?"_s)), Type::MessageSendOk);
        QTRY_COMPARE(bodies(*alice.messages(dm)), QStringList{u"you there?"_s});
    }

    void theSiteSettingsReachEveryClient()
    {
        TestServer server;
        ChatClient alice, bob;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        QCOMPARE(bob.siteSettings().motd, QString());
        QCOMPARE(bob.siteSettings().editMinutes, Protocol::DefaultEditMinutes);
        QSignalSpy changed(&bob, &ChatClient::siteSettingsChanged);
        const auto update = [&alice]() -> QCoro::Task<bool> {
            auto asking = alice.ask(Protocol::SettingsUpdate{u"Be kind"_s, qint64(0)});
            const auto answer = co_await asking;
            co_return answer.ok();
        };
        QVERIFY(QCoro::waitFor(update()));
        QTRY_COMPARE(bob.siteSettings().motd, u"Be kind"_s);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(bob.siteSettings().editMinutes, 0);
        // With editing off nobody is offered it, their own messages included.
        bob.sendMessage(u"general"_s, u"typo"_s);
        QTRY_VERIFY(bob.messages(u"general"_s)->newestId() != 0);
        const MessageModel *model = bob.messages(u"general"_s);
        QVERIFY(!bob.canEdit(model->index(model->rowCount() - 1)));
        // A new login is told them too.
        ChatClient later;
        QVERIFY(QCoro::waitFor(later.logIn(server.url(), u"bob"_s, u"correct horse"_s)).ok());
        QCOMPARE(later.siteSettings().motd, u"Be kind"_s);
    }

    void messagesArrivingWhileRoomsReloadLeaveNoGap()
    {
        // Live messages reach the client from the moment its session resumes, before each
        // room is loaded again: the catch-up must still reach back to what was shown before
        // the drop, or what was missed in between never appears.
        TestServer server(TestServer::generousLimits());
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        // Joined rooms load in name order: these load before "general" and widen the window.
        for (int i = 0; i < 8; ++i)
            alice.createRoom(u"a%1"_s.arg(i));
        QTRY_COMPARE(alice.joinedRooms().size(), 9);
        TestClient carol;
        QVERIFY(carol.connectAs(server.url(), u"carol"_s));
        QCOMPARE(typeOf(carol.send(u"general"_s, u"before the outage"_s)), Type::MessageSendOk);
        QTRY_COMPARE(alice.messages(u"general"_s)->rowCount(), 1);

        server.stop();
        QTRY_COMPARE(alice.state(), ChatClient::State::Reconnecting);
        writeWhileStopped(server, u"carol"_s, 30);
        server.start();
        TestClient bob;
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        QSignalSpy caughtUp(&alice, &ChatClient::caughtUp);
        // Bob talks all through Alice's return.
        for (int i = 0; caughtUp.isEmpty() && i < 4000; ++i) {
            bob.sendRawNoWait(
                Protocol::frameText(Protocol::MessageSend{u"general"_s, u"live %1"_s.arg(i), {}}));
            QTest::qWait(5);
        }
        QVERIFY(!caughtUp.isEmpty());
        QTRY_COMPARE(ids(*alice.messages(u"general"_s)), storedIds(server.storage()));
        QVERIFY(bodies(*alice.messages(u"general"_s)).contains(u"missed 1"_s));
    }

    void outboxResendIsDeduplicatedByNonce()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        // The message reaches the server, but the connection dies before the answer comes
        // back: the client cannot know, so it sends again after reconnecting.
        alice.sendMessage(u"general"_s, u"did this arrive?"_s);
        server.stop();
        QTRY_COMPARE(alice.state(), ChatClient::State::Reconnecting);
        QSignalSpy caughtUp(&alice, &ChatClient::caughtUp);
        server.start();
        QVERIFY(caughtUp.wait(20'000));
        QTRY_COMPARE(alice.outboxSize(), 0);
        QCOMPARE(server.storedMessageCount(), 1);
        QCOMPARE(bodies(*alice.messages(u"general"_s)), QStringList{u"did this arrive?"_s});
    }

    // The server could not store some messages (its disk filled, its database restarted):
    // it answered internal_error and acknowledged nothing. The app sends them again, with
    // their nonces, once the trouble passes: each is stored once, none is shown as failed.
    void outboxSendsAgainWhatTheServerCouldNotStore()
    {
        TestServer server(TestServer::generousLimits());
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        TestClient bob;
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        const QString body(2000, u'x');
        constexpr int Sent = 60; // 120 KB: more than the disk has room for
        int bobStored = 0;
        {
            const qint64 largest = std::max(QFileInfo(server.databasePath()).size(),
                                            QFileInfo(server.databasePath() + u"-wal"_s).size());
            const FileSizeLimit limit(static_cast<rlim_t>(largest + 64 * 1024));
            for (int i = 0; i < Sent; ++i)
                alice.sendMessage(u"general"_s, body + QString::number(i));
            QTest::qWait(1'500);
            // The disk is full: the server refuses to store, for anyone. A batch it rolled
            // back may leave room for a message or a few, so bob tries until one is refused;
            // with room on the disk all his tries would be stored.
            QString refused;
            for (int tries = 0; tries < 40 && refused.isEmpty(); ++tries) {
                refused = codeOf(bob.send(u"general"_s, body));
                if (refused.isEmpty())
                    ++bobStored;
            }
            QCOMPARE(refused, u"internal_error"_s);
            QVERIFY2(alice.outboxSize() > 0, "the app gave up");
        }
        QTRY_COMPARE_WITH_TIMEOUT(alice.outboxSize(), 0, 15'000);
        QCOMPARE(server.storedMessageCount(), Sent + bobStored);
        QList<ChatMessage> shown = alice.messages(u"general"_s)->messages();
        shown.removeIf([](const ChatMessage &message) { return message.user != u"alice"_s; });
        QCOMPARE(shown.size(), Sent);
        for (const ChatMessage &message : shown)
            QCOMPARE(message.status, ChatMessage::Status::Sent);
    }

    void presenceUnreadAndMentions()
    {
        TestServer server;
        ChatClient alice, bob;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        const auto online = [&](ChatClient &client, const QString &user) {
            for (const MemberModel::Member &member : client.members(u"general"_s)->members()) {
                if (member.user == user)
                    return member.online;
            }
            return false;
        };
        QTRY_VERIFY(online(alice, u"bob"_s));

        bob.setCurrentRoom(u"elsewhere"_s);
        QSignalSpy mentioned(&bob, &ChatClient::notificationDue);
        alice.sendMessage(u"general"_s, u"just chatting"_s);
        alice.sendMessage(u"general"_s, u"@bob what do you think of AAPL?"_s);
        QTRY_COMPARE(bob.rooms()->unread(u"general"_s), 2);
        QTRY_COMPARE(mentioned.size(), 1);
        QCOMPARE(mentioned.first().at(1).toString(), u"alice"_s);
        bob.setCurrentRoom(u"general"_s);
        QCOMPARE(bob.rooms()->unread(u"general"_s), 0);
        QCOMPARE(alice.rooms()->unread(u"general"_s), 0); // one's own messages are not unread

        bob.logOut();
        QTRY_VERIFY(!online(alice, u"bob"_s));
        QCOMPARE(bob.state(), ChatClient::State::Offline);
    }

    void commandsAndBotsAreListed()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QCOMPARE(alice.commands().size(), 1);
        QCOMPARE(alice.commands().first().usage, u"/help"_s);
        alice.sendMessage(u"general"_s, u"/help"_s);
        QTRY_COMPARE(alice.messages(u"general"_s)->rowCount(), 2); // the command, and the notice
        QCOMPARE(alice.messages(u"general"_s)->messages().at(0).kind, ChatMessage::Kind::Command);
        QCOMPARE(alice.messages(u"general"_s)->messages().at(1).kind, ChatMessage::Kind::Notice);
        alice.sendMessage(u"general"_s, u"/nosuch"_s);
        QTRY_COMPARE(alice.messages(u"general"_s)->rowCount(), 3);
        QVERIFY(alice.messages(u"general"_s)->messages().at(2).body.contains(u"/help"_s));
        QCOMPARE(server.storedMessageCount(), 0);
    }

    void roomsCanBeCreatedJoinedAndLeft()
    {
        TestServer server;
        ChatClient alice, bob;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        QSignalSpy joined(&alice, &ChatClient::roomJoined);
        alice.createRoom(u"crypto"_s, u"BTC and friends"_s);
        QVERIFY(joined.wait());
        QCOMPARE(alice.joinedRooms(), (QStringList{u"crypto"_s, u"general"_s}));
        QTRY_VERIFY(bob.rooms()->rowOf(u"crypto"_s) >= 0); // announced to everyone

        QSignalSpy failed(&bob, &ChatClient::requestFailed);
        bob.createRoom(u"crypto"_s);
        QVERIFY(failed.wait());
        QVERIFY(failed.first().first().toString().contains(u"exists"_s));

        bob.joinRoom(u"crypto"_s);
        QTRY_COMPARE(bob.joinedRooms(), (QStringList{u"crypto"_s, u"general"_s}));
        QSignalSpy left(&bob, &ChatClient::roomLeft);
        bob.leaveRoom(u"crypto"_s);
        QVERIFY(left.wait());
        QCOMPARE(bob.joinedRooms(), QStringList{u"general"_s});
    }

    // The same person on two devices: leaving a room on one shows on the other, and so must
    // joining it again, with its conversation.
    void joiningOnAnotherDeviceShowsHere()
    {
        TestServer server;
        ChatClient laptop, phone;
        QVERIFY(createAccount(laptop, server.url(), u"kim"_s).ok());
        QVERIFY(QCoro::waitFor(phone.logIn(server.url(), u"kim"_s, u"correct horse"_s)).ok());
        QSignalSpy laptopJoined(&laptop, &ChatClient::roomJoined);
        laptop.createRoom(u"macro"_s);
        QTRY_COMPARE(phone.joinedRooms(), (QStringList{u"general"_s, u"macro"_s}));
        TestClient colleague;
        QVERIFY(colleague.connectAs(server.url(), u"colleague"_s));
        QCOMPARE(typeOf(colleague.request(Type::RoomJoin, {{u"room"_s, u"macro"_s}})),
                 Type::RoomJoinOk);
        QCOMPARE(typeOf(colleague.send(u"macro"_s, u"rates on hold"_s)), Type::MessageSendOk);

        QSignalSpy left(&phone, &ChatClient::roomLeft);
        laptop.leaveRoom(u"macro"_s);
        QVERIFY(left.wait());
        QCOMPARE(phone.joinedRooms(), QStringList{u"general"_s});

        QSignalSpy joined(&phone, &ChatClient::roomJoined);
        laptop.joinRoom(u"macro"_s);
        QVERIFY(joined.wait());
        QCOMPARE(joined.first().first().toString(), u"macro"_s);
        QCOMPARE(phone.joinedRooms(), (QStringList{u"general"_s, u"macro"_s}));
        QTRY_VERIFY(bodies(*phone.messages(u"macro"_s)).contains(u"rates on hold"_s));
        // The device that created and joined loaded the room once each time, not twice.
        QTest::qWait(200);
        QCOMPARE(laptopJoined.size(), 2);
    }

    void aSessionThatFailsHalfwayOnReconnectIsStartedOver()
    {
        // After a reconnect the link is open and resumed, but the server refuses the next
        // step (rooms.list): the client must not sit "Reconnecting" on an open link.
        ScriptedServer server;
        server.refuseRoomsListOn(2);
        ChatClient alice;
        QVERIFY(logInThenDrop(alice, server));
        QTRY_COMPARE(alice.state(), ChatClient::State::Reconnecting);
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(alice.state(), ChatClient::State::Online, 10'000);
        QCOMPARE(server.connectionCount(), 3);
    }

    void loggingOutHalfwayThroughAReconnectStaysLoggedOut()
    {
        ScriptedServer server;
        server.holdCommandsListOn(2);
        ChatClient alice;
        QVERIFY(logInThenDrop(alice, server));
        QTRY_VERIFY_WITH_TIMEOUT(server.isHolding(), 5000); // resumed, entering
        QSignalSpy ended(&alice, &ChatClient::sessionEnded);
        alice.logOut();
        QCOMPARE(alice.state(), ChatClient::State::Offline);
        server.answerHeld();
        // The entering that was under way must not bring the session back.
        QTest::qWait(1500);
        QCOMPARE(alice.state(), ChatClient::State::Offline);
        QCOMPARE(server.connectionCount(), 2);
        QCOMPARE(ended.count(), 0);
    }

    void aPasswordChangedElsewhereEndsTheSession()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QSignalSpy ended(&alice, &ChatClient::sessionEnded);
        TestClient web;
        QVERIFY(web.open(server.url()));
        QCOMPARE(typeOf(web.login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);
        QCOMPARE(typeOf(web.request(Type::ProfileUpdate, {{u"password"_s, u"a new password"_s},
                                                          {u"oldPassword"_s, u"correct horse"_s}})),
                 Type::ProfileUpdateOk);
        // (The event may already have come while the request above waited for its answer.)
        QTRY_COMPARE(ended.count(), 1);
        QVERIFY(ended.first().first().toString().contains(u"password"_s));
        QCOMPARE(alice.state(), ChatClient::State::Offline);
        QVERIFY(alice.token().isEmpty());
        // It does not try to come back with the revoked token.
        QTest::qWait(1500);
        QCOMPARE(alice.state(), ChatClient::State::Offline);
        QCOMPARE(ended.count(), 1);
    }

    void moderatorsAreShownAndABanEndsTheSession()
    {
        TestServer server;
        ChatClient alice, bob;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok()); // the first: admin
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        const auto label = [](ChatClient &client, const QString &user) {
            MemberModel *members = client.members(u"general"_s);
            for (int row = 0; row < members->rowCount(); ++row) {
                const QModelIndex at = members->index(row);
                if (at.data(MemberModel::UserRole).toString() == user)
                    return at.data(MemberModel::LabelRole).toString();
            }
            return QString();
        };
        QTRY_COMPARE(label(bob, u"alice"_s), u"alice (admin)"_s);
        QCOMPARE(label(bob, u"bob"_s), u"bob"_s);

        // A role given while everyone is online shows at once.
        TestClient admin;
        QVERIFY(admin.open(server.url()));
        QCOMPARE(typeOf(admin.login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);
        QCOMPARE(typeOf(admin.request(Type::UserRole,
                                      {{u"user"_s, u"bob"_s}, {u"role"_s, u"moderator"_s}})),
                 Type::UserRoleOk);
        QTRY_COMPARE(label(alice, u"bob"_s), u"bob (moderator)"_s);
        QTRY_COMPARE(label(bob, u"bob"_s), u"bob (moderator)"_s);

        // Banned (demoted first: nobody bans their equal), bob is told so, stays out, and
        // cannot log in again.
        QCOMPARE(typeOf(admin.request(Type::UserRole,
                                      {{u"user"_s, u"bob"_s}, {u"role"_s, u"member"_s}})),
                 Type::UserRoleOk);
        QSignalSpy ended(&bob, &ChatClient::sessionEnded);
        QCOMPARE(typeOf(admin.request(Type::UserBan, {{u"user"_s, u"bob"_s}})), Type::UserBanOk);
        QTRY_COMPARE(ended.count(), 1);
        QVERIFY2(ended.first().first().toString().contains(u"banned"_s),
                 qPrintable(ended.first().first().toString()));
        QCOMPARE(bob.state(), ChatClient::State::Offline);
        QTest::qWait(1500); // no reconnect with a token that no longer works
        QCOMPARE(bob.state(), ChatClient::State::Offline);
        const ChatClient::Result again =
            QCoro::waitFor(bob.logIn(server.url(), u"bob"_s, u"correct horse"_s));
        QVERIFY(!again.ok());
        QCOMPARE(again.failure->code(), std::optional(Protocol::ErrorCode::AccountDisabled));
        QVERIFY(ErrorText::describe(*again.failure).contains(u"disabled"_s));
    }

    void moderationShowsInTheRoom()
    {
        TestServer server;
        ChatClient alice, bob, carol;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok()); // the first: admin
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        QVERIFY(createAccount(carol, server.url(), u"carol"_s).ok());
        QTRY_COMPARE(alice.members(u"general"_s)->rowCount(), 3);
        QCOMPARE(alice.myRole(u"general"_s), Protocol::Role::Admin);
        QCOMPARE(bob.myRole(u"general"_s), Protocol::Role::Member);
        const auto find = [](ChatClient &client, const QString &body) -> const ChatMessage * {
            for (const ChatMessage &message : client.messages(u"general"_s)->messages()) {
                if (message.body.contains(body))
                    return &message;
            }
            return nullptr;
        };

        // bob deletes his own message: everyone's copy becomes a tombstone.
        bob.sendMessage(u"general"_s, u"oops, my password is hunter2"_s);
        QTRY_VERIFY(find(alice, u"hunter2"_s) && find(alice, u"hunter2"_s)->id != 0);
        const qint64 id = find(alice, u"hunter2"_s)->id;
        QTRY_VERIFY(find(bob, u"hunter2"_s) && find(bob, u"hunter2"_s)->id == id);
        bob.deleteMessage(id);
        for (ChatClient *client : {&alice, &bob, &carol}) {
            QTRY_VERIFY(!find(*client, u"hunter2"_s));
            const auto &messages = client->messages(u"general"_s)->messages();
            const auto tombstone = std::find_if(messages.cbegin(), messages.cend(),
                                                [id](const ChatMessage &m) { return m.id == id; });
            QVERIFY(tombstone != messages.cend());
            QVERIFY(tombstone->deleted);
        }
        // A member may not delete someone else's: the refusal is said.
        QSignalSpy refused(&carol, &ChatClient::requestFailed);
        carol.sendMessage(u"general"_s, u"carol's own"_s);
        alice.sendMessage(u"general"_s, u"alice's rules"_s);
        QTRY_VERIFY(find(carol, u"alice's rules"_s) && find(carol, u"alice's rules"_s)->id != 0);
        carol.deleteMessage(find(carol, u"alice's rules"_s)->id);
        QTRY_COMPARE(refused.count(), 1);
        QVERIFY(find(alice, u"alice's rules"_s));

        // A mute and a removal show in the room, to everyone, worded for each.
        alice.mute(u"general"_s, u"carol"_s, 10, u"cool down"_s);
        QTRY_VERIFY(find(bob, u"muted carol"_s));
        QVERIFY(find(bob, u"Reason: cool down"_s));
        QTRY_VERIFY(find(carol, u"alice muted you in this room until"_s));
        QCOMPARE(find(carol, u"muted you"_s)->kind, ChatMessage::Kind::Activity);
        carol.sendMessage(u"general"_s, u"can I still talk?"_s);
        QTRY_VERIFY(find(carol, u"still talk"_s) &&
                    find(carol, u"still talk"_s)->status == ChatMessage::Status::Failed);
        QVERIFY(carol.mutedUntil(u"general"_s) > QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!bob.mutedUntil(u"general"_s));
        // A join (here: a new device) says so too.
        ChatClient carolsPhone;
        QVERIFY(
            QCoro::waitFor(carolsPhone.logIn(server.url(), u"carol"_s, u"correct horse"_s)).ok());
        QTRY_COMPARE(carolsPhone.mutedUntil(u"general"_s), carol.mutedUntil(u"general"_s));
        alice.unmute(u"general"_s, u"carol"_s);
        QTRY_VERIFY(find(carol, u"alice lifted your mute"_s));
        QVERIFY(!carol.mutedUntil(u"general"_s));
        QTRY_VERIFY(!carolsPhone.mutedUntil(u"general"_s));

        QSignalSpy removed(&bob, &ChatClient::removedFromRoom);
        alice.removeFromRoom(u"general"_s, u"bob"_s, u"off topic"_s);
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(0).toString(), u"general"_s);
        QCOMPARE(removed.first().at(1).toString(),
                 u"alice removed you from this room. Reason: off topic"_s);
        QTRY_VERIFY(!bob.joinedRooms().contains(u"general"_s));
        QTRY_VERIFY(find(carol, u"alice removed bob from this room."_s));
    }

    // An administrator renames and deletes rooms on the server: the client follows.
    void roomsChangedOnTheServerAreFollowed()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        alice.createRoom(u"bonds"_s);
        QTRY_VERIFY(alice.joinedRooms().contains(u"bonds"_s));
        alice.sendMessage(u"bonds"_s, u"10y at 4.1"_s);
        QTRY_COMPARE(ids(*alice.messages(u"bonds"_s)).value(0, 0) > 0, true);
        const auto onServer = [&server](auto change) {
            server.storage().blocking([&](Storage &storage) {
                storage.inTransaction([&] { change(storage, *storage.roomByName(u"bonds"_s)); });
            });
            server.server().reloadRooms();
        };

        QSignalSpy renamed(&alice, &ChatClient::roomRenamed);
        onServer([](Storage &storage, const RoomRecord &room) {
            AuditedChanges::renameRoom(storage, room, u"rates"_s, std::nullopt);
        });
        QTRY_COMPARE(renamed.count(), 1);
        QCOMPARE(renamed.first(), (QVariantList{u"bonds"_s, u"rates"_s}));
        QTRY_VERIFY(alice.joinedRooms().contains(u"rates"_s));
        QVERIFY(!alice.joinedRooms().contains(u"bonds"_s));
        QCOMPARE(alice.rooms()->rowOf(u"bonds"_s), -1);
        QTRY_COMPARE(bodies(*alice.messages(u"rates"_s)), QStringList{u"10y at 4.1"_s});

        QSignalSpy removed(&alice, &ChatClient::removedFromRoom);
        server.storage().blocking([](Storage &storage) {
            storage.inTransaction([&] {
                AuditedChanges::deleteRoom(storage, *storage.roomByName(u"rates"_s), std::nullopt);
            });
        });
        server.server().reloadRooms();
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(0).toString(), u"rates"_s);
        QVERIFY(!alice.joinedRooms().contains(u"rates"_s));
        QCOMPARE(alice.rooms()->rowOf(u"rates"_s), -1);

        // Names that move between rooms in one reload: two swapped, one deleted and made again.
        server.storage().blocking([](Storage &storage) {
            storage.inTransaction([&] {
                AuditedChanges::createRoom(storage, u"aa"_s, u"was aa"_s, std::nullopt);
                AuditedChanges::createRoom(storage, u"bb"_s, u"was bb"_s, std::nullopt);
                AuditedChanges::createRoom(storage, u"cc"_s, u"first cc"_s, std::nullopt);
            });
        });
        server.server().reloadRooms();
        QTRY_VERIFY(alice.rooms()->rowOf(u"cc"_s) >= 0);
        server.storage().blocking([](Storage &storage) {
            storage.inTransaction([&] {
                const auto rename = [&](const QString &from, const QString &to) {
                    AuditedChanges::renameRoom(storage, *storage.roomByName(from), to,
                                               std::nullopt);
                };
                rename(u"aa"_s, u"swap"_s);
                rename(u"bb"_s, u"aa"_s);
                rename(u"swap"_s, u"bb"_s);
                AuditedChanges::deleteRoom(storage, *storage.roomByName(u"cc"_s), std::nullopt);
                AuditedChanges::createRoom(storage, u"cc"_s, u"second cc"_s, std::nullopt);
            });
        });
        server.server().reloadRooms();
        const auto topic = [&alice](const QString &room) {
            return alice.rooms()->dataOf(room, RoomListModel::TopicRole).toString();
        };
        QTRY_COMPARE(topic(u"aa"_s), u"was bb"_s);
        QTRY_COMPARE(topic(u"bb"_s), u"was aa"_s);
        QTRY_COMPARE(topic(u"cc"_s), u"second cc"_s);
    }
};

QTEST_GUILESS_MAIN(TestClientCore)
#include "tst_clientcore.moc"
