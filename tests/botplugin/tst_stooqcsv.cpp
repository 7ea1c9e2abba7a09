#include "sharedlookups.h"
#include "stockreplies.h"
#include "stooqcsv.h"
#include "stooqstandin.h"

#include <QJsonArray>
#include <QTest>

using namespace FinChat::Stock;
using FinChat::Testing::StooqStandIn;
using namespace Qt::StringLiterals;

namespace {
FetchOutcome answered(const QByteArray &body)
{
    return {FetchOutcome::Kind::Answered, 200, StooqAnswer::parse(body)};
}

HistoryOutcome history(const QByteArray &body)
{
    return {FetchKind::Answered, 200, StooqHistory::parse(body)};
}

const QByteArray AaplHistory = StooqStandIn::fixture(u"history-aapl.us-daily.csv"_s);
} // namespace

class TestStooqCsv : public QObject
{
    Q_OBJECT

private slots:
    void normalQuote()
    {
        const StooqAnswer answer =
            StooqAnswer::parse(StooqStandIn::fixture(u"quote-aapl.us.csv"_s));
        QCOMPARE(answer.kind, StooqAnswer::Kind::Quotes);
        QCOMPARE(answer.quotes.size(), 1);
        const Quote &quote = answer.quotes.first();
        QCOMPARE(quote.symbol, u"AAPL.US"_s);
        QCOMPARE(quote.date, u"2026-11-20"_s);
        QCOMPARE(quote.close, u"229.87"_s); // no CR left over from the CRLF line end
        QCOMPARE(quote.volume, u"48392011"_s);
        QVERIFY(quote.hasData());
        const QJsonObject json = quote.toJson();
        QCOMPARE(json.value(u"close"_s).toDouble(), 229.87);
        QCOMPARE(json.value(u"low"_s).toDouble(), 226.90);
        QCOMPARE(json.value(u"volume"_s).toDouble(), 48392011.0);
    }

    void lineFeedsAndQuotedFields()
    {
        const StooqAnswer answer =
            StooqAnswer::parse("Symbol,Date,Time,Open,High,Low,Close,Volume\n\"AAPL.US\",2026-11-"
                               "20,22:00:09,1,\"2\",0.5,\"1.5\",10\n");
        QCOMPARE(answer.kind, StooqAnswer::Kind::Quotes);
        QCOMPARE(answer.quotes.first().symbol, u"AAPL.US"_s);
        QCOMPARE(answer.quotes.first().close, u"1.5"_s);
        QCOMPARE(splitCsvLine(u"a,\"b,c\",\"say \"\"hi\"\"\",,e"),
                 (QStringList{u"a"_s, u"b,c"_s, u"say \"hi\""_s, QString(), u"e"_s}));
    }

    void columnsMayComeInAnyOrder()
    {
        const StooqAnswer answer = StooqAnswer::parse("Close,Symbol,Low,High\r\n9.5,X.US,9,10\r\n");
        QCOMPARE(answer.kind, StooqAnswer::Kind::Quotes);
        QCOMPARE(answer.quotes.first().close, u"9.5"_s);
        QCOMPARE(answer.quotes.first().symbol, u"X.US"_s);
    }

    void unknownSymbolHasNoData()
    {
        const StooqAnswer answer =
            StooqAnswer::parse(StooqStandIn::fixture(u"unknown-symbol.csv"_s));
        QCOMPARE(answer.kind, StooqAnswer::Kind::Quotes);
        QVERIFY(!answer.quotes.first().hasData());
        QCOMPARE(answer.quotes.first().toJson().keys(), QStringList{u"symbol"_s});
    }

    void missingColumnsAreNotTheExpectedCsv()
    {
        QCOMPARE(StooqAnswer::parse("Symbol,Date,Time\r\nAAPL.US,2026-11-20,22:00:09\r\n").kind,
                 StooqAnswer::Kind::NotCsv);
        // A short row is a row without data, not a crash.
        const StooqAnswer shortRow =
            StooqAnswer::parse("Symbol,Date,Time,Open,High,Low,Close,Volume\r\nAAPL.US,2026\r\n");
        QCOMPARE(shortRow.kind, StooqAnswer::Kind::Quotes);
        QVERIFY(!shortRow.quotes.first().hasData());
    }

    void plainTextAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<StooqAnswer::Kind>("kind");
        QTest::newRow("header only")
            << StooqStandIn::fixture(u"header-only.csv"_s) << StooqAnswer::Kind::NoData;
        QTest::newRow("No data") << StooqStandIn::fixture(u"no-data.txt"_s)
                                 << StooqAnswer::Kind::NoData;
        QTest::newRow("daily limit")
            << StooqStandIn::fixture(u"daily-limit.txt"_s) << StooqAnswer::Kind::DailyLimit;
        QTest::newRow("empty body") << QByteArray() << StooqAnswer::Kind::NotCsv;
        QTest::newRow("blank lines") << QByteArray("\r\n\r\n") << StooqAnswer::Kind::NotCsv;
        QTest::newRow("HTML") << QByteArray(
                                     "<!DOCTYPE html><html><body>Service unavailable</body></html>")
                              << StooqAnswer::Kind::NotCsv;
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12)
                                << StooqAnswer::Kind::NotCsv;
    }
    void plainTextAnswers()
    {
        QFETCH(QByteArray, body);
        QFETCH(StooqAnswer::Kind, kind);
        QCOMPARE(StooqAnswer::parse(body).kind, kind);
    }

    void codes()
    {
        QCOMPARE(parseCodes(u"AAPL.US").value_or(QStringList()), QStringList{u"aapl.us"_s});
        QCOMPARE(parseCodes(u"aapl.us+msft.us+aapl.us").value_or(QStringList()),
                 (QStringList{u"aapl.us"_s, u"msft.us"_s}));
        QCOMPARE(parseCodes(u"^spx").value_or(QStringList()), QStringList{u"^spx"_s});
        QVERIFY(!parseCodes(u""));
        QVERIFY(!parseCodes(u"   "));
        QVERIFY(!parseCodes(u"aapl us"));
        QVERIFY(!parseCodes(u"aapl.us&f=x"));
        QVERIFY(!parseCodes(QString(21, u'a')));
        QVERIFY(!parseCodes(u"a+b+c+d+e+f"));
        QVERIFY(!parseCodes(u"aapl.us+"));
    }

    void replies()
    {
        const Reply quote = composeReply(Command::Quote, {u"aapl.us"_s},
                                         answered(StooqStandIn::fixture(u"quote-aapl.us.csv"_s)));
        QCOMPARE(quote.text, u"AAPL.US quote is $229.87 per share"_s);
        QCOMPARE(quote.data.value(u"quotes"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"symbol"_s)
                     .toString(),
                 u"AAPL.US"_s);

        const Reply range = composeReply(Command::DayRange, {u"aapl.us"_s},
                                         answered(StooqStandIn::fixture(u"quote-aapl.us.csv"_s)));
        QCOMPARE(range.text, u"AAPL.US day range is $226.90 - $230.75"_s);

        const Reply two = composeReply(Command::Quote, {u"aapl.us"_s, u"msft.us"_s},
                                       answered(StooqStandIn::fixture(u"two-symbols.csv"_s)));
        QCOMPARE(two.text,
                 u"AAPL.US quote is $229.87 per share\nMSFT.US quote is $414.55 per share"_s);

        const Reply unknown =
            composeReply(Command::Quote, {u"xyzq.us"_s},
                         answered(StooqStandIn::fixture(u"unknown-symbol.csv"_s)));
        QCOMPARE(unknown.text, u"No quote exists for XYZQ.US."_s);
        QCOMPARE(unknown.data.value(u"unknown"_s).toArray(), QJsonArray{u"XYZQ.US"_s});

        QCOMPARE(composeReply(Command::Quote, {u"nope.us"_s}, answered("No data")).text,
                 u"No quote exists for NOPE.US."_s);
        const Reply busy = composeReply(Command::Quote, {u"aapl.us"_s},
                                        answered(StooqStandIn::fixture(u"daily-limit.txt"_s)));
        QVERIFY(busy.text.contains(u"busy"_s));
        QVERIFY(!busy.text.contains(u"No quote"_s)); // busy is not "unknown symbol"
        QCOMPARE(busy.data.value(u"error"_s).toString(), u"service_busy"_s);
        QCOMPARE(composeReply(Command::Quote, {u"a"_s}, answered("<html>"))
                     .data.value(u"error"_s)
                     .toString(),
                 u"unexpected_answer"_s);
        QVERIFY(composeReply(Command::Quote, {u"a"_s}, {FetchOutcome::Kind::HttpError, 503, {}})
                    .text.contains(u"503"_s));
        QCOMPARE(composeReply(Command::Quote, {u"a"_s}, {FetchOutcome::Kind::TimedOut, 0, {}})
                     .data.value(u"error"_s)
                     .toString(),
                 u"timeout"_s);
        QVERIFY(usage(Command::DayRange).contains(u"/day_range=CODE"_s));
    }

    void dailyHistory()
    {
        const StooqHistory parsed = StooqHistory::parse(AaplHistory);
        QCOMPARE(parsed.kind, StooqHistory::Kind::Days);
        QCOMPARE(parsed.days.size(), 80);
        QCOMPARE(parsed.days.first().date, QDate(2026, 7, 31));
        QCOMPARE(parsed.days.last().date, QDate(2026, 11, 19));
        QCOMPARE(parsed.days.last().close, u"228.10"_s); // as written, no CR

        QCOMPARE(StooqHistory::parse("No data").kind, StooqHistory::Kind::NoData);
        QCOMPARE(StooqHistory::parse("Date,Open,High,Low,Close,Volume\r\n").kind,
                 StooqHistory::Kind::NoData);
        QCOMPARE(StooqHistory::parse(StooqStandIn::fixture(u"daily-limit.txt"_s)).kind,
                 StooqHistory::Kind::DailyLimit);
        QCOMPARE(StooqHistory::parse("<html>down</html>").kind, StooqHistory::Kind::NotCsv);
        QCOMPARE(StooqHistory::parse("Date,Open\n2026-01-02,1\n").kind,
                 StooqHistory::Kind::NotCsv); // no Close column
        // Rows that cannot be read, or that go back in time, are skipped.
        const StooqHistory odd = StooqHistory::parse("Date,Close\n2026-01-02,10\n"
                                                     "2026-01-05,N/D\nnot a date,11\n"
                                                     "2026-01-01,12\n2026-01-06,13\n");
        QCOMPARE(odd.days.size(), 2);
        // Numbers that are no price: not a day of history, not a quote.
        QCOMPARE(StooqHistory::parse("Date,Close\n2026-01-02,inf\n2026-01-05,nan\n"
                                     "2026-01-06,1e999\n")
                     .kind,
                 StooqHistory::Kind::NoData);
        QVERIFY(
            !StooqAnswer::parse("Symbol,Low,High,Close\nX.US,1,2,nan\n").quotes.first().hasData());
        QCOMPARE(odd.days.first().date, QDate(2026, 1, 1));
        QCOMPARE(odd.days.last().value, 13.0);
    }

    // Decades of history (stooq ignoring the date range) keep only the newest days.
    void longHistoryKeepsTheNewestDays()
    {
        QByteArray body = "Date,Open,High,Low,Close,Volume\r\n";
        QDate day(2000, 1, 3);
        for (int i = 0; i < 6000; ++i, day = day.addDays(1))
            body +=
                day.toString(Qt::ISODate).toLatin1() + ",1,1,1," + QByteArray::number(i) + ",1\r\n";
        const StooqHistory parsed = StooqHistory::parse(body);
        QCOMPARE(parsed.days.size(), StooqHistory::MaxDays);
        QCOMPARE(parsed.days.last().value, 5999.0);
    }

    void aQuoteCarriesTheChangeSinceThePreviousClose()
    {
        const Reply reply = composeReply(Command::Quote, {u"aapl.us"_s},
                                         answered(StooqStandIn::fixture(u"quote-aapl.us.csv"_s)),
                                         {{u"aapl.us"_s, history(AaplHistory)}});
        QCOMPARE(reply.text, u"AAPL.US quote is $229.87 per share"_s); // the words stay
        const QJsonObject quote = reply.data.value(u"quotes"_s).toArray().first().toObject();
        QCOMPARE(quote.value(u"previousClose"_s).toDouble(), 228.10);
        QCOMPARE(quote.value(u"previousDate"_s).toString(), u"2026-11-19"_s);
        QCOMPARE(quote.value(u"change"_s).toDouble(), 1.77);
        QCOMPARE(quote.value(u"changePercent"_s).toDouble(), 0.78);
        // The month up to the quote: 23 closes from the history, then the quote's own.
        const QJsonArray closes = quote.value(u"closes"_s).toArray();
        QCOMPARE(closes.size(), 24);
        QCOMPARE(closes.last().toDouble(), 229.87);
        QCOMPARE(closes.at(closes.size() - 2).toDouble(), 228.10);
        // stooq's 22:00:09 is Warsaw time: 21:00:09 UTC in November.
        QCOMPARE(quote.value(u"quotedAt"_s).toInteger(),
                 QDateTime(QDate(2026, 11, 20), QTime(21, 0, 9), Qt::UTC).toMSecsSinceEpoch());

        // A history that already holds the quote's own day compares with the day before.
        const QByteArray withToday = AaplHistory + "2026-11-20,228.10,230.75,226.90,229.87,1\r\n";
        const QJsonObject same =
            composeReply(Command::Quote, {u"aapl.us"_s},
                         answered(StooqStandIn::fixture(u"quote-aapl.us.csv"_s)),
                         {{u"aapl.us"_s, history(withToday)}})
                .data.value(u"quotes"_s)
                .toArray()
                .first()
                .toObject();
        QCOMPARE(same.value(u"previousClose"_s).toDouble(), 228.10);

        // Without the quote's date there is no telling which close came before it.
        const QJsonObject undated =
            composeReply(Command::Quote, {u"aapl.us"_s},
                         answered("Symbol,Low,High,Close\r\nAAPL.US,226.90,230.75,229.87\r\n"),
                         {{u"aapl.us"_s, history(AaplHistory)}})
                .data.value(u"quotes"_s)
                .toArray()
                .first()
                .toObject();
        QCOMPARE(undated.value(u"close"_s).toDouble(), 229.87);
        QVERIFY(!undated.contains(u"change"_s));

        // Without its history (failed, busy, unknown) a quote is still a quote.
        for (const HistoryOutcome &missing :
             {HistoryOutcome{FetchKind::TimedOut, 0, {}}, history("No data"),
              history(StooqStandIn::fixture(u"daily-limit.txt"_s))}) {
            const Reply plain = composeReply(
                Command::Quote, {u"aapl.us"_s},
                answered(StooqStandIn::fixture(u"quote-aapl.us.csv"_s)), {{u"aapl.us"_s, missing}});
            const QJsonObject bare = plain.data.value(u"quotes"_s).toArray().first().toObject();
            QCOMPARE(bare.value(u"close"_s).toDouble(), 229.87);
            QVERIFY(!bare.contains(u"change"_s));
            QVERIFY(!plain.data.contains(u"error"_s));
        }
    }

    // A full cache makes room by dropping its oldest answer: a burst of junk codes cannot
    // keep every real answer out.
    void aFullCacheDropsItsOldestAnswer()
    {
        QObject owner;
        SharedLookups<int> lookups(&owner, 2);
        int answers = 0;
        for (const QString &key : {u"a"_s, u"b"_s, u"c"_s}) {
            QVERIFY(lookups.wait(key, [&](int) { ++answers; }));
            lookups.finish(key, 1, true);
            QTest::qWait(2); // distinct deadlines
        }
        QCOMPARE(answers, 3);
        const auto cached = [&](const QString &key) {
            SharedLookups<int>::Callback count = [&](int) {
                ++answers;
            };
            return lookups.answerFromCache(key, count);
        };
        QVERIFY(!cached(u"a"_s));
        QVERIFY(cached(u"b"_s));
        QVERIFY(cached(u"c"_s));
        QTRY_COMPARE(answers, 5);
    }

    void chartRequests_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("months"); // 0: refused
        QTest::newRow("code only") << u"aapl.us"_s << u"aapl.us"_s << 3;
        QTest::newRow("a year") << u"AAPL.US,1y"_s << u"aapl.us"_s << 12;
        QTest::newRow("a month") << u" aapl.us , 1m "_s << u"aapl.us"_s << 1;
        QTest::newRow("six months") << u"^spx,6m"_s << u"^spx"_s << 6;
        QTest::newRow("unknown period") << u"aapl.us,5y"_s << QString() << 0;
        QTest::newRow("two codes") << u"aapl.us+msft.us"_s << QString() << 0;
        QTest::newRow("empty") << QString() << QString() << 0;
        QTest::newRow("three parts") << u"aapl.us,1m,1y"_s << QString() << 0;
    }

    void chartRequests()
    {
        QFETCH(QString, argument);
        QFETCH(QString, code);
        QFETCH(int, months);
        const auto request = parseChart(argument);
        QCOMPARE(request.has_value(), months > 0);
        if (request) {
            QCOMPARE(request->code, code);
            QCOMPARE(request->period.months, months);
        }
    }

    void chartReplies()
    {
        const Reply chart = composeChart(*parseChart(u"aapl.us"_s), history(AaplHistory));
        QCOMPARE(chart.text, u"AAPL.US, 3 months (2026-08-19 to 2026-11-19): $200.53 → $228.10 "
                             u"(+27.57, +13.75%), low $178.98, high $228.10"_s);
        const QJsonObject data = chart.data.value(u"chart"_s).toObject();
        QCOMPARE(data.value(u"symbol"_s).toString(), u"AAPL.US"_s);
        QCOMPARE(data.value(u"period"_s).toString(), u"3m"_s);
        const QJsonArray dates = data.value(u"dates"_s).toArray();
        const QJsonArray closes = data.value(u"closes"_s).toArray();
        QCOMPARE(dates.size(), closes.size());
        QCOMPARE(dates.first().toString(), u"2026-08-19"_s);
        QCOMPARE(closes.first().toDouble(), 200.53);
        QCOMPARE(closes.last().toDouble(), 228.10);
        QCOMPARE(data.value(u"change"_s).toDouble(), 27.57);
        QCOMPARE(data.value(u"changePercent"_s).toDouble(), 13.75);

        // The fixture has 80 days: a year's chart shows what there is.
        QCOMPARE(composeChart(*parseChart(u"aapl.us,1y"_s), history(AaplHistory))
                     .data.value(u"chart"_s)
                     .toObject()
                     .value(u"closes"_s)
                     .toArray()
                     .size(),
                 80);

        const Reply unknown = composeChart(*parseChart(u"xyzq.us"_s), history("No data"));
        QCOMPARE(unknown.text, u"No price history exists for XYZQ.US."_s);
        QCOMPARE(unknown.data.value(u"error"_s).toString(), u"unknown_symbol"_s);
        QCOMPARE(composeChart(*parseChart(u"a.us"_s), history("Date,Close\n2026-01-02,1\n"))
                     .data.value(u"error"_s)
                     .toString(),
                 u"unknown_symbol"_s); // one day is not a chart
        QCOMPARE(composeChart(*parseChart(u"a.us"_s),
                              history(StooqStandIn::fixture(u"daily-limit.txt"_s)))
                     .data.value(u"error"_s)
                     .toString(),
                 u"service_busy"_s);
        QCOMPARE(composeChart(*parseChart(u"a.us"_s), {FetchKind::Throttled, 0, {}})
                     .data.value(u"error"_s)
                     .toString(),
                 u"service_busy"_s);
        QVERIFY(usage(Command::Chart).contains(u"/chart=CODE"_s));
    }
};

QTEST_GUILESS_MAIN(TestStooqCsv)
#include "tst_stooqcsv.moc"
