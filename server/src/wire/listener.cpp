#include "wire/listener.h"

#include <QLoggingCategory>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcListener, "finchat.server.listener")
constexpr int MaxPendingConnections = 1024;
// QSslServer counts connections still in their TLS handshake against the pending-connection
// limit: a short bound keeps slow handshakes from holding that limit for long.
constexpr std::chrono::milliseconds MaxTlsHandshakeTime{10'000};
} // namespace

Listener::Listener(QWebSocketServer &webSockets, bool encrypted,
                   std::chrono::milliseconds upgradeTimeout, QObject *parent)
    : QObject(parent)
    , m_webSockets(webSockets)
    , m_upgradeTimeout(upgradeTimeout)
{
    if (encrypted) {
        auto *tls = new QSslServer(this);
        tls->setHandshakeTimeout(int(std::min(upgradeTimeout, MaxTlsHandshakeTime).count()));
        m_tcp = tls;
    } else {
        m_tcp = new QTcpServer(this);
    }
    m_tcp->setMaxPendingConnections(MaxPendingConnections);
    // QSslServer offers a connection once its TLS handshake has succeeded.
    connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this, &Listener::onPendingConnection);
}

void Listener::setTlsConfiguration(const QSslConfiguration &configuration)
{
    if (auto *tls = qobject_cast<QSslServer *>(m_tcp))
        tls->setSslConfiguration(configuration);
}

bool Listener::listen(const QHostAddress &address, quint16 port)
{
    return m_tcp->listen(address, port);
}

void Listener::close()
{
    m_tcp->close();
}

QString Listener::errorString() const
{
    return m_tcp->errorString();
}

QHostAddress Listener::serverAddress() const
{
    return m_tcp->serverAddress();
}

quint16 Listener::serverPort() const
{
    return m_tcp->serverPort();
}

QString Listener::connectionKey(const QHostAddress &local, quint16 localPort,
                                const QHostAddress &peer, quint16 peerPort)
{
    return u"%1|%2|%3|%4"_s.arg(local.toString()).arg(localPort).arg(peer.toString()).arg(peerPort);
}

void Listener::onPendingConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        const QString key = connectionKey(socket->localAddress(), socket->localPort(),
                                          socket->peerAddress(), socket->peerPort());
        if (m_upgrading.contains(key)) { // cannot happen for two live TCP connections
            qCWarning(lcListener) << "refusing a connection that duplicates" << key;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // A chat frame is small and wanted now: without this, Nagle's algorithm holds an
        // event back until the previous one is acknowledged, which with the peer's delayed
        // ACK costs tens of milliseconds.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // QWebSocketServer's own handshake timeout covers only sockets it accepted itself.
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        deadline->start(m_upgradeTimeout);
        m_upgrading.insert(key, {socket, deadline});
        connect(socket, &QObject::destroyed, this, [this, key] { m_upgrading.remove(key); });
        m_webSockets.handleConnection(socket);
    }
}

QTcpSocket *Listener::takeTransport(const QWebSocket &socket)
{
    const auto found = m_upgrading.constFind(connectionKey(
        socket.localAddress(), socket.localPort(), socket.peerAddress(), socket.peerPort()));
    if (found == m_upgrading.constEnd())
        return nullptr;
    const Upgrading upgraded = *found;
    m_upgrading.erase(found);
    if (!upgraded.socket)
        return nullptr;
    delete upgraded.deadline;
    upgraded.socket->disconnect(this); // its destroyed() must not remove a later entry
    return upgraded.socket;
}

} // namespace FinChat
