#include "startup/serveroptions.h"

#include "finchat/botmanifest.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace FinChat;
using namespace Qt::StringLiterals;

class TestServerOptions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;

    // A file of its own for each call: QSettings caches a file it has read in this process,
    // and may not notice it rewritten within the same second.
    QString writeConfig(const QByteArray &text)
    {
        static int written = 0;
        const QString path = m_folder.filePath(u"finchat-%1.ini"_s.arg(++written));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write config");
        file.write(text);
        return path;
    }

private slots:
    void defaults()
    {
        const auto result = ServerOptions::parse({u"finchat-server"_s});
        QCOMPARE(result.action, ServerOptions::Action::Run);
        QCOMPARE(result.config.port, ServerConfig::DefaultPort);
        QCOMPARE(result.config.registration, Registration::Open);
        QVERIFY(!result.config.metrics.port); // off unless a port is set
        QVERIFY(!result.config.tls.plaintext);
        QCOMPARE(result.config.listenAddress, QHostAddress(QHostAddress::Any));
        QVERIFY(result.config.announce.enabled); // on the LAN, colleagues' apps list it
        QVERIFY(result.config.database.sqlitePath().endsWith(u"finchat.db"_s));
        QCOMPARE(result.config.limits.maxBodyLength, 4000);
        QCOMPARE(result.config.limits.maxIncomingMessageBytes, 64 * 1024);
        QCOMPARE(result.config.limits.failedLoginsPerMinute, 5);
        QCOMPARE(result.config.limits.messageBurst, 20);
    }

    void commandLineWinsOverFile()
    {
        const QString config =
            writeConfig("[server]\nport=9000\nlisten=127.0.0.1\ndatabase=data/chat.db\n"
                        "plugins_dir=bots\n[limits]\nmax_body_length=100\nmessage_burst=3\n");
        const auto result = ServerOptions::parse(
            {u"finchat-server"_s, u"--config"_s, config, u"--port"_s, u"9100"_s});
        QCOMPARE(result.action, ServerOptions::Action::Run);
        QCOMPARE(result.config.port, 9100);
        QCOMPARE(result.config.listenAddress, QHostAddress(QHostAddress::LocalHost));
        // Relative paths in the file are relative to the file.
        QCOMPARE(result.config.database.sqlitePath(), m_folder.filePath(u"data/chat.db"_s));
        // The standard plugin folders come first, then the configured one.
        QCOMPARE(result.config.pluginDirs,
                 standardBotPluginDirs() + QStringList{m_folder.filePath(u"bots"_s)});
        QCOMPARE(result.config.limits.maxBodyLength, 100);
        QCOMPARE(result.config.limits.messageBurst, 3);
        QVERIFY(!result.config.announce.enabled); // listening on loopback: nobody to tell
    }

    void aPostgresDatabaseIsAUriWithoutAPassword()
    {
        // In the file, a URI is taken as it is, not as a path relative to the file.
        const QString config = writeConfig(
            "[server]\ndatabase=postgresql://finchat@db.example:5433/chat?sslmode=require\n");
        const auto result = ServerOptions::parse({u"finchat-server"_s, u"--config"_s, config});
        QCOMPARE(result.action, ServerOptions::Action::Run);
        QVERIFY(result.config.database.isPostgres());
        const PostgresLocation &postgres = result.config.database.postgres();
        QCOMPARE(postgres.host, u"db.example"_s);
        QCOMPARE(postgres.port, 5433);
        QCOMPARE(postgres.user, u"finchat"_s);
        QCOMPARE(postgres.database, u"chat"_s);
        QCOMPARE(postgres.options, u"sslmode=require"_s);
        // The connection gives up on a silent host in seconds, unless the URI says otherwise.
        const QString connectOptions = postgres.connection(u"options-test"_s).connectOptions();
        QSqlDatabase::removeDatabase(u"options-test"_s);
        QVERIFY(connectOptions.contains(u"connect_timeout=5"_s));
        QVERIFY(connectOptions.contains(u"sslmode=require"_s));
        const auto patient = ServerOptions::parse(
            {u"finchat-server"_s, u"--database"_s, u"postgresql://db/chat?connect_timeout=60"_s});
        const QString patientOptions =
            patient.config.database.postgres().connection(u"options-test"_s).connectOptions();
        QSqlDatabase::removeDatabase(u"options-test"_s);
        QVERIFY(patientOptions.contains(u"connect_timeout=60"_s));
        QVERIFY(!patientOptions.contains(u"connect_timeout=5"_s));
        // The generated certificate stays in the data folder.
        QCOMPARE(result.config.tls.generatedFolder,
                 QFileInfo(ServerOptions::defaultDatabasePath()).absolutePath());
        // A Unix socket's folder, as libpq writes it; and read back from what logs show.
        const auto socket = ServerOptions::parse(
            {u"finchat-server"_s, u"--database"_s, u"postgres:///chat?host=/run/postgresql"_s});
        QCOMPARE(socket.config.database.postgres().host, u"/run/postgresql"_s);
        const auto shown = ServerOptions::parse(
            {u"finchat-server"_s, u"--database"_s, socket.config.database.display()});
        QCOMPARE(shown.config.database.postgres().host, u"/run/postgresql"_s);
        QCOMPARE(shown.config.database.postgres().database, u"chat"_s);

        // An IPv6 address reads back from what the logs show.
        const auto v6 = ServerOptions::parse(
            {u"finchat-server"_s, u"--database"_s, u"postgresql://finchat@[::1]:5433/chat"_s});
        QCOMPARE(v6.config.database.postgres().host, u"::1"_s);
        const auto v6Again = ServerOptions::parse(
            {u"finchat-server"_s, u"--database"_s, v6.config.database.display()});
        QCOMPARE(v6Again.config.database.postgres().host, u"::1"_s);
        QCOMPARE(v6Again.config.database.postgres().port, 5433);
        // Unquoted, a value with a comma is a list to INI: refused, not read as no setting.
        const auto listed =
            ServerOptions::parse({u"finchat-server"_s, u"--config"_s,
                                  writeConfig("[server]\ndatabase=postgresql://h1,h2/chat\n")});
        QCOMPARE(listed.action, ServerOptions::Action::Fail);
        QVERIFY2(listed.text.contains(u"double quotes"_s), qPrintable(listed.text));

        // A password never goes on a command line or in a file anyone may read, nor slips in
        // as another parameter's value.
        for (const QString &refused :
             {u"postgresql://finchat:secret@db/chat"_s, u"postgresql://db/chat?password=x"_s,
              u"postgresql://db/"_s, u"postgresql://db/chat?options=a;b"_s,
              u"postgresql://db/chat?sslmode=prefer%20password=secret"_s,
              u"postgresql://db/chat?port=abc"_s, u"postgresql://db/chat?Bad-Key=1"_s}) {
            const auto failed =
                ServerOptions::parse({u"finchat-server"_s, u"--database"_s, refused});
            QCOMPARE(failed.action, ServerOptions::Action::Fail);
            QVERIFY2(!failed.text.contains(u"secret"_s), qPrintable(failed.text));
        }
        // migrate and --from go together.
        QCOMPARE(ServerOptions::parse({u"finchat-server"_s, u"migrate"_s, u"x.db"_s}).action,
                 ServerOptions::Action::Fail);
        QCOMPARE(ServerOptions::parse({u"finchat-server"_s, u"--from"_s, u"sqlite"_s}).action,
                 ServerOptions::Action::Fail);
        QCOMPARE(ServerOptions::parse(
                     {u"finchat-server"_s, u"migrate"_s, u"--from"_s, u"sqlite"_s, u"x.db"_s})
                     .action,
                 ServerOptions::Action::RunTool);
    }

    void trustedProxiesAreAddressesOrSubnets()
    {
        const auto parsed = ServerOptions::parse(
            {u"finchat-server"_s, u"--config"_s,
             writeConfig("[server]\ntrusted_proxies=10.0.0.5, 10.0.1.0/24, ::1\n")});
        QCOMPARE(parsed.action, ServerOptions::Action::Run);
        QCOMPARE(parsed.config.trustedProxies.size(), 3);
        QCOMPARE(parsed.config.trustedProxies[0],
                 (std::pair<QHostAddress, int>{QHostAddress(u"10.0.0.5"_s), 32}));
        QCOMPARE(parsed.config.trustedProxies[1].second, 24);
        for (const char *wrong : {"haproxy.local", "10.0.0.5/40", "10.0.0.5 10.0.0.6"}) {
            const auto refused = ServerOptions::parse(
                {u"finchat-server"_s, u"--config"_s,
                 writeConfig(QByteArray("[server]\ntrusted_proxies=") + wrong + "\n")});
            QCOMPARE(refused.action, ServerOptions::Action::Fail);
            QVERIFY2(refused.text.contains(u"trusted_proxies"_s), qPrintable(refused.text));
        }
    }

    void standardPluginFoldersIncludeTheAdministratorsOwn()
    {
        // The installed folder beside bin/ (here the build tree, which mirrors it); on Linux
        // the one a bot built with the SDK installs into with CMake's default prefix; the
        // per-user one.
        QStringList expected{
            QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../lib/finchat/plugins"_s)};
#if defined(Q_OS_LINUX)
        expected.append(u"/usr/local/lib/finchat/plugins"_s);
#endif
        expected.append(QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                            .filePath(u"FinChat/finchat-server/plugins"_s));
        QCOMPARE(standardBotPluginDirs(), expected);
    }

    void pluginsCanBeLeftToTheBotRunner()
    {
        const auto off =
            ServerOptions::parse({u"finchat-server"_s, u"--config"_s,
                                  writeConfig("[server]\nload_plugins=false\nplugins_dir=bots\n")});
        QCOMPARE(off.action, ServerOptions::Action::Run);
        QVERIFY(off.config.pluginDirs.isEmpty());
        const auto bad = ServerOptions::parse(
            {u"finchat-server"_s, u"--config"_s, writeConfig("[server]\nload_plugins=no\n")});
        QCOMPARE(bad.action, ServerOptions::Action::Fail);
    }

    void announcingCanBeTurnedOff()
    {
        const auto off = ServerOptions::parse(
            {u"finchat-server"_s, u"--config"_s, writeConfig("[server]\nannounce=false\n")});
        QCOMPARE(off.action, ServerOptions::Action::Run);
        QVERIFY(!off.config.announce.enabled);
        const auto bad = ServerOptions::parse(
            {u"finchat-server"_s, u"--config"_s, writeConfig("[server]\nannounce=maybe\n")});
        QCOMPARE(bad.action, ServerOptions::Action::Fail);
        QVERIFY(bad.text.contains(u"server/announce"_s));
    }

    void rejectsBadValues_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("port") << QStringList{u"--port"_s, u"70000"_s};
        QTest::newRow("address") << QStringList{u"--listen"_s, u"not-an-address"_s};
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s};
        QTest::newRow("missing config")
            << QStringList{u"--config"_s, u"/nonexistent/finchat.ini"_s};
        QTest::newRow("stray argument") << QStringList{u"extra"_s};
    }
    void rejectsBadValues()
    {
        QFETCH(QStringList, arguments);
        arguments.prepend(u"finchat-server"_s);
        const auto result = ServerOptions::parse(arguments);
        QCOMPARE(result.action, ServerOptions::Action::Fail);
        QVERIFY(!result.text.isEmpty());
    }

    void rejectsOutOfRangeLimitInFile()
    {
        const QString config = writeConfig("[limits]\nmax_body_length=0\n");
        const auto result = ServerOptions::parse({u"finchat-server"_s, u"--config"_s, config});
        QCOMPARE(result.action, ServerOptions::Action::Fail);
        QVERIFY2(result.text.contains(u"max_body_length"_s), qPrintable(result.text));
    }

    void rejectsUnknownSettings_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("named");
        QTest::newRow("misspelt limit")
            << QByteArray("[limits]\nmax_body_lenght=10\n") << u"limits/max_body_lenght"_s;
        QTest::newRow("unknown section")
            << QByteArray("[limit]\nmax_body_length=10\n") << u"limit/max_body_length"_s;
        QTest::newRow("unknown server key")
            << QByteArray("[server]\nlisten_port=7000\n") << u"server/listen_port"_s;
        QTest::newRow("bad durability")
            << QByteArray("[server]\ndurability=sometimes\n") << u"durability"_s;
        QTest::newRow("bad metrics port") << QByteArray("[metrics]\nport=http\n") << u"metrics"_s;
        QTest::newRow("bad metrics address, even while off")
            << QByteArray("[metrics]\nlisten=everywhere\n") << u"metrics"_s;
        QTest::newRow("bad registration")
            << QByteArray("[server]\nregistration=invites\n") << u"registration"_s;
    }
    void rejectsUnknownSettings()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, named);
        const auto result =
            ServerOptions::parse({u"finchat-server"_s, u"--config"_s, writeConfig(ini)});
        QCOMPARE(result.action, ServerOptions::Action::Fail);
        QVERIFY2(result.text.contains(named), qPrintable(result.text));
    }

    void botSectionsTakeAnyKey()
    {
        const auto result = ServerOptions::parse(
            {u"finchat-server"_s, u"--config"_s,
             writeConfig("[server]\ndurability=normal\nregistration=invite\n[bot.somebot]\n"
                         "anything=1\n")});
        QCOMPARE(result.action, ServerOptions::Action::Run);
        QCOMPARE(result.config.durability, Durability::Normal);
        QCOMPARE(result.config.registration, Registration::Invite);
        QCOMPARE(result.config.botSettings.value(u"somebot"_s).value(u"anything"_s).toInt(), 1);
    }

    void exampleConfigStatesTheDefaults()
    {
        // packaging/finchat-server.ini lists every setting, commented out, at its default:
        // switched on, it must parse to exactly the built-in defaults.
        QFile example(QStringLiteral(FINCHAT_SOURCE_DIR "/packaging/finchat-server.ini"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QByteArray enabled;
        int settings = 0;
        for (QByteArray line : example.readAll().split('\n')) {
            if (line.startsWith(';') && line.contains('=') && !line.contains(' ')) {
                line = line.mid(1);
                ++settings;
            }
            if (!line.startsWith("database=") && !line.startsWith("plugins_dir=") &&
                !line.startsWith("listen=") && !line.startsWith("certificate=") &&
                !line.startsWith("key="))
                enabled += line + '\n';
        }
        QCOMPARE(settings, 38); // 10 server, 2 tls, 1 metrics, all 20 limits, 5 stock bot settings
        const auto result =
            ServerOptions::parse({u"finchat-server"_s, u"--config"_s, writeConfig(enabled)});
        QCOMPARE(result.action, ServerOptions::Action::Run);
        const ServerLimits defaults;
        const ServerLimits &parsed = result.config.limits;
        QCOMPARE(result.config.port, ServerConfig::DefaultPort);
        QVERIFY(result.config.announce.enabled);
        QCOMPARE(parsed.maxBodyLength, defaults.maxBodyLength);
        QCOMPARE(parsed.maxIncomingMessageBytes, defaults.maxIncomingMessageBytes);
        QCOMPARE(parsed.loginTimeout, defaults.loginTimeout);
        QCOMPARE(parsed.failedLoginsPerMinute, defaults.failedLoginsPerMinute);
        QCOMPARE(parsed.pendingHashesPerAddress, defaults.pendingHashesPerAddress);
        QCOMPARE(parsed.pendingHashes, defaults.pendingHashes);
        QCOMPARE(parsed.maxRequestsInFlight, defaults.maxRequestsInFlight);
        QCOMPARE(parsed.registrationsPerHour, defaults.registrationsPerHour);
        QCOMPARE(parsed.messageBurst, defaults.messageBurst);
        QCOMPARE(parsed.messageWindow, defaults.messageWindow);
        QCOMPARE(parsed.requestBurst, defaults.requestBurst);
        QCOMPARE(parsed.requestWindow, defaults.requestWindow);
        QCOMPARE(parsed.clusterHeartbeat, defaults.clusterHeartbeat);
        QVERIFY(result.config.trustedProxies.isEmpty());
        QCOMPARE(parsed.maxConnectionsPerAddress, defaults.maxConnectionsPerAddress);
        QCOMPARE(parsed.maxConnections, defaults.maxConnections);
        QCOMPARE(parsed.maxOutgoingBufferBytes, defaults.maxOutgoingBufferBytes);
        QCOMPARE(parsed.sessionLifetimeDays, defaults.sessionLifetimeDays);
        QCOMPARE(parsed.botReplyTimeout, defaults.botReplyTimeout);
        QCOMPARE(parsed.botTokenCheckInterval, defaults.botTokenCheckInterval);
        const QVariantMap stockbot = result.config.botSettings.value(u"stockbot"_s);
        QCOMPARE(stockbot.value(u"stooq_url"_s).toString(), u"https://stooq.com/q/l/"_s);
        QCOMPARE(stockbot.value(u"timeout_ms"_s).toInt(), 5000);
        QCOMPARE(stockbot.value(u"cache_seconds"_s).toInt(), 15);
    }

    void helpAndVersion()
    {
        QCOMPARE(ServerOptions::parse({u"finchat-server"_s, u"--help"_s}).action,
                 ServerOptions::Action::ShowHelp);
        const auto version = ServerOptions::parse({u"finchat-server"_s, u"--version"_s});
        QCOMPARE(version.action, ServerOptions::Action::ShowVersion);
        QVERIFY(version.text.contains(QStringLiteral(FINCHAT_VERSION_STRING)));
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"finchat-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FINCHAT_VERSION_STRING));
    TestServerOptions test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_serveroptions.moc"
