#include "ui/localserver.h"

#include "core/chatserver.h"
#include "core/knownservers.h"
#include "startup/serveroptions.h"
#include "storage/storagethread.h"
#include "tls/certificatefactory.h"

#include "finchat/botmanifest.h"
#include "finchat/fingerprint.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QStandardPaths>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

LocalServer::LocalServer(QObject *parent)
    : QObject(parent)
{}

LocalServer::~LocalServer()
{
    stop();
}

QString LocalServer::databasePath() const
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"server/finchat.db"_s);
}

bool LocalServer::start(quint16 preferredPort, QString *error)
{
    if (isRunning())
        return true;
    auto storage = std::make_unique<StorageThread>();
    ServerConfig config;
    // Encrypted like any server: its self-signed certificate is made once, beside the database.
    config.tls.generatedFolder = QFileInfo(databasePath()).absolutePath();
    config.pluginDirs = standardBotPluginDirs();
    config.announce.enabled = true; // colleagues' connect dialogs list it
    try {
        storage->openSqlite(databasePath());
        for (const quint16 port : {preferredPort, quint16(0)}) {
            config.port = port;
            auto server = std::make_unique<ChatServer>(*storage, config);
            if (server->listen()) {
                m_storage = std::move(storage);
                m_server = std::move(server);
                return true;
            }
            *error = tr("Cannot listen for connections: %1").arg(server->errorString());
        }
    } catch (const StorageError &failure) {
        *error = tr("Cannot open the server's database: %1").arg(QString::fromUtf8(failure.what()));
    } catch (const Tls::CertificateError &failure) {
        *error =
            tr("Cannot set up the server's certificate: %1").arg(QString::fromUtf8(failure.what()));
    }
    return false;
}

void LocalServer::stop()
{
    m_server.reset();
    m_storage.reset();
}

quint16 LocalServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

int LocalServer::onlineUserCount() const
{
    return m_server ? m_server->onlineUserCount() : 0;
}

QUrl LocalServer::localUrl() const
{
    return QUrl(u"wss://127.0.0.1:%1"_s.arg(port()));
}

QUrl LocalServer::trustedLocalUrl(Client::KnownServers &knownServers) const
{
    knownServers.trust(localUrl(), fingerprint());
    return localUrl();
}

QString LocalServer::fingerprint() const
{
    return m_server ? fingerprintText(m_server->certificate()) : QString();
}

QStringList LocalServer::lanAddresses() const
{
    QStringList addresses;
    const auto all = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : all) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            addresses.append(u"%1:%2"_s.arg(address.toString()).arg(port()));
    }
    return addresses;
}

} // namespace FinChat::Ui
