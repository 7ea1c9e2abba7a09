#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QLocale>
#include <QRect>
#include <QVariantMap>

#include <optional>

class QFont;
class QPainter;

namespace FinChat::Ui {

struct Tones;

// The cards a stock bot's reply carries in its data, drawn inside the bot's bubble:
//  - a quote card per quote: symbol and price, the change since the previous close (an
//    arrow and a sign as well as a colour, so it reads without colour too), a month's daily
//    closes as a small line, the day's range and when the quote was made, in the reader's
//    time zone and number format;
//  - a chart card for /chart: the period's daily closes as a line with its low and high and
//    first and last day.
// Drawn with QPainter rather than Qt Charts: a delegate paints many rows on every scroll,
// and a chart widget per row would be heavy for a line of at most a few hundred points.
class QuoteCards
{
    Q_DECLARE_TR_FUNCTIONS(FinChat::Ui::QuoteCards)

public:
    static QuoteCards from(const QVariantMap &data);

    bool isEmpty() const { return m_quotes.isEmpty() && !m_chart; }
    // The height the cards take, gaps included, `gap` pixels apart.
    int height(const QFont &font, int gap) const;
    // Draws the cards from `topLeft` down, at most `width` wide.
    void paint(QPainter *painter, QPoint topLeft, int width, int gap, const QFont &font,
               const Tones &tones, const QLocale &locale) const;

    // "▲ +1.77 (+0.78%)": the change with a sign and an arrow, in the reader's format.
    static QString changeText(double change, double percent, const QLocale &locale);
    // A quote (one entry of a /stock reply's data.quotes) in two lines for a tooltip:
    // "AAPL.US $229.87 ▲ +1.77 (+0.78%)" and the day's range and when; `otherwise` when the
    // quote cannot be read.
    static QString tipText(const QVariantMap &quote, const QString &otherwise,
                           const QLocale &locale);
    // The same as a tooltip takes it: escaped, since a tooltip reads markup and the words
    // come from a bot; and cut short.
    static QString tipHtml(const QVariantMap &quote, const QString &otherwise,
                           const QLocale &locale);

private:
    struct Quote
    {
        QString symbol;
        double close = 0;
        double low = 0;
        double high = 0;
        QString date;
        qint64 quotedAt = 0; // ms since the epoch; 0 when unknown
        bool hasChange = false;
        double change = 0;
        double changePercent = 0;
        QList<double> closes; // a month of daily closes, oldest first
    };
    struct Chart
    {
        QString symbol;
        QString period;
        QList<double> closes;
        QDate first;
        QDate last;
        double change = 0;
        double changePercent = 0;
    };

    int quoteHeight(const QFont &font, const Quote &quote) const;
    int chartHeight(const QFont &font) const;
    void paintQuote(QPainter *painter, const QRect &card, const Quote &quote, const QFont &font,
                    const Tones &tones, const QLocale &locale) const;
    void paintChart(QPainter *painter, const QRect &card, const QFont &font, const Tones &tones,
                    const QLocale &locale) const;
    static QString periodName(const QString &period);

    QList<Quote> m_quotes;
    std::optional<Chart> m_chart;
};

} // namespace FinChat::Ui
