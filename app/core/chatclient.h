#pragma once

#include "chatmessage.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <qcoro/qcorotask.h>

#include <chrono>

namespace FinChat::Client {

class MemberModel;
class MessageModel;
class RoomListModel;
class ServerLink;

// A FinChat session as a person sees it: log in, rooms and their conversations, sending.
// It keeps the session alive on its own: when the connection drops it reconnects with
// backoff, resumes with its token, fetches what it missed in every joined room (no gap, no
// duplicate) and sends what was typed meanwhile, each message exactly once (by its nonce).
// No widgets: the desktop app, tests and headless tools all drive it the same way.
class ChatClient : public QObject
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
        bool ok = false;
        QString code; // the server's error code, or unreachable, timeout, disconnected, cancelled
        QString message;
    };

    struct Command
    {
        QString name;
        QString usage;
        QString description;
    };

    static constexpr std::chrono::milliseconds ConnectTimeout{10'000};

    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    QCoro::Task<Result> logIn(QUrl server, QString username, QString password);
    // Registers, then logs in.
    QCoro::Task<Result> createAccount(QUrl server, QString username, QString password);
    // Logs in again with a token from an earlier login.
    QCoro::Task<Result> resume(QUrl server, QString token);
    // Stops a connect or login in progress; it then finishes with "cancelled".
    void cancel();
    // Ends the session for good: the server revokes the token.
    void logOut();

    State state() const { return m_state; }
    QUrl serverUrl() const { return m_url; }
    QString username() const { return m_username; }
    QString displayName() const { return m_displayName; }
    QString token() const { return m_token; }
    RoomListModel *rooms() const { return m_rooms; }
    MessageModel *messages(const QString &room);
    MemberModel *members(const QString &room);
    QStringList joinedRooms() const;
    const QList<Command> &commands() const { return m_commands; }
    qsizetype outboxSize() const { return m_outbox.size(); }

    void joinRoom(const QString &room);
    void leaveRoom(const QString &room);
    void createRoom(const QString &name, const QString &topic = {});
    void fetchOlder(const QString &room);
    // Shows the message as pending at once and delivers it as soon as the server can take
    // it; returns its nonce. Commands go out only while online.
    QString sendMessage(const QString &room, const QString &body);

    // What the person is looking at, for unread counts and mention notifications.
    void setCurrentRoom(const QString &room);
    QString currentRoom() const { return m_currentRoom; }
    void setActive(bool active) { m_active = active; }

signals:
    void stateChanged(FinChat::Client::ChatClient::State state);
    void roomJoined(const QString &room);
    void roomLeft(const QString &room);
    void commandsChanged();
    void olderLoaded(const QString &room, int count);
    void mentioned(const QString &room, const QString &from, const QString &body);
    void requestFailed(const QString &text);
    // The token was refused on reconnect; the person must log in again.
    void sessionEnded(const QString &text);
    // Reconnected, caught up on every joined room, and the outbox sent.
    void caughtUp();

private:
    struct OutboxItem
    {
        QString room;
        QString body;
        QString nonce;
        bool inFlight = false;
    };

    QCoro::Task<Result> start(QUrl server, QString username, QString password, QString token,
                              bool create);
    QCoro::Task<bool> enterSession(QJsonObject session);
    QCoro::Task<bool> loadRoom(QString room);
    QCoro::Task<> reconnect();
    void setState(State state);
    void onEvent(const QJsonObject &event);
    void onLinkClosed();
    void scheduleReconnect();
    void transmit(const QString &nonce);
    void flushOutbox();
    void arrived(const ChatMessage &message);
    bool isMention(const QString &body) const;

    ServerLink *m_link;
    RoomListModel *m_rooms;
    QHash<QString, MessageModel *> m_messages;
    QHash<QString, MemberModel *> m_members;
    QList<OutboxItem> m_outbox;
    QList<Command> m_commands;
    State m_state = State::Offline;
    QUrl m_url;
    QString m_username;
    QString m_displayName;
    QString m_token;
    QString m_currentRoom;
    bool m_active = true;
    bool m_wantOnline = false; // a session exists and should be kept alive
    quint64 m_attempt = 0;     // bumped by cancel(), so a login in progress knows
    QTimer m_reconnectTimer;
    int m_reconnectRound = 0;
};

} // namespace FinChat::Client
