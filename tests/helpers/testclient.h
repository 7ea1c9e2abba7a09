#pragma once

#include "finchat/protocol.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>
#include <QWebSocket>

namespace FinChat::Testing {

// Tests name frame types by the protocol's constants: Type::LoginOk.
namespace Type = Protocol::Type;

// A frame's "type", and an error frame's "code".
QString typeOf(const QJsonObject &frame);
QString codeOf(const QJsonObject &frame);
// The exact text {"type":"<type>",<rest>}, for tests that must send these bytes (a null, an
// escape, a malformed field) rather than a well-formed typed frame.
QString rawFrame(QLatin1StringView type, const QString &rest);

// A real QWebSocket speaking the FinChat protocol, with blocking helpers for tests: send a
// request and wait for the frame that answers it, or wait for an event of a given type.
class TestClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 10'000;

    explicit TestClient(QObject *parent = nullptr);

    // Connects and waits for the server's hello; false on failure.
    bool open(const QUrl &url);
    // The same, with the handshake's headers of the test's choosing.
    bool open(const QNetworkRequest &request);
    void closeSocket();
    bool isConnected() const;
    bool waitForDisconnected(int timeoutMs = DefaultTimeoutMs);
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    const QJsonObject &serverHello() const { return m_hello; }
    // The certificate the server presented; null over plaintext.
    QSslCertificate peerCertificate() const
    {
        return m_socket.sslConfiguration().peerCertificate();
    }

    // Sends {"type": type, "id": <next>, ...fields}; returns the reply or error with that id,
    // or an empty object on timeout.
    QJsonObject request(const QString &type, const QJsonObject &fields = {});
    // Sends raw text and returns the next reply, or the next error that answers no
    // particular request (those carry "id": null).
    QJsonObject sendRaw(const QString &text);
    void sendRawNoWait(const QString &text);
    void sendBinary(const QByteArray &data) { m_socket.sendBinaryMessage(data); }

    // The first unconsumed event of this type (removed from the queue), waiting for it.
    QJsonObject waitForEvent(const QString &type, int timeoutMs = DefaultTimeoutMs);
    bool hasEvent(const QString &type) const;
    // True when no event of this type arrives within the time.
    bool noEvent(const QString &type, int waitMs = 300);
    QList<QJsonObject> takeEvents(const QString &type);
    // Replies to requests sent raw (with ids of the test's choosing), in arrival order.
    qsizetype replyCount() const { return m_replies.size(); }
    QList<QJsonObject> takeReplies() { return std::exchange(m_replies, {}); }
    void clearEvents() { m_events.clear(); }

    // Convenience flows; they QVERIFY-like fail by returning an empty object.
    QJsonObject registerUser(const QString &username, const QString &password,
                             const QString &displayName = {});
    QJsonObject login(const QString &username, const QString &password);
    // open + register + login: the usual start of a test. False when any step fails.
    bool connectAs(const QUrl &url, const QString &username);
    // register + login.
    QJsonObject signUp(const QString &username,
                       const QString &password = QStringLiteral("correct horse"));
    QJsonObject send(const QString &room, const QString &body, const QString &nonce = {});

private:
    void onText(const QString &text);
    QJsonObject waitForReply(const QJsonValue &id);

    QWebSocket m_socket;
    bool m_failed = false; // the connection or its TLS handshake failed
    QJsonObject m_hello;
    QList<QJsonObject> m_replies;
    QList<QJsonObject> m_events;
    int m_nextId = 1;
};

} // namespace FinChat::Testing
