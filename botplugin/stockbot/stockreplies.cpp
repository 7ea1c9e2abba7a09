#include "stockreplies.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace FinChat::Stock {

using namespace Qt::StringLiterals;

namespace {

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
    const QString name = command == Command::DayRange ? u"day_range"_s : u"stock"_s;
    return u"Usage: /%1=CODE, for example /%1=aapl.us (up to %2 codes joined with +)"_s.arg(name)
        .arg(MaxCodesPerCommand);
}

Reply composeReply(Command command, const QStringList &codes, const FetchOutcome &outcome)
{
    switch (outcome.kind) {
    case FetchOutcome::Kind::TimedOut:
        return failure(u"timeout"_s,
                       u"The quote service did not answer in time; try again in a moment."_s);
    case FetchOutcome::Kind::HttpError:
        return failure(
            u"http_error"_s,
            u"The quote service answered with an error (HTTP %1); try again later."_s.arg(
                outcome.httpStatus));
    case FetchOutcome::Kind::Unreachable:
        return failure(u"unreachable"_s,
                       u"The quote service cannot be reached right now; try again later."_s);
    case FetchOutcome::Kind::Answered:
        break;
    }

    const StooqAnswer &answer = outcome.answer;
    switch (answer.kind) {
    case StooqAnswer::Kind::DailyLimit:
        return failure(u"service_busy"_s,
                       u"The quote service is busy (daily limit reached); try again later."_s);
    case StooqAnswer::Kind::NotCsv:
        return failure(u"unexpected_answer"_s,
                       u"The quote service sent something unexpected; try again later."_s);
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
            quotes.append(row->toJson());
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

} // namespace FinChat::Stock
