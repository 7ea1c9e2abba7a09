#include "ui/messagedelegate.h"

#include "core/chatmessage.h"
#include "core/messagemodel.h"
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
constexpr int CardHeight = 64;
constexpr int CardWidth = 340;

// The reader's locale; the bare "C" locale (no LANG set) reads better as US English.
QLocale displayLocale()
{
    const QLocale system;
    return system.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : system;
}

QString price(const QLocale &locale, double value)
{
    return locale.toCurrencyString(value, u"$"_s, 2);
}

struct Quote
{
    QString symbol;
    double close = 0;
    double low = 0;
    double high = 0;
    QString date;
};

QList<Quote> quotesOf(const QModelIndex &index)
{
    QList<Quote> quotes;
    const QVariantList list =
        index.data(MessageModel::DataRole).toMap().value(u"quotes"_s).toList();
    for (const QVariant &entry : list) {
        const QVariantMap quote = entry.toMap();
        quotes.append({quote.value(u"symbol"_s).toString(), quote.value(u"close"_s).toDouble(),
                       quote.value(u"low"_s).toDouble(), quote.value(u"high"_s).toDouble(),
                       quote.value(u"date"_s).toString()});
    }
    return quotes;
}

Tones::Bubble bubbleOf(ChatMessage::Kind kind, bool own)
{
    if (own)
        return Tones::Bubble::Own;
    switch (kind) {
    case ChatMessage::Kind::Message:
        return Tones::Bubble::Plain;
    case ChatMessage::Kind::Bot:
        return Tones::Bubble::Bot;
    case ChatMessage::Kind::Command:
    case ChatMessage::Kind::Notice:
        return Tones::Bubble::Aside;
    }
    return Tones::Bubble::Plain;
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
    QString header;
    QString body;
    QFont headerFont;
    QFont bodyFont;
    QRect headerRect;
    QRect bodyRect;
    QList<Quote> quotes;
    int height;
};

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                   const QModelIndex &index) const
{
    Layout layout;
    layout.kind = static_cast<ChatMessage::Kind>(index.data(MessageModel::KindRole).toInt());
    layout.status = static_cast<ChatMessage::Status>(index.data(MessageModel::StatusRole).toInt());
    layout.own = index.data(MessageModel::OwnRole).toBool();
    const QLocale locale = displayLocale();
    const QDateTime time =
        QDateTime::fromMSecsSinceEpoch(index.data(MessageModel::TimestampRole).toLongLong())
            .toLocalTime();
    const QString when = locale.toString(time.time(), QLocale::ShortFormat);
    const QString name = index.data(MessageModel::DisplayNameRole).toString();

    layout.headerFont = option.font;
    layout.headerFont.setBold(true);
    layout.bodyFont = option.font;
    layout.body = index.data(MessageModel::BodyRole).toString();
    switch (layout.kind) {
    case ChatMessage::Kind::Bot:
        layout.header = tr("%1 (bot)  %2").arg(name, when);
        layout.quotes = quotesOf(index);
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
    case ChatMessage::Kind::Message:
        layout.header = u"%1  %2"_s.arg(name, when);
        break;
    }
    if (layout.status == ChatMessage::Status::Pending)
        layout.header += tr("  · sending…");
    else if (layout.status == ChatMessage::Status::Failed)
        layout.header += tr("  · not sent: %1").arg(index.data(MessageModel::ErrorRole).toString());

    const int width = std::max(120, viewWidth(option) - 2 * Margin - 2 * Padding);
    const QFontMetrics headerMetrics(layout.headerFont);
    const QFontMetrics bodyMetrics(layout.bodyFont);
    const int top = option.rect.top() + Margin + Padding;
    const int left = option.rect.left() + Margin + Padding;
    layout.headerRect = QRect(left, top, width, headerMetrics.height());
    const QRect body =
        bodyMetrics.boundingRect(QRect(0, 0, width, 100'000), Qt::TextWordWrap, layout.body);
    layout.bodyRect = QRect(left, layout.headerRect.bottom() + 3, width, body.height());
    const int cards = static_cast<int>(layout.quotes.size()) * (CardHeight + Margin);
    layout.height = layout.bodyRect.bottom() - option.rect.top() + cards + Padding + Margin + 1;
    return layout;
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
    const QRect bubble = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    QPainterPath path;
    path.addRoundedRect(bubble, 6, 6);
    painter->fillPath(path, tones.bubble(bubbleOf(layout.kind, layout.own)));

    painter->setFont(layout.headerFont);
    painter->setPen(layout.status == ChatMessage::Status::Failed ? tones.error() : muted);
    painter->drawText(layout.headerRect, Qt::AlignLeft | Qt::AlignVCenter, layout.header);

    painter->setFont(layout.bodyFont);
    const bool quiet = layout.kind == ChatMessage::Kind::Command ||
                       layout.kind == ChatMessage::Kind::Notice ||
                       layout.status != ChatMessage::Status::Sent;
    painter->setPen(quiet ? muted : tones.text());
    painter->drawText(layout.bodyRect, Qt::TextWordWrap, layout.body);

    // Quote cards, from the bot's structured data, in the reader's number and date format.
    const QLocale locale = displayLocale();
    int top = layout.bodyRect.bottom() + Margin;
    for (const Quote &quote : layout.quotes) {
        const QRect card(layout.bodyRect.left(), top, std::min(CardWidth, layout.bodyRect.width()),
                         CardHeight);
        QPainterPath cardPath;
        cardPath.addRoundedRect(card, 6, 6);
        painter->fillPath(cardPath, tones.card());
        painter->setPen(tones.cardOutline());
        painter->drawPath(cardPath);
        QFont symbolFont = option.font;
        symbolFont.setBold(true);
        painter->setFont(symbolFont);
        painter->setPen(tones.text());
        const QRect inner = card.adjusted(Padding, 4, -Padding, -4);
        painter->drawText(inner, Qt::AlignLeft | Qt::AlignTop, quote.symbol);
        QFont priceFont = option.font;
        priceFont.setPointSizeF(option.font.pointSizeF() * 1.4);
        priceFont.setBold(true);
        painter->setFont(priceFont);
        painter->drawText(inner, Qt::AlignRight | Qt::AlignTop, price(locale, quote.close));
        painter->setFont(option.font);
        painter->setPen(muted);
        const QDate date = QDate::fromString(quote.date, Qt::ISODate);
        const QString range =
            tr("Day range %1 – %2").arg(price(locale, quote.low), price(locale, quote.high));
        painter->drawText(inner, Qt::AlignLeft | Qt::AlignBottom, range);
        if (date.isValid())
            painter->drawText(inner, Qt::AlignRight | Qt::AlignBottom,
                              locale.toString(date, QLocale::ShortFormat));
        top += CardHeight + Margin;
    }
    painter->restore();
}

} // namespace FinChat::Ui
