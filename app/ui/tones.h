#pragma once

#include <QColor>
#include <QPalette>

class QLabel;
class QWidget;

namespace FinChat::Ui {

// The colours the conversation and the lists draw with, derived from the palette so that a
// dark system theme gets dark bubbles with light text and a light one the reverse. Every
// text colour here keeps a contrast of at least 4.5:1 (WCAG AA) against the background it
// is drawn on, in either theme (tst_messageview checks both).
struct Tones
{
    enum class Bubble
    {
        Plain,   // someone else's message: the view's own background
        Own,     // one's own message: tinted with the highlight colour
        Bot,     // a bot's reply: a warm tint
        Aside,   // commands and notices: a faint grey
        Mention, // someone else's message naming the reader or a word they watch
    };

    explicit Tones(const QPalette &palette);

    QColor bubble(Bubble kind) const;
    QColor text() const { return m_text; }
    // Headers, times, commands: quieter than the text, still readable on any bubble.
    QColor muted() const;
    // A message the server refused: the red of a falling price.
    QColor error() const { return fall(); }
    // Behind a ticker ($AAPL) in a message: a chip, under the text colour.
    QColor chip() const;
    // The quote card inside a bot's bubble, and its outline.
    QColor card() const { return m_base; }
    QColor cardOutline() const;
    // Someone online in the member list: the green of a rising price.
    QColor online() const { return rise(); }
    // A price up or down since the previous close, on the quote card.
    QColor rise() const;
    QColor fall() const;
    bool isDark() const;

    // a and b mixed, share (0..1) of b.
    static QColor mix(const QColor &a, const QColor &b, double share);
    // WCAG 2 contrast ratio, 1 (none) to 21 (black on white).
    static double contrast(const QColor &a, const QColor &b);

private:
    QColor m_base;
    QColor m_text;
    QColor m_highlight;
};

// Shows `text` in `label`, in the colour `tone` picks from the label's own palette (error for
// a problem, muted for a remark), and the label only while there is something to say.
void say(QLabel *label, const QString &text, QColor (Tones::*tone)() const);
// A bold label over a part of a window: "Rooms", "Members", "Watchlist".
QLabel *heading(const QString &text, QWidget *parent);

} // namespace FinChat::Ui
