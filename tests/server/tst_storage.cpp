#include "storage/storage.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace FinChat;
using namespace Qt::StringLiterals;

class TestStorage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString path() const { return m_folder.filePath(u"store.db"_s); }

private slots:
    void init() { QFile::remove(path()); }

    void createsSchemaInWalMode()
    {
        Storage storage;
        storage.openSqlite(path());
        QCOMPARE(storage.schemaVersion(), 9);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            raw.setDatabaseName(path());
            QVERIFY(raw.open());
            QSqlQuery mode(u"PRAGMA journal_mode"_s, raw);
            QVERIFY(mode.next());
            QCOMPARE(mode.value(0).toString(), u"wal"_s);
            QSqlQuery indexes(
                u"SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'messages_by_room'"_s,
                raw);
            QVERIFY(indexes.next());
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
    }

    void usersAreUniqueAndSurviveReopening()
    {
        {
            Storage storage;
            storage.openSqlite(path());
            const auto id = storage.createUser(u"alice"_s, u"Alice"_s, u"$argon2id$fake"_s);
            QVERIFY(id);
            QVERIFY(!storage.createUser(u"alice"_s, u"Other"_s, u"x"_s));
        }
        Storage reopened;
        reopened.openSqlite(path());
        const auto alice = reopened.userByName(u"alice"_s);
        QVERIFY(alice);
        QCOMPARE(alice->displayName, u"Alice"_s);
        QCOMPARE(alice->passwordHash, u"$argon2id$fake"_s);
        QCOMPARE(reopened.schemaVersion(), 9); // migration is not applied twice
    }

    void sessionsExpireWhenIdle()
    {
        Storage storage;
        storage.openSqlite(path());
        const qint64 user = *storage.createUser(u"bob"_s, u"Bob"_s, u"h"_s);
        const QByteArray token = QByteArray(32, 'k');
        storage.createSession(token, user);
        QCOMPARE(storage.touchSession(token, 60'000), std::optional(user));
        QVERIFY(!storage.touchSession(QByteArray(32, 'x'), 60'000));
        QTest::qWait(20);
        QVERIFY(!storage.touchSession(token, 5)); // idle longer than 5 ms
        storage.deleteSession(token);
        QVERIFY(!storage.touchSession(token, 60'000));
    }

    void messagesPageBackwardsOldestFirst()
    {
        Storage storage;
        storage.openSqlite(path());
        const Author carol{*storage.createUser(u"carol"_s, u"Carol"_s, u"h"_s), u"carol"_s,
                           u"Carol"_s, false};
        const qint64 room = storage.createRoom(u"general"_s, {}, std::nullopt)->id;
        QList<qint64> ids;
        for (int i = 0; i < 10; ++i)
            ids.append(storage.insertMessage(room, carol, u"m%1"_s.arg(i), {}).message.id);

        const auto latest = storage.messagesBefore(room, std::nullopt, 3);
        QCOMPARE(latest.size(), 3);
        QCOMPARE(latest.at(0).body, u"m7"_s);
        QCOMPARE(latest.at(2).body, u"m9"_s);
        const auto older = storage.messagesBefore(room, latest.at(0).id, 100);
        QCOMPARE(older.size(), 7);
        QCOMPARE(older.first().body, u"m0"_s);
        QCOMPARE(older.last().body, u"m6"_s);
        for (qsizetype i = 1; i < older.size(); ++i)
            QVERIFY(older.at(i - 1).timestamp <= older.at(i).timestamp);
    }

    void nonceStoresOnce()
    {
        Storage storage;
        storage.openSqlite(path());
        const Author dave{*storage.createUser(u"dave"_s, u"Dave"_s, u"h"_s), u"dave"_s, u"Dave"_s,
                          false};
        const qint64 room = storage.createRoom(u"general"_s, {}, std::nullopt)->id;
        const auto first = storage.insertMessage(room, dave, u"buy"_s, u"n-1"_s);
        const auto retry = storage.insertMessage(room, dave, u"buy"_s, u"n-1"_s);
        QVERIFY(!first.duplicate);
        QVERIFY(retry.duplicate);
        QCOMPARE(retry.message.id, first.message.id);
        QCOMPARE(storage.messagesBefore(room, std::nullopt, 100).size(), 1);
        // Nonces are per user and optional.
        storage.insertMessage(room, dave, u"sell"_s, {});
        storage.insertMessage(room, dave, u"sell"_s, {});
        QCOMPARE(storage.messagesBefore(room, std::nullopt, 100).size(), 3);
    }

    void refusesDatabaseFromNewerVersion()
    {
        {
            Storage storage;
            storage.openSqlite(path());
        }
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw2"_s);
            raw.setDatabaseName(path());
            QVERIFY(raw.open());
            QSqlQuery(u"UPDATE schema_version SET version = 99"_s, raw);
        }
        QSqlDatabase::removeDatabase(u"raw2"_s);
        Storage storage;
        QVERIFY_THROWS_EXCEPTION(StorageError, storage.openSqlite(path()));
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
