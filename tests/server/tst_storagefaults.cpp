#include "filesizelimit.h"
#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {

QList<qint64> messageIds(const QList<QJsonObject> &events)
{
    QList<qint64> ids;
    for (const QJsonObject &event : events)
        ids.append(event[u"message"_s][u"id"_s].toInteger());
    return ids;
}

} // namespace

// The disk and the database misbehave under a running server. An acknowledgement must still
// mean stored, a failure must be internal_error with nothing broadcast, and the server must
// keep serving everyone else.
class TestStorageFaults : public QObject
{
    Q_OBJECT

private slots:
    void fullDiskNeverAcknowledgesLostMessages()
    {
        TestServer server(TestServer::generousLimits());
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        QCOMPARE(typeOf(alice.send(u"general"_s, u"before the disk fills"_s)), Type::MessageSendOk);
        QVERIFY(!bob.waitForEvent(Type::MessageNew).isEmpty());

        const QString body(2000, u'x');
        QStringList nonces;
        QList<qint64> acknowledged;
        int failures = 0;
        {
            const qint64 largest = std::max(QFileInfo(server.databasePath()).size(),
                                            QFileInfo(server.databasePath() + u"-wal"_s).size());
            const FileSizeLimit limit(static_cast<rlim_t>(largest + 64 * 1024));
            for (int i = 0; i < 300 && failures < 5; ++i) {
                nonces.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
                const QJsonObject reply = alice.send(u"general"_s, body, nonces.last());
                if (typeOf(reply) == Type::MessageSendOk) {
                    acknowledged.append(reply[u"message"_s][u"id"_s].toInteger());
                } else {
                    QCOMPARE(codeOf(reply), u"internal_error"_s);
                    ++failures;
                }
            }
        }
        QVERIFY2(failures > 0, "the disk never filled");
        // Every acknowledgement named its own message, and only those were broadcast.
        QCOMPARE(QSet<qint64>(acknowledged.cbegin(), acknowledged.cend()).size(),
                 acknowledged.size());
        QVERIFY(bob.noEvent(u"nothing"_s, 200));
        QCOMPARE(messageIds(bob.takeEvents(Type::MessageNew)), acknowledged);

        // With room on the disk again, resending the same nonces stores each message once.
        for (const QString &nonce : nonces)
            QCOMPARE(typeOf(alice.send(u"general"_s, body, nonce)), Type::MessageSendOk);
        QCOMPARE(server.storedMessageCount(), 1 + nonces.size());
        server.restart();
        QCOMPARE(server.storedMessageCount(), 1 + nonces.size());
    }

    // A moderation change and its audit line are one write: on a full disk the request fails
    // with internal_error, nothing of it is kept or announced, and nobody is closed.
    void aFullDiskUndoesAModerationWholly()
    {
        TestServer server(TestServer::generousLimits());
        TestClient alice, mallory;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s)); // admin
        QVERIFY(mallory.connectAs(server.url(), u"mallory"_s));
        {
            const qint64 largest = std::max(QFileInfo(server.databasePath()).size(),
                                            QFileInfo(server.databasePath() + u"-wal"_s).size());
            const FileSizeLimit limit(static_cast<rlim_t>(largest + 64 * 1024));
            // Full once several writes in a row fail: messages (each now writes its search
            // index too), then one-row changes (a bio), until not even those fit.
            const auto fill = [](const std::function<bool(int)> &write) {
                int failedInARow = 0;
                for (int i = 0; i < 300 && failedInARow < 5; ++i)
                    failedInARow = write(i) ? 0 : failedInARow + 1;
                return failedInARow == 5;
            };
            QVERIFY(fill([&alice](int) {
                return typeOf(alice.send(u"general"_s, QString(2000, u'x'))) == Type::MessageSendOk;
            }));
            QVERIFY(fill([&alice](int i) {
                return typeOf(
                           alice.request(Type::ProfileUpdate, {{u"bio"_s, u"bio %1"_s.arg(i)}})) ==
                       Type::ProfileUpdateOk;
            }));
            QCOMPARE(codeOf(alice.request(Type::UserBan,
                                          {{u"user"_s, u"mallory"_s}, {u"reason"_s, u"spam"_s}})),
                     u"internal_error"_s);
            QCOMPARE(codeOf(alice.request(Type::RoomMute, {{u"room"_s, u"general"_s},
                                                           {u"user"_s, u"mallory"_s},
                                                           {u"minutes"_s, 10}})),
                     u"internal_error"_s);
        }
        QVERIFY(mallory.noEvent(Type::SessionEnded, 300));
        QVERIFY(mallory.noEvent(Type::MemberMuted, 0));
        QVERIFY(mallory.isConnected());
        // With room again: not muted, not banned, and the log holds neither.
        QCOMPARE(typeOf(mallory.send(u"general"_s, u"still here"_s)), Type::MessageSendOk);
        QVERIFY(alice.request(Type::AuditList)[u"entries"_s].toArray().isEmpty());
        QCOMPARE(typeOf(alice.request(Type::UserBan, {{u"user"_s, u"mallory"_s}})),
                 Type::UserBanOk);
        QCOMPARE(mallory.waitForEvent(Type::SessionEnded)[u"reason"_s].toString(), u"banned"_s);
    }

    void removedDatabaseFolderFailsInsteadOfPretending()
    {
        auto server = std::make_unique<TestServer>(TestServer::generousLimits());
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server->url(), u"alice"_s));
        QVERIFY(bob.connectAs(server->url(), u"bob"_s));
        QCOMPARE(typeOf(alice.send(u"general"_s, u"stored"_s)), Type::MessageSendOk);
        QVERIFY(!bob.waitForEvent(Type::MessageNew).isEmpty());

        QVERIFY(QDir(QFileInfo(server->databasePath()).absolutePath()).removeRecursively());
        QCOMPARE(codeOf(alice.send(u"general"_s, u"lost?"_s)), u"internal_error"_s);
        QVERIFY(bob.noEvent(Type::MessageNew));
        // Requests that need no write are still served.
        QCOMPARE(typeOf(bob.request(Type::RoomsList)), Type::RoomsListOk);
    }

    // Another program holds the database's write lock. The write waits (up to the busy
    // timeout) on the storage thread; everybody else is served meanwhile.
    void lockedDatabaseStallsOnlyTheWrite()
    {
        TestServer server(TestServer::generousLimits());
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-program"_s);
            other.setDatabaseName(server.databasePath());
            QVERIFY(other.open());
            QSqlQuery lock(other);
            QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));

            alice.sendRawNoWait(
                rawFrame(Type::MessageSend, uR"("id":"held","room":"general","body":"waits")"_s));
            // bob is answered while alice's write still waits for the lock.
            QCOMPARE(typeOf(bob.request(Type::RoomsList)), Type::RoomsListOk);
            QCOMPARE(typeOf(bob.request(Type::CommandsList)), Type::CommandsListOk);
            QCOMPARE(alice.replyCount(), 0);

            QVERIFY(lock.exec(u"ROLLBACK"_s));
        }
        QSqlDatabase::removeDatabase(u"other-program"_s);
        QVERIFY(QTest::qWaitFor([&] { return alice.replyCount() == 1; }));
        QCOMPARE(typeOf(alice.takeReplies().constFirst()), Type::MessageSendOk);
        QVERIFY(!bob.waitForEvent(Type::MessageNew).isEmpty());
    }
};

FINCHAT_SERVER_TEST_MAIN(TestStorageFaults)
#include "tst_storagefaults.moc"
