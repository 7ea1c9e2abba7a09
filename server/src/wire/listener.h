#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <chrono>

class QTcpServer;
class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace FinChat {

// Accepts TCP connections, completes TLS on them unless plaintext, and hands each to the
// QWebSocketServer for the WebSocket handshake. QWebSocketServer's own secure mode would do
// the TLS part too, but it hides the TLS socket, and with it the encrypted bytes waiting to
// be sent, which QWebSocket::bytesToWrite() does not count: a client that stops reading
// could then grow the server without bound. Here the transport socket stays reachable.
class Listener : public QObject
{
    Q_OBJECT

public:
    // webSockets must be in non-secure mode: TLS is done here. A connection has
    // upgradeTimeout to complete TLS and the WebSocket handshake.
    Listener(QWebSocketServer &webSockets, bool encrypted, std::chrono::milliseconds upgradeTimeout,
             QObject *parent = nullptr);

    // New connections get it; open ones keep what they have.
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool listen(const QHostAddress &address, quint16 port);
    void close();
    QString errorString() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

    // The TCP (or TLS) socket under a WebSocket the server accepted; its owner deletes it.
    // Each is taken once, when the WebSocket arrives; null if it is not one of ours.
    QTcpSocket *takeTransport(const QWebSocket &socket);

private:
    struct Upgrading
    {
        QPointer<QTcpSocket> socket;
        QTimer *deadline; // a child of the socket
    };

    void onPendingConnection();
    static QString connectionKey(const QHostAddress &local, quint16 localPort,
                                 const QHostAddress &peer, quint16 peerPort);

    QWebSocketServer &m_webSockets;
    QTcpServer *m_tcp; // a QSslServer unless plaintext
    std::chrono::milliseconds m_upgradeTimeout;
    // Sockets in their WebSocket handshake, by both ends' address and port.
    QHash<QString, Upgrading> m_upgrading;
};

} // namespace FinChat
