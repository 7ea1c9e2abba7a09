#include "bots/bothost.h"
#include "servertestmain.h"
#include "testcertificate.h"
#include "testclient.h"
#include "testserver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString StockBotDir = QStringLiteral(FINCHAT_PLUGIN_OUTPUT_DIR);
const QString TestBotDir = QStringLiteral(FINCHAT_TEST_PLUGIN_DIR "/testbot");
const QString BrokenDir = QStringLiteral(FINCHAT_TEST_PLUGIN_DIR "/broken");
const QString ExampleBotDir = QStringLiteral(FINCHAT_EXAMPLE_BOT_DIR);

ServerConfig withPlugins(const QStringList &folders)
{
    ServerConfig config;
    config.pluginDirs = folders;
    config.limits.botReplyTimeout = std::chrono::milliseconds(500);
    return config;
}

// The report for the plugin file whose name contains this.
BotHost::PluginReport reportFor(const BotHost &host, const QString &fileNamePart)
{
    for (const BotHost::PluginReport &report : host.reports()) {
        if (QFileInfo(report.path).fileName().contains(fileNamePart))
            return report;
    }
    return {};
}
} // namespace

class TestBotHost : public QObject
{
    Q_OBJECT

private slots:
    void brokenPluginsAreSkippedWithAReason()
    {
        // A folder of broken plugins, plus a file that merely looks like one.
        QTemporaryDir junk;
        QFile fake(junk.filePath(u"libnotaplugin.so"_s));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("this is not a shared library");
        fake.close();

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"skipped plugin .*"_s));
        for (int i = 0; i < 5; ++i)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"skipped plugin .*"_s));
        TestServer server(withPlugins({StockBotDir, BrokenDir, junk.path()}));
        const BotHost &host = *server.server().bots();
        QCOMPARE(host.botNames(), QStringList{u"stockbot"_s});

        const auto expectSkipped = [&](const QString &file, const QString &because) {
            const BotHost::PluginReport report = reportFor(host, file);
            QVERIFY2(!report.path.isEmpty(), qPrintable(file));
            QVERIFY(!report.loaded);
            QVERIFY2(report.detail.contains(because), qPrintable(file + u": "_s + report.detail));
        };
        expectSkipped(u"wrongiid"_s, u"not a FinChat bot"_s);
        expectSkipped(u"futureiid"_s, u"org.finchat.BotPlugin/2"_s);
        expectSkipped(u"nometadata"_s, u"missing metadata"_s);
        expectSkipped(u"hollowbot"_s, u"does not implement the bot interface"_s);
        expectSkipped(u"stealerbot"_s, u"/stock is already answered by stockbot"_s);
        expectSkipped(u"notaplugin"_s, u"not a Qt plugin"_s);

        // The server works, and the one good bot answers.
        TestClient alice;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QCOMPARE(typeOf(alice.send(u"general"_s, u"hello"_s)), Type::MessageSendOk);
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/stock="_s)), Type::MessageSendOk);
        QVERIFY(alice.waitForEvent(Type::BotMessage)
                    .value(u"body"_s)
                    .toString()
                    .startsWith(u"Usage"_s));
        QCOMPARE(codeOf(alice.send(u"general"_s, u"/hollow"_s)), u"unknown_command"_s);
    }

    void exampleBotFromTheDocsLoadsAndAnswers()
    {
        TestServer server(withPlugins({ExampleBotDir}));
        QCOMPARE(server.server().bots()->botNames(), QStringList{u"echobot"_s});
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/echo=to the moon, 100%"_s)),
                 Type::MessageSendOk);
        const QJsonObject reply = bob.waitForEvent(Type::BotMessage);
        QCOMPARE(reply.value(u"body"_s).toString(), u"to the moon, 100%"_s);
        QCOMPARE(reply.value(u"user"_s).toString(), u"echobot"_s);
        QCOMPARE(reply.value(u"displayName"_s).toString(), u"Echo"_s);

        // Its refusal reaches the asker alone.
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/echo"_s)), Type::MessageSendOk);
        const QJsonObject notice = alice.waitForEvent(Type::Notice);
        QCOMPARE(notice.value(u"code"_s).toString(), Protocol::NoticeCode::BotFailed);
        QVERIFY(notice.value(u"text"_s).toString().contains(u"nothing to echo"_s));
        QVERIFY(bob.noEvent(Type::Notice));
        QVERIFY(bob.noEvent(Type::BotMessage));
    }

    void misbehavingBotsNeverHurtTheServer()
    {
        TestServer server(withPlugins({TestBotDir}));
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));

        // An exception inside the bot: the asker is told, nobody else, and all goes on.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"threw on.*boom"_s));
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/boom"_s)), Type::MessageSendOk);
        QCOMPARE(alice.waitForEvent(Type::Notice).value(u"code"_s).toString(),
                 Protocol::NoticeCode::BotFailed);

        // No answer in time: a timeout notice to the asker.
        QCOMPARE(typeOf(bob.send(u"general"_s, u"/silent"_s)), Type::MessageSendOk);
        const QJsonObject timeout = bob.waitForEvent(Type::Notice);
        QCOMPARE(timeout.value(u"code"_s).toString(), Protocol::NoticeCode::BotTimeout);
        QVERIFY(timeout.value(u"text"_s).toString().contains(u"/silent"_s));

        // Two answers to one request: only the first is delivered.
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/twice"_s)), Type::MessageSendOk);
        QCOMPARE(bob.waitForEvent(Type::BotMessage).value(u"body"_s).toString(), u"first"_s);
        QVERIFY(bob.noEvent(Type::BotMessage));

        // An answer that comes later, within the timeout, is delivered.
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/later"_s)), Type::MessageSendOk);
        QCOMPARE(bob.waitForEvent(Type::BotMessage).value(u"body"_s).toString(), u"done"_s);

        QCOMPARE(typeOf(alice.send(u"general"_s, u"still talking"_s)), Type::MessageSendOk);
        QCOMPARE(server.storedMessageCount(), 1);
    }

    // A bot that answers from a thread of its own: the answer reaches everyone in the room
    // through the server's thread, and both connections stay usable.
    void answerFromAnotherThreadIsDelivered()
    {
        TestServer server(withPlugins({TestBotDir}));
        TestClient alice, bob;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(typeOf(alice.send(u"general"_s, u"/threaded"_s)), Type::MessageSendOk);
            QCOMPARE(alice.waitForEvent(Type::BotMessage)[u"body"_s].toString(),
                     u"from a thread"_s);
            QCOMPARE(bob.waitForEvent(Type::BotMessage)[u"body"_s].toString(), u"from a thread"_s);
        }
        QCOMPARE(typeOf(bob.send(u"general"_s, u"still talking"_s)), Type::MessageSendOk);
        QVERIFY(!alice.waitForEvent(Type::MessageNew).isEmpty());
    }

    // A reply's data is bounded like its text: the text goes out, the megabyte does not.
    void oversizedReplyDataIsDropped()
    {
        TestServer server(withPlugins({TestBotDir}));
        TestClient alice;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"testbot sent more than"_s));
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/bigdata"_s)), Type::MessageSendOk);
        const QJsonObject reply = alice.waitForEvent(Type::BotMessage);
        QCOMPARE(reply[u"body"_s].toString(), u"big"_s);
        QVERIFY(!reply.contains(u"data"_s));
    }

    void aPersonsNameIsNotTakenByABot()
    {
        QTemporaryDir folder;
        const QString database = folder.filePath(u"chat.db"_s);
        {
            Storage storage;
            storage.openSqlite(database);
            QVERIFY(storage.createUser(u"testbot"_s, u"A person"_s, u"$argon2id$fake"_s));
        }
        StorageThread storage;
        storage.openSqlite(database);
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(u"skipped plugin .*a person already has the username testbot"_s));
        ServerConfig config = withPlugins({TestBotDir});
        TestCertificate::applyTo(config.tls);
        ChatServer server(storage, config);
        QVERIFY(server.bots()->botNames().isEmpty());
        const auto person =
            storage.blocking([](Storage &opened) { return opened.userByName(u"testbot"_s); });
        QCOMPARE(person->displayName, u"A person"_s);
        QVERIFY(!person->isBot);
    }

    void noFoldersNoBots()
    {
        TestServer server;
        QVERIFY(server.server().bots()->botNames().isEmpty());
        TestClient alice;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QCOMPARE(codeOf(alice.send(u"general"_s, u"/stock=aapl.us"_s)), u"unknown_command"_s);
    }
};

FINCHAT_SERVER_TEST_MAIN(TestBotHost)
#include "tst_bothost.moc"
