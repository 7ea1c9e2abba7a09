#pragma once

#include <QStyledItemDelegate>

namespace FinChat::Ui {

// Rooms: unread ones bold, rooms one is not in greyed, in italics and marked "+"; direct
// conversations marked with a dot, filled when someone of them is online. A row is as wide
// as the list: a long name (a group's people) is elided, keeping its unread count in view,
// rather than scrolled sideways.
class RoomDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

// Members: a dot for online, grey when offline, a mark for bots.
class MemberDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace FinChat::Ui
