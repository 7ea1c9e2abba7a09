#include "ui/quotecards.h"

#include "ui/tones.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

namespace {
constexpr int QuoteCardWidth = 340;
constexpr int ChartCardWidth = 520;
constexpr int Inset = 8;  // left and right, inside a card
constexpr int Edge = 6;   // top and bottom, inside a card
constexpr int RowGap = 2; // between a card's rows
constexpr int PlotHeight = 96;
constexpr int SparklineMaxWidth = 140;
constexpr int MaxPoints = 400; // more than a year of trading days; a hostile bot gets no more
constexpr qsizetype MaxQuoteCards = 10;
constexpr qsizetype MaxTipLength = 300;

QString price(const QLocale &locale, double value)
{
    return locale.toCurrencyString(value, u"$"_s, 2);
}

QFont priceFontOf(const QFont &font)
{
    QFont priceFont = font;
    priceFont.setPointSizeF(font.pointSizeF() * 1.4);
    priceFont.setBold(true);
    return priceFont;
}

QFont boldOf(QFont font)
{
    font.setBold(true);
    return font;
}

// A number a bot sent, if it is one and finite.
std::optional<double> finiteNumber(const QVariant &value)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    return ok && std::isfinite(number) ? std::optional(number) : std::nullopt;
}

QList<double> numbersOf(const QVariant &list)
{
    QList<double> numbers;
    for (const QVariant &entry : list.toList()) {
        const auto value = finiteNumber(entry);
        if (!value)
            return {}; // a line with holes would mislead: draw none
        numbers.append(*value);
        if (numbers.size() == MaxPoints)
            break;
    }
    return numbers;
}

QColor changeColour(const Tones &tones, double change)
{
    return change > 0 ? tones.rise() : change < 0 ? tones.fall() : tones.muted();
}

// The closes as a line across `area`, lowest at its bottom and highest at its top, with a
// faint fill under it when `filled`.
void drawLine(QPainter *painter, const QRectF &area, const QList<double> &values,
              const QColor &colour, bool filled)
{
    if (values.size() < 2 || area.width() < 4)
        return;
    const auto [lowest, highest] = std::minmax_element(values.cbegin(), values.cend());
    const double span = *highest - *lowest;
    if (!std::isfinite(span))
        return; // 1e308 and -1e308: no line a screen can show
    QPainterPath line;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double x = area.left() + area.width() * static_cast<double>(i) /
                                           static_cast<double>(values.size() - 1);
        const double share = span > 0 ? (values.at(i) - *lowest) / span : 0.5;
        const QPointF point(x, area.bottom() - share * area.height());
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }
    if (filled) {
        QPainterPath under = line;
        under.lineTo(area.bottomRight());
        under.lineTo(area.bottomLeft());
        under.closeSubpath();
        QColor faint = colour;
        faint.setAlphaF(0.15f);
        painter->fillPath(under, faint);
    }
    painter->setPen(QPen(colour, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(line);
}

void drawCardFrame(QPainter *painter, const QRect &card, const Tones &tones)
{
    QPainterPath path;
    path.addRoundedRect(card, 6, 6);
    painter->fillPath(path, tones.card());
    painter->setPen(tones.cardOutline());
    painter->drawPath(path);
}

// When the quote was made, in the reader's time zone: the time alone today, else the date too.
QString whenQuoted(qint64 quotedAt, const QString &date, const QLocale &locale)
{
    if (quotedAt > 0) {
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(quotedAt).toLocalTime();
        if (when.date() == QDate::currentDate())
            return locale.toString(when.time(), QLocale::ShortFormat);
        return locale.toString(when, QLocale::ShortFormat);
    }
    const QDate day = QDate::fromString(date, Qt::ISODate);
    return day.isValid() ? locale.toString(day, QLocale::ShortFormat) : QString();
}
} // namespace

QuoteCards QuoteCards::from(const QVariantMap &data)
{
    QuoteCards cards;
    for (const QVariant &entry : data.value(u"quotes"_s).toList()) {
        if (cards.m_quotes.size() == MaxQuoteCards)
            break;
        const QVariantMap quote = entry.toMap();
        const QString symbol = quote.value(u"symbol"_s).toString();
        const auto close = finiteNumber(quote.value(u"close"_s));
        const auto low = finiteNumber(quote.value(u"low"_s));
        const auto high = finiteNumber(quote.value(u"high"_s));
        // Any bot can send data: a card without a symbol or a price is no card.
        if (symbol.isEmpty() || !close || !low || !high)
            continue;
        const auto change = finiteNumber(quote.value(u"change"_s));
        const auto changePercent = finiteNumber(quote.value(u"changePercent"_s));
        Quote card{symbol,
                   *close,
                   *low,
                   *high,
                   quote.value(u"date"_s).toString(),
                   quote.value(u"quotedAt"_s).toLongLong(),
                   change && changePercent,
                   change.value_or(0),
                   changePercent.value_or(0),
                   numbersOf(quote.value(u"closes"_s))};
        cards.m_quotes.append(card);
    }
    const QVariantMap chart = data.value(u"chart"_s).toMap();
    const QList<double> closes = numbersOf(chart.value(u"closes"_s));
    const QVariantList dates = chart.value(u"dates"_s).toList();
    const double chartChange = chart.value(u"change"_s).toDouble();
    const double chartPercent = chart.value(u"changePercent"_s).toDouble();
    if (closes.size() >= 2 && std::isfinite(chartChange) && std::isfinite(chartPercent)) {
        cards.m_chart =
            Chart{chart.value(u"symbol"_s).toString(),
                  chart.value(u"period"_s).toString(),
                  closes,
                  QDate::fromString(dates.value(0).toString(), Qt::ISODate),
                  QDate::fromString(dates.value(dates.size() - 1).toString(), Qt::ISODate),
                  chartChange,
                  chartPercent};
    }
    return cards;
}

QString QuoteCards::changeText(double change, double percent, const QLocale &locale)
{
    const QString arrow = change > 0 ? u"▲ "_s : change < 0 ? u"▼ "_s : QString();
    const QString sign = change > 0   ? u"+"_s
                         : change < 0 ? QString(locale.negativeSign())
                                      : QString();
    const QString percentSign = percent > 0   ? u"+"_s
                                : percent < 0 ? QString(locale.negativeSign())
                                              : QString();
    //: %1 is the change in price with its arrow and sign, %2 the change in per cent
    return tr("%1 (%2%)")
        .arg(arrow + sign + locale.toString(std::abs(change), 'f', 2),
             percentSign + locale.toString(std::abs(percent), 'f', 2));
}

QString QuoteCards::tipText(const QVariantMap &quote, const QString &otherwise,
                            const QLocale &locale)
{
    const QuoteCards cards = from({{u"quotes"_s, QVariantList{quote}}});
    if (cards.m_quotes.isEmpty())
        return otherwise;
    const Quote &card = cards.m_quotes.first();
    QString first = card.symbol + u"  "_s + price(locale, card.close);
    if (card.hasChange)
        first += u"  "_s + changeText(card.change, card.changePercent, locale);
    QString second = tr("Day range %1 – %2").arg(price(locale, card.low), price(locale, card.high));
    if (const QString when = whenQuoted(card.quotedAt, card.date, locale); !when.isEmpty())
        second += u" · "_s + when;
    return first + u'\n' + second;
}

QString QuoteCards::tipHtml(const QVariantMap &quote, const QString &otherwise,
                            const QLocale &locale)
{
    return Qt::convertFromPlainText(tipText(quote, otherwise, locale).left(MaxTipLength));
}

QString QuoteCards::periodName(const QString &period)
{
    if (period == "1m"_L1)
        return tr("1 month");
    if (period == "3m"_L1)
        return tr("3 months");
    if (period == "6m"_L1)
        return tr("6 months");
    if (period == "1y"_L1)
        return tr("1 year");
    return period.left(8);
}

int QuoteCards::quoteHeight(const QFont &font, const Quote &quote) const
{
    const int line = QFontMetrics(font).height();
    const int changeRow = quote.hasChange ? line + RowGap : 0;
    return Edge + QFontMetrics(priceFontOf(font)).height() + RowGap + changeRow + line + Edge;
}

int QuoteCards::chartHeight(const QFont &font) const
{
    const int line = QFontMetrics(font).height();
    return Edge + line + RowGap + PlotHeight + RowGap + line + Edge;
}

int QuoteCards::height(const QFont &font, int gap) const
{
    int total = 0;
    for (const Quote &quote : m_quotes)
        total += quoteHeight(font, quote) + gap;
    if (m_chart)
        total += chartHeight(font) + gap;
    return total;
}

void QuoteCards::paint(QPainter *painter, QPoint topLeft, int width, int gap, const QFont &font,
                       const Tones &tones, const QLocale &locale) const
{
    int top = topLeft.y();
    for (const Quote &quote : m_quotes) {
        const QRect card(topLeft.x(), top, std::min(QuoteCardWidth, width),
                         quoteHeight(font, quote));
        paintQuote(painter, card, quote, font, tones, locale);
        top = card.bottom() + 1 + gap;
    }
    if (m_chart)
        paintChart(painter,
                   QRect(topLeft.x(), top, std::min(ChartCardWidth, width), chartHeight(font)),
                   font, tones, locale);
}

void QuoteCards::paintQuote(QPainter *painter, const QRect &card, const Quote &quote,
                            const QFont &font, const Tones &tones, const QLocale &locale) const
{
    drawCardFrame(painter, card, tones);
    const QRect inner = card.adjusted(Inset, Edge, -Inset, -Edge);
    const QFont priceFont = priceFontOf(font);
    const int priceHeight = QFontMetrics(priceFont).height();
    const int line = QFontMetrics(font).height();

    const QRect top(inner.left(), inner.top(), inner.width(), priceHeight);
    painter->setFont(priceFont);
    painter->setPen(tones.text());
    const QString priceText = price(locale, quote.close);
    painter->drawText(top, Qt::AlignRight | Qt::AlignVCenter, priceText);
    painter->setFont(boldOf(font));
    const int symbolWidth =
        top.width() - QFontMetrics(priceFont).horizontalAdvance(priceText) - Inset;
    painter->drawText(QRect(top.left(), top.top(), std::max(0, symbolWidth), top.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(boldOf(font))
                          .elidedText(quote.symbol, Qt::ElideRight, std::max(0, symbolWidth)));
    int rowTop = top.bottom() + 1 + RowGap;

    if (quote.hasChange) {
        const QRect row(inner.left(), rowTop, inner.width(), line);
        const QString change = changeText(quote.change, quote.changePercent, locale);
        painter->setFont(boldOf(font));
        painter->setPen(changeColour(tones, quote.change));
        painter->drawText(row, Qt::AlignLeft | Qt::AlignVCenter, change);
        const int textWidth = QFontMetrics(boldOf(font)).horizontalAdvance(change);
        const int lineWidth = std::min(SparklineMaxWidth, row.width() - textWidth - 2 * Inset);
        if (lineWidth >= 40)
            drawLine(painter,
                     QRectF(row.right() - lineWidth, row.top() + 2, lineWidth, row.height() - 4),
                     quote.closes, changeColour(tones, quote.change), false);
        rowTop = row.bottom() + 1 + RowGap;
    }

    const QRect bottom(inner.left(), rowTop, inner.width(), line);
    painter->setFont(font);
    painter->setPen(tones.muted());
    const QString when = whenQuoted(quote.quotedAt, quote.date, locale);
    painter->drawText(bottom, Qt::AlignRight | Qt::AlignVCenter, when);
    const int rangeWidth = bottom.width() - QFontMetrics(font).horizontalAdvance(when) - Inset;
    const QString range =
        tr("Day range %1 – %2").arg(price(locale, quote.low), price(locale, quote.high));
    painter->drawText(
        QRect(bottom.left(), bottom.top(), std::max(0, rangeWidth), line),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(font).elidedText(range, Qt::ElideRight, std::max(0, rangeWidth)));
}

void QuoteCards::paintChart(QPainter *painter, const QRect &card, const QFont &font,
                            const Tones &tones, const QLocale &locale) const
{
    const Chart &chart = *m_chart;
    drawCardFrame(painter, card, tones);
    const QRect inner = card.adjusted(Inset, Edge, -Inset, -Edge);
    const QFontMetrics metrics(font);
    const int line = metrics.height();

    const QRect header(inner.left(), inner.top(), inner.width(), line);
    const QString change = changeText(chart.change, chart.changePercent, locale);
    painter->setFont(boldOf(font));
    painter->setPen(changeColour(tones, chart.change));
    painter->drawText(header, Qt::AlignRight | Qt::AlignVCenter, change);
    painter->setPen(tones.text());
    const int titleWidth =
        header.width() - QFontMetrics(boldOf(font)).horizontalAdvance(change) - Inset;
    painter->drawText(QRect(header.left(), header.top(), std::max(0, titleWidth), line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(boldOf(font))
                          .elidedText(tr("%1 · %2").arg(chart.symbol, periodName(chart.period)),
                                      Qt::ElideRight, std::max(0, titleWidth)));

    // The high and the low label the plot's top and bottom at its right; the line stops
    // short of them.
    const auto [lowest, highest] = std::minmax_element(chart.closes.cbegin(), chart.closes.cend());
    const QString highText = price(locale, *highest);
    const QString lowText = price(locale, *lowest);
    const int labelWidth =
        std::max(metrics.horizontalAdvance(highText), metrics.horizontalAdvance(lowText)) + Inset;
    const QRect plot(inner.left(), header.bottom() + 1 + RowGap + line / 2,
                     inner.width() - labelWidth, PlotHeight - line);
    painter->setPen(tones.cardOutline());
    painter->drawLine(plot.bottomLeft(), plot.bottomRight());
    drawLine(painter, plot, chart.closes, changeColour(tones, chart.change), true);
    painter->setFont(font);
    painter->setPen(tones.muted());
    const int labelLeft = plot.right() + Inset;
    painter->drawText(QRect(labelLeft, plot.top() - line / 2, labelWidth, line),
                      Qt::AlignLeft | Qt::AlignVCenter, highText);
    painter->drawText(QRect(labelLeft, plot.bottom() - line / 2, labelWidth, line),
                      Qt::AlignLeft | Qt::AlignVCenter, lowText);

    const QRect footer(inner.left(), inner.bottom() - line + 1, inner.width(), line);
    if (chart.first.isValid())
        painter->drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                          locale.toString(chart.first, QLocale::ShortFormat));
    if (chart.last.isValid())
        painter->drawText(QRect(footer.left(), footer.top(), plot.width(), line),
                          Qt::AlignRight | Qt::AlignVCenter,
                          locale.toString(chart.last, QLocale::ShortFormat));
}

} // namespace FinChat::Ui
