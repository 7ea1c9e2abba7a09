#pragma once

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace FinChat::Stock {

// One row of stooq's quote CSV. Fields are kept as stooq wrote them, so the reply quotes
// the exact price; N/D (no data) rows have hasData() false.
struct Quote
{
    QString symbol;
    QString date;
    QString time;
    QString open;
    QString high;
    QString low;
    QString close;
    QString volume;

    bool hasData() const;
    // The fields as JSON, prices and volume as numbers, for clients that draw a quote card.
    QJsonObject toJson() const;
};

// What an answer from stooq's /q/l/ endpoint means. stooq reports some failures as plain
// text with HTTP 200, so the body decides, not the status code.
struct StooqAnswer
{
    enum class Kind
    {
        Quotes,     // CSV with at least one row (rows may still be N/D)
        NoData,     // CSV with only the header, or the text "No data"
        DailyLimit, // "Exceeded the daily hits limit": the service is busy, not the symbol unknown
        NotCsv,     // anything else: HTML, garbage, a header without the columns we need
    };
    Kind kind = Kind::NotCsv;
    QList<Quote> quotes;

    static StooqAnswer parse(const QByteArray &body);
};

// One trading day of stooq's daily history: its date, and its close as stooq wrote it and as
// a number (read once, when the history is parsed).
struct DailyClose
{
    QDate date;
    QString close;
    double value = 0;
};

// What an answer from stooq's daily history endpoint (/q/d/l/?s=CODE&i=d) means: the days
// oldest first, or, as with quotes, "no data", the daily limit or something that is not CSV.
struct StooqHistory
{
    enum class Kind
    {
        Days,
        NoData,
        DailyLimit,
        NotCsv,
    };
    // A year and a month of days is all any reply uses, for markets that trade every day of
    // the week too (crypto); older days are dropped.
    static constexpr qsizetype MaxDays = 400;

    Kind kind = Kind::NotCsv;
    QList<DailyClose> days;

    static StooqHistory parse(const QByteArray &body);
};

// Splits one CSV line into fields: commas separate, double quotes enclose fields that hold
// commas or quotes, and "" inside quotes is a quote.
QStringList splitCsvLine(QStringView line);

} // namespace FinChat::Stock
