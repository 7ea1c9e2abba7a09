#pragma once

#include "core/links.h"
#include "core/tickers.h"

#include <QFont>
#include <QTextLayout>

#include <memory>
#include <optional>

class QPainter;
class QPalette;

namespace FinChat::Ui {

// A message's text laid out in its bubble: wrapped at words (and inside a word too long for
// a line, such as a long address), right-aligned when it is right-to-left, its links drawn
// as links and its tickers ($AAPL) as chips. The delegate measures and paints with it, and
// the pointer asks it which link, ticker or character lies under the mouse, so that what is
// clicked is what is drawn.
class BubbleText
{
public:
    // `tickers` may be null: no chips.
    BubbleText(const QString &text, const QFont &font, int width,
               const Client::TickerRule *tickers = nullptr);

    int height() const { return m_height; }
    // A selection is [start, end) in the text; empty when start == end.
    void draw(QPainter *painter, QPointF topLeft, const QColor &ink, const QPalette &palette,
              qsizetype selectionStart = 0, qsizetype selectionEnd = 0) const;

    // The position between characters nearest to `point` (relative to the text's top left).
    qsizetype positionAt(QPointF point) const;
    // The link drawn under `point`, if any.
    std::optional<QUrl> linkAt(QPointF point) const;
    // The market code of the ticker chip under `point`, if any.
    std::optional<QString> tickerAt(QPointF point) const;

private:
    // The character drawn under `point`; nullopt beside the text.
    std::optional<qsizetype> characterAt(QPointF point) const;

    QString m_text;
    std::unique_ptr<QTextLayout> m_layout;
    QList<Client::Link> m_links;
    QList<Client::TickerMention> m_tickers;
    int m_height = 0;
};

} // namespace FinChat::Ui
