#include "storage/storage.h"
#include "testclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

// The finchat-server executable as an admin runs it.
class TestServerProcess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;

    // Starts the server on a free loopback port and returns that port (0 on failure).
    quint16 start(QProcess &process, const QStringList &extra = {})
    {
        process.setProgram(QStringLiteral(FINCHAT_SERVER_BINARY));
        process.setArguments(QStringList{u"--listen"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
                                         u"--database"_s, m_folder.filePath(u"server.db"_s)} +
                             extra);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start();
        if (!process.waitForStarted())
            return 0;
        static const QRegularExpression listening(
            u"listening on ws://127\\.0\\.0\\.1:(\\d+).*data in (.+)"_s);
        QString output;
        static_cast<void>(QTest::qWaitFor(
            [&] {
                output += QString::fromUtf8(process.readAll());
                return listening.match(output).hasMatch() ||
                       process.state() == QProcess::NotRunning;
            },
            10'000));
        const auto match = listening.match(output);
        if (!match.hasMatch())
            qWarning().noquote() << "server output:" << output;
        return match.hasMatch() ? static_cast<quint16>(match.captured(1).toUInt()) : 0;
    }

private slots:
    // A database that opens but cannot be read as FinChat's (a damaged or foreign file) is
    // a message and exit code 1, never an abort.
    void unreadableDatabaseIsAMessageNotACrash()
    {
        const QString path = m_folder.filePath(u"broken.db"_s);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"broken"_s);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            // Claims the current schema, but has only one of its tables: it opens, and fails
            // when the server reads its rooms.
            QVERIFY(query.exec(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s));
            QVERIFY(query.exec(u"CREATE TABLE messages (created_at INTEGER)"_s));
            QVERIFY(query.exec(u"INSERT INTO schema_version (version) VALUES (1)"_s));
        }
        QSqlDatabase::removeDatabase(u"broken"_s);
        QProcess process;
        process.start(QStringLiteral(FINCHAT_SERVER_BINARY),
                      {u"--listen"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s, u"--database"_s, path});
        QVERIFY(process.waitForFinished(10'000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        const QString errors = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(errors.contains(u"finchat-server: "_s), qPrintable(errors));
    }

    void versionAndHelp()
    {
        QProcess process;
        process.start(QStringLiteral(FINCHAT_SERVER_BINARY), {u"--version"_s});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
                 u"finchat-server %1"_s.arg(QStringLiteral(FINCHAT_VERSION_STRING)));
        process.start(QStringLiteral(FINCHAT_SERVER_BINARY), {u"--help"_s});
        QVERIFY(process.waitForFinished());
        const QString help = QString::fromUtf8(process.readAllStandardOutput());
        for (const QString &option :
             {u"--config"_s, u"--listen"_s, u"--port"_s, u"--database"_s, u"--plugins-dir"_s})
            QVERIFY2(help.contains(option), qPrintable(option));
    }

    void badOptionFailsWithMessage()
    {
        QProcess process;
        process.start(QStringLiteral(FINCHAT_SERVER_BINARY), {u"--port"_s, u"banana"_s});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(u"banana"_s));
    }

    void sigtermShutsDownCleanlyKeepingAcknowledgedMessages()
    {
        QProcess process;
        const quint16 port = start(process);
        QVERIFY(port != 0);

        TestClient client;
        QVERIFY(client.open(QUrl(u"ws://127.0.0.1:%1"_s.arg(port))));
        QCOMPARE(client.signUp(u"admin"_s).value(u"type"_s).toString(), Type::LoginOk);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(client.send(u"general"_s, u"note %1"_s.arg(i)).value(u"type"_s).toString(),
                     Type::MessageSendOk);

        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(10'000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);

        Storage storage;
        storage.openSqlite(m_folder.filePath(u"server.db"_s));
        const QList<RoomRecord> rooms = storage.rooms();
        QCOMPARE(rooms.size(), 1);
        QCOMPARE(rooms.first().name, u"general"_s);
        const auto messages = storage.messagesBefore(rooms.first().id, std::nullopt, 100);
        QCOMPARE(messages.size(), 10);
        QCOMPARE(messages.last().body, u"note 9"_s);
    }

    void refusesAPortInUse()
    {
        QProcess first;
        const quint16 port = start(first);
        QVERIFY(port != 0);
        QProcess second;
        second.setProcessChannelMode(QProcess::MergedChannels);
        second.start(QStringLiteral(FINCHAT_SERVER_BINARY),
                     {u"--listen"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port),
                      u"--database"_s, m_folder.filePath(u"other.db"_s)});
        QVERIFY(second.waitForFinished());
        QCOMPARE(second.exitCode(), 1);
        QVERIFY(QString::fromUtf8(second.readAll()).contains(u"cannot listen"_s));
        first.terminate();
        QVERIFY(first.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
