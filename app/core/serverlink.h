#pragma once

#include "core/failure.h"
#include "core/knownservers.h"

#include "finchat/protocol/messages.h"

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

// The wire: one WebSocket to a FinChat server, typed requests out, their typed replies
// matched by id, and events handed on. It knows nothing of rooms or users.
class ServerLink : public QObject
{
    Q_OBJECT

    // A request waiting for its answer: resumed with the frame, or a local failure.
    using Waiter = std::function<void(const QJsonObject &frame, std::optional<Failure> local)>;

public:
    static constexpr std::chrono::milliseconds RequestTimeout{15'000};

    // Certificates that no system CA vouches for are accepted when knownServers trusts them.
    explicit ServerLink(const KnownServers &knownServers, QObject *parent = nullptr);
    ~ServerLink() override;

    // Connects and waits for the server's hello. On failure: Unreachable (with the server's
    // address), or UnknownCertificate / ChangedCertificate (with the fingerprint), in which
    // case nothing was sent but the WebSocket handshake.
    QCoro::Task<std::optional<Failure>> open(QUrl url, std::chrono::milliseconds timeout);
    void close();
    // Drops the connection at once, as a network failure would (for "cancel").
    void abort();
    bool isOpen() const { return m_open; }
    // What the server said it accepts, in its hello (zeros before the first one).
    const Protocol::Limits &limits() const { return m_limits; }

    // co_await link.call(Protocol::RoomJoin{...}) gives an Answer<RoomJoinOk>: the reply, or
    // the server's error, or Timeout / Disconnected when no answer can come. The awaiting
    // coroutine is resumed exactly once, also when the link is destroyed meanwhile (with
    // Disconnected), so it must check its own object is alive after every co_await.
    template<Protocol::Described Request>
    class ReplyAwaiter
    {
    public:
        using Reply = typename Request::Reply;
        ReplyAwaiter(ServerLink *link, const Request &request)
            : m_link(link)
            , m_frame(Protocol::frame(request))
        {}
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> waiting)
        {
            m_link->send(m_frame,
                         [this, waiting](const QJsonObject &frame, std::optional<Failure> local) {
                             m_answer = local ? Answer<Reply>(*local) : read(frame);
                             waiting.resume(); // nothing may touch this awaiter afterwards
                         });
        }
        Answer<Reply> await_resume() { return std::move(*m_answer); }

    private:
        static Answer<Reply> read(const QJsonObject &frame)
        {
            try {
                const QString type = frame.value(Protocol::TypeKey).toString();
                if (type == Protocol::Type::Error)
                    return Failure::fromServer(Protocol::fromJson<Protocol::Error>(frame));
                if (type != Reply::Type)
                    return Failure::local(Failure::Reason::BadAnswer, type);
                return Protocol::fromJson<Reply>(frame);
            } catch (const Protocol::ProtocolError &error) {
                return Failure::local(Failure::Reason::BadAnswer, error.message());
            }
        }

        ServerLink *m_link;
        QJsonObject m_frame;
        std::optional<Answer<Reply>> m_answer;
    };

    template<Protocol::Described Request>
    ReplyAwaiter<Request> call(const Request &request)
    {
        return ReplyAwaiter<Request>(this, request);
    }

signals:
    // Every frame that answers no request of ours, in arrival order.
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

    void send(QJsonObject frame, Waiter waiter);
    void finishHello(bool ok);
    void onText(const QString &text);
    void onDisconnected();
    void onSslErrors();
    void onConnected();
    void resolve(const QString &id, const QJsonObject &frame, std::optional<Failure> local);
    void failAll(Failure::Reason reason);

    const KnownServers &m_knownServers;
    QWebSocket m_socket;
    QUrl m_url;
    bool m_certificateVouched = true; // by a system CA: no sslErrors in this handshake
    std::optional<Failure> m_certificateRefused;
    bool m_open = false;
    Protocol::Limits m_limits;
    quint64 m_nextId = 1;
    QHash<QString, Waiter> m_pending;
    std::function<void(bool)> m_helloWaiter;
    QTimer m_helloDeadline;
};

} // namespace FinChat::Client
