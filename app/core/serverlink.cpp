#include "serverlink.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

ServerLink::ServerLink(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ServerLink::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, &ServerLink::onDisconnected);
    m_helloDeadline.setSingleShot(true);
    connect(&m_helloDeadline, &QTimer::timeout, this, [this] { finishHello(false); });
}

ServerLink::~ServerLink()
{
    // Waiting callbacks are dropped, not called: their owners are being torn down too.
    m_socket.disconnect(this);
    m_pending.clear();
    m_helloWaiter = {};
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

QJsonObject ServerLink::localError(const QString &code)
{
    return {{u"type"_s, u"error"_s}, {u"code"_s, code}, {u"message"_s, code}};
}

QCoro::Task<bool> ServerLink::open(QUrl url, std::chrono::milliseconds timeout)
{
    QPointer<ServerLink> self(this);
    m_hello = {};
    m_open = false;
    m_socket.abort();
    m_socket.open(url);
    const bool said = co_await HelloAwaiter(this, timeout);
    if (!self)
        co_return false;
    if (!said) {
        m_socket.abort();
        co_return false;
    }
    co_return true;
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

void ServerLink::send(const QString &type, const QJsonObject &fields, ReplyCallback onReply)
{
    const QString id = QString::number(m_nextId++);
    QJsonObject frame = fields;
    frame.insert(u"type"_s, type);
    frame.insert(u"id"_s, id);
    if (onReply) {
        if (!m_open) {
            // Answer from the event loop, like a real reply, so callers see one behaviour.
            QTimer::singleShot(0, this, [onReply] { onReply(localError(u"disconnected"_s)); });
            return;
        }
        m_pending.insert(id, std::move(onReply));
        QTimer::singleShot(RequestTimeout, this,
                           [this, id] { answer(id, localError(u"timeout"_s)); });
    }
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void ServerLink::answer(const QString &id, const QJsonObject &reply)
{
    if (const ReplyCallback callback = m_pending.take(id))
        callback(reply);
}

void ServerLink::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(u"type"_s).toString();
    if (!m_open && type == "hello"_L1) {
        m_hello = frame;
        m_open = true;
        finishHello(true);
        return;
    }
    const QJsonValue id = frame.value(u"id"_s);
    if (id.isString() && m_pending.contains(id.toString()))
        answer(id.toString(), frame);
    else
        emit eventReceived(frame);
}

void ServerLink::onDisconnected()
{
    const bool wasOpen = m_open;
    m_open = false;
    if (!wasOpen)
        finishHello(false);
    const auto pending = std::exchange(m_pending, {});
    for (const ReplyCallback &callback : pending)
        callback(localError(u"disconnected"_s));
    if (wasOpen)
        emit closed();
}

ServerLink::ReplyAwaiter::ReplyAwaiter(ServerLink *link, QString type, QJsonObject fields)
    : m_link(link)
    , m_type(std::move(type))
    , m_fields(std::move(fields))
{}

void ServerLink::ReplyAwaiter::await_suspend(std::coroutine_handle<> waiting)
{
    m_link->send(m_type, m_fields, [this, waiting](const QJsonObject &reply) {
        m_reply = reply;
        waiting.resume();
    });
}

} // namespace FinChat::Client
