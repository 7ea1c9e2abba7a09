#pragma once

#include <QSortFilterProxyModel>

namespace FinChat::Ui {

// One section of the room list: the rooms, or the direct conversations. The order is the
// list's own (RoomListModel).
class RoomSection : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Kind
    {
        Rooms,
        DirectConversations,
    };

    RoomSection(Kind kind, QAbstractItemModel *rooms, QObject *parent = nullptr);

    // The row of a room in this section; invalid when it is not here.
    QModelIndex indexOf(const QString &room) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Kind m_kind;
};

} // namespace FinChat::Ui
