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
};

QTEST_GUILESS_MAIN(TestStooqCsv)
#include "tst_stooqcsv.moc"
