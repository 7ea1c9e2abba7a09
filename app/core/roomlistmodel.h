#pragma once

#include "finchat/protocol/shapes.h"
#include <QAbstractListModel>

#include <QList>

namespace FinChat::Client {

// Every room on the server, with whether this user is in it and how many messages arrived
// there unseen.
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
        QString name;
        QString topic;
        bool joined = false;
        int unread = 0;
        int members = 0;
        int online = 0;
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // From rooms.list; unread counts survive.
    void reset(const QList<Protocol::RoomListing> &rooms);
    void upsert(const QString &name, const QString &topic);
    void setJoined(const QString &name, bool joined);
    // The room is gone (deleted, or renamed: its new name is another row).
    void remove(const QString &name);
    void addUnread(const QString &name);
    void clearUnread(const QString &name);
    int unread(const QString &name) const;
    QStringList joinedRooms() const;
    int rowOf(const QString &name) const;
    // Kept by room name, whether or not the room is listed (the list is replaced on every
    // reconnect).
    void setNotify(const QString &name, Notify notify);
    Notify notify(const QString &name) const { return m_notify.value(name, Notify::Mentions); }
    // Every room back to the default (another server's settings come next).
    void clearNotify();

private:
    void changed(int row);

    QList<Room> m_rooms;
    QHash<QString, Notify> m_notify;
};

} // namespace FinChat::Client
