#include "state/ratelimiter.h"
#include "state/ratemeter.h"
#include "state/ratesharing.h"

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

    // Two servers' limiters, joined as ClusterBus joins them: what one lets through is
    // poured into the other's, so a user has one limit, not one per server.
    void sharedLimitsHoldAcrossServers()
    {
        RateSharing firstServer, secondServer;
        KeyedLeakyBuckets firstMessages(5, 10s), secondMessages(5, 10s);
        WindowCounter firstLogins(3, 60s), secondLogins(3, 60s);
        firstMessages.share(firstServer, u"messages"_s);
        secondMessages.share(secondServer, u"messages"_s);
        firstLogins.share(firstServer, u"failed-logins"_s);
        secondLogins.share(secondServer, u"failed-logins"_s);
        int batches = 0;
        qsizetype largest = 0; // as the bus sends it
        firstServer.setSink([&](const Bus::RatesSpent &spent) {
            ++batches;
            largest = std::max(largest, Bus::Message{u"s1"_s, 1, spent}.encode().size());
            secondServer.apply(spent, 1'000'000);
        });
        secondServer.setSink([&](const Bus::RatesSpent &spent) {
            ++batches;
            firstServer.apply(spent, 1'000'000);
        });

        const qint64 now = 1'000'000;
        for (int i = 0; i < 4; ++i)
            QVERIFY(firstMessages.tryConsume(7, now));
        firstLogins.record(u"alice"_s, now);
        firstLogins.record(u"alice"_s, now);
        QVERIFY(secondMessages.tryConsume(7, now)); // not heard yet: its own count
        // A batch a tenth of a second, for both limiters and both keys at once.
        QVERIFY(QTest::qWaitFor([&] { return batches == 2; }, 2'000));
        QVERIFY(!firstMessages.tryConsume(7, now));  // 4 here + 1 there
        QVERIFY(!secondMessages.tryConsume(7, now)); // 1 here + 4 there
        QVERIFY(secondMessages.tryConsume(8, now));  // someone else
        QVERIFY(!secondLogins.isFull(u"alice"_s, now));
        secondLogins.record(u"alice"_s, now);
        QVERIFY(secondLogins.isFull(u"alice"_s, now)); // 2 there + 1 here
        // A good login there clears the count here too.
        QVERIFY(QTest::qWaitFor([&] { return batches >= 3; }, 2'000));
        QVERIFY(firstLogins.isFull(u"alice"_s, now));
        firstLogins.clear(u"alice"_s);
        QVERIFY(QTest::qWaitFor([&] { return batches >= 4; }, 2'000));
        QVERIFY(!secondLogins.isFull(u"alice"_s, now));
        // Nothing spent, nothing sent.
        QTest::qWait(300);
        QCOMPARE(batches, 4);

        // A flood of keys, long ones too, goes out in several batches that each fit one
        // notification; all of it arrives.
        const auto longKey = [](int user) -> QString {
            return QString(200, QChar(u'\x01')) + QString::number(user); // escaped: 6 bytes each
        };
        for (int user = 0; user < 1000; ++user) {
            for (int i = 0; i < 5; ++i)
                QVERIFY(firstMessages.tryConsume(100 + user, now));
            for (int i = 0; i < 3; ++i)
                firstLogins.record(longKey(user), now);
        }
        // (isFull spends nothing: waiting with tryConsume would fill the bucket itself.)
        QVERIFY(QTest::qWaitFor([&] { return secondLogins.isFull(longKey(999), now); }, 2'000));
        QVERIFY(batches > 4 + 10);
        QVERIFY2(largest <= 7900, qPrintable(QString::number(largest)));
        for (int user : {0, 500, 999}) {
            QVERIFY(!secondMessages.tryConsume(100 + user, now));
            QVERIFY(secondLogins.isFull(longKey(user), now));
        }
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
