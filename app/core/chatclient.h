#pragma once

#include "core/knownservers.h"
#include "core/serverlink.h"
#include "core/session.h"

#include <QObject>
#include <QSet>
#include <QUrl>

#include <qcoro/qcorotask.h>

namespace FinChat::Client {

class CatchUp;
class Conversations;
class EventRouter;
class MemberModel;
class MessageModel;
class Outbox;
class QuoteTips;
class RoomListModel;
class ServerLink;
class UnreadTracker;
class Watchlist;

// A FinChat session as a person sees it: log in, rooms and their conversations, sending.
// It is the front of the client core and delegates each job to one class: the wire
// (ServerLink), being and staying logged in (Session), rooms kept complete (CatchUp),
// messages until stored (Outbox), the server's events (EventRouter), unread counts and
// mentions (UnreadTracker), and what is shown (Conversations). No widgets: the desktop app,
// tests and headless tools all drive it the same way.
class ChatClient : public QObject
{
    Q_OBJECT

public:
    using State = Session::State;
    using Result = Session::Result;

    // Where the certificates the person trusted are kept (KnownServers).
    explicit ChatClient(KnownServers::Storage trustStorage = KnownServers::Storage::Memory,
                        QObject *parent = nullptr);
    ~ChatClient() override;

    QCoro::Task<Result> logIn(QUrl server, QString username, QString password);
    // Registers, then logs in.
    QCoro::Task<Result> createAccount(QUrl server, QString username, QString password,
                                      QString displayName = {}, QString invite = {});
    // Logs in again with a token from an earlier login.
    QCoro::Task<Result> resume(QUrl server, QString token);
    // Stops a connect or login in progress; it then finishes with Cancelled.
    void cancel();
    // Ends the session for good: the server revokes the token.
    void logOut();
    // How others see this user; the server announces it to them.
    QCoro::Task<Result> changeDisplayName(QString displayName);
    // What the user writes about themself on their profile.
    QCoro::Task<Result> changeBio(QString bio);
    // Other devices' sessions end (the server revokes their tokens); this one goes on.
    QCoro::Task<Result> changePassword(QString oldPassword, QString newPassword);

    // The certificates the person trusted; trust one after a Failure::UnknownCertificate or
    // ChangedCertificate, and log in again.
    KnownServers &knownServers() { return m_knownServers; }

    State state() const;
    QUrl serverUrl() const;
    // The longest message body the server takes, in characters (code points); 0 if unknown.
    qsizetype maxBodyLength() const;
    // While reconnecting: try at once; and how long until the next try otherwise (ms).
    void retryNow();
    int nextTryIn() const;
    QString username() const;
    QString displayName() const;
    QString token() const;
    RoomListModel *rooms() const;
    MessageModel *messages(const QString &room);
    MemberModel *members(const QString &room);
    QStringList joinedRooms() const;
    const QList<Protocol::CommandInfo> &commands() const;
    qsizetype outboxSize() const;
    // The latest quote for a ticker pointed at in a message (quote.get, shared and kept).
    QuoteTips *quoteTips() const { return m_quoteTips; }
    // The user's watchlist and price alerts, kept by the server.
    Watchlist *watchlist() const { return m_watchlist; }

    // Words besides the user's name that highlight a message and, by default, notify.
    void setHighlightWords(const QStringList &words);

    // Loads a room (joining it first if need be); nothing while it is being loaded already.
    void joinRoom(const QString &room);
    // The direct conversation of this user and these people (usernames), opened the first
    // time: its room name once it is listed and, while online, being loaded (roomJoined
    // follows unless it was loaded before); empty when refused (said through
    // requestFailed).
    QCoro::Task<QString> openDirect(QStringList users);
    void leaveRoom(const QString &room);
    void createRoom(const QString &name, const QString &topic = {});
    void fetchOlder(const QString &room);
    // Loads the room's older messages until message `id` is shown (a search result opened
    // in place); true when it is, false when it is too far back or the room has no such.
    QCoro::Task<bool> reveal(QString room, qint64 id);
    // Shows the message as pending at once and delivers it as soon as the server can take
    // it; returns its nonce. Commands go out only while online, and are not kept.
    // replyTo: the id of the message of the room it answers.
    QString sendMessage(const QString &room, const QString &body,
                        std::optional<qint64> replyTo = std::nullopt);
    // The author changes their message: true once stored; a refusal comes back through
    // requestFailed.
    QCoro::Task<bool> editMessage(qint64 id, QString body);
    // Whether the user may edit this message now: their own, stored, not deleted, and
    // within the site's edit window.
    bool canEdit(const QModelIndex &message) const;
    // What the site's admins set: the message of the day, the edit window.
    const Protocol::SiteSettings &siteSettings() const;

    // Moderation. The server decides who may (docs/protocol.md, "Roles"); a refusal comes back
    // through requestFailed, and what was done arrives as the server's events. `myRole` says
    // which of these to offer: what the user may do, as the room's member list knows it.
    Protocol::Role myRole(const QString &room);
    // Until when a moderator muted this user in the room, while that is to come.
    std::optional<qint64> mutedUntil(const QString &room) const;
    // The same, from any room this user is in: roles are the server's, not a room's.
    Protocol::Role myRole();
    // A request of the server administration dialog (user.list, audit.list, invite.*,
    // server.status): co_await it for the reply or the failure.
    template<typename Request>
    ServerLink::ReplyAwaiter<Request> ask(const Request &request)
    {
        return m_link->call(request);
    }
    void deleteMessage(qint64 id);
    void removeFromRoom(const QString &room, const QString &user, const QString &reason);
    void mute(const QString &room, const QString &user, int minutes, const QString &reason);
    void unmute(const QString &room, const QString &user);
    void ban(const QString &user, const QString &reason);
    void unban(const QString &user);
    void setRole(const QString &user, Protocol::Role role);

    // What the person is looking at, for unread counts and mention notifications.
    void setCurrentRoom(const QString &room);
    QString currentRoom() const;
    void setActive(bool active);

signals:
    void stateChanged(FinChat::Client::Session::State state);
    void roomJoined(const QString &room);
    void roomLeft(const QString &room);
    void commandsChanged();
    void olderLoaded(const QString &room, int count);
    void notificationDue(const QString &room, const QString &from, const QString &body);
    void requestFailed(const QString &text);
    // This user is out of a room by someone else's doing (removed by a moderator, or the
    // room deleted); text says who and why.
    void removedFromRoom(const QString &room, const QString &text);
    // This user was muted or unmuted in the room (or a join said so).
    void muteChanged(const QString &room);
    // The server did a moderation request of this client's (ban, unban, role, ...).
    void moderationDone();
    // The site's settings changed, or a login told them.
    void siteSettingsChanged();
    // An administrator renamed a room this user is in: it is being loaded as `to`, and
    // roomLeft(from) and roomJoined(to) follow.
    void roomRenamed(const QString &from, const QString &to);
    // The token was refused on reconnect; the person must log in again.
    void sessionEnded(const QString &text);
    // Reconnected, caught up on every joined room, and the outbox sent.
    void caughtUp();

private:
    QCoro::Task<> leave(QString room);
    QCoro::Task<> create(QString name, QString topic);
    // rooms.list again, into the room list (unread counts kept).
    QCoro::Task<> relistRooms();
    QCoro::Task<> sendCommand(QString room, QString body);
    QCoro::Task<Result> updateProfile(Protocol::ProfileUpdate change);
    // Sends a request; says why when the server refuses it. true when done.
    template<typename Request>
    QCoro::Task<bool> perform(Request request);
    // The same for a moderation request, telling moderationDone.
    template<typename Request>
    QCoro::Task<> moderate(Request request);

    KnownServers m_knownServers;
    ServerLink *m_link;
    Conversations *m_conversations;
    UnreadTracker *m_unread;
    EventRouter *m_events;
    CatchUp *m_catchUp;
    Outbox *m_outbox;
    Session *m_session;
    QuoteTips *m_quoteTips;
    Watchlist *m_watchlist;
    QSet<QString> m_creating; // rooms this device asked to create, until the answer
};

} // namespace FinChat::Client
