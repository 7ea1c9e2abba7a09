#include "botlink.h"

#include "finchat/protocol/messages.h"

#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QThread>

namespace FinChat::BotRunner {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
namespace Type = Protocol::Type;

namespace {
Q_LOGGING_CATEGORY(lcLink, "finchat.botrunner")
constexpr std::chrono::milliseconds FirstBackoff = 500ms;
constexpr std::chrono::milliseconds MaxBackoff = 30s;
// A connection that served this long was a good one: the waits start over after it.
constexpr std::chrono::milliseconds GoodConnection = 60s;
constexpr std::chrono::milliseconds PingInterval = 20s;
// Requests the plugin may have open at once; the server times them out after 10 s anyway.
constexpr qsizetype MaxOpenRequests = 10'000;
} // namespace

BotLink::BotLink(BotManifest manifest, BotPlugin *plugin, QString tokenFile, QVariantMap settings,
                 QUrl server, QSslConfiguration tls, QObject *parent)
    : QObject(parent)
    , m_manifest(std::move(manifest))
    , m_plugin(plugin)
    , m_tokenFile(std::move(tokenFile))
    , m_settings(std::move(settings))
    , m_server(std::move(server))
    , m_backoff(FirstBackoff)
{
    m_socket.setSslConfiguration(tls);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &BotLink::connectNow);
    connect(&m_socket, &QWebSocket::connected, this, &BotLink::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &BotLink::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BotLink::onText);
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_awaitingPong = false; });
    // A connection that never came about (refused, no route, a failed TLS handshake) ends
    // with an error and no disconnected(): it is retried all the same.
    // (QWebSocket::error: errorOccurred is Qt 6.5.)
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    connect(&m_keepAlive, &QTimer::timeout, this, &BotLink::checkAlive);
    m_keepAlive.start(PingInterval);
}

void BotLink::checkAlive()
{
    // A connection attempt that hangs (a handshake that never ends) is given up too.
    const bool connecting = m_socket.state() != QAbstractSocket::ConnectedState &&
                            m_socket.state() != QAbstractSocket::UnconnectedState;
    if (connecting && m_wasConnecting) {
        qCWarning(lcLink).noquote() << m_manifest.name << "could not connect in time";
        m_socket.abort();
        onDisconnected();
    }
    m_wasConnecting = connecting;
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return;
    if (m_awaitingPong) {
        qCWarning(lcLink).noquote() << m_manifest.name << "got no answer to a ping; reconnecting";
        m_socket.abort();
        return;
    }
    m_awaitingPong = true;
    m_socket.ping();
}

BotLink::~BotLink()
{
    m_stopping = true;
    m_socket.abort();
}

void BotLink::start()
{
    connectNow();
}

void BotLink::connectNow()
{
    qCDebug(lcLink).noquote() << m_manifest.name << "connecting to" << m_server.toString();
    m_socket.open(m_server);
}

void BotLink::onConnected()
{
    // The token is read at every connection: an administrator who gives the bot a new one
    // (finchat-server bot token) only replaces the file.
    QFile file(m_tokenFile);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcLink).noquote() << m_manifest.name << "has no token in" << m_tokenFile;
        m_socket.close();
        return;
    }
    const QString token = QString::fromUtf8(file.read(Protocol::BotTokenMaxLength)).trimmed();
    m_awaitingPong = false;
    m_loginId = m_nextFrameId++;
    send(Protocol::frame(Protocol::BotLogin{token}, m_loginId));
}

void BotLink::onDisconnected()
{
    if (m_stopping || m_retry.isActive())
        return;     // stopping, or already told (an error and a disconnection both say so)
    m_open.clear(); // the server failed them for their askers
    if (m_servingSince.isValid() && m_servingSince.elapsed() > GoodConnection.count())
        m_backoff = FirstBackoff;
    m_servingSince.invalidate();
    qCInfo(lcLink).noquote() << m_manifest.name << "lost the server:" << m_socket.errorString()
                             << "- trying again in" << m_backoff.count() << "ms";
    retryLater();
}

void BotLink::retryLater()
{
    // Up to a fifth more or less, so that the bots of many runners spread out.
    const qint64 spread = m_backoff.count() / 5;
    const qint64 jitter = spread > 0 ? QRandomGenerator::global()->bounded(2 * spread) - spread : 0;
    m_retry.start(m_backoff + std::chrono::milliseconds(jitter));
    m_backoff = std::min(m_backoff * 2, MaxBackoff);
}

void BotLink::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(Protocol::TypeKey).toString();
    if (type == Type::BotCommand) {
        onCommand(frame);
    } else if (type == Type::BotLoginOk) {
        // Only now: the server may answer requests out of order, and an announcement that
        // overtook the login would be refused.
        m_announceId = m_nextFrameId++;
        send(Protocol::frame(Protocol::BotAnnounce{m_manifest.commands}, m_announceId));
    } else if (type == Type::BotAnnounceOk) {
        m_servingSince.start();
        qCInfo(lcLink).noquote() << m_manifest.name << "is serving" << m_server.toString();
        emit serving();
    } else if (type == Type::Error) {
        onError(frame);
    }
}

void BotLink::onError(const QJsonObject &frame)
{
    const QString code = frame.value(u"code"_s).toString();
    const QString message = frame.value(u"message"_s).toString();
    const qint64 id = frame.value(Protocol::IdKey).toInteger();
    if (id != 0 && (id == m_loginId || id == m_announceId)) {
        // Not logged in or not announced, whatever the reason (a wrong token, a command
        // another bot has, the server's storage failing): start over later, when the token
        // file or the other bot may have changed.
        qCWarning(lcLink).noquote() << m_manifest.name << "was refused:" << code << message;
        m_socket.close();
        return;
    }
    // An answer that was refused (too long, say): its asker hears of the timeout.
    qCWarning(lcLink).noquote() << m_manifest.name << "sent something the server refused:" << code
                                << message;
}

void BotLink::onCommand(const QJsonObject &frame)
{
    Protocol::BotCommand command;
    try {
        QJsonObject fields = frame;
        fields.remove(Protocol::TypeKey);
        command = Protocol::fromJson<Protocol::BotCommand>(fields);
    } catch (const Protocol::ProtocolError &error) {
        qCWarning(lcLink) << "the server sent a command this runner cannot read:"
                          << error.message();
        return;
    }
    if (m_open.size() >= MaxOpenRequests) {
        send(
            Protocol::frame(Protocol::BotFail{command.request, u"it has too many questions open"_s},
                            m_nextFrameId++));
        return;
    }
    const quint64 id = m_nextRequestId++;
    m_open.insert(id, command.request);
    const BotRequest request{id,
                             command.command,
                             command.argument,
                             command.room.value_or(QString()),
                             command.username.value_or(QString()),
                             command.displayName.value_or(QString())};
    try {
        m_plugin->handleCommand(request);
    } catch (const std::exception &error) {
        qCWarning(lcLink).noquote()
            << m_manifest.name << "threw on" << command.command << ":" << error.what();
        fail(request.id, u"it ran into an error"_s);
    } catch (...) {
        fail(request.id, u"it ran into an error"_s);
    }
}

void BotLink::send(const QJsonObject &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(Protocol::serialize(frame)));
}

template<typename Work>
void BotLink::onOwnThread(Work work)
{
    if (QThread::currentThread() == thread())
        work();
    else
        QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
}

void BotLink::reply(quint64 requestId, const QString &text, const QJsonObject &data)
{
    onOwnThread([this, requestId, text, data] {
        const auto asked = m_open.constFind(requestId);
        if (asked == m_open.constEnd())
            return; // answered already, or asked on a connection that is gone
        Protocol::BotReply answer{*asked, text.left(Protocol::MaxBotReplyLength), std::nullopt};
        m_open.erase(asked);
        // Larger data would make the frame too big for the server, which would close the
        // connection; the server drops it anyway, so it is dropped here.
        if (Protocol::serialize(data).size() > Protocol::MaxBotReplyDataBytes)
            qCWarning(lcLink).noquote()
                << m_manifest.name << "sent more than" << Protocol::MaxBotReplyDataBytes
                << "bytes of data with a reply; the text went out without it";
        else if (!data.isEmpty())
            answer.data = data;
        send(Protocol::frame(answer, m_nextFrameId++));
    });
}

void BotLink::fail(quint64 requestId, const QString &reason)
{
    onOwnThread([this, requestId, reason] {
        const qint64 asked = m_open.take(requestId);
        if (asked == 0)
            return;
        send(
            Protocol::frame(Protocol::BotFail{asked, reason.left(Protocol::MaxBotFailReasonLength)},
                            m_nextFrameId++));
    });
}

QString BotLink::setting(const QString &key) const
{
    return m_settings.value(key).toString();
}

} // namespace FinChat::BotRunner
