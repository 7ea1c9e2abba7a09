#include "wire/listener.h"

#include <QSslServer>
#include <QSslSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxPendingConnections = 1024;
} // namespace

Listener::Listener(QWebSocketServer &webSockets, bool encrypted,
                   std::chrono::milliseconds handshakeTimeout, QObject *parent)
    : QObject(parent)
    , m_webSockets(webSockets)
{
    if (encrypted) {
        auto *tls = new QSslServer(this);
        // A client that opens TCP and never finishes the TLS handshake is dropped in time.
        tls->setHandshakeTimeout(int(handshakeTimeout.count()));
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

QString Listener::peerKey(const QHostAddress &address, quint16 port)
{
    return u"%1|%2"_s.arg(address.toString()).arg(port);
}

void Listener::onPendingConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        if (auto *tls = qobject_cast<QSslSocket *>(socket)) {
            const QString key = peerKey(tls->peerAddress(), tls->peerPort());
            m_upgrading.insert(key, tls);
            // One that fails its WebSocket handshake is deleted by QWebSocketServer.
            connect(tls, &QObject::destroyed, this, [this, key] { m_upgrading.remove(key); });
        }
        m_webSockets.handleConnection(socket);
    }
}

QSslSocket *Listener::takeTlsSocket(const QWebSocket &socket)
{
    const QPointer<QSslSocket> tls =
        m_upgrading.take(peerKey(socket.peerAddress(), socket.peerPort()));
    if (tls)
        tls->disconnect(this); // its destroyed() must not remove a later peer's entry
    return tls;
}

} // namespace FinChat
