#pragma once

#include "core/failure.h"

#include "finchat/protocol/messages.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <qcoro/qcorotask.h>

#include <chrono>

namespace FinChat::Client {

class CatchUp;
class Conversations;
class Outbox;
class ServerLink;

// Being logged in, and staying so. Connects, logs in (or registers first, or resumes with a
// token), then enters the session: the room list, every joined room caught up, the
// commands, the outbox sent. When the connection drops, or entering fails halfway, it
// reconnects with backoff and resumes, until the token is refused or the person logs out.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Offline,
        Connecting,
        LoggingIn,
        Online,
        Reconnecting
    };
    Q_ENUM(State)

    struct Result
    {
        std::optional<Failure> failure; // empty on success
        bool ok() const { return !failure; }
    };

    static constexpr std::chrono::milliseconds ConnectTimeout{10'000};

    Session(ServerLink &link, Conversations &conversations, CatchUp &catchUp, Outbox &outbox,
            QObject *parent = nullptr);

    QCoro::Task<Result> logIn(QUrl server, QString username, QString password);
    // Registers, then logs in. An empty display name leaves the server's default (the
    // username).
    // An empty invite sends none.
    QCoro::Task<Result> createAccount(QUrl server, QString username, QString password,
                                      QString displayName = {}, QString invite = {});
    // Logs in again with a token from an earlier login.
    QCoro::Task<Result> resume(QUrl server, QString token);
    // Stops a connect or login in progress; it then finishes with Cancelled.
    void cancel();
    // Ends the session for good: the server revokes the token.
    void logOut();
    // While reconnecting: try now instead of when the backoff says, and start the backoff
    // over (the person knows the network is back).
    void retryNow();
    // While reconnecting: milliseconds until the next try; 0 while one is under way.
    int nextTryIn() const;
    // The server ended the session (a SessionEndReason): the person must log in again.
    void endedByServer(const QString &reason);

    State state() const { return m_state; }
    QUrl serverUrl() const { return m_url; }
    QString token() const { return m_token; }
    const QList<Protocol::CommandInfo> &commands() const { return m_commands; }

signals:
    void stateChanged(FinChat::Client::Session::State state);
    void commandsChanged();
    // The token was refused on reconnect, or the server ended the session (a password
    // changed elsewhere, a logout of this session elsewhere): the person must log in again.
    void sessionEnded(const QString &text);
    // Reconnected, caught up on every joined room, and the outbox sent.
    void caughtUp();

private:
    struct Credentials
    {
        QString username;
        QString password;
        QString token; // resume with it when set
        bool create = false;
        QString displayName; // for a new account
        QString invite;      // for a new account, where the server registers by invitation
    };

    QCoro::Task<Result> start(QUrl server, Credentials credentials);
    QCoro::Task<std::optional<Failure>> authenticate(Credentials credentials, quint64 attempt);
    QCoro::Task<bool> enter(Protocol::SessionInfo session, quint64 attempt);
    QCoro::Task<> reconnect();
    QCoro::Task<> sendLogout(quint64 attempt);
    void setState(State state);
    void onLinkClosed();
    void scheduleReconnect();

    ServerLink &m_link;
    Conversations &m_conversations;
    CatchUp &m_catchUp;
    Outbox &m_outbox;
    State m_state = State::Offline;
    QUrl m_url;
    QString m_token;
    QList<Protocol::CommandInfo> m_commands;
    bool m_wantOnline = false; // a session exists and should be kept alive
    // Bumped by every start, cancel and log-out: a flow that sees it changed after a
    // co_await stops, whatever it was doing.
    quint64 m_attempt = 0;
    QTimer m_reconnectTimer;
    int m_reconnectRound = 0;
};

} // namespace FinChat::Client
