#pragma once

#include "stooqcsv.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace FinChat::Stock {

enum class Command
{
    Quote,
    DayRange
};

inline constexpr qsizetype MaxCodesPerCommand = 5;
inline constexpr qsizetype MaxCodeLength = 20;

// "aapl.us" or several joined with '+' ("aapl.us+msft.us"), as stooq takes them: lower-cased,
// duplicates dropped; nullopt when empty, too many, too long or holding other characters.
std::optional<QStringList> parseCodes(QStringView argument);
QString usage(Command command);

// How a fetch from stooq ended.
struct FetchOutcome
{
    enum class Kind
    {
        Answered,
        TimedOut,
        HttpError,
        Unreachable
    };
    Kind kind = Kind::Unreachable;
    int httpStatus = 0;
    StooqAnswer answer;
};

// The bot's reply in the room: one line per code asked for, and the parsed quotes (or what
// went wrong) as data for clients.
struct Reply
{
    QString text;
    QJsonObject data;
};
Reply composeReply(Command command, const QStringList &codes, const FetchOutcome &outcome);

} // namespace FinChat::Stock
