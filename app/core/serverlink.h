#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <qcoro/qcorotask.h>

#include <chrono>
#include <coroutine>
#include <functional>

namespace FinChat::Client {

// The wire: one WebSocket to a FinChat server, JSON frames in and out, and replies matched
// to their requests by id. It knows nothing of rooms or users.
class ServerLink : public QObject
{
    Q_OBJECT

public:
    using ReplyCallback = std::function<void(const QJsonObject &reply)>;
    static constexpr std::chrono::milliseconds RequestTimeout{15'000};

    explicit ServerLink(QObject *parent = nullptr);
    ~ServerLink() override;

    // Connects and waits for the server's hello; false when it cannot be reached in time.
    QCoro::Task<bool> open(QUrl url, std::chrono::milliseconds timeout);
    void close();
    // Drops the connection at once, as a network failure would (for "cancel").
    void abort();
    bool isOpen() const { return m_open; }
    const QJsonObject &serverHello() const { return m_hello; }
    QUrl url() const { return m_socket.requestUrl(); }

    // Sends a request; onReply gets its reply or error, or a local error frame with code
    // "disconnected" or "timeout" when none can come.
    void send(const QString &type, const QJsonObject &fields, ReplyCallback onReply = {});

    // co_await link.call(type, fields) gives the reply frame (or error frame) of a request.
    class ReplyAwaiter
    {
    public:
        ReplyAwaiter(ServerLink *link, QString type, QJsonObject fields);
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> waiting);
        QJsonObject await_resume() { return std::move(m_reply); }

    private:
        ServerLink *m_link;
        QString m_type;
        QJsonObject m_fields;
        QJsonObject m_reply;
    };
    ReplyAwaiter call(const QString &type, const QJsonObject &fields = {})
    {
        return ReplyAwaiter(this, type, fields);
    }

    static QJsonObject localError(const QString &code);

signals:
    void eventReceived(const QJsonObject &event);
    void closed();

private:
    // Resumes open() when the hello comes, the socket closes first, or time runs out. (Not
    // qCoro(signal): QCoro 0.8 touches its awaiter after resuming, which the resumed
    // coroutine may already have destroyed.)
    class HelloAwaiter
    {
    public:
        HelloAwaiter(ServerLink *link, std::chrono::milliseconds timeout);
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> waiting);
        bool await_resume() const noexcept { return m_ok; }

    private:
        ServerLink *m_link;
        std::chrono::milliseconds m_timeout;
        bool m_ok = false;
    };

    void finishHello(bool ok);
    void onText(const QString &text);
    void onDisconnected();
    void answer(const QString &id, const QJsonObject &reply);

    QWebSocket m_socket;
    QJsonObject m_hello;
    bool m_open = false;
    quint64 m_nextId = 1;
    QHash<QString, ReplyCallback> m_pending;
    std::function<void(bool)> m_helloWaiter;
    QTimer m_helloDeadline;
};

} // namespace FinChat::Client
