#include "ui/bubbletext.h"

#include "ui/tones.h"

#include <QPainter>
#include <QPalette>
#include <QTextLine>

#include <algorithm>
#include <cmath>

namespace FinChat::Ui {

namespace {
// The span (a link, a ticker) holding the character at `position`, if any.
template<typename Span>
const Span *spanAt(const QList<Span> &spans, std::optional<qsizetype> position)
{
    if (!position)
        return nullptr;
    const auto found = std::find_if(spans.cbegin(), spans.cend(), [&](const Span &span) {
        return *position >= span.start && *position < span.start + span.length;
    });
    return found == spans.cend() ? nullptr : &*found;
}
} // namespace

BubbleText::BubbleText(const QString &text, const QFont &font, int width,
                       const Client::TickerRule *tickers)
    : m_text(text)
    , m_layout(std::make_unique<QTextLayout>(text, font))
    , m_links(Client::linksIn(text))
    , m_tickers(tickers ? tickers->find(text, m_links) : QList<Client::TickerMention>())
{
    // Chips are bold: that changes the text's width, so it is part of the layout.
    QList<QTextLayout::FormatRange> bold;
    for (const Client::TickerMention &ticker : std::as_const(m_tickers)) {
        QTextCharFormat format;
        format.setFontWeight(QFont::Bold);
        bold.append({static_cast<int>(ticker.start), static_cast<int>(ticker.length), format});
    }
    m_layout->setFormats(bold);
    const bool rightToLeft = text.isRightToLeft();
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setTextDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    // Right-to-left text (Arabic, Hebrew) starts at the right, as its readers expect.
    option.setAlignment(Qt::AlignAbsolute | (rightToLeft ? Qt::AlignRight : Qt::AlignLeft));
    m_layout->setTextOption(option);
    m_layout->setCacheEnabled(true);
    qreal y = 0;
    m_layout->beginLayout();
    for (QTextLine line = m_layout->createLine(); line.isValid(); line = m_layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    m_layout->endLayout();
    m_height = static_cast<int>(std::ceil(y));
}

void BubbleText::draw(QPainter *painter, QPointF topLeft, const QColor &ink,
                      const QPalette &palette, qsizetype selectionStart,
                      qsizetype selectionEnd) const
{
    QList<QTextLayout::FormatRange> formats;
    for (const Client::TickerMention &ticker : m_tickers) {
        QTextCharFormat format;
        format.setBackground(Tones(palette).chip());
        format.setFontWeight(QFont::Bold);
        formats.append({static_cast<int>(ticker.start), static_cast<int>(ticker.length), format});
    }
    for (const Client::Link &link : m_links) {
        QTextCharFormat format;
        format.setForeground(palette.color(QPalette::Link));
        format.setFontUnderline(true);
        formats.append({static_cast<int>(link.start), static_cast<int>(link.length), format});
    }
    if (selectionEnd > selectionStart) {
        QTextCharFormat format;
        format.setBackground(palette.color(QPalette::Highlight));
        format.setForeground(palette.color(QPalette::HighlightedText));
        formats.append({static_cast<int>(selectionStart),
                        static_cast<int>(selectionEnd - selectionStart), format});
    }
    painter->setPen(ink);
    m_layout->draw(painter, topLeft, formats);
}

qsizetype BubbleText::positionAt(QPointF point) const
{
    if (m_layout->lineCount() == 0)
        return 0;
    if (point.y() < 0)
        return 0;
    for (int i = 0; i < m_layout->lineCount(); ++i) {
        const QTextLine line = m_layout->lineAt(i);
        if (point.y() < line.y() + line.height())
            return line.xToCursor(point.x());
    }
    return m_text.size();
}

std::optional<qsizetype> BubbleText::characterAt(QPointF point) const
{
    for (int i = 0; i < m_layout->lineCount(); ++i) {
        const QTextLine line = m_layout->lineAt(i);
        if (point.y() < line.y() || point.y() >= line.y() + line.height())
            continue;
        // Beyond the line's last glyph is beside the text, even where a link ends the line.
        const QRectF glyphs = line.naturalTextRect();
        if (point.x() < glyphs.left() || point.x() > glyphs.right())
            return std::nullopt;
        return line.xToCursor(point.x(), QTextLine::CursorOnCharacter);
    }
    return std::nullopt;
}

std::optional<QUrl> BubbleText::linkAt(QPointF point) const
{
    const Client::Link *link = spanAt(m_links, characterAt(point));
    return link ? std::optional(link->url) : std::nullopt;
}

std::optional<QString> BubbleText::tickerAt(QPointF point) const
{
    const Client::TickerMention *ticker = spanAt(m_tickers, characterAt(point));
    return ticker ? std::optional(ticker->code) : std::nullopt;
}

} // namespace FinChat::Ui
