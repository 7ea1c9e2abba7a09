#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

#include <qcoro/qcorotask.h>

namespace FinChat::Client {

class Conversations;
class ServerLink;
class UnreadTracker;

// Keeps each room's conversation complete: joins (or reloads) a room with its latest page;
// after a reconnect pages back until the pages meet what is already shown, so that every
// message missed meanwhile appears, once; and loads older history when asked.
class CatchUp : public QObject
{
    Q_OBJECT

public:
    CatchUp(ServerLink &link, Conversations &conversations, UnreadTracker &unread,
            QObject *parent = nullptr);

    // The connection dropped: what each joined room shows now is what the catch-up after the
    // reconnect must reach back to. Taken here, not when the room is loaded again, because
    // live messages arrive from the moment the session resumes, before every room is loaded.
    void rememberShown();
    void forgetShown() { m_shownBeforeDrop.clear(); }

    // False when the connection failed on the way (the session must start over); a room the
    // server refuses is reported with requestFailed and does not stop the rest.
    QCoro::Task<bool> loadRoom(QString room);
    // A room.join of this client's is waiting for its answer (whose member.joined comes
    // first, and must not start a second load).
    bool isJoining(const QString &room) const { return m_joining.contains(room); }
    QCoro::Task<> fetchOlder(QString room);
    // Loads older pages of the room until message `id` is among them (a search result opened
    // in place), at most MaxRevealPages; true when it is.
    QCoro::Task<bool> reveal(QString room, qint64 id);

signals:
    void roomJoined(const QString &room);
    void olderLoaded(const QString &room, int count);
    void requestFailed(const QString &text);

private:
    // How far back a search result is looked for in its room: 20 pages of 100 messages.
    static constexpr int MaxRevealPages = 20;
    // One page of older messages before the oldest shown; true when one came.
    QCoro::Task<bool> loadOlderPage(QString room, int limit);

    ServerLink &m_link;
    Conversations &m_conversations;
    UnreadTracker &m_unread;
    QHash<QString, qint64> m_shownBeforeDrop; // room → newest stored id shown
    QSet<QString> m_joining;
};

} // namespace FinChat::Client
