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
    send(Protocol::frame(Protocol::BotLogin{token}, m_nextFrameId++));
}

void BotLink::onDisconnected()
{
    if (m_stopping)
        return;
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
        send(Protocol::frame(Protocol::BotAnnounce{m_manifest.commands}, m_nextFrameId++));
    } else if (type == Type::BotAnnounceOk) {
        m_backoff = FirstBackoff;
        qCInfo(lcLink).noquote() << m_manifest.name << "is serving" << m_server.toString();
        emit serving();
    } else if (type == Type::Error) {
        // A refused login or announcement cannot be mended by this program: say why, and
        // try again later (the token file or the other bot may change).
        const QString code = frame.value(u"code"_s).toString();
        qCWarning(lcLink).noquote()
            << m_manifest.name << "was refused:" << code << frame.value(u"message"_s).toString();
        if (code == "invalid_token"_L1 || code == "command_taken"_L1 || code == "forbidden"_L1)
            m_socket.close();
    }
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
    const BotRequest request{quint64(command.request),
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
        Protocol::BotReply answer{qint64(requestId), text.left(Protocol::MaxBotReplyLength),
                                  std::nullopt};
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
        send(Protocol::frame(
            Protocol::BotFail{qint64(requestId), reason.left(Protocol::MaxBotFailReasonLength)},
            m_nextFrameId++));
    });
}

QString BotLink::setting(const QString &key) const
{
    return m_settings.value(key).toString();
}

} // namespace FinChat::BotRunner
