#include "benchserver.h"

#include "auth/sessiontoken.h"
#include "storage/storage.h"
#include "tls/servercertificate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace FinChat::Bench {

using namespace Qt::StringLiterals;

BenchServer::BenchServer(ServerSetup setup)
    : m_setup(std::move(setup))
    , m_database(m_setup.postgresCluster.isEmpty()
                     ? DatabaseLocation::sqliteFile(m_folder.filePath(u"bench.db"_s))
                     : newPostgresDatabase(m_setup.postgresCluster))
{}

BenchServer::~BenchServer()
{
    stop();
    if (!m_database.isPostgres())
        return;
    // The run's database goes with it, so that runs do not fill the cluster's disk.
    m_storage.reset();
    const QString connection = u"bench-drop"_s;
    {
        QSqlDatabase db =
            std::get<DatabaseLocation>(DatabaseLocation::parse(m_setup.postgresCluster))
                .postgres()
                .connection(connection);
        if (db.open())
            QSqlQuery(u"DROP DATABASE IF EXISTS %1"_s.arg(m_database.postgres().database), db);
    }
    QSqlDatabase::removeDatabase(connection);
}

DatabaseLocation BenchServer::newPostgresDatabase(const QString &cluster)
{
    static int counter = 0;
    auto parsed = DatabaseLocation::parse(cluster);
    if (!std::holds_alternative<DatabaseLocation>(parsed) ||
        !std::get<DatabaseLocation>(parsed).isPostgres())
        qFatal("--postgres wants a postgresql:// URI");
    PostgresLocation location = std::get<DatabaseLocation>(parsed).postgres();
    const QString name =
        u"finchat_bench_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++counter);
    const QString connection = u"bench-create"_s;
    {
        QSqlDatabase db = location.connection(connection);
        QSqlQuery create(db);
        if (!db.open() || !create.exec(u"CREATE DATABASE %1"_s.arg(name)))
            qFatal("cannot make a database on %s: %s", qPrintable(cluster),
                   qPrintable(db.lastError().text() + create.lastError().text()));
    }
    QSqlDatabase::removeDatabase(connection);
    location.database = name;
    return DatabaseLocation::of(location);
}

Storage &BenchServer::storage()
{
    if (!m_storage) {
        m_storage = std::make_unique<Storage>();
        m_storage->open(m_database);
    }
    return *m_storage;
}

qint64 BenchServer::roomId(const QString &name)
{
    for (const RoomRecord &room : storage().rooms()) {
        if (room.name == name)
            return room.id;
    }
    return storage().createRoom(name, {}, std::nullopt)->id;
}

QList<BenchServer::Account> BenchServer::createAccounts(const QString &prefix, int count,
                                                        const QStringList &rooms,
                                                        const QString &passwordHash)
{
    QList<Account> accounts;
    if (m_setup.kind != ServerKind::FinChat) { // a name is all ngircd and nats-server need
        for (int i = 0; i < count; ++i)
            accounts.append({u"%1%2"_s.arg(prefix).arg(i), {}});
        return accounts;
    }
    QList<qint64> roomIds;
    for (const QString &room : rooms)
        roomIds.append(roomId(room));
    storage().inTransaction([&] {
        for (int i = 0; i < count; ++i) {
            const QString name = u"%1%2"_s.arg(prefix).arg(i);
            const qint64 id = *storage().createUser(name, name, passwordHash);
            const QString token = SessionToken::generate();
            storage().createSession(SessionToken::hash(token), id);
            for (qint64 room : roomIds)
                storage().addMember(room, id);
            accounts.append({name, token});
        }
    });
    return accounts;
}

void BenchServer::fillHistory(const QString &room, const QString &author, int count)
{
    const qint64 id = roomId(room);
    const auto user = storage().userByName(author);
    const Author writer{user->id, user->username, user->displayName, false};
    const QString body = u"a history message of a typical length for a market chat, 64 bytes"_s;
    constexpr int Batch = 50'000;
    for (int done = 0; done < count; done += Batch) {
        storage().inTransaction([&] {
            for (int i = done; i < std::min(count, done + Batch); ++i)
                storage().insertMessage(id, writer, body, {});
        });
    }
}

bool BenchServer::serveBotsFromRunner()
{
    const QString token = SessionToken::generate();
    if (!storage().setBotToken(u"stockbot"_s, u"Stock bot"_s, SessionToken::hash(token)))
        return false;
    QDir(m_folder.path()).mkpath(u"tokens"_s);
    QFile file(m_folder.filePath(u"tokens/stockbot.token"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(token.toUtf8()) <= 0)
        return false;
    m_useRunner = true;
    return true;
}

bool BenchServer::startRunner(QString *error)
{
    QString ini = u"[runner]\nserver=%1\ntokens_dir=tokens\n"_s.arg(url().toString());
    if (!m_setup.plaintext)
        ini += u"server_certificate=%1\n"_s.arg(
            QString::fromLatin1(Tls::ServerCertificate::CertificateFileName));
    ini += u"[bot.stockbot]\n"_s;
    for (auto it = m_stockBotSettings.cbegin(); it != m_stockBotSettings.cend(); ++it)
        ini += it.key() + u'=' + it.value().toString() + u'\n';
    QFile config(m_folder.filePath(u"runner.ini"_s));
    if (!config.open(QIODevice::WriteOnly) || config.write(ini.toUtf8()) <= 0) {
        *error = u"cannot write the runner's config"_s;
        return false;
    }
    config.close();
    m_runner.setProgram(QFileInfo(m_setup.binary).dir().filePath(u"finchat-botrunner"_s));
    m_runner.setArguments({u"--config"_s, config.fileName()});
    m_runner.setProcessChannelMode(QProcess::MergedChannels);
    m_runner.start();
    QString output;
    for (int waited = 0; waited < 200 && m_runner.state() != QProcess::NotRunning; ++waited) {
        m_runner.waitForReadyRead(50);
        output += QString::fromUtf8(m_runner.readAll());
        if (output.contains(u"stockbot is serving"_s)) {
            m_runner.setStandardOutputFile(QProcess::nullDevice());
            QObject::connect(&m_runner, &QProcess::readyRead, &m_runner,
                             [this] { m_runner.readAll(); });
            return true;
        }
    }
    *error = u"the bot runner did not start serving: %1"_s.arg(output);
    return false;
}

bool BenchServer::start(QString *error)
{
    if (m_setup.kind != ServerKind::FinChat)
        return startForeign(error);
    if (m_setup.servers > 1 && !m_database.isPostgres()) {
        *error = u"several servers need PostgreSQL (--postgres)"_s;
        return false;
    }
    storage(); // the schema exists even when nothing was prepared
    m_storage.reset();

    QString ini =
        u"[server]\ndurability=%1\nplaintext=%2\nload_plugins=%3\n"_s.arg(
            m_setup.durability, m_setup.plaintext ? u"true"_s : u"false"_s,
            m_useRunner ? u"false"_s : u"true"_s) +
        u"[limits]\nmessage_burst=1000000\nrequest_burst=1000000\nregistrations_per_hour=1000000\n"
        "failed_logins_per_minute=1000\nmax_connections_per_address=1000000\nmax_connections="
        "1000000\n"
        "max_outgoing_buffer_bytes=268435456\n"
        // The latency scenario sends at a fixed rate without waiting for answers: while the
        // disk stalls, more than the default 32 of a sender's messages may wait for it.
        "max_requests_in_flight=100000\n"
        // The login scenario's clients all come from 127.0.0.1; it measures hashing under
        // load, not the bound on waiting checks.
        "pending_hashes_per_address=10000\npending_hashes=10000\n"_s;
    ini += u"[bot.stockbot]\n"_s;
    for (auto it = m_stockBotSettings.cbegin(); it != m_stockBotSettings.cend(); ++it)
        ini += it.key() + u'=' + it.value().toString() + u'\n';
    QFile config(m_folder.filePath(u"bench.ini"_s));
    if (!config.open(QIODevice::WriteOnly)) {
        *error = u"cannot write the server's config"_s;
        return false;
    }
    config.write(ini.toUtf8());
    config.close();

    m_ports.clear();
    if (!startServer(m_process, config.fileName(), 0, error))
        return false;
    for (int n = 1; n < m_setup.servers; ++n) {
        m_others.push_back(std::make_unique<QProcess>());
        if (!startServer(*m_others.back(), config.fileName(), n, error))
            return false;
    }
    if (!m_setup.plaintext)
        trustServerCertificates();
    return m_useRunner ? startRunner(error) : true;
}

bool BenchServer::startServer(QProcess &process, const QString &config, int n, QString *error)
{
    // Each server its own data folder, for the certificate it makes when the database is not
    // a file it lives beside.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, m_folder.filePath(u"server%1"_s.arg(n)));
    process.setProcessEnvironment(environment);
    process.setProgram(m_setup.binary);
    process.setArguments({u"--listen"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s, u"--database"_s,
                          m_database.isPostgres() ? m_database.display() : m_database.sqlitePath(),
                          u"--config"_s, config});
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start();
    if (!process.waitForStarted()) {
        *error = u"cannot start %1: %2"_s.arg(m_setup.binary, process.errorString());
        return false;
    }
    static const QRegularExpression listening(u"listening on wss?://127\\.0\\.0\\.1:(\\d+)"_s);
    QString output;
    for (int waited = 0; waited < 200; ++waited) {
        process.waitForReadyRead(50);
        output += QString::fromUtf8(process.readAll());
        if (const auto match = listening.match(output); match.hasMatch()) {
            m_ports.append(static_cast<quint16>(match.captured(1).toUInt()));
            // From here on the server's log is not read; drop it so the pipe never fills.
            process.setStandardOutputFile(QProcess::nullDevice());
            QObject::connect(&process, &QProcess::readyRead, &process,
                             [&process] { process.readAll(); });
            return true;
        }
    }
    *error = u"the server did not start: %1"_s.arg(output);
    return false;
}

namespace {

// A port that was free a moment ago, for servers that cannot be told to take any free one.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

} // namespace

bool BenchServer::startForeign(QString *error)
{
    const quint16 port = freePort();
    QString config;
    QStringList arguments;
    if (m_setup.kind == ServerKind::Ngircd) {
        // Penalties (ngircd's flood control) off, no per-address, join or nick-length limits,
        // no DNS or ident lookups, and no pings from the server during a run.
        config = u"[Global]\nName = bench.finchat.test\nInfo = finchat-bench\n"
                 "AdminInfo1 = finchat-bench\nAdminInfo2 = loopback\nAdminEMail = bench@localhost\n"
                 "Listen = 127.0.0.1\nPorts = %1\nMotdPhrase = bench\n"
                 "[Limits]\nMaxConnections = 0\nMaxConnectionsIP = 0\nMaxJoins = 0\n"
                 "MaxNickLength = 30\nMaxPenaltyTime = 0\nPingTimeout = 3600\nPongTimeout = 3600\n"
                 "[Options]\nDNS = no\nIdent = no\nPAM = no\n"_s.arg(port);
        arguments = {u"--nodaemon"_s, u"--config"_s, m_folder.filePath(u"ngircd.conf"_s)};
    } else {
        // Plain WebSocket, as FinChat's plaintext mode; the server's pings far apart.
        quint16 clientPort = freePort(); // NATS's own listener, which the benchmark does not use
        while (clientPort == port)
            clientPort = freePort();
        config = u"listen: \"127.0.0.1:%1\"\nping_interval: \"1h\"\n"
                 "websocket {\n  listen: \"127.0.0.1:%2\"\n  no_tls: true\n}\n"_s.arg(clientPort)
                     .arg(port);
        arguments = {u"--config"_s, m_folder.filePath(u"nats.conf"_s)};
    }
    QFile file(arguments.last());
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) <= 0) {
        *error = u"cannot write %1"_s.arg(file.fileName());
        return false;
    }
    file.close();
    m_process.setProgram(m_setup.binary);
    m_process.setArguments(arguments);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setStandardErrorFile(QProcess::nullDevice());
    m_process.start();
    if (!m_process.waitForStarted()) {
        *error = u"cannot start %1: %2"_s.arg(m_setup.binary, m_process.errorString());
        return false;
    }
    // Ready once it accepts a connection.
    for (int tries = 0; tries < 200 && m_process.state() == QProcess::Running; ++tries) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        if (probe.waitForConnected(50)) {
            m_ports = {port};
            return true;
        }
        QThread::msleep(50);
    }
    *error = u"%1 did not start listening on port %2"_s.arg(m_setup.binary).arg(port);
    return false;
}

QList<qint64> BenchServer::pids() const
{
    QList<qint64> all{m_process.processId()};
    for (const auto &other : m_others)
        all.append(other->processId());
    return all;
}

void BenchServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    if (m_runner.state() != QProcess::NotRunning) {
        m_runner.terminate();
        if (!m_runner.waitForFinished(10'000))
            m_runner.kill();
    }
    for (QProcess *process : processes())
        process->terminate();
    for (QProcess *process : processes()) {
        if (!process->waitForFinished(20'000))
            process->kill();
    }
    m_others.clear();
}

QList<QProcess *> BenchServer::processes()
{
    QList<QProcess *> all{&m_process};
    for (const auto &other : m_others)
        all.append(other.get());
    return all;
}

QUrl BenchServer::url(int n) const
{
    const quint16 port = m_ports.isEmpty() ? 0 : m_ports.at(n % m_ports.size());
    QString scheme = m_setup.plaintext ? u"ws"_s : u"wss"_s;
    if (m_setup.kind == ServerKind::Ngircd)
        scheme = u"irc"_s;
    else if (m_setup.kind == ServerKind::NatsServer)
        scheme = u"ws"_s;
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(scheme).arg(port));
}

// The clients measure what users get: TLS, with the certificate each server made at its
// first start (beside a SQLite database, or in its data folder), trusted as a pinned one
// would be.
void BenchServer::trustServerCertificates() const
{
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    const QString name = QString::fromLatin1(Tls::ServerCertificate::CertificateFileName);
    QStringList files{m_folder.filePath(name)};
    for (int n = 0; n < m_setup.servers; ++n)
        files.append(m_folder.filePath(u"server%1/FinChat/finchat-server/%2"_s.arg(n).arg(name)));
    for (const QString &path : files) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) // else the connections fail, and the run says so
            trusting.addCaCertificates(QSslCertificate::fromData(file.readAll()));
    }
    QSslConfiguration::setDefaultConfiguration(trusting);
}

} // namespace FinChat::Bench
