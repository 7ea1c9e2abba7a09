#include "stooqcsv.h"

#include <QLocale>

#include <optional>

namespace FinChat::Stock {

using namespace Qt::StringLiterals;

namespace {

constexpr auto NotAvailable = "N/D"_L1;

std::optional<double> number(const QString &text)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    return ok ? std::optional(value) : std::nullopt;
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

StooqAnswer StooqAnswer::parse(const QByteArray &body)
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
    if (lines.isEmpty())
        return {Kind::NotCsv, {}};
    const auto columns = Columns::fromHeader(splitCsvLine(lines.first()));
    if (!columns)
        return {Kind::NotCsv, {}};
    if (lines.size() == 1)
        return {Kind::NoData, {}};

    StooqAnswer answer{Kind::Quotes, {}};
    for (qsizetype i = 1; i < lines.size(); ++i)
        answer.quotes.append(columns->quoteFrom(splitCsvLine(lines.at(i))));
    return answer;
}

} // namespace FinChat::Stock
