#pragma once

#include "finchat/protocol/dispatcher.h"

#include <QObject>

namespace FinChat::Client {

class Conversations;
class ServerLink;
class UnreadTracker;

// Applies the server's events to what the client shows, each read as its typed event; an
// event that does not read as the protocol says is logged and dropped.
class EventRouter : public QObject
{
    Q_OBJECT

public:
    EventRouter(ServerLink &link, Conversations &conversations, UnreadTracker &unread,
                QObject *parent = nullptr);

signals:
    // This user left a room, here or on another device.
    void roomLeft(const QString &room);
    // This user joined (or created) a room on another device, or someone opened a direct
    // conversation with them: it is to be loaded here too.
    void joinedElsewhere(const QString &room);
    // The server ended this session (a SessionEndReason); the connection closes next.
    void sessionEnded(const QString &reason);
    // This user is out of a room by someone else's doing: a moderator removed them
    // (room.kick), or an administrator deleted the room; text says who and why.
    void removedFromRoom(const QString &room, const QString &text);
    // An administrator renamed a room this user is in; it is to be loaded under its new name.
    void joinedRoomRenamed(const QString &from, const QString &to);
    // Rooms were renamed or deleted: names may have moved between rooms (two swapped, say),
    // which events applied one by one cannot always tell; the list is to be read again.
    void roomListStale();

private:
    void route(const QJsonObject &event);
    void setOnline(const Protocol::User &user, bool online);
    // room.kick, room.mute and message.delete, as the room shows them.
    void routeModeration();
    // room.renamed and room.deleted, done on the server's command line.
    void routeRoomAdministration();
    // Someone in a room, named as the room's member list shows them.
    QString nameIn(const QString &room, const QString &user);
    bool isMe(const Protocol::User &user) const;
    // A line in the room saying what happened there, for everyone in it.
    void showActivity(const QString &room, const QString &text);

    Conversations &m_conversations;
    UnreadTracker &m_unread;
    Protocol::Dispatcher<void> m_dispatcher;
};

} // namespace FinChat::Client
