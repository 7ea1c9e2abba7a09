#include "ui/messagedelegate.h"

#include "core/chatmessage.h"
#include "core/messagemodel.h"
#include "ui/bubbletext.h"
#include "ui/languages.h"
#include "ui/quotecards.h"
#include "ui/tones.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;
using Client::ChatMessage;
using Client::MessageModel;

namespace {
constexpr int Margin = 6;
constexpr int Padding = 8;
constexpr int MaxBubbleWidth = 760; // about 100 characters: lines stay easy to follow

Tones::Bubble bubbleOf(ChatMessage::Kind kind, bool own, bool highlighted)
{
    if (own)
        return Tones::Bubble::Own;
    if (highlighted)
        return Tones::Bubble::Mention;
    switch (kind) {
    case ChatMessage::Kind::Message:
        return Tones::Bubble::Plain;
    case ChatMessage::Kind::Bot:
        return Tones::Bubble::Bot;
    case ChatMessage::Kind::Command:
    case ChatMessage::Kind::Notice:
    case ChatMessage::Kind::Activity:
        return Tones::Bubble::Aside;
    }
    return Tones::Bubble::Plain;
}

// A label centred on (or at one end of) a thin line across the row: day headings, the
// "new messages" line.
void drawRuledLabel(QPainter *painter, const QRect &rect, const QString &label, const QFont &font,
                    const QColor &colour, Qt::Alignment where)
{
    painter->setFont(font);
    painter->setPen(colour);
    const QFontMetrics metrics(font);
    const int gap = Padding;
    const int labelWidth = metrics.horizontalAdvance(label) + 2 * gap;
    const int y = rect.center().y();
    const int labelLeft =
        where & Qt::AlignRight ? rect.right() - labelWidth : rect.center().x() - labelWidth / 2;
    painter->drawLine(rect.left(), y, labelLeft, y);
    if (!(where & Qt::AlignRight))
        painter->drawLine(labelLeft + labelWidth, y, rect.right(), y);
    painter->drawText(QRect(labelLeft, rect.top(), labelWidth, rect.height()), Qt::AlignCenter,
                      label);
}

int viewWidth(const QStyleOptionViewItem &option)
{
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}
} // namespace

struct MessageDelegate::Layout
{
    ChatMessage::Kind kind;
    ChatMessage::Status status;
    bool own;
    bool highlighted;   // names the reader or a word they watch
    QString dayHeading; // empty unless the row starts a day
    bool firstUnread;
    QString header; // empty when the row continues its author's run
    QString body;
    QString quote;        // the message this one answers, on one line; empty if none
    bool deleted = false; // body says so
    QFont headerFont;
    QFont bodyFont;
    QRect dayRect;
    QRect unreadRect;
    QRect bubbleRect;
    QRect headerRect;
    QRect quoteRect;
    QRect bodyRect;
    std::optional<BubbleText> text;
    QuoteCards cards;
    int height;
};

QString MessageDelegate::quoteLine(const QVariantMap &quote)
{
    if (quote.isEmpty())
        return {};
    const QString author = quote.value(u"displayName"_s).toString();
    if (quote.value(u"deleted"_s).toBool())
        return tr("%1: This message was deleted.").arg(author);
    return u"%1: %2"_s.arg(author, quote.value(u"body"_s).toString().simplified());
}

void MessageDelegate::paintQuote(QPainter *painter, const QRect &rect, const QString &line,
                                 QFont font, const QColor &colour)
{
    // A bar at its left, as every chat app marks what is answered; the text on one line.
    painter->fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), colour);
    font.setItalic(true);
    painter->setFont(font);
    painter->setPen(colour);
    const QRect textRect = rect.adjusted(Padding, 0, 0, 0);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(line, Qt::ElideRight, textRect.width()));
}

QString MessageDelegate::dayHeading(const QDate &day)
{
    const QDate today = QDate::currentDate();
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return Languages::displayLocale().toString(day, QLocale::LongFormat);
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                   const QModelIndex &index) const
{
    Layout layout;
    layout.kind = static_cast<ChatMessage::Kind>(index.data(MessageModel::KindRole).toInt());
    layout.status = static_cast<ChatMessage::Status>(index.data(MessageModel::StatusRole).toInt());
    layout.own = index.data(MessageModel::OwnRole).toBool();
    layout.highlighted = index.data(MessageModel::HighlightRole).toBool();
    layout.firstUnread = index.data(MessageModel::FirstUnreadRole).toBool();
    const QLocale locale = Languages::displayLocale();
    const QDateTime time =
        QDateTime::fromMSecsSinceEpoch(index.data(MessageModel::TimestampRole).toLongLong())
            .toLocalTime();
    if (index.data(MessageModel::StartsDayRole).toBool())
        layout.dayHeading = dayHeading(time.date());
    const QString when = locale.toString(time.time(), QLocale::ShortFormat);
    const QString name = index.data(MessageModel::DisplayNameRole).toString();

    layout.headerFont = option.font;
    layout.headerFont.setBold(true);
    layout.bodyFont = option.font;
    layout.body = index.data(MessageModel::BodyRole).toString();
    switch (layout.kind) {
    case ChatMessage::Kind::Bot:
        layout.header = tr("%1 (bot)  %2").arg(name, when);
        layout.cards = QuoteCards::from(index.data(MessageModel::DataRole).toMap());
        break;
    case ChatMessage::Kind::Command:
        layout.header = tr("%1 asked  %2").arg(name, when);
        layout.bodyFont.setItalic(true);
        break;
    case ChatMessage::Kind::Notice:
        layout.header = tr("Only you can see this  %1").arg(when);
        layout.headerFont.setBold(false);
        layout.headerFont.setItalic(true);
        layout.bodyFont.setItalic(true);
        break;
    case ChatMessage::Kind::Activity:
        layout.header = when;
        layout.headerFont.setBold(false);
        layout.bodyFont.setItalic(true);
        break;
    case ChatMessage::Kind::Message:
        layout.header = index.data(MessageModel::EditedRole).toBool()
                            ? tr("%1  %2  (edited)").arg(name, when)
                            : u"%1  %2"_s.arg(name, when);
        layout.quote = quoteLine(index.data(MessageModel::ReplyRole).toMap());
        break;
    }
    layout.deleted = index.data(MessageModel::DeletedRole).toBool();
    if (layout.deleted) {
        layout.body = tr("This message was deleted.");
        layout.bodyFont.setItalic(true);
    }
    // A run of one author's messages shows its header once; a message still sending or
    // refused keeps its own, which says so.
    if (layout.status == ChatMessage::Status::Pending)
        layout.header += tr("  · sending…");
    else if (layout.status == ChatMessage::Status::Failed)
        layout.header += tr("  · not sent: %1").arg(index.data(MessageModel::ErrorRole).toString());
    else if (index.data(MessageModel::ContinuesRole).toBool()) {
        // The run's header is above; an edit in the run still says so, quietly.
        const bool edited = index.data(MessageModel::EditedRole).toBool();
        layout.header = edited ? tr("(edited)") : QString();
        layout.headerFont.setBold(false);
        layout.headerFont.setItalic(edited);
    }

    const QFontMetrics headerMetrics(layout.headerFont);
    const int fullWidth = viewWidth(option) - 2 * Margin;
    int top = option.rect.top();
    if (!layout.dayHeading.isEmpty()) {
        layout.dayRect = QRect(option.rect.left() + Margin, top + Margin, fullWidth,
                               headerMetrics.height() + Margin);
        top = layout.dayRect.bottom() + 1;
    }
    if (layout.firstUnread) {
        layout.unreadRect =
            QRect(option.rect.left() + Margin, top + Margin, fullWidth, headerMetrics.height());
        top = layout.unreadRect.bottom() + 1;
    }
    // Long lines are hard to read: a bubble grows with the window only up to a point.
    const int bubbleWidth = std::min(fullWidth, MaxBubbleWidth);
    const int width = std::max(120, bubbleWidth - 2 * Padding);
    const int left = option.rect.left() + Margin + Padding;
    const int textTop = top + (layout.header.isEmpty() ? Margin / 2 : Margin) + Padding;
    int bodyTop = textTop;
    if (!layout.header.isEmpty()) {
        layout.headerRect = QRect(left, textTop, width, headerMetrics.height());
        bodyTop = layout.headerRect.bottom() + 3;
    }
    if (!layout.quote.isEmpty()) {
        layout.quoteRect = QRect(left, bodyTop, width, QFontMetrics(option.font).height() + 4);
        bodyTop = layout.quoteRect.bottom() + 3;
    }
    // Tickers are chips in what people write, not in commands, notices or bot replies.
    const bool chips = layout.kind == ChatMessage::Kind::Message && !layout.deleted;
    layout.text.emplace(layout.body, layout.bodyFont, width, chips ? &m_tickers : nullptr);
    layout.bodyRect = QRect(left, bodyTop, width, std::max(layout.text->height(), 1));
    const int bubbleBottom =
        layout.bodyRect.bottom() + layout.cards.height(option.font, Margin) + Padding;
    layout.bubbleRect = QRect(QPoint(left - Padding, textTop - Padding),
                              QPoint(left - Padding + bubbleWidth - 1, bubbleBottom));
    layout.height = bubbleBottom + Margin + 1 - option.rect.top();
    return layout;
}

MessageDelegate::Hit MessageDelegate::hitTest(const QStyleOptionViewItem &option,
                                              const QModelIndex &index, QPoint point) const
{
    const Layout layout = layoutFor(option, index);
    const QPointF inText = point - layout.bodyRect.topLeft();
    return {layout.text->positionAt(inText), layout.bodyRect.contains(point),
            layout.text->linkAt(inText), layout.text->tickerAt(inText)};
}

void MessageDelegate::setSelection(const QModelIndex &index, qsizetype start, qsizetype end)
{
    m_selected = index;
    m_selectionStart = std::min(start, end);
    m_selectionEnd = std::max(start, end);
}

QString MessageDelegate::selectedText() const
{
    if (!m_selected.isValid())
        return {};
    return m_selected.data(MessageModel::BodyRole)
        .toString()
        .mid(m_selectionStart, m_selectionEnd - m_selectionStart);
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem measured = option;
    measured.rect.moveTop(0);
    return {viewWidth(option), layoutFor(measured, index).height};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Layout layout = layoutFor(option, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const Tones tones(option.palette);
    const QColor muted = tones.muted();
    if (!layout.dayHeading.isEmpty())
        drawRuledLabel(painter, layout.dayRect, layout.dayHeading, layout.headerFont, muted,
                       Qt::AlignHCenter);
    if (layout.firstUnread)
        drawRuledLabel(painter, layout.unreadRect, tr("New messages"), layout.headerFont,
                       tones.error(), Qt::AlignRight);
    QPainterPath path;
    path.addRoundedRect(layout.bubbleRect, 6, 6);
    painter->fillPath(path, tones.bubble(bubbleOf(layout.kind, layout.own, layout.highlighted)));

    if (!layout.header.isEmpty()) {
        painter->setFont(layout.headerFont);
        painter->setPen(layout.status == ChatMessage::Status::Failed ? tones.error() : muted);
        painter->drawText(layout.headerRect, Qt::AlignLeft | Qt::AlignVCenter, layout.header);
    }

    if (!layout.quote.isEmpty())
        paintQuote(painter, layout.quoteRect, layout.quote, option.font, muted);

    const bool quiet = layout.kind == ChatMessage::Kind::Command ||
                       layout.kind == ChatMessage::Kind::Notice ||
                       layout.kind == ChatMessage::Kind::Activity || layout.deleted ||
                       layout.status != ChatMessage::Status::Sent;
    const bool selected = m_selected.isValid() && m_selected == index;
    layout.text->draw(painter, layout.bodyRect.topLeft(), quiet ? muted : tones.text(),
                      option.palette, selected ? m_selectionStart : 0,
                      selected ? m_selectionEnd : 0);

    // Quote and chart cards, from the bot's structured data, in the reader's formats.
    layout.cards.paint(painter, QPoint(layout.bodyRect.left(), layout.bodyRect.bottom() + Margin),
                       layout.bodyRect.width(), Margin, option.font, tones,
                       Languages::displayLocale());
    painter->restore();
}

} // namespace FinChat::Ui
