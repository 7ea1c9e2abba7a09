#include "stockreplies.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace FinChat::Stock {

using namespace Qt::StringLiterals;

namespace {

// Where stooq's quote times are: its own, Warsaw (a US close is 22:00 there).
constexpr auto StooqTimeZone = "Europe/Warsaw";

Reply failure(const QString &code, const QString &text)
{
    return {text, {{u"error"_s, code}}};
}

QString lineFor(Command command, const Quote &quote)
{
    if (command == Command::DayRange)
        return u"%1 day range is $%2 - $%3"_s.arg(quote.symbol, quote.low, quote.high);
    return u"%1 quote is $%2 per share"_s.arg(quote.symbol, quote.close);
}

QString noQuoteLine(const QString &code)
{
    return u"No quote exists for %1."_s.arg(code.toUpper());
}

// The fetch itself failed: the same words for every command.
std::optional<Reply> fetchFailure(FetchKind kind, int httpStatus)
{
    switch (kind) {
    case FetchKind::TimedOut:
        return failure(u"timeout"_s,
                       u"The quote service did not answer in time; try again in a moment."_s);
    case FetchKind::HttpError:
        return failure(
            u"http_error"_s,
            u"The quote service answered with an error (HTTP %1); try again later."_s.arg(
                httpStatus));
    case FetchKind::Unreachable:
        return failure(u"unreachable"_s,
                       u"The quote service cannot be reached right now; try again later."_s);
    case FetchKind::Throttled:
        return failure(u"service_busy"_s,
                       u"Many quotes are being fetched right now; try again in a moment."_s);
    case FetchKind::Answered:
        break;
    }
    return std::nullopt;
}

Reply serviceBusy()
{
    return failure(u"service_busy"_s,
                   u"The quote service is busy (daily limit reached); try again later."_s);
}

Reply unexpectedAnswer()
{
    return failure(u"unexpected_answer"_s,
                   u"The quote service sent something unexpected; try again later."_s);
}

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// Digits after the point as stooq wrote a price, 2 to 8: "229.87" 2, "1.08431" 5.
int decimalsOf(const QString &price)
{
    const qsizetype point = price.indexOf(u'.');
    // More than 8 is noise, and a long enough string would overflow the rounding.
    return std::clamp<int>(point < 0 ? 0 : static_cast<int>(price.size() - point - 1), 2, 8);
}

QString signedNumber(double value, int decimals)
{
    return (value > 0 ? u"+"_s : QString()) + QString::number(value, 'f', decimals);
}

double percentChange(double from, double to)
{
    return from == 0 ? 0 : rounded((to - from) / from * 100.0, 2);
}

// The quote's time as milliseconds since the epoch (UTC), when stooq gave a date and time.
std::optional<qint64> quotedAt(const Quote &quote)
{
    const QDate date = QDate::fromString(quote.date, Qt::ISODate);
    const QTime time = QTime::fromString(quote.time, Qt::ISODate);
    const QTimeZone zone(StooqTimeZone);
    if (!date.isValid() || !time.isValid() || !zone.isValid())
        return std::nullopt;
    return QDateTime(date, time, zone).toMSecsSinceEpoch();
}

// The previous close, the change since it, and the month of closes up to this quote: what a
// client needs to say "up 0.8% today" and draw a small line.
void addChange(QJsonObject &json, const Quote &quote, const StooqHistory &history)
{
    // Without the quote's own date there is no telling which close came before it.
    const QDate quoteDate = QDate::fromString(quote.date, Qt::ISODate);
    if (!quoteDate.isValid())
        return;
    QList<DailyClose> before = history.days;
    before.removeIf([&](const DailyClose &day) { return day.date >= quoteDate; });
    if (before.isEmpty())
        return;
    const DailyClose &previous = before.last();
    const double close = json.value(u"close"_s).toDouble();
    const int decimals = std::max(decimalsOf(quote.close), decimalsOf(previous.close));
    json.insert(u"previousClose"_s, previous.value);
    json.insert(u"previousDate"_s, previous.date.toString(Qt::ISODate));
    json.insert(u"change"_s, rounded(close - previous.value, decimals));
    json.insert(u"changePercent"_s, percentChange(previous.value, close));
    const QDate monthAgo = quoteDate.addMonths(-1);
    QJsonArray closes;
    for (const DailyClose &day : std::as_const(before)) {
        if (day.date >= monthAgo)
            closes.append(day.value);
    }
    closes.append(close);
    json.insert(u"closes"_s, closes);
}

const QList<ChartPeriod> &chartPeriods()
{
    static const QList<ChartPeriod> periods{
        {u"1m"_s, 1}, {u"3m"_s, 3}, {u"6m"_s, 6}, {u"1y"_s, 12}};
    return periods;
}

QString periodWords(const ChartPeriod &period)
{
    return period.months == 12  ? u"1 year"_s
           : period.months == 1 ? u"1 month"_s
                                : u"%1 months"_s.arg(period.months);
}

} // namespace

std::optional<QStringList> parseCodes(QStringView argument)
{
    // Letters, digits and the marks stooq uses in codes: "aapl.us", "^spx", "eurusd", "cl.f".
    static const QRegularExpression code(u"\\A[a-z0-9^][a-z0-9._\\-^]{0,19}\\z"_s);
    QStringList codes;
    const QStringList parts = argument.trimmed().toString().toLower().split(u'+');
    for (const QString &part : parts) {
        if (!code.match(part).hasMatch())
            return std::nullopt;
        if (!codes.contains(part))
            codes.append(part);
    }
    if (codes.isEmpty() || codes.size() > MaxCodesPerCommand)
        return std::nullopt;
    return codes;
}

QString usage(Command command)
{
    if (command == Command::Chart)
        return u"Usage: /chart=CODE or /chart=CODE,PERIOD, for example /chart=aapl.us,1y "
               u"(PERIOD is 1m, 3m, 6m or 1y; 3m when left out)"_s;
    const QString name = command == Command::DayRange ? u"day_range"_s : u"stock"_s;
    return u"Usage: /%1=CODE, for example /%1=aapl.us (up to %2 codes joined with +)"_s.arg(name)
        .arg(MaxCodesPerCommand);
}

std::optional<ChartRequest> parseChart(QStringView argument)
{
    const QStringList parts = argument.trimmed().toString().toLower().split(u',');
    if (parts.size() > 2)
        return std::nullopt;
    const auto codes = parseCodes(parts.first());
    if (!codes || codes->size() != 1)
        return std::nullopt;
    ChartRequest request{codes->first(), chartPeriods().at(1)};
    if (parts.size() == 2) {
        const QString name = parts.at(1).trimmed();
        const auto period =
            std::find_if(chartPeriods().cbegin(), chartPeriods().cend(),
                         [&](const ChartPeriod &candidate) { return candidate.name == name; });
        if (period == chartPeriods().cend())
            return std::nullopt;
        request.period = *period;
    }
    return request;
}

Reply composeReply(Command command, const QStringList &codes, const FetchOutcome &outcome,
                   const QHash<QString, HistoryOutcome> &histories)
{
    if (auto failed = fetchFailure(outcome.kind, outcome.httpStatus))
        return *failed;

    const StooqAnswer &answer = outcome.answer;
    switch (answer.kind) {
    case StooqAnswer::Kind::DailyLimit:
        return serviceBusy();
    case StooqAnswer::Kind::NotCsv:
        return unexpectedAnswer();
    case StooqAnswer::Kind::NoData: {
        QStringList lines;
        for (const QString &code : codes)
            lines.append(noQuoteLine(code));
        return {lines.join(u'\n'), {{u"error"_s, u"unknown_symbol"_s}}};
    }
    case StooqAnswer::Kind::Quotes:
        break;
    }

    // One line per code asked for, in the order asked; stooq names rows by upper-case code.
    QStringList lines;
    QJsonArray quotes;
    QJsonArray unknown;
    for (const QString &code : codes) {
        const auto row =
            std::find_if(answer.quotes.cbegin(), answer.quotes.cend(), [&](const Quote &quote) {
                return quote.symbol.compare(code, Qt::CaseInsensitive) == 0;
            });
        if (row != answer.quotes.cend() && row->hasData()) {
            lines.append(lineFor(command, *row));
            QJsonObject json = row->toJson();
            if (const auto at = quotedAt(*row))
                json.insert(u"quotedAt"_s, *at);
            const HistoryOutcome history = histories.value(code);
            if (history.kind == FetchKind::Answered &&
                history.answer.kind == StooqHistory::Kind::Days)
                addChange(json, *row, history.answer);
            quotes.append(json);
        } else {
            lines.append(noQuoteLine(code));
            unknown.append(code.toUpper());
        }
    }
    QJsonObject data{{u"quotes"_s, quotes}};
    if (!unknown.isEmpty())
        data.insert(u"unknown"_s, unknown);
    // An N/D row says no more than a header-only answer: no code asked for has a quote.
    if (quotes.isEmpty())
        data.insert(u"error"_s, u"unknown_symbol"_s);
    return {lines.join(u'\n'), data};
}

Reply composeChart(const ChartRequest &request, const HistoryOutcome &outcome)
{
    if (auto failed = fetchFailure(outcome.kind, outcome.httpStatus))
        return *failed;
    const QString symbol = request.code.toUpper();
    const StooqHistory &history = outcome.answer;
    switch (history.kind) {
    case StooqHistory::Kind::DailyLimit:
        return serviceBusy();
    case StooqHistory::Kind::NotCsv:
        return unexpectedAnswer();
    case StooqHistory::Kind::NoData:
        return failure(u"unknown_symbol"_s, u"No price history exists for %1."_s.arg(symbol));
    case StooqHistory::Kind::Days:
        break;
    }

    const QDate from = history.days.last().date.addMonths(-request.period.months);
    QList<DailyClose> days = history.days;
    days.removeIf([&](const DailyClose &day) { return day.date < from; });
    if (days.size() < 2)
        return failure(u"unknown_symbol"_s, u"Not enough price history for %1 over %2."_s.arg(
                                                symbol, periodWords(request.period)));

    QJsonArray dates;
    QJsonArray closes;
    int decimals = 2;
    for (const DailyClose &day : std::as_const(days)) {
        dates.append(day.date.toString(Qt::ISODate));
        closes.append(day.value);
        decimals = std::max(decimals, decimalsOf(day.close));
    }
    const auto [lowest, highest] = std::minmax_element(
        days.cbegin(), days.cend(),
        [](const DailyClose &a, const DailyClose &b) { return a.value < b.value; });
    const double first = days.first().value;
    const double last = days.last().value;
    const double change = rounded(last - first, decimals);
    const double percent = percentChange(first, last);
    const QString text = u"%1, %2 (%3 to %4): $%5 → $%6 (%7, %8%), low $%9, high $%10"_s.arg(
        symbol, periodWords(request.period), days.first().date.toString(Qt::ISODate),
        days.last().date.toString(Qt::ISODate), days.first().close, days.last().close,
        signedNumber(change, decimals), signedNumber(percent, 2), lowest->close, highest->close);
    const QJsonObject chart{{u"symbol"_s, symbol}, {u"period"_s, request.period.name},
                            {u"dates"_s, dates},   {u"closes"_s, closes},
                            {u"change"_s, change}, {u"changePercent"_s, percent}};
    return {text, {{u"chart"_s, chart}}};
}

} // namespace FinChat::Stock
