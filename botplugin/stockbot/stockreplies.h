#pragma once

#include "stooqcsv.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace FinChat::Stock {

enum class Command
{
    Quote,
    DayRange,
    Chart,
};

inline constexpr qsizetype MaxCodesPerCommand = 5;
inline constexpr qsizetype MaxCodeLength = 20;

// "aapl.us" or several joined with '+' ("aapl.us+msft.us"), as stooq takes them: lower-cased,
// duplicates dropped; nullopt when empty, too many, too long or holding other characters.
std::optional<QStringList> parseCodes(QStringView argument);
QString usage(Command command);

// How far back a chart goes: /chart=aapl.us,1y.
struct ChartPeriod
{
    QString name; // "1m", "3m", "6m", "1y"
    int months = 3;
};
struct ChartRequest
{
    QString code;
    ChartPeriod period;
};
// "aapl.us" (three months) or "aapl.us,1y"; nullopt for anything else.
std::optional<ChartRequest> parseChart(QStringView argument);

// How a fetch from stooq ended, and what it answered when it did.
enum class FetchKind
{
    Answered,
    TimedOut,
    HttpError,
    Unreachable,
    Throttled, // not asked: too many requests to stooq were running already
};
template<typename Answer>
struct Fetched
{
    using Kind = FetchKind;
    Kind kind = Kind::Unreachable;
    int httpStatus = 0;
    Answer answer;
};
using FetchOutcome = Fetched<StooqAnswer>;    // the quote endpoint
using HistoryOutcome = Fetched<StooqHistory>; // the daily history endpoint, for one code

// The bot's reply in the room: one line per code asked for, and the parsed quotes (or what
// went wrong) as data for clients.
struct Reply
{
    QString text;
    QJsonObject data;
};
// A /stock or /day_range reply. `histories` (by lower-case code) add the change since the
// previous close and the last month's closes to each quote that has one; a quote without
// its history is still a quote.
Reply composeReply(Command command, const QStringList &codes, const FetchOutcome &outcome,
                   const QHash<QString, HistoryOutcome> &histories = {});
// A /chart reply: the daily closes of the period as data, a one-line summary as text.
Reply composeChart(const ChartRequest &request, const HistoryOutcome &outcome);

} // namespace FinChat::Stock
