#include "testdatabase.h"

#include "storage/storage.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

// Storage's behaviour, the same on SQLite and on PostgreSQL: ctest runs this suite once on
// each (tst_storage, and tst_storage_postgresql under tests/postgresql/with-cluster.sh).
class TestStorage : public QObject
{
    Q_OBJECT

private:
    std::optional<TestDatabase> m_database;
    void open(Storage &storage) { storage.open(m_database->location()); }
    // Runs sql on a connection of the test's own, as another program would.
    void onTheSide(const QString &sql)
    {
        {
            const QSqlDatabase raw = m_database->openSide(u"side"_s);
            QSqlQuery query(raw);
            QVERIFY2(query.exec(sql), qPrintable(sql));
        }
        QSqlDatabase::removeDatabase(u"side"_s);
    }
    // The first column of the first row sql gives; invalid when none.
    QVariant sideValue(const QString &sql)
    {
        QVariant value;
        {
            const QSqlDatabase raw = m_database->openSide(u"side"_s);
            QSqlQuery query(sql, raw);
            if (query.next())
                value = query.value(0);
        }
        QSqlDatabase::removeDatabase(u"side"_s);
        return value;
    }
    static Author author(Storage &storage, const QString &name)
    {
        return {*storage.createUser(name, name.toUpper(), u"h"_s), name, name.toUpper(), false};
    }

private slots:
    void init() { m_database.emplace(); }
    void cleanup() { m_database.reset(); }

    void createsTheSchema()
    {
        Storage storage;
        open(storage);
        QCOMPARE(storage.schemaVersion(), 9);
        QCOMPARE(storage.isPostgres(), m_database->isPostgres());
        if (m_database->isPostgres()) {
            QVERIFY(sideValue(u"SELECT 1 FROM pg_indexes WHERE indexname = 'messages_by_room'"_s)
                        .isValid());
            QVERIFY(sideValue(u"SELECT 1 FROM pg_indexes WHERE indexname = 'messages_words'"_s)
                        .isValid());
            return;
        }
        // SQLite in WAL mode: readers go on during a write.
        QCOMPARE(sideValue(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QVERIFY(sideValue(u"SELECT 1 FROM sqlite_master WHERE type = 'index' AND "
                          "name = 'messages_by_room'"_s)
                    .isValid());
    }

    void usersAreUniqueAndSurviveReopening()
    {
        {
            Storage storage;
            open(storage);
            const auto id = storage.createUser(u"alice"_s, u"Alice"_s, u"$argon2id$fake"_s);
            QVERIFY(id);
            QVERIFY(!storage.createUser(u"alice"_s, u"Other"_s, u"x"_s));
        }
        Storage reopened;
        open(reopened);
        const auto alice = reopened.userByName(u"alice"_s);
        QVERIFY(alice);
        QCOMPARE(alice->displayName, u"Alice"_s);
        QCOMPARE(alice->passwordHash, u"$argon2id$fake"_s);
        QCOMPARE(reopened.schemaVersion(), 9); // migration is not applied twice
    }

    void sessionsExpireWhenIdle()
    {
        Storage storage;
        open(storage);
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
        open(storage);
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
        open(storage);
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
            open(storage);
        }
        onTheSide(u"UPDATE schema_version SET version = 99"_s);
        Storage storage;
        QVERIFY_THROWS_EXCEPTION(StorageError, open(storage));
    }

    void keysAndTokensAreStoredAsBytes()
    {
        Storage storage;
        open(storage);
        const Author erin = author(storage, u"erin"_s);
        QByteArray token(32, '\0'); // every byte value, NUL included, survives the round trip
        for (int i = 0; i < token.size(); ++i)
            token[i] = static_cast<char>(i * 8);
        storage.createSession(token, erin.id);
        QCOMPARE(storage.liveSessions({token, QByteArray(32, 'x')}), QSet<QByteArray>{token});
        QCOMPARE(storage.touchSession(token, 60'000), std::optional(erin.id));
        QVERIFY(storage.setDisabled(erin.id, true));
        QVERIFY(!storage.setDisabled(erin.id, true));
        QVERIFY(storage.liveSessions({token}).isEmpty()); // a banned account's sessions are dead

        const auto bot = storage.setBotToken(u"quotes"_s, u"Quotes"_s, token);
        QVERIFY(bot && bot->isBot);
        QCOMPARE(storage.botByToken(token)->id, bot->id);
        QVERIFY(!storage.setBotToken(u"erin"_s, u"Not a bot"_s, token)); // a person's name
        storage.setBotCommands(bot->id, R"([{"name":"quote"}])");
        QCOMPARE(storage.announcedBots().value(0).commands, QByteArray(R"([{"name":"quote"}])"));

        const InviteRecord invite = storage.createInvite(token, u"erin"_s, 2, std::nullopt);
        QVERIFY(invite.id > 0);
        QCOMPARE(invite.createdBy, std::optional(u"erin"_s));
        QVERIFY(storage.useInvite(token));
        QVERIFY(storage.useInvite(token));
        QVERIFY(!storage.useInvite(token)); // used up
        QVERIFY(!storage.inviteUsable(token));
    }

    void theFirstPersonIsTheAdmin()
    {
        Storage storage;
        open(storage);
        storage.ensureBotUser(u"stockbot"_s, u"Stock bot"_s); // bots do not count
        const auto first = storage.createPerson(u"ann"_s, u"Ann"_s, u"h"_s);
        const auto second = storage.createPerson(u"ben"_s, u"Ben"_s, u"h"_s);
        QCOMPARE(first->role, Protocol::Role::Admin);
        QCOMPARE(second->role, Protocol::Role::Member);
        QVERIFY(!storage.createPerson(u"ann"_s, u"Again"_s, u"h"_s));
        // Both are in the default room, made with the first.
        QCOMPARE(storage.roomMembers(storage.defaultRoom().id).size(), 2);
        QVERIFY(!storage.ensureBotUser(u"ann"_s, u"Not a bot"_s)); // a person keeps her name
        QCOMPARE(storage.userByName(u"ann"_s)->displayName, u"Ann"_s);
        QCOMPARE(storage.usersAfter(u"ann"_s, 10).size(), 2); // ben, stockbot
    }

    void roomsMembersAndDirectConversations()
    {
        Storage storage;
        open(storage);
        const Author ann = author(storage, u"ann"_s);
        const Author ben = author(storage, u"ben"_s);
        const auto room = storage.createRoom(u"bonds"_s, u"Yields"_s, ann.id);
        QVERIFY(room && room->id > 0 && !room->direct);
        QVERIFY(!storage.createRoom(u"bonds"_s, {}, ben.id)); // taken
        QVERIFY(storage.addMember(room->id, ann.id));
        QVERIFY(!storage.addMember(room->id, ann.id));
        QVERIFY(storage.addMember(room->id, ben.id));
        QCOMPARE(storage.roomCreator(room->id), std::optional(ann.id));

        const auto opened = storage.openDirect({ben.id, ann.id}, ann.id, true);
        QVERIFY(opened && opened->created && opened->room.direct);
        const auto again = storage.openDirect({ann.id, ben.id}, ben.id, false);
        QVERIFY(again && !again->created);
        QCOMPARE(again->room.id, opened->room.id);
        QVERIFY(storage.roomById(opened->room.id)->direct);

        storage.insertMessage(room->id, ann, u"10y at 4.2%"_s, {});
        storage.setMute({room->id, ben.id, Protocol::nowMs() + 60'000}, ann.id);
        QCOMPARE(storage.activeMutes().size(), 1);
        QVERIFY(storage.liftMute(room->id, ben.id));
        QVERIFY(!storage.liftMute(room->id, ben.id));

        storage.renameRoom(room->id, u"rates"_s);
        QCOMPARE(storage.roomByName(u"rates"_s)->topic, u"Yields"_s);
        QCOMPARE(storage.deleteRoom(room->id), 1); // its one message goes with it
        QVERIFY(!storage.roomById(room->id));
        const auto snapshot = storage.roomsSnapshot();
        QCOMPARE(snapshot.rooms.size(), 1); // the direct one
        QCOMPARE(snapshot.memberships.size(), 2);
    }

    void editsDeletionsAndReplies()
    {
        Storage storage;
        open(storage);
        const Author ann = author(storage, u"ann"_s);
        const qint64 room = storage.createRoom(u"fx"_s, {}, std::nullopt)->id;
        const MessageRecord asked = storage.insertMessage(room, ann, u"EURUSD?"_s, {}).message;
        const MessageRecord answer =
            storage.insertMessage(room, ann, u"1.08"_s, u"n"_s, asked.id).message;
        QCOMPARE(answer.reply->id, asked.id);
        QCOMPARE(answer.reply->body, u"EURUSD?"_s);
        QVERIFY(storage.editMessage(asked.id, u"EURUSD now?"_s));
        QVERIFY(!storage.editMessage(asked.id, u"EURUSD now?"_s)); // already says that
        QVERIFY(storage.messageById(asked.id)->editedAt);
        QVERIFY(storage.deleteMessage(asked.id, ann.id));
        QVERIFY(!storage.deleteMessage(asked.id, ann.id));
        QVERIFY(!storage.editMessage(asked.id, u"back"_s)); // a tombstone stays one
        const MessageRecord quoted = *storage.messageById(answer.id);
        QVERIFY(quoted.reply->deleted);
        QVERIFY(quoted.reply->body.isEmpty());
        QCOMPARE(storage.messageByNonce(ann.id, u"n"_s)->id, answer.id);
        QCOMPARE(storage.messagesAfter(room, asked.id, 10).size(), 1);
    }

    void searchFindsWordsInTheRoomsOfTheUser()
    {
        Storage storage;
        open(storage);
        const Author ann = author(storage, u"ann"_s);
        const Author ben = author(storage, u"ben"_s);
        const qint64 shared = storage.createRoom(u"stocks"_s, {}, std::nullopt)->id;
        const qint64 hers = storage.createRoom(u"private"_s, {}, std::nullopt)->id;
        storage.addMember(shared, ann.id);
        storage.addMember(shared, ben.id);
        storage.addMember(hers, ann.id);
        const qint64 first =
            storage.insertMessage(shared, ann, u"Bought Apple at the open"_s, {}).message.id;
        storage.insertMessage(shared, ben, u"sold everything"_s, {});
        const qint64 secret = storage.insertMessage(hers, ann, u"apple pie"_s, {}).message.id;

        const auto found = storage.searchMessages(ben.id, {u"appl"_s}, std::nullopt, 0, 10);
        QCOMPARE(found.size(), 1); // not in ann's room, which ben is not in
        QCOMPARE(found[0].message.id, first);
        QCOMPARE(found[0].message.body, u"Bought Apple at the open"_s);
        QCOMPARE(found[0].matches, (QList<std::pair<qsizetype, qsizetype>>{{7, 5}}));

        QCOMPARE(storage.searchMessages(ann.id, {u"apple"_s}, std::nullopt, 0, 10).size(), 2);
        QCOMPARE(storage.searchMessages(ann.id, {u"apple"_s}, hers, 0, 10).value(0).message.id,
                 secret);
        QCOMPARE(
            storage.searchMessages(ann.id, {u"apple"_s, u"open"_s}, std::nullopt, 0, 10).size(),
            1); // every word
        QCOMPARE(storage.searchMessages(ann.id, {u"apple"_s}, std::nullopt, 1, 10).size(), 1);
        // Edits and deletions change what is found.
        storage.editMessage(first, u"Bought pears"_s);
        QCOMPARE(storage.searchMessages(ben.id, {u"apple"_s}, std::nullopt, 0, 10).size(), 0);
        QCOMPARE(storage.searchMessages(ben.id, {u"pear"_s}, std::nullopt, 0, 10).size(), 1);
        storage.deleteMessage(first, ann.id);
        QCOMPARE(storage.searchMessages(ben.id, {u"pear"_s}, std::nullopt, 0, 10).size(), 0);
    }

    void watchlistsAndAlerts()
    {
        Storage storage;
        open(storage);
        const Author ann = author(storage, u"ann"_s);
        QCOMPARE(storage.addWatched(ann.id, u"aapl.us"_s, 2), Storage::Listing::Added);
        QCOMPARE(storage.addWatched(ann.id, u"aapl.us"_s, 2), Storage::Listing::AlreadyListed);
        QCOMPARE(storage.addWatched(ann.id, u"msft.us"_s, 2), Storage::Listing::Added);
        QCOMPARE(storage.addWatched(ann.id, u"tsla.us"_s, 2), Storage::Listing::Full);
        AlertRecord alert;
        alert.userId = ann.id;
        alert.code = u"aapl.us"_s;
        alert.above = false;
        alert.price = 150.25;
        const auto armed = storage.addAlert(alert, 1);
        QVERIFY(armed && armed->id > 0);
        QVERIFY(!storage.addAlert(alert, 1)); // one armed at most
        const AlertRecord stored = storage.armedAlerts(10).value(0);
        QCOMPARE(stored.id, armed->id);
        QVERIFY(!stored.above);
        QCOMPARE(stored.price, 150.25);
        QVERIFY(storage.fireAlert(armed->id, 149.5, 10));
        QVERIFY(!storage.fireAlert(armed->id, 149.0, 10)); // once
        QCOMPARE(storage.watchlistOf(ann.id).alerts.value(0).triggeredPrice, std::optional(149.5));
        QCOMPARE(storage.watchedBy({ann.id}).size(), 2);
    }

    void settingsAndTheAuditLog()
    {
        Storage storage;
        open(storage);
        QCOMPARE(storage.siteSettings().editMinutes, Protocol::DefaultEditMinutes);
        storage.setSiteSettings({u"Welcome"_s, 5});
        storage.setSiteSettings({u"Welcome back"_s, 7});
        QCOMPARE(storage.siteSettings().motd, u"Welcome back"_s);
        QCOMPARE(storage.siteSettings().editMinutes, 7);
        storage.addAuditEntry({0, 0, std::nullopt, u"ban"_s, u"eve"_s, {}});
        storage.addAuditEntry({0, 0, u"ann"_s, u"unban"_s, u"eve"_s, u"appeal"_s});
        const auto entries = storage.auditEntries(std::nullopt, 10);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].action, u"unban"_s); // newest first
        QCOMPARE(entries[1].actor, std::nullopt);
        QCOMPARE(storage.auditEntries(entries[0].id, 10).size(), 1);
    }

    void aFailedWriteInABatchUndoesOnlyItself()
    {
        Storage storage;
        open(storage);
        const Author ann = author(storage, u"ann"_s);
        const qint64 room = storage.createRoom(u"batch"_s, {}, std::nullopt)->id;
        storage.beginBatch();
        QVERIFY(storage.inSavepoint([&] {
            storage.insertMessage(room, ann, u"kept"_s, {});
            return true;
        }));
        QVERIFY(!storage.inSavepoint([&] {
            try {
                storage.insertMessage(room + 1000, ann, u"no such room"_s, {});
                return true;
            } catch (const StorageError &) {
                return false;
            }
        }));
        QVERIFY(storage.inSavepoint([&] {
            storage.insertMessage(room, ann, u"kept too"_s, {});
            return true;
        }));
        QVERIFY(!storage.batchBroken());
        storage.commitBatch();
        QCOMPARE(storage.messagesBefore(room, std::nullopt, 10).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
