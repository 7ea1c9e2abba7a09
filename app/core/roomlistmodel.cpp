#include "core/roomlistmodel.h"

namespace FinChat::Client {

using namespace Qt::StringLiterals;

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rooms.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Room &room = m_rooms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return room.unread > 0 ? u"%1 (%2)"_s.arg(shownName(room)).arg(room.unread)
                               : shownName(room);
    case NameRole:
        return room.name;
    case TitleRole:
        return room.direct ? room.title : room.name;
    case DirectRole:
        return room.direct;
    case Qt::ToolTipRole:
        if (room.direct)
            return tr("Direct conversation with %1").arg(room.title);
        if (room.joined)
            return room.topic;
        return room.topic.isEmpty()
                   ? tr("Not joined: double-click or press Enter to join")
                   : tr("%1\nNot joined: double-click or press Enter to join").arg(room.topic);
    case Qt::AccessibleDescriptionRole:
        return room.joined ? tr("%n unread", nullptr, room.unread) : tr("not joined");
    case TopicRole:
        return room.topic;
    case JoinedRole:
        return room.joined;
    case UnreadRole:
        return room.unread;
    case MembersRole:
        return room.members;
    case OnlineRole:
        return room.online;
    case NotifyRole:
        return static_cast<int>(notify(room.name));
    default:
        return {};
    }
}

QString RoomListModel::shownName(const Room &room)
{
    return room.direct ? room.title : u"#"_s + room.name;
}

QString RoomListModel::shownName(const QString &name) const
{
    if (const int row = rowOf(name); row >= 0)
        return shownName(m_rooms.at(row));
    // Not listed (yet): a room name proper cannot hold the ':' of a direct one's.
    return name.startsWith(u"dm:") ? tr("a direct conversation") : u"#"_s + name;
}

bool RoomListModel::isDirect(const QString &name) const
{
    const int row = rowOf(name);
    return row >= 0 && m_rooms.at(row).direct;
}

RoomListModel::Notify RoomListModel::notify(const QString &name) const
{
    return m_notify.value(name, isDirect(name) ? Notify::All : Notify::Mentions);
}

int RoomListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_rooms.size(); ++row) {
        if (m_rooms.at(row).name == name)
            return row;
    }
    return -1;
}

void RoomListModel::setNotify(const QString &name, Notify notify)
{
    m_notify.insert(name, notify);
    if (const int row = rowOf(name); row >= 0)
        changed(row);
}

void RoomListModel::clearNotify()
{
    m_notify.clear();
    if (!m_rooms.isEmpty())
        emit dataChanged(index(0), index(static_cast<int>(m_rooms.size()) - 1), {NotifyRole});
}

void RoomListModel::changed(int row)
{
    const QModelIndex at = index(row);
    emit dataChanged(at, at);
}

void RoomListModel::reset(const QList<Protocol::RoomListing> &rooms)
{
    beginResetModel();
    QList<Room> fresh;
    for (const Protocol::RoomListing &listing : rooms) {
        Room room{listing.room.name,
                  listing.room.topic,
                  listing.joined,
                  0,
                  static_cast<int>(listing.members),
                  static_cast<int>(listing.online)};
        if (const int old = rowOf(room.name); old >= 0)
            room.unread = m_rooms.at(old).unread;
        fresh.append(room);
    }
    for (const Room &room : std::as_const(m_rooms)) {
        if (room.direct)
            fresh.append(room); // already in their order, after every room
    }
    m_rooms = fresh;
    endResetModel();
}

void RoomListModel::clear()
{
    beginResetModel();
    m_rooms.clear();
    endResetModel();
}

int RoomListModel::sortedRow(const Room &room) const
{
    const auto before = [](const Room &left, const Room &right) {
        if (left.direct != right.direct)
            return right.direct;
        if (!left.direct)
            return left.name < right.name;
        const int byTitle = left.title.compare(right.title, Qt::CaseInsensitive);
        return byTitle != 0 ? byTitle < 0 : left.name < right.name;
    };
    return static_cast<int>(std::lower_bound(m_rooms.cbegin(), m_rooms.cend(), room, before) -
                            m_rooms.cbegin());
}

void RoomListModel::insertSorted(const Room &room)
{
    const int row = sortedRow(room);
    beginInsertRows({}, row, row);
    m_rooms.insert(row, room);
    endInsertRows();
}

void RoomListModel::upsert(const QString &name, const QString &topic)
{
    if (const int row = rowOf(name); row >= 0) {
        m_rooms[row].topic = topic;
        changed(row);
        return;
    }
    insertSorted(Room{name, topic});
}

void RoomListModel::upsertDirect(const QString &name, const QString &title, int online)
{
    const int row = rowOf(name);
    if (row < 0) {
        insertSorted(Room{.name = name, .online = online, .direct = true, .title = title});
        return;
    }
    Room &room = m_rooms[row];
    if (room.title == title && room.online == online)
        return; // presence events come often, and mostly change nothing shown
    const bool renamed = room.title != title;
    room.title = title;
    room.online = online;
    changed(row);
    if (!renamed)
        return;
    // Renamed: it moves to its new place, as a move, so that views keep it current and
    // selected (a removal would make them pick a neighbour).
    Room moving = m_rooms.takeAt(row);
    const int to = sortedRow(moving);
    m_rooms.insert(row, std::move(moving));
    if (to == row)
        return;
    beginMoveRows({}, row, row, {}, to > row ? to + 1 : to);
    m_rooms.move(row, to);
    endMoveRows();
}

void RoomListModel::setJoined(const QString &name, bool joined)
{
    if (const int row = rowOf(name); row >= 0) {
        m_rooms[row].joined = joined;
        changed(row);
    }
}

void RoomListModel::remove(const QString &name)
{
    if (const int row = rowOf(name); row >= 0) {
        beginRemoveRows({}, row, row);
        m_rooms.removeAt(row);
        endRemoveRows();
    }
}

void RoomListModel::addUnread(const QString &name)
{
    if (const int row = rowOf(name); row >= 0) {
        ++m_rooms[row].unread;
        changed(row);
    }
}

void RoomListModel::clearUnread(const QString &name)
{
    if (const int row = rowOf(name); row >= 0 && m_rooms.at(row).unread != 0) {
        m_rooms[row].unread = 0;
        changed(row);
    }
}

int RoomListModel::unread(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? 0 : m_rooms.at(row).unread;
}

QStringList RoomListModel::namesOf(bool Room::*flag) const
{
    QStringList names;
    for (const Room &room : m_rooms) {
        if (room.*flag)
            names.append(room.name);
    }
    return names;
}

QStringList RoomListModel::joinedRooms() const
{
    return namesOf(&Room::joined);
}

QStringList RoomListModel::directRooms() const
{
    return namesOf(&Room::direct);
}

} // namespace FinChat::Client
