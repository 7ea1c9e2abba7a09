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

struct Columns
{
    qsizetype symbol = -1, date = -1, time = -1, open = -1, high = -1, low = -1, close = -1,
              volume = -1;

    static std::optional<Columns> fromHeader(const QStringList &header)
    {
        Columns columns;
        for (qsizetype i = 0; i < header.size(); ++i) {
            const QString name = header.at(i).trimmed().toLower();
            qsizetype *slot = name == "symbol"_L1   ? &columns.symbol
                              : name == "date"_L1   ? &columns.date
                              : name == "time"_L1   ? &columns.time
                              : name == "open"_L1   ? &columns.open
                              : name == "high"_L1   ? &columns.high
                              : name == "low"_L1    ? &columns.low
                              : name == "close"_L1  ? &columns.close
                              : name == "volume"_L1 ? &columns.volume
                                                    : nullptr;
            if (slot)
                *slot = i;
        }
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

double DailyClose::value() const
{
    return number(close).value_or(0.0);
}

StooqHistory StooqHistory::parse(const QByteArray &body)
{
    const CsvText csv = CsvText::read(body);
    if (const auto plain = answerWithoutRows<StooqHistory>(csv))
        return *plain;
    const QStringList header = splitCsvLine(csv.lines.first());
    qsizetype dateColumn = -1;
    qsizetype closeColumn = -1;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        if (name == "date"_L1)
            dateColumn = i;
        else if (name == "close"_L1)
            closeColumn = i;
    }
    if (dateColumn < 0 || closeColumn < 0)
        return {Kind::NotCsv, {}};

    StooqHistory history{Kind::Days, {}};
    // Only the newest days matter; reading from the end keeps a long history cheap.
    for (qsizetype i = csv.lines.size() - 1; i >= 1 && history.days.size() < MaxDays; --i) {
        const QStringList fields = splitCsvLine(csv.lines.at(i));
        const DailyClose day{QDate::fromString(fields.value(dateColumn).trimmed(), Qt::ISODate),
                             fields.value(closeColumn).trimmed()};
        // A day must be older than the one after it: out-of-order or repeated rows are
        // not a history anyone can draw.
        const bool ordered = history.days.isEmpty() || day.date < history.days.first().date;
        if (day.date.isValid() && number(day.close) && ordered)
            history.days.prepend(day);
    }
    if (history.days.isEmpty())
        return {Kind::NoData, {}};
    return history;
}

} // namespace FinChat::Stock
