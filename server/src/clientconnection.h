#pragma once

#include "ratelimiter.h"
#include "records.h"
#include "serverconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QWebSocketProtocol>

class QWebSocket;

namespace FinChat {

// One client socket and what the server knows about it: who is logged in on it, its rate
// limits and its login deadline. It sends frames and reports the frames it receives; what
// they mean is ChatServer's business.
class ClientConnection : public QObject
{
    Q_OBJECT

public:
    ClientConnection(QWebSocket *socket, const ServerLimits &limits, QObject *parent = nullptr);
    ~ClientConnection() override;

    const QString &peerAddress() const { return m_peerAddress; }

    bool isLoggedIn() const { return m_user.id != 0; }
    const Author &user() const { return m_user; }
    const QByteArray &tokenHash() const { return m_tokenHash; }
    void logIn(const Author &user, const QByteArray &tokenHash);
    void logOut();
    void setDisplayName(const QString &displayName) { m_user.displayName = displayName; }

    bool allowRequest(qint64 nowMs) { return m_requestBucket.tryConsume(nowMs); }
    bool allowMessage(qint64 nowMs) { return m_messageBucket.tryConsume(nowMs); }

    void send(const QJsonObject &frame);
    // For broadcasts: the caller serialises once for all recipients.
    void sendSerialized(const QString &json);
    void closeWith(QWebSocketProtocol::CloseCode code, const QString &reason);

signals:
    void textReceived(const QString &text);
    void closed();

private:
    void onLoginDeadline();

    QWebSocket *m_socket;
    QString m_peerAddress;
    qint64 m_maxOutgoingBufferBytes;
    QTimer m_loginDeadline;
    LeakyBucket m_requestBucket;
    LeakyBucket m_messageBucket;
    Author m_user;
    QByteArray m_tokenHash;
    bool m_closing = false;
};

} // namespace FinChat
