#include "testserver.h"

#include "auth/passwordhasher.h"
#include "auth/sessiontoken.h"
#include "testcertificate.h"
#include "testclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

namespace FinChat::Testing {

using namespace Qt::StringLiterals;

namespace {
ServerConfig withLimits(const ServerLimits &limits)
{
    ServerConfig config;
    config.limits = limits;
    return config;
}
} // namespace

ServerLimits TestServer::generousLimits()
{
    ServerLimits limits;
    limits.messageBurst = 100'000;
    limits.requestBurst = 100'000;
    return limits;
}

ServerConfig TestServer::makingItsOwnCertificateIn(const QTemporaryDir &folder)
{
    ServerConfig config;
    config.tls.generatedFolder = folder.path();
    return config;
}

ServerConfig TestServer::withStockBot(const QUrl &stooq, const QVariantMap &settings)
{
    ServerConfig config;
    config.pluginDirs = {QStringLiteral(FINCHAT_PLUGIN_OUTPUT_DIR)};
    QVariantMap all{{QStringLiteral("stooq_url"), stooq.toString()}};
    all.insert(settings);
    config.botSettings.insert(QStringLiteral("stockbot"), all);
    return config;
}

TestServer::TestServer(ServerLimits limits)
    : TestServer(withLimits(limits))
{}

TestServer::TestServer(ServerConfig config)
    : TestServer(std::move(config), std::make_shared<TestDatabase>())
{}

TestServer::TestServer(ServerConfig config, std::shared_ptr<TestDatabase> database)
    : m_database(std::move(database))
    , m_config(std::move(config))
{
    m_config.database = m_database->location();
    m_config.listenAddress = QHostAddress::LocalHost;
    m_config.port = 0;
    TestCertificate::applyTo(m_config.tls);
    start();
}

TestServer::~TestServer()
{
    stop();
}

void TestServer::start()
{
    m_storage = std::make_unique<StorageThread>();
    m_storage->open(m_database->location(), m_config.durability);
    m_server = std::make_unique<ChatServer>(*m_storage, m_config);
    // The first start picks a free port; later starts take the same one, as clients expect.
    if (!m_server->listen())
        qFatal("test server cannot listen: %s", qPrintable(m_server->errorString()));
    m_config.port = m_server->serverPort();
}

void TestServer::stop()
{
    m_server.reset();
    // Let the closed connections' deferred deletes run before the database goes.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_storage.reset();
}

void TestServer::restart()
{
    stop();
    start();
}

QUrl TestServer::url() const
{
    return QUrl(
        u"%1://127.0.0.1:%2"_s.arg(m_config.tls.plaintext ? u"ws"_s : u"wss"_s).arg(m_config.port));
}

void TestServer::addPerson(const QString &username)
{
    const QString hash = PasswordHasher::hash(u"correct horse"_s);
    const bool made = m_storage->blocking([&](Storage &storage) {
        return storage.inTransaction([&] { return storage.createPerson(username, username, hash); })
            .has_value();
    });
    QVERIFY2(made, qPrintable(username));
}

QString TestServer::botToken(const QString &name, const QString &displayName)
{
    const QString token = SessionToken::generate();
    const auto bot = m_storage->blocking([&](Storage &storage) {
        return storage.setBotToken(name, displayName, SessionToken::hash(token));
    });
    return bot ? token : QString();
}

bool TestServer::writeBotToken(const QString &name, const QString &displayName, const QString &file)
{
    const QString token = botToken(name, displayName);
    QFile out(file);
    return !token.isEmpty() && out.open(QIODevice::WriteOnly) &&
           out.write(token.toUtf8() + '\n') > 0;
}

int TestServer::storedMessageCount() const
{
    int count = -1;
    {
        const QSqlDatabase raw = m_database->openSide(u"test-count"_s);
        QSqlQuery query(u"SELECT COUNT(*) FROM messages"_s, raw);
        if (query.next())
            count = query.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(u"test-count"_s);
    return count;
}

QString TestServer::databasePath() const
{
    return m_database->sqlitePath();
}

bool connectAll(const TestServer &server,
                std::initializer_list<std::pair<TestClient *, QString>> people)
{
    return std::all_of(people.begin(), people.end(), [&server](const auto &person) {
        return person.first->connectAs(server.url(), person.second);
    });
}

} // namespace FinChat::Testing
