#include "benchserver.h"

#include "auth/sessiontoken.h"
#include "storage/storage.h"
#include "tls/servercertificate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QThread>

namespace FinChat::Bench {

using namespace Qt::StringLiterals;

BenchServer::BenchServer(ServerSetup setup)
    : m_setup(std::move(setup))
{}

BenchServer::~BenchServer()
{
    stop();
}

Storage &BenchServer::storage()
{
    if (!m_storage) {
        m_storage = std::make_unique<Storage>();
        m_storage->openSqlite(m_folder.filePath(u"bench.db"_s));
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
    const QString database = m_folder.filePath(u"bench.db"_s);
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

    m_process.setProgram(m_setup.binary);
    m_process.setArguments({u"--listen"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s, u"--database"_s,
                            database, u"--config"_s, config.fileName()});
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start();
    if (!m_process.waitForStarted()) {
        *error = u"cannot start %1: %2"_s.arg(m_setup.binary, m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(u"listening on wss?://127\\.0\\.0\\.1:(\\d+)"_s);
    QString output;
    for (int waited = 0; waited < 200; ++waited) {
        m_process.waitForReadyRead(50);
        output += QString::fromUtf8(m_process.readAll());
        if (const auto match = listening.match(output); match.hasMatch()) {
            m_port = static_cast<quint16>(match.captured(1).toUInt());
            if (!m_setup.plaintext)
                trustServerCertificate();
            if (m_useRunner)
                return startRunner(error);
            // From here on the server's log is not read; drop it so the pipe never fills.
            m_process.setStandardOutputFile(QProcess::nullDevice());
            QObject::connect(&m_process, &QProcess::readyRead, &m_process,
                             [this] { m_process.readAll(); });
            return true;
        }
    }
    *error = u"the server did not start: %1"_s.arg(output);
    return false;
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
    m_process.terminate();
    if (!m_process.waitForFinished(20'000))
        m_process.kill();
}

QUrl BenchServer::url() const
{
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(m_setup.plaintext ? u"ws"_s : u"wss"_s).arg(m_port));
}

// The clients measure what users get: TLS, with the certificate the server made at its
// first start beside the database, trusted as a pinned one would be.
void BenchServer::trustServerCertificate() const
{
    QFile file(m_folder.filePath(QString::fromLatin1(Tls::ServerCertificate::CertificateFileName)));
    if (!file.open(QIODevice::ReadOnly))
        return; // the connections fail, and the run says so
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.addCaCertificates(QSslCertificate::fromData(file.readAll()));
    QSslConfiguration::setDefaultConfiguration(trusting);
}

} // namespace FinChat::Bench
