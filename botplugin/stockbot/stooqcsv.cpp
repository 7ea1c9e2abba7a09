#include "stooqcsv.h"

#include <QLocale>

#include <cmath>
#include <optional>

namespace FinChat::Stock {

using namespace Qt::StringLiterals;

namespace {

constexpr auto NotAvailable = "N/D"_L1;

// A finite number as stooq writes it; "inf", "nan" and overflowing exponents are no price.
std::optional<double> number(const QString &text)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    return ok && std::isfinite(value) ? std::optional(value) : std::nullopt;
}

// Where `name` (lower-case) is among a header's columns, in any case and with spaces around
// ignored; the last such column when there are several; -1 when there is none.
qsizetype columnOf(const QStringList &header, QLatin1StringView name)
{
    for (qsizetype i = header.size() - 1; i >= 0; --i) {
        if (header.at(i).trimmed().toLower() == name)
            return i;
    }
    return -1;
}

struct Columns
{
    qsizetype symbol = -1, date = -1, time = -1, open = -1, high = -1, low = -1, close = -1,
              volume = -1;

    static std::optional<Columns> fromHeader(const QStringList &header)
    {
        const auto at = [&](QLatin1StringView name) {
            return columnOf(header, name);
        };
        const Columns columns{at("symbol"_L1), at("date"_L1), at("time"_L1),  at("open"_L1),
                              at("high"_L1),   at("low"_L1),  at("close"_L1), at("volume"_L1)};
        // Without these a reply cannot be made; the rest is optional.
        if (columns.symbol < 0 || columns.close < 0 || columns.low < 0 || columns.high < 0)
            return std::nullopt;
        return columns;
    }

    Quote quoteFrom(const QStringList &fields) const
    {
        const auto field = [&](qsizetype index) {
            return index >= 0 && index < fields.size() ? fields.at(index).trimmed()
                                                       : QString(NotAvailable);
        };
        return {field(symbol), field(date), field(time),  field(open),
                field(high),   field(low),  field(close), field(volume)};
    }
};

} // namespace

bool Quote::hasData() const
{
    return !symbol.isEmpty() && number(close).has_value() && number(low).has_value() &&
           number(high).has_value();
}

QJsonObject Quote::toJson() const
{
    QJsonObject json{{u"symbol"_s, symbol}};
    const auto text = [&](const QString &key, const QString &value) {
        if (!value.isEmpty() && value != NotAvailable)
            json.insert(key, value);
    };
    const auto numeric = [&](const QString &key, const QString &value) {
        if (const auto parsed = number(value))
            json.insert(key, *parsed);
    };
    text(u"date"_s, date);
    text(u"time"_s, time);
    numeric(u"open"_s, open);
    numeric(u"high"_s, high);
    numeric(u"low"_s, low);
    numeric(u"close"_s, close);
    numeric(u"volume"_s, volume);
    return json;
}

QStringList splitCsvLine(QStringView line)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                current += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    fields.append(current);
    return fields;
}

namespace {

// A body as lines, or what stooq said instead: "No data" and the daily limit come as plain
// text with HTTP 200 from both endpoints, so the body decides, not the status code.
struct CsvText
{
    enum class Kind
    {
        Lines,
        NoData,
        DailyLimit,
        Empty,
    };
    Kind kind = Kind::Empty;
    QStringList lines; // the header first; blank lines and CRs removed

    static CsvText read(const QByteArray &body)
    {
        QString text = QString::fromUtf8(body);
        if (text.startsWith(u'\uFEFF'))
            text.remove(0, 1);
        const QString trimmed = text.trimmed();
        if (trimmed.compare("No data"_L1, Qt::CaseInsensitive) == 0)
            return {Kind::NoData, {}};
        if (trimmed.contains("daily hits limit"_L1, Qt::CaseInsensitive))
            return {Kind::DailyLimit, {}};
        QStringList lines = text.split(u'\n');
        for (QString &line : lines) {
            if (line.endsWith(u'\r'))
                line.chop(1);
        }
        lines.removeIf([](const QString &line) { return line.trimmed().isEmpty(); });
        return {lines.isEmpty() ? Kind::Empty : Kind::Lines, lines};
    }
};

// What a body says when it holds no CSV to read, in the terms of either endpoint's answer.
template<typename Answer>
std::optional<Answer> answerWithoutRows(const CsvText &csv)
{
    switch (csv.kind) {
    case CsvText::Kind::NoData:
        return Answer{Answer::Kind::NoData, {}};
    case CsvText::Kind::DailyLimit:
        return Answer{Answer::Kind::DailyLimit, {}};
    case CsvText::Kind::Empty:
        return Answer{Answer::Kind::NotCsv, {}};
    case CsvText::Kind::Lines:
        break;
    }
    return std::nullopt;
}

} // namespace

StooqAnswer StooqAnswer::parse(const QByteArray &body)
{
    const CsvText csv = CsvText::read(body);
    if (const auto plain = answerWithoutRows<StooqAnswer>(csv))
        return *plain;
    const auto columns = Columns::fromHeader(splitCsvLine(csv.lines.first()));
    if (!columns)
        return {Kind::NotCsv, {}};
    if (csv.lines.size() == 1)
        return {Kind::NoData, {}};

    StooqAnswer answer{Kind::Quotes, {}};
    for (qsizetype i = 1; i < csv.lines.size(); ++i)
        answer.quotes.append(columns->quoteFrom(splitCsvLine(csv.lines.at(i))));
    return answer;
}

StooqHistory StooqHistory::parse(const QByteArray &body)
{
    const CsvText csv = CsvText::read(body);
    if (const auto plain = answerWithoutRows<StooqHistory>(csv))
        return *plain;
    const QStringList header = splitCsvLine(csv.lines.first());
    const qsizetype dateColumn = columnOf(header, "date"_L1);
    const qsizetype closeColumn = columnOf(header, "close"_L1);
    if (dateColumn < 0 || closeColumn < 0)
        return {Kind::NotCsv, {}};

    StooqHistory history{Kind::Days, {}};
    // Only the newest days matter; reading from the end keeps a long history cheap.
    for (qsizetype i = csv.lines.size() - 1; i >= 1 && history.days.size() < MaxDays; --i) {
        const QStringList fields = splitCsvLine(csv.lines.at(i));
        const QDate date = QDate::fromString(fields.value(dateColumn).trimmed(), Qt::ISODate);
        const QString close = fields.value(closeColumn).trimmed();
        const auto value = number(close);
        // A day must be older than the one after it: out-of-order or repeated rows are
        // not a history anyone can draw.
        const bool ordered = history.days.isEmpty() || date < history.days.first().date;
        if (date.isValid() && value && ordered)
            history.days.prepend({date, close, *value});
    }
    if (history.days.isEmpty())
        return {Kind::NoData, {}};
    return history;
}

} // namespace FinChat::Stock
