#include "testserver.h"

#include <QCoreApplication>
#include <QTest>

namespace FinChat::Testing {

using namespace Qt::StringLiterals;

TestServer::TestServer(ServerLimits limits)
    : m_limits(limits)
{
    start();
}

TestServer::~TestServer()
{
    stop();
}

void TestServer::start()
{
    m_storage = std::make_unique<Storage>();
    m_storage->openSqlite(databasePath());
    ServerConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.port = 0;
    config.limits = m_limits;
    m_server = std::make_unique<ChatServer>(*m_storage, config);
    if (!m_server->listen())
        qFatal("test server cannot listen: %s", qPrintable(m_server->errorString()));
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
    return QUrl(u"ws://127.0.0.1:%1"_s.arg(m_server->serverPort()));
}

QString TestServer::databasePath() const
{
    return m_folder.filePath(u"finchat.db"_s);
}

} // namespace FinChat::Testing
