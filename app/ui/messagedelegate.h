#pragma once

#include <QStyledItemDelegate>

namespace FinChat::Ui {

// Draws one line of a conversation: sender and time over the text, the header only once for
// a run of one author's messages, a heading where a new day starts and a "new messages"
// line above the first unread. One's own messages, bot replies, commands and notices each
// look different, pending and refused messages say so, right-to-left text is right-aligned,
// and a bot reply carrying a stock quote gets a small quote card.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "Today", "Yesterday" or the date, in the reader's language.
    static QString dayHeading(const QDate &day);

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace FinChat::Ui
