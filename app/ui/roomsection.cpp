#include "ui/roomsection.h"

#include "core/roomlistmodel.h"

namespace FinChat::Ui {

using Client::RoomListModel;

RoomSection::RoomSection(Kind kind, QAbstractItemModel *rooms, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_kind(kind)
{
    setSourceModel(rooms);
}

QModelIndex RoomSection::indexOf(const QString &room) const
{
    const auto *rooms = static_cast<const RoomListModel *>(sourceModel());
    return mapFromSource(rooms->index(rooms->rowOf(room)));
}

bool RoomSection::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const bool direct =
        sourceModel()->index(sourceRow, 0, sourceParent).data(RoomListModel::DirectRole).toBool();
    return direct == (m_kind == Kind::DirectConversations);
}

} // namespace FinChat::Ui
