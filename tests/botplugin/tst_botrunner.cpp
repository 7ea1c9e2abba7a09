#include "servertestmain.h"
#include "stooqstandin.h"
#include "testcertificate.h"
#include "testclient.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString TestPluginDir = QStringLiteral(FINCHAT_TEST_PLUGIN_DIR);

// The plugin library built for a bot, by the start of its file name.
QString builtPlugin(const QString &folder, const QString &name)
{
    const QFileInfoList files = QDir(folder).entryInfoList({u"*%1*"_s.arg(name)}, QDir::Files);
    return files.isEmpty() ? QString() : files.constFirst().absoluteFilePath();
}

bool lists(TestClient &client, const QString &command)
{
    const QJsonArray commands = client.request(Type::CommandsList).value(u"commands"_s).toArray();
    return std::any_of(commands.cbegin(), commands.cend(), [&](const QJsonValue &info) {
        return info.toObject().value(u"name"_s).toString() == command;
    });
}
} // namespace

// finchat-botrunner, the program, serving plugins to a real server over the wire: the
// unchanged stock bot against the stand-in for stooq, a runner killed mid-request, a plugin
// that crashes it, and plugins copied in while everything runs.
class TestBotRunner : public QObject
{
    Q_OBJECT

private:
    StooqStandIn m_stooq;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<QTemporaryDir> m_folder; // plugins/, tokens/, runner.ini
    QProcess m_runner;
    QString m_runnerLog;

    QString pluginsDir() const { return m_folder->filePath(u"plugins"_s); }
    QString tokensDir() const { return m_folder->filePath(u"tokens"_s); }

    // An account for the bot and its token where the runner looks, as an administrator
    // would: finchat-server bot add NAME > tokens/NAME.token.
    bool giveToken(const QString &bot)
    {
        return m_server->writeBotToken(bot, bot, QDir(tokensDir()).filePath(bot + u".token"_s));
    }

    // Copies a plugin into the runner's folder the way an administrator should, whole: to a
    // temporary name first, then renamed.
    bool dropIn(const QString &library)
    {
        const QString target = QDir(pluginsDir()).filePath(QFileInfo(library).fileName());
        const QString partial = target + u".part"_s;
        QFile::remove(partial);
        return QFile::copy(library, partial) && (!QFile::exists(target) || QFile::remove(target)) &&
               QFile::rename(partial, target);
    }

    void startRunner()
    {
        QFile config(m_folder->filePath(u"runner.ini"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(u"[runner]\nserver=%1\nplugins_dir=plugins\ntokens_dir=tokens\n"
                     "server_certificate=%2\n[bot.stockbot]\nstooq_url=%3\ntimeout_ms=5000\n"_s
                         .arg(m_server->url().toString(), TestCertificate::certificateFile(),
                              m_stooq.baseUrl().toString())
                         .toUtf8());
        config.close();
        m_runnerLog.clear();
        m_runner.setProgram(QStringLiteral(FINCHAT_BOTRUNNER_BINARY));
        m_runner.setArguments({u"--config"_s, config.fileName()});
        m_runner.setProcessChannelMode(QProcess::MergedChannels);
        m_runner.start();
        QVERIFY(m_runner.waitForStarted());
    }

    // QProcess::waitForFinished() is false for a process that has already ended.
    bool runnerEnded(int timeoutMs = 10'000)
    {
        return m_runner.state() == QProcess::NotRunning || m_runner.waitForFinished(timeoutMs);
    }

    // Waits until the server lists the command: its bot is connected and announced.
    bool waitUntilListed(const QString &command, int timeoutMs = 15'000)
    {
        const bool listed = QTest::qWaitFor([&] { return lists(*m_alice, command); }, timeoutMs);
        m_runnerLog += QString::fromUtf8(m_runner.readAll());
        if (!listed)
            qWarning().noquote() << "runner output:" << m_runnerLog;
        return listed;
    }

    QJsonObject askInTheRoom(const QString &command, int timeoutMs = TestClient::DefaultTimeoutMs)
    {
        if (typeOf(m_alice->send(u"general"_s, command)) != Type::MessageSendOk)
            return {};
        return m_bob->waitForEvent(Type::BotMessage, timeoutMs);
    }

    // Asks until the bot answers: a listed command's bot may still be on its way back.
    bool answersSoon(const QString &command, const QString &answerStart)
    {
        return QTest::qWaitFor(
            [&] {
                return askInTheRoom(command, 1000)
                    .value(u"body"_s)
                    .toString()
                    .startsWith(answerStart);
            },
            20'000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_stooq.listen());
        m_stooq.setSyntheticQuotes(0); // any code: $101.25
        m_stooq.setAnswer(u"slow.us"_s, {200, StooqStandIn::fixture(u"quote-aapl.us.csv"_s), 3000});
    }

    void init()
    {
        ServerConfig config; // no plugins in the server's own process
        config.limits = TestServer::generousLimits();
        m_server = std::make_unique<TestServer>(config);
        m_alice = std::make_unique<TestClient>();
        m_bob = std::make_unique<TestClient>();
        QVERIFY(m_alice->connectAs(m_server->url(), u"alice"_s));
        QVERIFY(m_bob->connectAs(m_server->url(), u"bob"_s));
        m_folder = std::make_unique<QTemporaryDir>();
        QVERIFY(QDir(m_folder->path()).mkpath(u"plugins"_s));
        QVERIFY(QDir(m_folder->path()).mkpath(u"tokens"_s));
    }

    void cleanup()
    {
        if (m_runner.state() != QProcess::NotRunning) {
            m_runner.kill();
            m_runner.waitForFinished();
        }
        m_alice.reset();
        m_bob.reset();
        m_server.reset();
    }

    void theStockBotAnswersThroughTheRunner()
    {
        // The runner loads the stock bot from the folder it is installed in (the build's),
        // exactly as the server would.
        QVERIFY(giveToken(u"stockbot"_s));
        startRunner();
        QVERIFY(waitUntilListed(u"stock"_s));
        const QJsonObject reply = askInTheRoom(u"/stock=aapl.us"_s);
        QCOMPARE(reply.value(u"user"_s).toString(), u"stockbot"_s);
        QVERIFY2(reply.value(u"body"_s).toString().startsWith(u"AAPL.US quote is $"_s),
                 qPrintable(reply.value(u"body"_s).toString()));
        QVERIFY(!reply.value(u"data"_s).toObject().value(u"quotes"_s).toArray().isEmpty());
        // The server's own questions (quote.get, the price checks) reach it too.
        const QJsonObject quote = m_alice->request(Type::QuoteGet, {{u"code"_s, u"msft.us"_s}});
        QCOMPARE(typeOf(quote), Type::QuoteGetOk);
        QVERIFY2(quote.contains(u"quote"_s), QJsonDocument(quote).toJson().constData());
        QCOMPARE(m_server->storedMessageCount(), 0);
    }

    void killingTheRunnerMidRequestTellsTheAskerAndNobodyElseNotices()
    {
        QVERIFY(giveToken(u"stockbot"_s));
        startRunner();
        QVERIFY(waitUntilListed(u"stock"_s));
        QCOMPARE(typeOf(m_alice->send(u"general"_s, u"/stock=slow.us"_s)), Type::MessageSendOk);
        QVERIFY(QTest::qWaitFor([&] { return m_stooq.requestsFor(u"slow.us"_s) > 0; }, 5000));
        m_runner.kill(); // SIGKILL, mid-request
        QVERIFY(runnerEnded());

        // Told at once, well before the 10 s reply timeout.
        const QJsonObject notice = m_alice->waitForEvent(Type::Notice, 2000);
        QCOMPARE(notice.value(u"code"_s).toString(), u"bot_failed"_s);
        QVERIFY(m_bob->noEvent(Type::Notice));
        QCOMPARE(typeOf(m_bob->send(u"general"_s, u"the chat goes on"_s)), Type::MessageSendOk);
        QCOMPARE(m_alice->waitForEvent(Type::MessageNew)
                     .value(u"message"_s)
                     .toObject()
                     .value(u"body"_s)
                     .toString(),
                 u"the chat goes on"_s);
        QCOMPARE(typeOf(m_alice->send(u"general"_s, u"/stock=aapl.us"_s)), Type::MessageSendOk);
        QCOMPARE(m_alice->waitForEvent(Type::Notice).value(u"code"_s).toString(),
                 u"bot_unavailable"_s);

        // systemd starts it again; so does this test.
        startRunner();
        QVERIFY(answersSoon(u"/stock=aapl.us"_s, u"AAPL.US"_s));
    }

    void aPluginThatSegfaultsTakesOnlyTheRunner()
    {
        QVERIFY(giveToken(u"crashbot"_s));
        QVERIFY(dropIn(builtPlugin(TestPluginDir + u"/crashbot"_s, u"crashbot"_s)));
        startRunner();
        QVERIFY(waitUntilListed(u"crash"_s));
        QCOMPARE(typeOf(m_alice->send(u"general"_s, u"/crash"_s)), Type::MessageSendOk);
        QVERIFY(runnerEnded());
        QVERIFY(m_runner.exitStatus() == QProcess::CrashExit || m_runner.exitCode() != 0);
        QCOMPARE(m_alice->waitForEvent(Type::Notice).value(u"code"_s).toString(), u"bot_failed"_s);
        // The server serves on: a new client logs in and everybody talks.
        TestClient carol;
        QVERIFY(carol.connectAs(m_server->url(), u"carol"_s));
        QCOMPARE(typeOf(carol.send(u"general"_s, u"still up?"_s)), Type::MessageSendOk);
        QVERIFY(!m_bob->waitForEvent(Type::MessageNew).isEmpty());
    }

    void theRunnerWaitsForAServerThatIsNotUpYet()
    {
        QVERIFY(giveToken(u"stockbot"_s));
        m_alice.reset();
        m_bob.reset();
        m_server->stop();
        startRunner();
        QVERIFY(QTest::qWaitFor(
            [&] {
                m_runnerLog += QString::fromUtf8(m_runner.readAll());
                return m_runnerLog.contains(u"lost the server"_s);
            },
            10'000));
        m_server->start();
        m_alice = std::make_unique<TestClient>();
        m_bob = std::make_unique<TestClient>();
        QVERIFY(m_alice->open(m_server->url()));
        QCOMPARE(typeOf(m_alice->login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);
        QVERIFY(m_bob->open(m_server->url()));
        QCOMPARE(typeOf(m_bob->login(u"bob"_s, u"correct horse"_s)), Type::LoginOk);
        QVERIFY(answersSoon(u"/stock=aapl.us"_s, u"AAPL.US"_s));
    }

    void aPluginWaitsForItsTokenAndAFolderMadeLater()
    {
        // The tokens folder does not exist yet when the runner starts; the plugin is there.
        QVERIFY(QDir(tokensDir()).removeRecursively());
        QVERIFY(dropIn(builtPlugin(TestPluginDir + u"/testbot"_s, u"testbot"_s)));
        startRunner();
        QVERIFY(QTest::qWaitFor(
            [&] {
                m_runnerLog += QString::fromUtf8(m_runner.readAll());
                return m_runnerLog.contains(u"testbot waits for its token"_s);
            },
            10'000));
        QVERIFY(!lists(*m_alice, u"later"_s));
        QVERIFY(QDir(m_folder->path()).mkpath(u"tokens"_s));
        QVERIFY(giveToken(u"testbot"_s));
        QVERIFY(answersSoon(u"/later"_s, u"done"_s));
    }

    void pluginsCopiedInAnswerWithoutRestartingTheServer()
    {
        QVERIFY(giveToken(u"stockbot"_s));
        startRunner();
        QVERIFY(waitUntilListed(u"stock"_s));
        const qint64 runnerPid = m_runner.processId();

        // A new plugin and its token, while the server and the runner run.
        QVERIFY(giveToken(u"testbot"_s));
        QVERIFY(dropIn(builtPlugin(TestPluginDir + u"/testbot"_s, u"testbot"_s)));
        QVERIFY(waitUntilListed(u"later"_s));
        QCOMPARE(askInTheRoom(u"/later"_s).value(u"body"_s).toString(), u"done"_s);
        QCOMPARE(m_runner.processId(), runnerPid);

        // A new version of it: the runner starts itself again (same process), and the bot
        // is back; the stock bot too.
        QTest::qWait(1100); // a modification time the runner can tell apart
        QVERIFY(dropIn(builtPlugin(TestPluginDir + u"/testbot"_s, u"testbot"_s)));
        QVERIFY(QTest::qWaitFor(
            [&] {
                m_runnerLog += QString::fromUtf8(m_runner.readAll());
                return m_runnerLog.contains(u"changed - starting again"_s);
            },
            10'000));
        QVERIFY(answersSoon(u"/later"_s, u"done"_s));
        QVERIFY(answersSoon(u"/stock=aapl.us"_s, u"AAPL.US"_s));
        QCOMPARE(m_runner.state(), QProcess::Running);
        QCOMPARE(m_runner.processId(), runnerPid);
    }
};

FINCHAT_SERVER_TEST_MAIN(TestBotRunner)
#include "tst_botrunner.moc"
