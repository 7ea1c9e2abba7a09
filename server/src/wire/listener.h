#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <chrono>

class QSslSocket;
class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace FinChat {

// Accepts TCP connections, completes TLS on them unless plaintext, and hands each to the
// QWebSocketServer for the WebSocket handshake. QWebSocketServer's own secure mode would do
// the TLS part too, but it hides the TLS socket, and with it the encrypted bytes waiting to
// be sent, which QWebSocket::bytesToWrite() does not count: a client that stops reading
// could then grow the server without bound. Here the TLS socket stays reachable.
class Listener : public QObject
{
    Q_OBJECT

public:
    // webSockets must be in non-secure mode: TLS is done here.
    Listener(QWebSocketServer &webSockets, bool encrypted,
             std::chrono::milliseconds handshakeTimeout, QObject *parent = nullptr);

    // New connections get it; open ones keep what they have.
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool listen(const QHostAddress &address, quint16 port);
    void close();
    QString errorString() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

    // The TLS socket under a WebSocket the server accepted (null when plaintext). Each is
    // taken once, when the WebSocket arrives.
    QSslSocket *takeTlsSocket(const QWebSocket &socket);

private:
    void onPendingConnection();
    static QString peerKey(const QHostAddress &address, quint16 port);

    QWebSocketServer &m_webSockets;
    QTcpServer *m_tcp; // a QSslServer unless plaintext
    // TLS sockets in their WebSocket handshake, by peer address and port.
    QHash<QString, QPointer<QSslSocket>> m_upgrading;
};

} // namespace FinChat
