#pragma once

#include "finchat/protocol/shapes.h"
#include <QAbstractListModel>

#include <QList>

namespace FinChat::Client {

// Every room on the server, with whether this user is in it and how many messages arrived
// there unseen; then the user's direct conversations, named after the people in them. Rooms
// come first by name, direct conversations after them by title: the order people see.
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        TopicRole,
        JoinedRole,
        UnreadRole,
        MembersRole,
        OnlineRole,
        NotifyRole, // a Notify, as an int
        DirectRole, // a direct conversation (dm.open)
        TitleRole,  // what it is called: a room's name, or the other people in a conversation
    };

    // What in a room deserves a notification.
    enum class Notify
    {
        Mentions, // messages that name the reader or a word they watch (the default)
        All,      // every message
        Muted,    // nothing; the room's unread messages do not count in the tray's badge
    };

    struct Room
    {
        QString name = {};
        QString topic = {};
        bool joined = false;
        int unread = 0;
        int members = 0;
        int online = 0; // of a direct conversation: the others who are online
        bool direct = false;
        QString title = {}; // of a direct conversation: the others' names
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // From rooms.list, which lists no direct conversation: those stay, and unread counts
    // survive.
    void reset(const QList<Protocol::RoomListing> &rooms);
    // Nothing listed (another account logs in).
    void clear();
    void upsert(const QString &name, const QString &topic);
    // A direct conversation of this user's, called `title`, with `online` others online;
    // joined once loaded (setJoined).
    void upsertDirect(const QString &name, const QString &title, int online);
    bool isDirect(const QString &name) const;
    // How the room is shown: "#general", or the people of a direct conversation.
    QString shownName(const QString &name) const;
    void setJoined(const QString &name, bool joined);
    // The room is gone (deleted, or renamed: its new name is another row).
    void remove(const QString &name);
    void addUnread(const QString &name);
    void clearUnread(const QString &name);
    int unread(const QString &name) const;
    QStringList joinedRooms() const;
    // Every direct conversation listed, loaded (joined) or not yet.
    QStringList directRooms() const;
    int rowOf(const QString &name) const;
    // A room's data by name (a Role); empty when it is not listed.
    QVariant dataOf(const QString &name, int role) const { return data(index(rowOf(name)), role); }
    // Kept by room name, whether or not the room is listed (the list is replaced on every
    // reconnect).
    void setNotify(const QString &name, Notify notify);
    // Unless chosen otherwise, rooms notify of mentions and direct conversations of every
    // message: those are written to the reader.
    Notify notify(const QString &name) const;
    // Every room back to the default (another server's settings come next).
    void clearNotify();

private:
    static QString shownName(const Room &room);
    // The names of the rooms with this flag set, in the list's order.
    QStringList namesOf(bool Room::*flag) const;
    void changed(int row);
    // Where a room belongs in the list's order.
    int sortedRow(const Room &room) const;
    void insertSorted(const Room &room);

    QList<Room> m_rooms;
    QHash<QString, Notify> m_notify;
};

} // namespace FinChat::Client
