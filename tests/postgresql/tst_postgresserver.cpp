#include "testclient.h"
#include "testdatabase.h"

#include "storage/storage.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;
namespace Type = FinChat::Protocol::Type;

// The real finchat-server binary on a database of the throwaway PostgreSQL cluster of
// with-cluster.sh: `migrate --from sqlite FILE` from a SQLite site, and two servers serving
// one chat until one of them is killed.
class TestPostgresServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    int m_launched = 0; // servers launched, for their configuration files
    QString sqlitePath() const { return m_folder.filePath(u"site.db"_s); }

    // The server's command line on the target database: (exit code, what it said).
    static std::pair<int, QString> migrate(const TestDatabase &target, const QString &source)
    {
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral(FINCHAT_SERVER_BINARY),
                     {u"--database"_s, target.location().display(), u"migrate"_s, u"--from"_s,
                      u"sqlite"_s, source});
        if (!server.waitForFinished(60'000))
            return {-1, u"did not finish"_s};
        return {server.exitCode(), QString::fromUtf8(server.readAll())};
    }

    struct Site
    {
        Author ann;
        Author ben;
        qint64 room = 0;
        qint64 question = 0;
        qint64 answer = 0;
        QByteArray session;
        qint64 lastMessageGiven = 0;
    };

    // A SQLite site with something in every table.
    Site makeSite()
    {
        Storage storage;
        storage.openSqlite(sqlitePath());
        Site site;
        site.ann = storage.createPerson(u"ann"_s, u"Ann"_s, u"$argon2id$ann"_s)->author();
        site.ben = storage.createPerson(u"ben"_s, u"Bën"_s, u"$argon2id$ben"_s)->author();
        site.room = storage.createRoom(u"bonds"_s, u"Yields"_s, site.ann.id)->id;
        storage.addMember(site.room, site.ann.id);
        storage.addMember(site.room, site.ben.id);
        storage.openDirect({site.ann.id, site.ben.id}, site.ann.id, true);
        site.question =
            storage.insertMessage(site.room, site.ann, u"Where is the 10y?"_s, u"n1"_s).message.id;
        site.answer =
            storage.insertMessage(site.room, site.ben, u"Müller says 4.2%"_s, {}, site.question)
                .message.id;
        const qint64 gone = storage.insertMessage(site.room, site.ben, u"oops"_s, {}).message.id;
        storage.deleteMessage(gone, site.ben.id);
        storage.editMessage(site.question, u"Where is the 10-year?"_s);
        site.session = QByteArray(32, '\x01');
        storage.createSession(site.session, site.ben.id);
        storage.setBotToken(u"quotes"_s, u"Quotes"_s, QByteArray(32, '\xfe'));
        storage.createInvite(QByteArray(32, '\x02'), u"ann"_s, 3, std::nullopt);
        storage.addWatched(site.ann.id, u"aapl.us"_s, 10);
        AlertRecord alert;
        alert.userId = site.ann.id;
        alert.code = u"aapl.us"_s;
        alert.price = 200.5;
        alert.roomId = site.room;
        storage.addAlert(alert, 10);
        storage.setMute({site.room, site.ben.id, Protocol::nowMs() + 60'000}, site.ann.id);
        storage.addAuditEntry({0, 0, u"ann"_s, u"mute"_s, u"ben"_s, {}});
        storage.setSiteSettings({u"Welcome"_s, 9});
        // The highest ids SQLite ever gave, whose rows are gone: never given again.
        const qint64 goneRoom = storage.createRoom(u"gone"_s, {}, std::nullopt)->id;
        site.lastMessageGiven = storage.insertMessage(goneRoom, site.ann, u"bye"_s, {}).message.id;
        storage.deleteRoom(goneRoom);
        return site;
    }

    // A finchat-server process on the database, plaintext on a free loopback port: the
    // port, once it listens (0 when it did not).
    quint16 startServer(QProcess &server, const TestDatabase &database)
    {
        launchServer(server, database);
        return portOf(server);
    }

    void launchServer(QProcess &server, const TestDatabase &database)
    {
        // A file of its own: rewriting a shared one while the previous server still reads
        // it gave that server an empty configuration (SQLite on port 7420).
        const QString config = m_folder.filePath(u"cluster-%1.ini"_s.arg(++m_launched));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[server]\nplaintext=true\nlisten=127.0.0.1\nport=0\ndatabase=" +
                   database.location().display().toUtf8() +
                   "\n[limits]\ncluster_heartbeat_ms=100\n");
        file.close();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_folder.path());
        environment.insert(u"XDG_DATA_HOME"_s, m_folder.filePath(u"data"_s));
        server.setProcessEnvironment(environment);
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral(FINCHAT_SERVER_BINARY), {u"--config"_s, config});
    }

    static quint16 portOf(QProcess &server)
    {
        static const QRegularExpression listening(u"listening on ws://[0-9.]+:(\\d+)"_s);
        QString said;
        QRegularExpressionMatch match;
        static_cast<void>(QTest::qWaitFor( // the match, or not, says how it went
            [&] {
                said += QString::fromUtf8(server.readAll());
                match = listening.match(said);
                return match.hasMatch() || server.state() == QProcess::NotRunning;
            },
            30'000));
        if (!match.hasMatch())
            qWarning().noquote() << "the server did not start:" << said;
        return match.hasMatch() ? match.captured(1).toUShort() : 0;
    }

private slots:
    void initTestCase()
    {
        if (!TestDatabase::onPostgres())
            QSKIP("runs under tests/postgresql/with-cluster.sh (ctest -L postgresql)");
    }

    void copiesEverySiteIntoANewDatabaseAndChecksIt()
    {
        const Site site = makeSite();
        TestDatabase target;
        const auto [code, said] = migrate(target, sqlitePath());
        QVERIFY2(code == 0, qPrintable(said));
        QVERIFY2(said.contains(u"messages: 3"_s), qPrintable(said));
        QVERIFY2(said.contains(u"every table has the same number of rows"_s), qPrintable(said));

        Storage copy;
        copy.open(target.location());
        // Ids, texts, replies, tombstones and edits as they were.
        const QList<MessageRecord> messages = copy.messagesBefore(site.room, std::nullopt, 10);
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages[0].id, site.question);
        QCOMPARE(messages[0].body, u"Where is the 10-year?"_s);
        QVERIFY(messages[0].editedAt);
        QCOMPARE(messages[1].reply->id, site.question);
        QCOMPARE(messages[1].displayName, u"Bën"_s);
        QVERIFY(messages[2].deleted);
        // Accounts, their roles and sessions, bots, invites, watchlists, mutes, settings.
        QCOMPARE(copy.userByName(u"ann"_s)->role, Protocol::Role::Admin);
        QCOMPARE(copy.userByName(u"ben"_s)->passwordHash, u"$argon2id$ben"_s);
        QCOMPARE(copy.touchSession(site.session, 60'000), std::optional(site.ben.id));
        QVERIFY(copy.botByToken(QByteArray(32, '\xfe')));
        QVERIFY(copy.inviteUsable(QByteArray(32, '\x02')));
        QCOMPARE(copy.watchlistOf(site.ann.id).alerts.value(0).roomId, std::optional(site.room));
        QCOMPARE(copy.activeMutes().size(), 1);
        QCOMPARE(copy.siteSettings().editMinutes, 9);
        QCOMPARE(copy.auditEntries(std::nullopt, 10).size(), 1);
        QCOMPARE(copy.rooms().size(), 3); // general, bonds and the direct one
        // The copy is searchable, and new rows follow the copied ids.
        QCOMPARE(copy.searchMessages(site.ben.id, {u"muller"_s}, std::nullopt, 0, 10).size(), 1);
        const qint64 next = copy.insertMessage(site.room, site.ann, u"next"_s, {}).message.id;
        QVERIFY(next > site.lastMessageGiven);
        QVERIFY(copy.createPerson(u"cat"_s, u"Cat"_s, u"h"_s)->id > site.ben.id);
        QVERIFY(copy.createRoom(u"fx"_s, {}, std::nullopt)->id > site.room);
    }

    void refusesADatabaseThatHoldsData()
    {
        makeSite();
        TestDatabase target;
        QCOMPARE(migrate(target, sqlitePath()).first, 0);
        const auto [code, said] = migrate(target, sqlitePath());
        QCOMPARE(code, 1);
        QVERIFY2(said.contains(u"already holds data"_s), qPrintable(said));
        Storage copy;
        copy.open(target.location());
        QCOMPARE(copy.messagesBefore(copy.roomByName(u"bonds"_s)->id, std::nullopt, 10).size(),
                 3); // not twice
    }

    void refusesWhatItCannotUse()
    {
        TestDatabase target;
        QVERIFY(migrate(target, m_folder.filePath(u"missing.db"_s))
                    .second.contains(u"there is no database"_s));
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral(FINCHAT_SERVER_BINARY),
                     {u"--database"_s, m_folder.filePath(u"other.db"_s), u"migrate"_s, u"--from"_s,
                      u"sqlite"_s, sqlitePath()});
        QVERIFY(server.waitForFinished(60'000));
        QCOMPARE(server.exitCode(), 1);
        QVERIFY(QString::fromUtf8(server.readAll()).contains(u"migrate copies into PostgreSQL"_s));
    }

    // Servers started at the same moment on a new database both make the site (the
    // default room, the stock bot's account): one makes it, the other finds it made.
    void serversStartingAtOnceOnANewDatabase()
    {
        for (int round = 0; round < 5; ++round) {
            TestDatabase database;
            QProcess first, second;
            launchServer(first, database);
            launchServer(second, database);
            QVERIFY(portOf(first) != 0);
            QVERIFY(portOf(second) != 0);
            first.terminate();
            second.terminate();
            QVERIFY(first.waitForFinished(30'000) && second.waitForFinished(30'000));
        }
    }

    // Two real servers on one database; one is killed (SIGKILL: no goodbye). Its people
    // go offline for the others within three heartbeats, move to the other server with
    // their session, and what they send again is stored once.
    void aKilledServersPeopleMoveToAnotherAndLoseNothing()
    {
        TestDatabase database;
        QProcess first, second;
        const quint16 firstPort = startServer(first, database);
        const quint16 secondPort = startServer(second, database);
        QVERIFY(firstPort != 0 && secondPort != 0);
        const QUrl firstUrl(u"ws://127.0.0.1:%1"_s.arg(firstPort));
        const QUrl secondUrl(u"ws://127.0.0.1:%1"_s.arg(secondPort));
        TestClient alice, bob;
        QVERIFY(alice.connectAs(firstUrl, u"alice"_s));
        QVERIFY(bob.connectAs(secondUrl, u"bob"_s));
        QCOMPARE(alice.waitForEvent(Type::UserOnline)[u"user"_s].toString(), u"bob"_s);
        const QJsonObject sent = alice.send(u"general"_s, u"one"_s, u"n-1"_s);
        QCOMPARE(typeOf(sent), Type::MessageSendOk);
        QCOMPARE(bob.waitForEvent(Type::MessageNew)[u"message"_s][u"body"_s].toString(), u"one"_s);

        first.kill();
        QVERIFY(first.waitForFinished(10'000));
        QCOMPARE(bob.waitForEvent(Type::UserOffline)[u"user"_s].toString(), u"alice"_s);
        QVERIFY(alice.waitForDisconnected());

        TestClient moved;
        QVERIFY(moved.open(secondUrl));
        QCOMPARE(typeOf(moved.login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);
        QCOMPARE(bob.waitForEvent(Type::UserOnline)[u"user"_s].toString(), u"alice"_s);
        const QJsonObject retried = moved.send(u"general"_s, u"one"_s, u"n-1"_s);
        QCOMPARE(retried[u"message"_s][u"id"_s], sent[u"message"_s][u"id"_s]);
        QCOMPARE(typeOf(moved.send(u"general"_s, u"two"_s, u"n-2"_s)), Type::MessageSendOk);
        QCOMPARE(bob.waitForEvent(Type::MessageNew)[u"message"_s][u"body"_s].toString(), u"two"_s);
        QVERIFY(bob.noEvent(Type::MessageNew));
        const QJsonObject page = bob.request(Type::HistoryFetch, {{u"room"_s, u"general"_s}});
        QCOMPARE(page[u"messages"_s].toArray().size(), 2);
        second.terminate();
        QVERIFY(second.waitForFinished(30'000));
    }

    void cleanup() { QFile::remove(sqlitePath()); }
};

QTEST_GUILESS_MAIN(TestPostgresServer)
#include "tst_postgresserver.moc"
