#pragma once

#include <QStyledItemDelegate>

namespace FinChat::Ui {

// Draws one line of a conversation: sender and time over the text. One's own messages,
// bot replies, commands and notices each look different, pending and refused messages say
// so, and a bot reply carrying a stock quote gets a small quote card.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace FinChat::Ui
