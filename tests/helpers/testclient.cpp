#include "testclient.h"

#include <QJsonDocument>
#include <QTest>

namespace FinChat::Testing {

using namespace Qt::StringLiterals;

QString typeOf(const QJsonObject &frame)
{
    return frame.value(u"type"_s).toString();
}

QString codeOf(const QJsonObject &frame)
{
    return frame.value(u"code"_s).toString();
}

QString rawFrame(QLatin1StringView type, const QString &rest)
{
    return u"{\"type\":\"%1\",%2}"_s.arg(type, rest);
}

TestClient::TestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    // A refused TLS handshake or connection ends the wait in open() at once.
    // (QWebSocket::error: errorOccurred is Qt 6.5.)
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this] { m_failed = true; });
}

bool TestClient::open(const QUrl &url)
{
    return open(QNetworkRequest(url));
}

bool TestClient::open(const QNetworkRequest &request)
{
    m_failed = false;
    m_socket.open(request);
    if (!QTest::qWaitFor(
            [this] { return m_failed || m_socket.state() == QAbstractSocket::ConnectedState; },
            DefaultTimeoutMs) ||
        m_failed)
        return false;
    // A refused connection gets an error and a close instead of a hello.
    static_cast<void>(QTest::qWaitFor([this] { return hasEvent(Type::Hello) || !isConnected(); },
                                      DefaultTimeoutMs));
    if (hasEvent(Type::Hello))
        m_hello = waitForEvent(Type::Hello);
    return !m_hello.isEmpty();
}

void TestClient::closeSocket()
{
    m_socket.close();
    waitForDisconnected();
}

bool TestClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool TestClient::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

void TestClient::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    // Errors that answer no particular request (bad JSON, a timeout) carry "id": null.
    const QJsonValue id = frame.value(u"id"_s);
    if (id.isUndefined() || id.isNull())
        m_events.append(frame);
    else
        m_replies.append(frame);
}

QJsonObject TestClient::waitForReply(const QJsonValue &id)
{
    QJsonObject found;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < m_replies.size(); ++i) {
                if (m_replies.at(i).value(u"id"_s) == id) {
                    found = m_replies.takeAt(i);
                    return true;
                }
            }
            return !isConnected();
        },
        DefaultTimeoutMs));
    return found;
}

QJsonObject TestClient::request(const QString &type, const QJsonObject &fields)
{
    QJsonObject frame = fields;
    const QString id = u"r%1"_s.arg(m_nextId++);
    frame.insert(u"type"_s, type);
    frame.insert(u"id"_s, id);
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    return waitForReply(id);
}

QJsonObject TestClient::sendRaw(const QString &text)
{
    m_socket.sendTextMessage(text);
    QJsonObject found;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            if (!m_replies.isEmpty()) {
                found = m_replies.takeFirst();
                return true;
            }
            if (hasEvent(Type::Error)) {
                found = waitForEvent(Type::Error);
                return true;
            }
            return !isConnected();
        },
        DefaultTimeoutMs));
    return found;
}

void TestClient::sendRawNoWait(const QString &text)
{
    m_socket.sendTextMessage(text);
}

QJsonObject TestClient::waitForEvent(const QString &type, int timeoutMs)
{
    QJsonObject found;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < m_events.size(); ++i) {
                if (m_events.at(i).value(u"type"_s).toString() == type) {
                    found = m_events.takeAt(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs));
    return found;
}

bool TestClient::hasEvent(const QString &type) const
{
    return std::any_of(m_events.cbegin(), m_events.cend(), [&](const QJsonObject &event) {
        return event.value(u"type"_s).toString() == type;
    });
}

bool TestClient::noEvent(const QString &type, int waitMs)
{
    QTest::qWait(waitMs);
    return !hasEvent(type);
}

QList<QJsonObject> TestClient::takeEvents(const QString &type)
{
    QList<QJsonObject> taken;
    for (qsizetype i = 0; i < m_events.size();) {
        if (m_events.at(i).value(u"type"_s).toString() == type)
            taken.append(m_events.takeAt(i));
        else
            ++i;
    }
    return taken;
}

QJsonObject TestClient::registerUser(const QString &username, const QString &password,
                                     const QString &displayName)
{
    QJsonObject fields{{u"username"_s, username}, {u"password"_s, password}};
    if (!displayName.isEmpty())
        fields.insert(u"displayName"_s, displayName);
    return request(Type::Register, fields);
}

QJsonObject TestClient::login(const QString &username, const QString &password)
{
    return request(Type::Login, {{u"username"_s, username}, {u"password"_s, password}});
}

QJsonObject TestClient::signUp(const QString &username, const QString &password)
{
    const QJsonObject registered = registerUser(username, password);
    if (registered.value(u"type"_s).toString() != Type::RegisterOk)
        return registered;
    return login(username, password);
}

bool TestClient::connectAs(const QUrl &url, const QString &username)
{
    return open(url) && typeOf(signUp(username)) == Type::LoginOk;
}

QJsonObject TestClient::send(const QString &room, const QString &body, const QString &nonce)
{
    QJsonObject fields{{u"room"_s, room}, {u"body"_s, body}};
    if (!nonce.isEmpty())
        fields.insert(u"nonce"_s, nonce);
    return request(Type::MessageSend, fields);
}

} // namespace FinChat::Testing
