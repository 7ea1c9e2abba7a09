#include "testcertificate.h"
#include "testclient.h"
#include "testserver.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString SourceDir = QStringLiteral(FINCHAT_SOURCE_DIR);
const QString ExampleBot = SourceDir + u"/botplugin/examples/python/reverse_bot.py"_s;

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

// docs/plugins.md, "A bot in any language": the Python bot it shows, run as a reader would
// run it, against a real server over TLS.
class TestPythonBot : public QObject
{
    Q_OBJECT

private slots:
    void theDocsShowTheExampleAsItIs()
    {
        const QString docs = readAll(SourceDir + u"/docs/plugins.md"_s);
        const QString code = readAll(ExampleBot);
        QVERIFY(!code.isEmpty());
        QVERIFY2(docs.contains(u"```python\n"_s + code + u"```"_s),
                 "docs/plugins.md must show botplugin/examples/python/reverse_bot.py unchanged");
    }

    void thePythonBotAnswersThroughTheRealServer()
    {
        ServerConfig config;
        config.limits = TestServer::generousLimits();
        TestServer server(config);
        QTemporaryDir folder;
        const QString tokenFile = folder.filePath(u"reverser.token"_s);
        QVERIFY(server.writeBotToken(u"reverser"_s, u"Reverser"_s, tokenFile));

        QProcess bot;
        bot.setProcessChannelMode(QProcess::MergedChannels);
        bot.start(QStringLiteral(FINCHAT_PYTHON),
                  {ExampleBot, u"--server"_s, server.url().toString(), u"--token-file"_s, tokenFile,
                   u"--server-certificate"_s, TestCertificate::certificateFile()});
        QVERIFY(bot.waitForStarted());
        QString output;
        const bool serving = QTest::qWaitFor(
            [&] {
                output += QString::fromUtf8(bot.readAll());
                return output.contains(u"serving"_s) || bot.state() == QProcess::NotRunning;
            },
            20'000);
        QVERIFY2(serving && output.contains(u"serving"_s),
                 qPrintable(u"the bot said: "_s + output +
                            u"\n(is python3-websockets installed for "_s +
                            QStringLiteral(FINCHAT_PYTHON) + u"?)"_s));

        TestClient alice;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        TestClient bob;
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/reverse=stressed"_s)), Type::MessageSendOk);
        const QJsonObject reply = bob.waitForEvent(Type::BotMessage);
        QCOMPARE(reply.value(u"user"_s).toString(), u"reverser"_s);
        QCOMPARE(reply.value(u"displayName"_s).toString(), u"Reverser"_s);
        QCOMPARE(reply.value(u"body"_s).toString(), u"desserts"_s);

        // Its refusal reaches the asker alone.
        QCOMPARE(typeOf(alice.send(u"general"_s, u"/reverse="_s)), Type::MessageSendOk);
        const QJsonObject notice = alice.waitForEvent(Type::Notice);
        QCOMPARE(notice.value(u"code"_s).toString(), u"bot_failed"_s);
        QVERIFY(notice.value(u"text"_s).toString().contains(u"say what"_s));
        QVERIFY(bob.noEvent(Type::Notice));

        bot.kill();
        bot.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestPythonBot)
#include "tst_pythonbot.moc"
