#include "storage/storage.h"
#include "testclient.h"
#include "tls/servercertificate.h"

#include "finchat/fingerprint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <tuple>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

// The finchat-server executable as an admin runs it.
class TestServerProcess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;

    // Reads the server's output into log until done() says so or time runs out.
    template<typename Done>
    static bool readLogUntil(QProcess &process, QString &log, Done done, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                log += QString::fromUtf8(process.readAll());
                return done();
            },
            timeoutMs);
    }

    // Starts the server on a free loopback port and returns that port (0 on failure); the
    // log so far is in output.
    quint16 start(QProcess &process, const QStringList &extra = {}, QString *output = nullptr)
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
            u"listening on wss?://[0-9.]+:(\\d+).*data in (.+)"_s);
        QString log;
        readLogUntil(
            process, log,
            [&] {
                return listening.match(log).hasMatch() || process.state() == QProcess::NotRunning;
            },
            10'000);
        // The fingerprint line follows the listening line.
        readLogUntil(
            process, log,
            [&] { return log.contains(u"fingerprint"_s) || log.contains(u"plaintext"_s); }, 2000);
        const auto match = listening.match(log);
        if (!match.hasMatch())
            qWarning().noquote() << "server output:" << log;
        if (output)
            *output = log;
        return match.hasMatch() ? static_cast<quint16>(match.captured(1).toUInt()) : 0;
    }

    // Trusts the certificate the server made beside its database, as a person does who
    // compared its fingerprint; clients made afterwards connect without questions.
    static QSslCertificate trustGenerated(const QString &folder)
    {
        QFile file(QDir(folder).filePath(
            QString::fromLatin1(Tls::ServerCertificate::CertificateFileName)));
        if (!file.open(QIODevice::ReadOnly))
            return QSslCertificate();
        const QSslCertificate certificate(file.readAll());
        trust(certificate);
        return certificate;
    }

    static void trust(const QSslCertificate &certificate)
    {
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.addCaCertificate(certificate);
        QSslConfiguration::setDefaultConfiguration(trusting);
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_folder.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    void writeIdentity(const Tls::Identity &identity)
    {
        QVERIFY(!writeFile(u"own.pem"_s, identity.certificate.toPem()).isEmpty());
        QVERIFY(!writeFile(u"own.key"_s, identity.key.toPem()).isEmpty());
    }

    static Tls::Identity loopbackIdentity()
    {
        Tls::CertificateRequest request;
        request.commonName = u"127.0.0.1"_s;
        request.addresses = {QHostAddress(QHostAddress::LocalHost)};
        return Tls::CertificateFactory::selfSigned(request);
    }

    struct ToolRun
    {
        int exitCode = -1;
        QString output; // standard output
        QString report; // standard error
    };

    // finchat-server with these arguments on the test's database, as an admin types it, with
    // `input` on its standard input.
    ToolRun runTool(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        process.start(QStringLiteral(FINCHAT_SERVER_BINARY),
                      QStringList{u"--database"_s, m_folder.filePath(u"server.db"_s)} + arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(20'000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
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

    void botAccountsFromTheCommandLine()
    {
        // Not on a database that does not exist: a mistyped path would make a new one.
        const ToolRun nowhere = runTool({u"bot"_s, u"list"_s});
        QCOMPARE(nowhere.exitCode, 1);
        QVERIFY2(nowhere.report.contains(u"there is no database"_s), qPrintable(nowhere.report));
        QVERIFY(!QFile::exists(m_folder.filePath(u"server.db"_s)));
        Storage{}.openSqlite(m_folder.filePath(u"server.db"_s)); // as the server's first start

        const ToolRun added = runTool({u"bot"_s, u"add"_s, u"Quotes"_s, u"Quote"_s, u"Desk"_s});
        QCOMPARE(added.exitCode, 0);
        QVERIFY2(added.report.contains(u"created bot quotes (Quote Desk)"_s),
                 qPrintable(added.report));
        const QString token = added.output.trimmed();
        QCOMPARE(token.size(), 43); // 256 bits, base64url: the token alone, for scripts

        const ToolRun again = runTool({u"bot"_s, u"add"_s, u"quotes"_s});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.report.contains(u"bot token quotes"_s), qPrintable(again.report));

        const ToolRun renewed = runTool({u"bot"_s, u"token"_s, u"quotes"_s});
        QCOMPARE(renewed.exitCode, 0);
        const QString newToken = renewed.output.trimmed();
        QCOMPARE(newToken.size(), 43);
        QVERIFY(newToken != token);

        const ToolRun listed = runTool({u"bot"_s, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.output.startsWith(u"quotes\tQuote Desk\ttoken of "_s),
                 qPrintable(listed.output));

        for (const QStringList &bad :
             {QStringList{u"bot"_s, u"token"_s, u"nobody"_s},
              QStringList{u"bot"_s, u"add"_s, u"no"_s}, QStringList{u"bot"_s, u"frobnicate"_s},
              QStringList{u"bot"_s}}) {
            const ToolRun refused = runTool(bad);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.report.startsWith(u"finchat-server: "_s), qPrintable(refused.report));
            QVERIFY(refused.output.isEmpty());
        }

        // The new token logs the bot in on the running server; the old one no longer does.
        QProcess server;
        const quint16 port = start(server);
        QVERIFY(port != 0);
        QVERIFY(!trustGenerated(m_folder.path()).isNull());
        TestClient old;
        QVERIFY(old.open(QUrl(u"wss://127.0.0.1:%1"_s.arg(port))));
        QCOMPARE(codeOf(old.request(Type::BotLogin, {{u"token"_s, token}})), u"invalid_token"_s);
        TestClient bot;
        QVERIFY(bot.open(QUrl(u"wss://127.0.0.1:%1"_s.arg(port))));
        const QJsonObject loggedIn = bot.request(Type::BotLogin, {{u"token"_s, newToken}});
        QCOMPARE(typeOf(loggedIn), Type::BotLoginOk);
        QCOMPARE(loggedIn.value(u"displayName"_s).toString(), u"Quote Desk"_s);

        // A person's name cannot become a bot's, also while the server runs.
        TestClient person;
        QVERIFY(person.connectAs(QUrl(u"wss://127.0.0.1:%1"_s.arg(port)), u"alice"_s));
        const ToolRun taken = runTool({u"bot"_s, u"add"_s, u"alice"_s});
        QCOMPARE(taken.exitCode, 1);
        QVERIFY2(taken.report.contains(u"alice is a person's username"_s),
                 qPrintable(taken.report));
        server.terminate();
        QVERIFY(server.waitForFinished(10'000));
    }

    void usersFromTheCommandLine()
    {
        Storage{}.openSqlite(m_folder.filePath(u"server.db"_s)); // as the server's first start
        const ToolRun added =
            runTool({u"user"_s, u"add"_s, u"Carol"_s, u"Carol"_s, u"Liddell"_s}, "correct horse\n");
        QCOMPARE(added.exitCode, 0);
        // A role, as the site's first person gets admin and everyone after member (the
        // first is tested in tst_moderation: this folder's database is shared).
        QVERIFY2(added.report.contains(QRegularExpression(
                     u"created user carol \\(Carol Liddell\\), (admin|member)\n"_s)),
                 qPrintable(added.report));
        QVERIFY(!added.report.contains(u"correct horse"_s)); // never shown
        QVERIFY(added.output.isEmpty());
        {
            // In general, as an account registered in the app is.
            Storage storage;
            storage.openSqlite(m_folder.filePath(u"server.db"_s));
            const qint64 carol = storage.userByName(u"carol"_s)->id;
            const qint64 general = storage.roomByName(u"general"_s)->id;
            QVERIFY(storage.memberships().contains(std::pair{general, carol}));
        }

        QCOMPARE(runTool({u"user"_s, u"role"_s, u"carol"_s, u"admin"_s}).exitCode, 0);
        const ToolRun listed = runTool({u"user"_s, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.output.contains(
                     QRegularExpression(u"^carol\tCarol Liddell\tadmin\tenabled\t20"_s,
                                        QRegularExpression::MultilineOption)),
                 qPrintable(listed.output));

        for (const auto &[arguments, input, reason] :
             {std::tuple{QStringList{u"user"_s, u"add"_s, u"carol"_s}, QByteArray("another pw\n"),
                         u"user carol exists"_s},
              std::tuple{QStringList{u"user"_s, u"add"_s, u"bob"_s}, QByteArray("short\n"),
                         u"a password is 8 to 256 characters"_s},
              std::tuple{QStringList{u"user"_s, u"add"_s, u"bob"_s}, QByteArray(),
                         u"a password is 8 to 256 characters"_s},
              std::tuple{QStringList{u"user"_s, u"passwd"_s, u"nobody"_s},
                         QByteArray("long enough\n"), u"there is no user nobody"_s},
              std::tuple{QStringList{u"user"_s, u"add"_s, u"x"_s}, QByteArray("long enough\n"),
                         u"a username is 3 to 32"_s},
              std::tuple{QStringList{u"user"_s, u"rename"_s, u"carol"_s}, QByteArray(),
                         u"usage: finchat-server user"_s},
              std::tuple{QStringList{u"user"_s, u"role"_s, u"carol"_s, u"owner"_s}, QByteArray(),
                         u"a role is admin, moderator or member, not 'owner'"_s},
              std::tuple{QStringList{u"user"_s, u"role"_s, u"carol"_s}, QByteArray(),
                         u"usage: finchat-server user"_s},
              std::tuple{QStringList{u"user"_s, u"disable"_s, u"nobody"_s}, QByteArray(),
                         u"there is no user nobody"_s},
              std::tuple{QStringList{u"user"_s, u"enable"_s, u"carol"_s, u"now"_s}, QByteArray(),
                         u"usage: finchat-server user"_s}}) {
            const ToolRun refused = runTool(arguments, input);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.report.contains(u"finchat-server: "_s + reason),
                     qPrintable(refused.report));
        }
        QVERIFY(!runTool({u"user"_s, u"list"_s}).output.contains(u"bob"_s));

        // The account works on the running server; a new password from the command line
        // ends its sessions at once and replaces the old password.
        QProcess server;
        const quint16 port = start(server);
        QVERIFY(port != 0);
        QVERIFY(!trustGenerated(m_folder.path()).isNull());
        const QUrl url(u"wss://127.0.0.1:%1"_s.arg(port));
        TestClient laptop;
        QVERIFY(laptop.open(url));
        const QJsonObject loggedIn = laptop.login(u"carol"_s, u"correct horse"_s);
        QCOMPARE(typeOf(loggedIn), Type::LoginOk);
        const QString token = loggedIn.value(u"token"_s).toString();

        const ToolRun reset = runTool({u"user"_s, u"passwd"_s, u"carol"_s}, "battery staple\n");
        QCOMPARE(reset.exitCode, 0);
        QVERIFY2(reset.report.contains(u"new password for carol; their saved sessions are ended"_s),
                 qPrintable(reset.report));
        TestClient later;
        QVERIFY(later.open(url));
        QCOMPARE(codeOf(later.request(Type::Resume, {{u"token"_s, token}})), u"invalid_token"_s);
        QCOMPARE(codeOf(later.login(u"carol"_s, u"correct horse"_s)), u"bad_credentials"_s);
        QCOMPARE(typeOf(later.login(u"carol"_s, u"battery staple"_s)), Type::LoginOk);

        // The laptop's connection outlived its session; the server's reload closes it, and
        // only it.
        QVERIFY(laptop.isConnected());
        ::kill(pid_t(server.processId()), SIGHUP);
        QCOMPARE(laptop.waitForEvent(Type::SessionEnded).value(u"reason"_s).toString(),
                 u"revoked"_s);
        QVERIFY(laptop.waitForDisconnected());
        QVERIFY(later.noEvent(Type::SessionEnded));

        // Disabled: no login, and the open connection closes at the reload; enabled again:
        // back in.
        const ToolRun disabled = runTool({u"user"_s, u"disable"_s, u"carol"_s});
        QCOMPARE(disabled.exitCode, 0);
        QVERIFY2(disabled.report.contains(u"disabled carol: they cannot log in"_s),
                 qPrintable(disabled.report));
        QVERIFY(runTool({u"user"_s, u"disable"_s, u"carol"_s})
                    .report.contains(u"carol already is disabled"_s));
        ::kill(pid_t(server.processId()), SIGHUP);
        QVERIFY(later.waitForDisconnected());
        TestClient refused;
        QVERIFY(refused.open(url));
        QCOMPARE(codeOf(refused.login(u"carol"_s, u"battery staple"_s)), u"account_disabled"_s);
        QVERIFY(runTool({u"user"_s, u"list"_s})
                    .output.contains(u"carol\tCarol Liddell\tadmin\tdisabled"_s));
        QCOMPARE(runTool({u"user"_s, u"enable"_s, u"carol"_s}).exitCode, 0);
        const QJsonObject back = refused.login(u"carol"_s, u"battery staple"_s);
        QCOMPARE(typeOf(back), Type::LoginOk);

        // Every change made here is in the audit log, by the command line (no "by").
        const ToolRun demoted = runTool({u"user"_s, u"role"_s, u"carol"_s, u"moderator"_s});
        QVERIFY2(demoted.report.contains(u"carol is now moderator"_s), qPrintable(demoted.report));
        QCOMPARE(codeOf(refused.request(Type::AuditList)), u"forbidden"_s); // no admin any more
        QVERIFY(runTool({u"user"_s, u"role"_s, u"carol"_s, u"admin"_s})
                    .report.contains(u"carol is now admin"_s));
        const QJsonArray log = refused.request(Type::AuditList).value(u"entries"_s).toArray();
        QStringList lines;
        for (const QJsonValue &entry : log) {
            QVERIFY(!entry.toObject().contains(u"by"_s));
            lines.append(entry[u"action"_s].toString() + u' ' + entry[u"user"_s].toString() + u' ' +
                         entry[u"detail"_s].toString());
        }
        QVERIFY(lines.size() >= 4);
        QCOMPARE(lines.first(4), (QStringList{u"role carol admin"_s, u"role carol moderator"_s,
                                              u"enable carol "_s, u"disable carol "_s}));
        server.terminate();
        QVERIFY(server.waitForFinished(10'000));
    }

    // A log line says when and how bad; under systemd, journald is told the level and adds
    // the time itself.
    void logLinesSayWhenAndHowBad()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"QT_MESSAGE_PATTERN"_s);
        environment.remove(u"JOURNAL_STREAM"_s);
        QString log;
        QProcess plain;
        plain.setProcessEnvironment(environment);
        QVERIFY(start(plain, {}, &log) != 0);
        static const QRegularExpression stamped(
            u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\S+ info "
            "finchat.server: FinChat server listening on"_s,
            QRegularExpression::MultilineOption);
        QVERIFY2(stamped.match(log).hasMatch(), qPrintable(log));
        plain.terminate();
        QVERIFY(plain.waitForFinished());

        // Inherited but naming another stream (a terminal in a systemd user session): still
        // plain lines.
        environment.insert(u"JOURNAL_STREAM"_s, u"8:12345"_s);
        QProcess inherited;
        inherited.setProcessEnvironment(environment);
        QVERIFY(start(inherited, {}, &log) != 0);
        QVERIFY2(stamped.match(log).hasMatch(), qPrintable(log));
        inherited.terminate();
        QVERIFY(inherited.waitForFinished());

        // Naming the very stream the server writes to, as systemd sets it: what journald reads.
        QTemporaryFile stream;
        QVERIFY(stream.open());
        struct stat status = {};
        QVERIFY(::fstat(stream.handle(), &status) == 0);
        environment.insert(u"JOURNAL_STREAM"_s,
                           u"%1:%2"_s.arg(quint64(status.st_dev)).arg(quint64(status.st_ino)));
        QProcess journaled;
        journaled.setProcessEnvironment(environment);
        journaled.setStandardErrorFile(stream.fileName(), QIODevice::Append);
        journaled.start(QStringLiteral(FINCHAT_SERVER_BINARY),
                        {u"--listen"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s, u"--database"_s,
                         m_folder.filePath(u"server.db"_s)});
        QVERIFY(journaled.waitForStarted());
        QString journal;
        QVERIFY(QTest::qWaitFor(
            [&] {
                journal += QString::fromUtf8(stream.readAll());
                return journal.contains(u"listening on"_s);
            },
            10'000));
        QVERIFY2(
            journal.contains(QRegularExpression(u"^<6>finchat.server: FinChat server listening"_s,
                                                QRegularExpression::MultilineOption)),
            qPrintable(journal));
        journaled.terminate();
        QVERIFY(journaled.waitForFinished());
    }

    void invitesFromTheCommandLine()
    {
        const QString config = writeFile(u"invite.ini"_s, "[server]\nregistration=invite\n");
        QProcess server;
        const quint16 port = start(server, {u"--config"_s, config});
        QVERIFY(port != 0);
        QVERIFY(!trustGenerated(m_folder.path()).isNull());

        const ToolRun made = runTool({u"invite"_s, u"create"_s, u"2"_s, u"1"_s});
        QCOMPARE(made.exitCode, 0);
        const QString code = made.output.trimmed(); // the code alone on standard output
        QVERIFY2(QRegularExpression(u"\\A[a-z2-7]{5}(-[a-z2-7]{5}){3}\\z"_s).match(code).hasMatch(),
                 qPrintable(made.output));
        QVERIFY2(made.report.contains(QRegularExpression(u"invite \\d+: 2 uses, until 20"_s)),
                 qPrintable(made.report));
        const ToolRun listed = runTool({u"invite"_s, u"list"_s});
        QVERIFY2(listed.output.contains(u"\t2 left\t0 used\tuntil 20"_s),
                 qPrintable(listed.output));
        QVERIFY(!listed.output.contains(code));
        const QString id = listed.output.section(u'\t', 0, 0);

        TestClient newcomer;
        QVERIFY(newcomer.open(QUrl(u"wss://127.0.0.1:%1"_s.arg(port))));
        QCOMPARE(newcomer.serverHello()[u"registration"_s].toString(), u"invite"_s);
        QCOMPARE(typeOf(newcomer.request(Type::Register, {{u"username"_s, u"invited"_s},
                                                          {u"password"_s, u"correct horse"_s},
                                                          {u"invite"_s, code}})),
                 Type::RegisterOk);
        QVERIFY(runTool({u"invite"_s, u"list"_s}).output.contains(u"\t1 left\t1 used\t"_s));
        QCOMPARE(runTool({u"invite"_s, u"revoke"_s, id}).exitCode, 0);
        QCOMPARE(codeOf(newcomer.request(Type::Register, {{u"username"_s, u"second"_s},
                                                          {u"password"_s, u"correct horse"_s},
                                                          {u"invite"_s, code}})),
                 u"invalid_invite"_s);

        for (const auto &[arguments, reason] :
             {std::pair{QStringList{u"invite"_s, u"create"_s, u"0"_s},
                        u"an invite makes 1 to 1000 accounts and lasts 1 to 366 days"_s},
              std::pair{QStringList{u"invite"_s, u"create"_s, u"1"_s, u"400"_s},
                        u"an invite makes 1 to 1000 accounts"_s},
              std::pair{QStringList{u"invite"_s, u"revoke"_s, id}, QString(u"no invite "_s + id)},
              std::pair{QStringList{u"invite"_s, u"revoke"_s, u"x"_s},
                        u"an invite is named by its number"_s},
              std::pair{QStringList{u"invite"_s, u"delete"_s},
                        u"usage: finchat-server invite"_s}}) {
            const ToolRun refused = runTool(arguments);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.report.contains(u"finchat-server: "_s + reason),
                     qPrintable(refused.report));
        }
        server.terminate();
        QVERIFY(server.waitForFinished(10'000));
    }

    // Rooms made, renamed, re-topiced and deleted on the command line beside a running
    // server; its reload tells the people online, who go on in the renamed room.
    void roomsFromTheCommandLine()
    {
        QProcess server;
        const quint16 port = start(server);
        QVERIFY(port != 0);
        QVERIFY(!trustGenerated(m_folder.path()).isNull());
        const QUrl url(u"wss://127.0.0.1:%1"_s.arg(port));
        TestClient watcher;
        QVERIFY(watcher.connectAs(url, u"roomwatcher"_s));
        const auto reload = [&server] {
            ::kill(pid_t(server.processId()), SIGHUP);
        };

        const ToolRun created =
            runTool({u"room"_s, u"create"_s, u"Bonds"_s, u"Rates"_s, u"and"_s, u"spreads"_s});
        QCOMPARE(created.exitCode, 0);
        QVERIFY2(created.report.contains(u"created room bonds; a running server tells"_s),
                 qPrintable(created.report));
        QVERIFY2(runTool({u"room"_s, u"list"_s})
                     .output.contains(u"bonds\t0 members\tRates and spreads\n"_s),
                 qPrintable(runTool({u"room"_s, u"list"_s}).output));
        reload();
        const QJsonObject announced = watcher.waitForEvent(Type::RoomCreated);
        QCOMPARE(announced[u"room"_s][u"name"_s].toString(), u"bonds"_s);
        QCOMPARE(announced[u"room"_s][u"topic"_s].toString(), u"Rates and spreads"_s);
        QCOMPARE(typeOf(watcher.request(Type::RoomJoin, {{u"room"_s, u"bonds"_s}})),
                 Type::RoomJoinOk);
        QCOMPARE(typeOf(watcher.send(u"bonds"_s, u"10y at 4.1"_s)), Type::MessageSendOk);
        QVERIFY(runTool({u"room"_s, u"list"_s}).output.contains(u"bonds\t1 members\t"_s));

        QCOMPARE(runTool({u"room"_s, u"rename"_s, u"bonds"_s, u"rates"_s}).exitCode, 0);
        reload();
        const QJsonObject renamed = watcher.waitForEvent(Type::RoomRenamed);
        QCOMPARE(renamed[u"from"_s].toString(), u"bonds"_s);
        QCOMPARE(renamed[u"room"_s][u"name"_s].toString(), u"rates"_s);
        // Still a member, with the history, under the new name.
        QCOMPARE(typeOf(watcher.send(u"rates"_s, u"2y at 4.3"_s)), Type::MessageSendOk);
        QCOMPARE(watcher.request(Type::HistoryFetch, {{u"room"_s, u"rates"_s}})[u"messages"_s]
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(codeOf(watcher.send(u"bonds"_s, u"old name"_s)), u"unknown_room"_s);

        QCOMPARE(runTool({u"room"_s, u"topic"_s, u"rates"_s, u"Curves"_s}).exitCode, 0);
        reload();
        QCOMPARE(watcher.waitForEvent(Type::RoomUpdated)[u"room"_s][u"topic"_s].toString(),
                 u"Curves"_s);

        for (const auto &[arguments, reason] :
             {std::pair{QStringList{u"room"_s, u"delete"_s, u"rates"_s},
                        u"deleting rates deletes its messages for good; add --yes"_s},
              std::pair{QStringList{u"room"_s, u"delete"_s, u"general"_s, u"--yes"_s},
                        u"general is the room every new account joins"_s},
              std::pair{QStringList{u"room"_s, u"create"_s, u"x"_s},
                        u"a room name is 2 to 32 characters"_s},
              std::pair{QStringList{u"room"_s, u"create"_s, u"general"_s},
                        u"there is a room general already"_s},
              std::pair{QStringList{u"room"_s, u"rename"_s, u"rates"_s, u"general"_s},
                        u"there is a room general already"_s},
              std::pair{QStringList{u"room"_s, u"topic"_s, u"nowhere"_s, u"x"_s},
                        u"there is no room nowhere"_s},
              std::pair{QStringList{u"room"_s, u"topic"_s, u"rates"_s, QString(201, u'x')},
                        u"a topic is at most 200 characters"_s},
              std::pair{QStringList{u"room"_s, u"rename"_s, u"General"_s, u"lobby"_s},
                        u"general is the room every new account joins; it cannot be renamed"_s},
              std::pair{QStringList{u"room"_s, u"create"_s, u"zz"_s, u"--yes"_s},
                        u"--yes confirms only room delete"_s},
              std::pair{QStringList{u"room"_s, u"move"_s}, u"usage: finchat-server room"_s}}) {
            const ToolRun refused = runTool(arguments);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.report.contains(u"finchat-server: "_s + reason),
                     qPrintable(refused.report));
        }

        const ToolRun deleted = runTool({u"room"_s, u"delete"_s, u"rates"_s, u"--yes"_s});
        QCOMPARE(deleted.exitCode, 0);
        QVERIFY2(deleted.report.contains(u"deleted room rates and its 2 messages"_s),
                 qPrintable(deleted.report));
        reload();
        QCOMPARE(watcher.waitForEvent(Type::RoomDeleted)[u"room"_s].toString(), u"rates"_s);
        QCOMPARE(codeOf(watcher.send(u"rates"_s, u"anyone?"_s)), u"unknown_room"_s);
        QVERIFY(!runTool({u"room"_s, u"list"_s}).output.contains(u"rates"_s));

        // Each change is in the audit log, by the command line.
        Storage storage;
        storage.openSqlite(m_folder.filePath(u"server.db"_s));
        QStringList lines;
        for (const AuditRecord &entry : storage.auditEntries(std::nullopt, 4)) {
            QVERIFY(!entry.actor);
            lines.append(entry.action + u' ' + entry.target + u' ' + entry.detail);
        }
        QCOMPARE(lines, (QStringList{u"delete_room #rates 2 messages"_s, u"topic #rates Curves"_s,
                                     u"rename_room #rates was #bonds"_s,
                                     u"create_room #bonds Rates and spreads"_s}));
        QVERIFY(watcher.isConnected());
        server.terminate();
        QVERIFY(server.waitForFinished(10'000));
    }

    void backupWhileTheServerRuns()
    {
        QProcess server;
        const quint16 port = start(server);
        QVERIFY(port != 0);
        QVERIFY(!trustGenerated(m_folder.path()).isNull());
        TestClient dora;
        QVERIFY(dora.connectAs(QUrl(u"wss://127.0.0.1:%1"_s.arg(port)), u"dora"_s));
        QCOMPARE(typeOf(dora.send(u"general"_s, u"before the backup"_s)), Type::MessageSendOk);

        const QString copy = m_folder.filePath(u"backup/finchat-copy.db"_s);
        QVERIFY(QDir().mkpath(QFileInfo(copy).absolutePath()));
        const ToolRun backedUp = runTool({u"backup"_s, copy});
        QCOMPARE(backedUp.exitCode, 0);
        QVERIFY2(backedUp.report.contains(u"backed up the database to"_s),
                 qPrintable(backedUp.report));
        // It holds the password hashes: readable by its owner only, whatever the umask.
        QCOMPARE(QFileInfo(copy).permissions() &
                     ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFileDevice::Permissions{});
        // The server goes on; the copy is a database of its own, with what was acknowledged.
        QCOMPARE(typeOf(dora.send(u"general"_s, u"after the backup"_s)), Type::MessageSendOk);
        {
            Storage restored;
            restored.openSqlite(copy);
            QVERIFY(restored.userByName(u"dora"_s));
            const auto room = restored.roomByName(u"general"_s);
            QVERIFY(room);
            QStringList bodies;
            for (const auto &message : restored.messagesBefore(room->id, std::nullopt, 50))
                bodies.append(message.body);
            QCOMPARE(bodies, QStringList{u"before the backup"_s});
        }
        const ToolRun again = runTool({u"backup"_s, copy});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.report.contains(u"(a backup goes into a new file)"_s),
                 qPrintable(again.report));
        // Never through a link someone put where the backup goes.
        const QString planted = m_folder.filePath(u"backup/planted.db"_s);
        QVERIFY(QFile::link(m_folder.filePath(u"elsewhere.db"_s), planted));
        const ToolRun linked = runTool({u"backup"_s, planted});
        QCOMPARE(linked.exitCode, 1);
        QVERIFY(!QFile::exists(m_folder.filePath(u"elsewhere.db"_s)));
        const ToolRun nowhere = runTool({u"backup"_s, m_folder.filePath(u"no/such/folder.db"_s)});
        QCOMPARE(nowhere.exitCode, 1);
        QVERIFY2(nowhere.report.startsWith(u"finchat-server: "_s), qPrintable(nowhere.report));
        server.terminate();
        QVERIFY(server.waitForFinished(10'000));
    }

    void configCheckNamesWhatIsWrong()
    {
        const QString file = m_folder.filePath(u"check.ini"_s);
        const auto check = [&](const QByteArray &contents) {
            QFile ini(file);
            if (!ini.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return ToolRun{};
            ini.write(contents);
            ini.close();
            QProcess process;
            process.start(QStringLiteral(FINCHAT_SERVER_BINARY),
                          {u"--config"_s, file, u"config"_s, u"check"_s});
            if (!process.waitForFinished(20'000))
                return ToolRun{};
            return ToolRun{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                           QString::fromUtf8(process.readAllStandardError())};
        };
        const ToolRun good = check("[server]\nport=7421\ndatabase=data/chat.db\n");
        QCOMPARE(good.exitCode, 0);
        QVERIFY2(good.report.contains(u"check.ini is valid"_s), qPrintable(good.report));
        QVERIFY2(good.report.contains(u"chat.db"_s), qPrintable(good.report));
        QVERIFY(!QFile::exists(m_folder.filePath(u"data/chat.db"_s))); // checked, not made

        const ToolRun misspelt = check("[server]\nprot=7421\n");
        QCOMPARE(misspelt.exitCode, 2);
        QVERIFY2(misspelt.report.contains(u"unknown setting 'server/prot'"_s),
                 qPrintable(misspelt.report));
        const ToolRun bad = check("[server]\nport=70000\n");
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.report.contains(u"port"_s), qPrintable(bad.report));

        // Without a file there is nothing to check: said, not "valid".
        QProcess bare;
        bare.start(QStringLiteral(FINCHAT_SERVER_BINARY), {u"config"_s, u"check"_s});
        QVERIFY(bare.waitForFinished(20'000));
        QCOMPARE(bare.exitCode(), 1);
        QVERIFY(QString::fromUtf8(bare.readAllStandardError()).contains(u"--config FILE"_s));
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

        QVERIFY(!trustGenerated(m_folder.path()).isNull());
        TestClient client; // takes the default TLS configuration when made
        QVERIFY(client.open(QUrl(u"wss://127.0.0.1:%1"_s.arg(port))));
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
        // Every acknowledged note (the database is shared with the tests before this one).
        QStringList notes;
        for (const auto &message : storage.messagesBefore(rooms.first().id, std::nullopt, 100)) {
            if (message.body.startsWith(u"note "_s))
                notes.append(message.body);
        }
        QCOMPARE(notes.size(), 10);
        QCOMPARE(notes.last(), u"note 9"_s);
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

    // A new server encrypts without being told: it makes a certificate beside its database,
    // its key readable by its user only, logs the fingerprint people compare, and keeps the
    // same certificate on the next start (clients pinned it).
    void firstStartMakesACertificateAndLogsItsFingerprint()
    {
        const QString fresh = m_folder.filePath(u"fresh"_s);
        QVERIFY(QDir().mkpath(fresh));
        const QStringList inFresh{u"--database"_s, fresh + u"/server.db"_s};
        QString log;
        QProcess process;
        const quint16 port = start(process, inFresh, &log);
        QVERIFY(port != 0);
        QVERIFY2(log.contains(u"listening on wss://"_s), qPrintable(log));
        const QSslCertificate generated = trustGenerated(fresh);
        QVERIFY(!generated.isNull());
        QVERIFY2(log.contains(u"certificate SHA-256 fingerprint: "_s + fingerprintText(generated)),
                 qPrintable(log));
        QVERIFY(log.contains(u"created a self-signed certificate"_s));
        const QFile::Permissions keyPermissions = QFile::permissions(
            QDir(fresh).filePath(QString::fromLatin1(Tls::ServerCertificate::KeyFileName)));
        QCOMPARE(keyPermissions & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                   QFile::ReadOther | QFile::WriteOther | QFile::ExeOther),
                 QFile::Permissions());
        QVERIFY(keyPermissions & QFile::ReadOwner);

        TestClient client;
        QVERIFY(client.open(QUrl(u"wss://127.0.0.1:%1"_s.arg(port))));
        QCOMPARE(client.peerCertificate(), generated);
        QCOMPARE(typeOf(client.signUp(u"admin"_s)), Type::LoginOk);
        // Plain ws:// to the same port gets no WebSocket at all.
        TestClient plain;
        QVERIFY(!plain.open(QUrl(u"ws://127.0.0.1:%1"_s.arg(port))));
        process.terminate();
        QVERIFY(process.waitForFinished());

        QProcess again;
        QVERIFY(start(again, inFresh, &log) != 0);
        QVERIFY(log.contains(fingerprintText(generated)));
        QVERIFY(!log.contains(u"created a self-signed certificate"_s));
        again.terminate();
        QVERIFY(again.waitForFinished());
    }

    void plaintextOnlyWhenConfiguredAndWarnedOnTheNetwork()
    {
        const QString config = writeFile(u"plain.ini"_s, "[server]\nplaintext=true\n");
        QString log;
        QProcess loopback;
        const quint16 port = start(loopback, {u"--config"_s, config}, &log);
        QVERIFY(port != 0);
        QVERIFY2(log.contains(u"listening on ws://"_s), qPrintable(log));
        QVERIFY(!log.contains(u"WITHOUT encryption"_s));
        TestClient client;
        QVERIFY(client.open(QUrl(u"ws://127.0.0.1:%1"_s.arg(port))));
        loopback.terminate();
        QVERIFY(loopback.waitForFinished());

        QProcess network;
        QVERIFY(start(network, {u"--config"_s, config, u"--listen"_s, u"any"_s}, &log) != 0);
        QVERIFY2(log.contains(u"WITHOUT encryption"_s), qPrintable(log));
        network.terminate();
        QVERIFY(network.waitForFinished());
    }

    // An administrator renews the certificate files and sends SIGHUP: new connections get
    // the new certificate, nobody connected is dropped, and broken files change nothing.
    void sighupLoadsTheNewCertificateWithoutDroppingAnyone()
    {
        const Tls::Identity first = loopbackIdentity();
        const Tls::Identity renewed = loopbackIdentity();
        trust(first.certificate);
        trust(renewed.certificate);
        writeIdentity(first);
        const QString config = writeFile(u"own.ini"_s, "[tls]\ncertificate=own.pem\nkey=own.key\n");
        QString log;
        QProcess process;
        const quint16 port = start(process, {u"--config"_s, config}, &log);
        QVERIFY(port != 0);
        QVERIFY(log.contains(fingerprintText(first.certificate)));
        const QUrl url(u"wss://127.0.0.1:%1"_s.arg(port));
        TestClient early;
        QVERIFY(early.open(url));
        QCOMPARE(early.peerCertificate(), first.certificate);
        QCOMPARE(typeOf(early.signUp(u"early"_s)), Type::LoginOk);

        writeIdentity(renewed);
        ::kill(pid_t(process.processId()), SIGHUP);
        QVERIFY(
            readLogUntil(process, log, [&] { return log.contains(u"certificate reloaded"_s); }));
        TestClient late;
        QVERIFY(late.open(url));
        QCOMPARE(late.peerCertificate(), renewed.certificate);
        QCOMPARE(typeOf(early.send(u"general"_s, u"still here"_s)), Type::MessageSendOk);

        QVERIFY(!writeFile(u"own.pem"_s, "not a certificate").isEmpty());
        ::kill(pid_t(process.processId()), SIGHUP);
        QVERIFY(readLogUntil(process, log,
                             [&] { return log.contains(u"certificate not reloaded"_s); }));
        TestClient later;
        QVERIFY(later.open(url));
        QCOMPARE(later.peerCertificate(), renewed.certificate);
        process.terminate();
        QVERIFY(process.waitForFinished());
    }

    // SIGHUP reads the configuration file again: a limit changes for the connection already
    // open, registration closes for new ones, and nobody is dropped; what only a restart can
    // change is named, and a broken file changes nothing.
    void sighupReloadsTheConfigurationWithoutDroppingAnyone()
    {
        const QString config = writeFile(u"reload.ini"_s, "[limits]\nmax_body_length=100\n");
        QString log;
        QProcess process;
        const quint16 port = start(process, {u"--config"_s, config}, &log);
        QVERIFY(port != 0);
        QVERIFY(!trustGenerated(m_folder.path()).isNull());
        const QUrl url(u"wss://127.0.0.1:%1"_s.arg(port));
        TestClient early;
        QVERIFY(early.connectAs(url, u"reloader"_s));
        QCOMPARE(early.serverHello()[u"limits"_s][u"maxBodyLength"_s].toInt(), 100);
        const QString body(150, u'x');
        QCOMPARE(codeOf(early.send(u"general"_s, body)), u"message_too_long"_s);

        QVERIFY(!writeFile(u"reload.ini"_s, "[server]\nregistration=closed\ndurability=normal\n"
                                            "[limits]\nmax_body_length=200\nmessage_burst=5\n")
                     .isEmpty());
        ::kill(pid_t(process.processId()), SIGHUP);
        QVERIFY(
            readLogUntil(process, log, [&] { return log.contains(u"configuration reloaded"_s); }));
        QVERIFY(readLogUntil(process, log, [&] {
            return log.contains(
                u"changed, but applies at the next start: limits/message_burst, server/durability"_s);
        }));
        QCOMPARE(typeOf(early.send(u"general"_s, body)), Type::MessageSendOk);
        TestClient late;
        QVERIFY(late.open(url));
        QCOMPARE(late.serverHello()[u"registration"_s].toString(), u"closed"_s);
        QCOMPARE(late.serverHello()[u"limits"_s][u"maxBodyLength"_s].toInt(), 200);
        QCOMPARE(late.serverHello()[u"limits"_s][u"messageBurst"_s].toInt(), 20); // as enforced
        QCOMPARE(codeOf(late.registerUser(u"newbie"_s, u"correct horse"_s)),
                 u"registration_closed"_s);

        QVERIFY(!writeFile(u"reload.ini"_s, "[limits]\nmax_body_lenght=10\n").isEmpty());
        ::kill(pid_t(process.processId()), SIGHUP);
        QVERIFY(readLogUntil(process, log, [&] {
            return log.contains(u"configuration not reloaded"_s) &&
                   log.contains(u"limits/max_body_lenght"_s);
        }));
        QCOMPARE(typeOf(early.send(u"general"_s, body)), Type::MessageSendOk);
        QVERIFY(early.isConnected());
        process.terminate();
        QVERIFY(process.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
