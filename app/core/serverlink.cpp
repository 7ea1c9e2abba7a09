#include "core/serverlink.h"

#include "finchat/fingerprint.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

ServerLink::ServerLink(const KnownServers &knownServers, QObject *parent)
    : QObject(parent)
    , m_knownServers(knownServers)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ServerLink::onText);
    connect(&m_socket, &QWebSocket::sslErrors, this, &ServerLink::onSslErrors);
    connect(&m_socket, &QWebSocket::connected, this, &ServerLink::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &ServerLink::onDisconnected);
    m_helloDeadline.setSingleShot(true);
    connect(&m_helloDeadline, &QTimer::timeout, this, [this] { finishHello(false); });
}

ServerLink::~ServerLink()
{
    m_socket.disconnect(this);
    m_open = false; // what the resumed coroutines send now fails at once
    // Waiting coroutines are resumed, not dropped, so that they end and free their frames;
    // their owners, being torn down too, are no longer alive for them to touch.
    failAll(Failure::Reason::Disconnected);
    finishHello(false);
}

ServerLink::HelloAwaiter::HelloAwaiter(ServerLink *link, std::chrono::milliseconds timeout)
    : m_link(link)
    , m_timeout(timeout)
{}

void ServerLink::HelloAwaiter::await_suspend(std::coroutine_handle<> waiting)
{
    m_link->m_helloWaiter = [this, waiting](bool ok) {
        m_ok = ok;
        waiting.resume(); // nothing may touch this awaiter afterwards
    };
    m_link->m_helloDeadline.start(m_timeout);
}

void ServerLink::finishHello(bool ok)
{
    m_helloDeadline.stop();
    if (const auto waiter = std::exchange(m_helloWaiter, {}))
        waiter(ok);
}

QCoro::Task<std::optional<Failure>> ServerLink::open(QUrl url, std::chrono::milliseconds timeout)
{
    QPointer<ServerLink> self(this);
    finishHello(false); // an open() still waiting gives up: one at a time
    m_open = false;
    m_socket.abort();
    m_url = url;
    m_certificateVouched = true;
    m_certificateRefused.reset();
    m_socket.open(url);
    const bool said = co_await HelloAwaiter(this, timeout);
    if (!self)
        co_return Failure::local(Failure::Reason::Cancelled);
    if (said)
        co_return std::nullopt;
    m_socket.abort();
    // Taken out, not returned: QCoro moves what a coroutine returns, and would empty it.
    if (m_certificateRefused)
        co_return *std::exchange(m_certificateRefused, std::nullopt);
    co_return Failure::local(Failure::Reason::Unreachable, url.authority());
}

// No system CA vouches for the certificate. Whether the person trusts it is decided once the
// TLS handshake is done and the certificate is known for sure (onConnected), before anything
// but the WebSocket handshake is sent.
void ServerLink::onSslErrors()
{
    m_certificateVouched = false;
    m_socket.ignoreSslErrors();
}

void ServerLink::onConnected()
{
    if (m_certificateVouched)
        return;
    const QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
    const QString presented = fingerprintText(certificate);
    const QString trusted = m_knownServers.trusted(m_url);
    if (!certificate.isNull() && presented == trusted)
        return;
    m_certificateRefused = Failure::local(trusted.isEmpty() ? Failure::Reason::UnknownCertificate
                                                            : Failure::Reason::ChangedCertificate,
                                          presented);
    m_socket.abort();
}

void ServerLink::close()
{
    m_socket.close();
}

void ServerLink::abort()
{
    m_socket.abort();
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        onDisconnected();
}

void ServerLink::send(QJsonObject frame, Waiter waiter)
{
    const QString id = QString::number(m_nextId++);
    m_pending.insert(id, std::move(waiter));
    if (!m_open) {
        // Answered from the event loop, like a real reply, so callers see one behaviour; kept
        // pending meanwhile, so that a link destroyed first still resumes it.
        QTimer::singleShot(0, this, [this, id] {
            resolve(id, {}, Failure::local(Failure::Reason::Disconnected));
        });
        return;
    }
    frame.insert(Protocol::IdKey, id);
    QTimer::singleShot(RequestTimeout, this,
                       [this, id] { resolve(id, {}, Failure::local(Failure::Reason::Timeout)); });
    m_socket.sendTextMessage(QString::fromUtf8(Protocol::serialize(frame)));
}

void ServerLink::resolve(const QString &id, const QJsonObject &frame, std::optional<Failure> local)
{
    if (const Waiter waiter = m_pending.take(id))
        waiter(frame, std::move(local));
}

void ServerLink::failAll(Failure::Reason reason)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Waiter &waiter : pending)
        waiter({}, Failure::local(reason));
}

void ServerLink::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(Protocol::TypeKey).toString();
    if (!m_open && type == Protocol::ServerHello::Type) {
        m_open = true;
        try {
            m_limits = Protocol::fromJson<Protocol::ServerHello>(frame).limits;
        } catch (const Protocol::ProtocolError &) {
            m_limits = {}; // an older or odd server: the client then just does not warn early
        }
        finishHello(true);
        return;
    }
    const QJsonValue id = frame.value(Protocol::IdKey);
    if (id.isString() && m_pending.contains(id.toString()))
        resolve(id.toString(), frame, std::nullopt);
    else
        emit eventReceived(frame);
}

void ServerLink::onDisconnected()
{
    const bool wasOpen = m_open;
    m_open = false;
    if (!wasOpen)
        finishHello(false);
    failAll(Failure::Reason::Disconnected);
    if (wasOpen)
        emit closed();
}

} // namespace FinChat::Client
