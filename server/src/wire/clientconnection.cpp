#include "wire/clientconnection.h"

#include "wire/textframe.h"

#include "finchat/protocol.h"
#include "finchat/protocol/protocolerror.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QWebSocket>

namespace FinChat {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcConnection, "finchat.server.connection")

namespace {
// How long a client has to complete a close the server started.
constexpr std::chrono::seconds CloseGracePeriod{5};
constexpr int BotRequestFactor = 10;
} // namespace

ClientConnection::ClientConnection(QWebSocket *socket, QTcpSocket *transport, QString peerAddress,
                                   const ServerLimits &limits, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_transport(transport)
    , m_peerAddress(std::move(peerAddress))
    , m_maxOutgoingBufferBytes(limits.maxOutgoingBufferBytes)
    , m_requestBucket(limits.requestBurst, limits.requestWindow)
    , m_requestBurst(limits.requestBurst)
    , m_requestWindow(limits.requestWindow)
    , m_maxInFlight(limits.maxRequestsInFlight)
{
    m_socket->setParent(this);
    // QtWebSockets accepts frames of about 2 GiB unless told otherwise; beyond these limits
    // it closes the socket with 1009 (too much data) before buffering the excess.
    m_socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(limits.maxIncomingMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(
        static_cast<quint64>(limits.maxIncomingMessageBytes));

    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientConnection::textReceived);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this] {
        send(Protocol::makeError(Protocol::ErrorCode::InvalidJson,
                                 u"binary frames are not part of the protocol; send JSON text"_s));
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        markClosing();
        emit closed();
    });

    m_loginDeadline.setSingleShot(true);
    m_loginDeadline.setInterval(limits.loginTimeout);
    connect(&m_loginDeadline, &QTimer::timeout, this, &ClientConnection::onLoginDeadline);
    m_loginDeadline.start();
}

ClientConnection::~ClientConnection()
{
    markClosing();
    // Later, once the QWebSocket above it (a child, deleted after this body) is gone.
    if (m_transport)
        m_transport->deleteLater();
}

void ClientConnection::markClosing()
{
    m_closing = true;
    m_closedFlag->store(true);
}

void ClientConnection::requireLoggedOut() const
{
    if (isLoggedIn())
        throw Protocol::ProtocolError(Protocol::ErrorCode::AlreadyLoggedIn,
                                      u"this connection is already logged in; log out first"_s);
}

void ClientConnection::logIn(const Author &user, const QByteArray &tokenHash)
{
    // A bot answers for everyone who asks it: it may send ten times a person's requests.
    if (user.isBot)
        m_requestBucket = LeakyBucket(BotRequestFactor * m_requestBurst, m_requestWindow);
    m_user = user;
    m_tokenHash = tokenHash;
    m_loginDeadline.stop();
}

void ClientConnection::logOut()
{
    m_user = {};
    m_tokenHash.clear();
    m_loginDeadline.start();
}

void ClientConnection::send(const QJsonObject &frame)
{
    send(TextFrame(frame));
}

void ClientConnection::send(const TextFrame &frame)
{
    if (m_closing)
        return;
    // QWebSocket would convert the text to UTF-8 and frame it again for every recipient of
    // a broadcast. Written whole, in this thread, the frame cannot interleave with the
    // WebSocket's own (pongs, the close), which it also writes at once; only once that close
    // is under way must nothing follow it.
    if (m_transport && m_socket->state() == QAbstractSocket::ConnectedState)
        m_transport->write(frame.bytes());
    enforceOutgoingLimit();
}

void ClientConnection::enforceOutgoingLimit()
{
    // A closing socket counts too: it waits to write its buffer before it goes.
    if (m_aborted || unsentBytes() <= m_maxOutgoingBufferBytes)
        return;
    qCWarning(lcConnection) << "dropping" << m_peerAddress << "which stopped reading";
    abort();
}

qint64 ClientConnection::unsentBytes() const
{
    const auto *tls = qobject_cast<const QSslSocket *>(m_transport.data());
    return m_socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
}

void ClientConnection::abort()
{
    if (std::exchange(m_aborted, true))
        return;
    markClosing();
    // abort() emits disconnected() at once, so ChatServer forgets this connection.
    m_socket->abort();
}

ClientConnection::InFlight::InFlight(ClientConnection *connection)
    : m_connection(connection)
{
    ++connection->m_inFlight;
}

ClientConnection::InFlight::InFlight(InFlight &&other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr))
{}

ClientConnection::InFlight::~InFlight()
{
    if (m_connection)
        --m_connection->m_inFlight;
}

std::optional<ClientConnection::InFlight> ClientConnection::tryBeginRequest()
{
    if (m_inFlight >= m_maxInFlight)
        return std::nullopt;
    return InFlight(this);
}

void ClientConnection::closeWith(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing)
        return;
    markClosing();
    m_socket->close(code, reason);
    QTimer::singleShot(CloseGracePeriod, this, &ClientConnection::abort);
}

void ClientConnection::onLoginDeadline()
{
    send(Protocol::makeError(Protocol::ErrorCode::LoginTimeout,
                             u"log in or resume within %1 seconds of connecting"_s.arg(
                                 m_loginDeadline.interval() / 1000.0)));
    closeWith(QWebSocketProtocol::CloseCodePolicyViolated, u"login timeout"_s);
}

} // namespace FinChat
