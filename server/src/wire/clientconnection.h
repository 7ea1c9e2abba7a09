#pragma once

#include "startup/serverconfig.h"
#include "state/ratelimiter.h"
#include "storage/records.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocketProtocol>

#include <atomic>
#include <memory>
#include <optional>

class QTcpSocket;
class QWebSocket;

namespace FinChat {

class TextFrame;

// One client socket and what the server knows about it: who is logged in on it, its rate
// limits and its login deadline. It sends frames and reports the frames it receives; what
// they mean is ChatServer's business.
class ClientConnection : public QObject
{
    Q_OBJECT

public:
    // transport: the TCP or TLS socket under socket (Listener::takeTransport), owned from now
    // on. Over TLS most of what waits to be sent is already encrypted in its buffer, which
    // socket does not count.
    ClientConnection(QWebSocket *socket, QTcpSocket *transport, QString peerAddress,
                     const ServerLimits &limits, QObject *parent = nullptr);
    ~ClientConnection() override;

    const QString &peerAddress() const { return m_peerAddress; }
    // False from the moment either side starts closing: nothing may log in, join or be
    // answered on it any more, although the object lives until its deferred delete.
    bool isOpen() const { return !m_closing; }
    // Set (from any thread's point of view) once the connection closes, so that work queued
    // for it elsewhere, such as a password hash, can be skipped.
    std::shared_ptr<const std::atomic<bool>> closedFlag() const { return m_closedFlag; }

    bool isLoggedIn() const { return m_user.id != 0; }
    const Author &user() const { return m_user; }
    const QByteArray &tokenHash() const { return m_tokenHash; }
    // Throws already_logged_in: for the requests that log in (login, resume, bot.login, ...).
    void requireLoggedOut() const;
    void logIn(const Author &user, const QByteArray &tokenHash);
    void logOut();
    // The account changed (a new display name or role) while logged in here.
    void updateUser(const Author &user) { m_user = user; }

    bool allowRequest(qint64 nowMs) { return m_requestBucket.tryConsume(nowMs); }

    // A place for one request that waits for storage or a hash, held until it is answered:
    // a connection may have only so many, so that one client cannot fill the shared queues.
    class InFlight
    {
    public:
        explicit InFlight(ClientConnection *connection);
        InFlight(InFlight &&other) noexcept;
        InFlight &operator=(InFlight &&) = delete;
        ~InFlight();

    private:
        QPointer<ClientConnection> m_connection;
    };
    // nullopt when the connection has as many requests in flight as it may.
    std::optional<InFlight> tryBeginRequest();

    void send(const QJsonObject &frame);
    // For broadcasts: the caller frames once for all recipients. Written straight to the
    // socket under the WebSocket (after a close has begun, nothing is).
    void send(const TextFrame &frame);
    // A polite close (a close frame first). A client that does not complete it, say because
    // it reads nothing, is cut off after a grace period: a closing socket still holds a
    // connection slot and its unsent bytes.
    void closeWith(QWebSocketProtocol::CloseCode code, const QString &reason);
    // Drops the client when more than the limit waits to be written to it: a client that
    // stops reading must not make the server buffer without bound. Called after every send
    // and periodically, since Qt answers pings with pongs that no send() sees.
    void enforceOutgoingLimit();

signals:
    void textReceived(const QString &text);
    void closed();

private:
    void onLoginDeadline();
    void markClosing();
    void abort();
    // Bytes queued for this client and not yet taken by the kernel, encrypted or not.
    qint64 unsentBytes() const;

    QWebSocket *m_socket;
    QPointer<QTcpSocket> m_transport;
    QString m_peerAddress;
    qint64 m_maxOutgoingBufferBytes;
    QTimer m_loginDeadline;
    LeakyBucket m_requestBucket;
    int m_requestBurst;
    std::chrono::milliseconds m_requestWindow;
    int m_maxInFlight;
    int m_inFlight = 0;
    Author m_user;
    QByteArray m_tokenHash;
    bool m_closing = false;
    bool m_aborted = false;
    std::shared_ptr<std::atomic<bool>> m_closedFlag = std::make_shared<std::atomic<bool>>(false);
};

} // namespace FinChat
