#include "state/ratelimiter.h"
#include "state/ratemeter.h"

#include <QTest>

using namespace FinChat;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void rateMeterCountsTheLastMinute()
    {
        RateMeter meter;
        const qint64 start = 1'763'800'000'000;
        for (int i = 0; i < 120; ++i)
            meter.record(start + i * 250); // 4 a second for 30 s
        QCOMPARE(meter.total(), 120);
        QCOMPARE(meter.perSecond(start + 30'000), 2.0); // 120 over the minute
        // 80 s on, the minute holds the burst's seconds 21 to 29: nine seconds of four.
        QCOMPARE(meter.perSecond(start + 80'000), 36.0 / 60);
        QCOMPARE(meter.perSecond(start + 200'000), 0.0);
        // A second a minute later reuses its bucket and counts afresh.
        meter.record(start + 60'000);
        QCOMPARE(meter.perSecond(start + 60'500), (120.0 - 4 + 1) / 60);
        QCOMPARE(meter.total(), 121);
    }

    void bucketAllowsBurstThenSteadyRate()
    {
        LeakyBucket bucket(20, 10s); // drains one unit every 500 ms
        qint64 now = 1'000'000;
        for (int i = 0; i < 20; ++i)
            QVERIFY2(bucket.tryConsume(now), qPrintable(QString::number(i)));
        QVERIFY(!bucket.tryConsume(now));
        QVERIFY(!bucket.tryConsume(now + 499));
        QVERIFY(bucket.tryConsume(now + 500));
        QVERIFY(!bucket.tryConsume(now + 500));
        // After a full window the whole burst is available again.
        now += 10'500;
        for (int i = 0; i < 20; ++i)
            QVERIFY(bucket.tryConsume(now));
        QVERIFY(!bucket.tryConsume(now));
    }

    void bucketIgnoresClockGoingBack()
    {
        LeakyBucket bucket(2, 1s);
        QVERIFY(bucket.tryConsume(5000));
        QVERIFY(bucket.tryConsume(5000));
        QVERIFY(!bucket.tryConsume(1000)); // an earlier time does not refill it
    }

    void windowCounterBlocksAfterLimitUntilOldestAges()
    {
        WindowCounter failures(5, 1min);
        const QString key = u"alice@127.0.0.1"_s;
        for (int i = 0; i < 5; ++i) {
            QVERIFY(!failures.isFull(key, 1000 + i));
            failures.record(key, 1000 + i);
        }
        QVERIFY(failures.isFull(key, 2000));
        QVERIFY(!failures.isFull(u"alice@10.0.0.2"_s, 2000)); // other addresses unaffected
        QVERIFY(failures.isFull(key, 60'999));
        QVERIFY(!failures.isFull(key, 61'000)); // the first failure aged out
        failures.clear(key);
        QVERIFY(!failures.isFull(key, 61'001));
    }

    void windowCounterForgetsQuietKeys()
    {
        WindowCounter failures(3, 1s);
        for (int i = 0; i < 10'000; ++i)
            failures.record(u"user%1"_s.arg(i), i); // one a millisecond, window 1 s
        QVERIFY2(failures.trackedKeys() <= 4096,
                 qPrintable(QString::number(failures.trackedKeys())));
    }

    void connectionCounterLimitsPerAddressAndTotal()
    {
        ConnectionCounter counter(2, 3);
        QVERIFY(counter.tryAdd(u"a"_s));
        QVERIFY(counter.tryAdd(u"a"_s));
        QVERIFY(!counter.tryAdd(u"a"_s));
        QVERIFY(counter.tryAdd(u"b"_s));
        QVERIFY(!counter.tryAdd(u"c"_s)); // total reached
        counter.remove(u"a"_s);
        QVERIFY(counter.tryAdd(u"c"_s));
        QCOMPARE(counter.total(), 3);
        counter.remove(u"unknown"_s);
        QCOMPARE(counter.total(), 3);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
