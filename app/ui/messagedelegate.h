#pragma once

#include "core/tickers.h"

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>
#include <QUrl>

#include <optional>

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

    // Which words are drawn as ticker chips.
    void setTickerRule(const Client::TickerRule &rule) { m_tickers = rule; }

    // "Today", "Yesterday" or the date, in the reader's language.
    static QString dayHeading(const QDate &day);
    // How a reply shows the message it answers (MessageModel::ReplyRole), on one line:
    // "Bob: the text", or that it was deleted; empty when it answers none.
    static QString quoteLine(const QVariantMap &quote);

    // What lies under `point` (in the row's coordinates, as option.rect): the position in
    // the message's text nearest to it (even outside the text: a drag may overshoot), and
    // whether it is inside the text and on a link.
    struct Hit
    {
        qsizetype position = 0;
        bool inText = false;
        std::optional<QUrl> link;
        std::optional<QString> ticker; // the market code of a ticker chip
    };
    Hit hitTest(const QStyleOptionViewItem &option, const QModelIndex &index, QPoint point) const;

    // The text selected in one message, [start, end), drawn highlighted.
    void setSelection(const QModelIndex &index, qsizetype start, qsizetype end);
    void clearSelection() { m_selected = QPersistentModelIndex(); }
    QString selectedText() const;

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    static void paintQuote(QPainter *painter, const QRect &rect, const QString &line, QFont font,
                           const QColor &colour);

    Client::TickerRule m_tickers;
    QPersistentModelIndex m_selected;
    qsizetype m_selectionStart = 0;
    qsizetype m_selectionEnd = 0;
};

} // namespace FinChat::Ui
