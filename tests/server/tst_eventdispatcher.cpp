#include "servertestmain.h"
#include "wire/epolleventdispatcher.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <thread>

#include <time.h>

using namespace FinChat;
using namespace Qt::StringLiterals;

// The server's event loop on epoll (EpollEventDispatcher): timers, sockets, posted events and
// wake-ups from other threads, as Qt's own loop gives them. The server's suites run on it too
// (servertestmain.h); this one pins down the edges.
class TestEventDispatcher : public QObject
{
    Q_OBJECT

    // A connected pair of loopback sockets.
    struct Pair
    {
        QTcpServer server;
        QTcpSocket client;
        QTcpSocket *accepted = nullptr;
    };
    static bool connectPair(Pair &pair)
    {
        if (!pair.server.listen(QHostAddress::LocalHost))
            return false;
        pair.client.connectToHost(QHostAddress::LocalHost, pair.server.serverPort());
        if (!QTest::qWaitFor([&] { return pair.server.hasPendingConnections(); }, 5000))
            return false;
        pair.accepted = pair.server.nextPendingConnection();
        return QTest::qWaitFor(
            [&] { return pair.client.state() == QAbstractSocket::ConnectedState; }, 5000);
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("FINCHAT_EVENT_LOOP") == "poll"_L1)
            QSKIP("FINCHAT_EVENT_LOOP=poll asks for Qt's own loop; this suite tests the other");
    }

    void theServerLoopIsEpoll()
    {
        QVERIFY(dynamic_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
    }

    void timersFireInTheirOrderAndNotEarly()
    {
        QList<int> fired;
        QElapsedTimer clock;
        clock.start();
        qint64 firstAt = 0;
        for (int ms : {60, 20, 40}) {
            QTimer::singleShot(ms, Qt::PreciseTimer, this, [&, ms] {
                if (fired.isEmpty())
                    firstAt = clock.elapsed();
                fired.append(ms);
            });
        }
        QVERIFY(QTest::qWaitFor([&] { return fired.size() == 3; }, 5000));
        QCOMPARE(fired, QList<int>({20, 40, 60}));
        QVERIFY2(firstAt >= 19, qPrintable(QString::number(firstAt)));
    }

    void aRepeatingTimerCanStopAndRestartItself()
    {
        QTimer timer;
        timer.setInterval(0);
        int ticks = 0;
        connect(&timer, &QTimer::timeout, this, [&] {
            if (++ticks == 50) {
                timer.stop();
                timer.start(5); // restarted from its own event: the new interval holds
            }
            if (ticks == 55)
                timer.stop();
        });
        timer.start();
        QVERIFY(QTest::qWaitFor([&] { return ticks >= 55; }, 5000));
        QTest::qWait(30);
        QCOMPARE(ticks, 55);
        const int id = startTimer(10'000);
        QVERIFY(QAbstractEventDispatcher::instance()->remainingTime(id) > 9000);
        QCOMPARE(QAbstractEventDispatcher::instance()->registeredTimers(this).size(), 1);
        killTimer(id);
        QCOMPARE(QAbstractEventDispatcher::instance()->remainingTime(id), -1);
    }

    // A zero timer that never stops must not starve the sockets.
    void socketsAreServedWhileAZeroTimerSpins()
    {
        Pair pair;
        QVERIFY(connectPair(pair));
        QTimer spinning;
        spinning.setInterval(0);
        int spins = 0;
        connect(&spinning, &QTimer::timeout, this, [&] { ++spins; });
        spinning.start();
        pair.client.write("ping");
        QVERIFY(QTest::qWaitFor([&] { return pair.accepted->bytesAvailable() == 4; }, 5000));
        QVERIFY(spins > 0);
    }

    // A megabyte each way: the write notifiers under back-pressure, then a close the other end
    // sees.
    void bulkBothWaysThenClose()
    {
        Pair pair;
        QVERIFY(connectPair(pair));
        const QByteArray payload(1 << 20, 'x');
        QByteArray toServer;
        QByteArray toClient;
        connect(pair.accepted, &QTcpSocket::readyRead, this,
                [&] { toServer += pair.accepted->readAll(); });
        connect(&pair.client, &QTcpSocket::readyRead, this,
                [&] { toClient += pair.client.readAll(); });
        pair.client.write(payload);
        pair.accepted->write(payload);
        QVERIFY(QTest::qWaitFor(
            [&] { return toServer.size() == payload.size() && toClient.size() == payload.size(); },
            10'000));
        bool disconnected = false;
        connect(pair.accepted, &QTcpSocket::disconnected, this, [&] { disconnected = true; });
        pair.client.close();
        QVERIFY(QTest::qWaitFor([&] { return disconnected; }, 5000));
    }

    // Sockets closed and opened again may get the numbers of the old ones.
    void socketNumbersUsedAgain()
    {
        for (int round = 0; round < 20; ++round) {
            Pair pair;
            QVERIFY(connectPair(pair));
            pair.client.write("hello");
            QVERIFY(QTest::qWaitFor([&] { return pair.accepted->bytesAvailable() == 5; }, 5000));
            pair.client.abort();
            pair.accepted->abort();
        }
    }

    // The loop blocks in epoll_wait; an event posted from another thread wakes it.
    void anotherThreadWakesTheLoop()
    {
        QEventLoop loop;
        bool ran = false;
        QObject context;
        std::thread poster([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            QMetaObject::invokeMethod(
                &context,
                [&] {
                    ran = true;
                    loop.quit();
                },
                Qt::QueuedConnection);
        });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit); // fails the test, not the run
        loop.exec();
        poster.join();
        QVERIFY(ran);
    }

    // Timers that fell due in the same turn fire in the order they fell due.
    void timersDueTogetherFireInOrder()
    {
        QList<int> fired;
        for (int ms : {300, 100, 200, 100})
            QTimer::singleShot(ms, Qt::PreciseTimer, this, [&fired, ms] { fired.append(ms); });
        QThread::msleep(400); // the loop is busy: all four are due when it turns again
        QVERIFY(QTest::qWaitFor([&] { return fired.size() == 4; }, 5000));
        QCOMPARE(fired, QList<int>({100, 100, 200, 300}));
    }

    // A repeating timer whose slot runs a nested loop is not fired again inside it.
    void aTimerIsNotFiredInsideItsOwnSlot()
    {
        QTimer timer;
        timer.setInterval(2);
        int depth = 0;
        int deepest = 0;
        int ticks = 0;
        connect(&timer, &QTimer::timeout, this, [&] {
            ++depth;
            deepest = std::max(deepest, depth);
            if (++ticks == 1) {
                QEventLoop nested;
                QTimer::singleShot(40, &nested, &QEventLoop::quit);
                nested.exec();
            }
            --depth;
        });
        timer.start();
        QVERIFY(QTest::qWaitFor([&] { return ticks >= 5; }, 5000));
        QCOMPARE(deepest, 1);
    }

    // Wake-ups from another thread, thousands of them, and then the loop still sleeps when
    // there is nothing to do (a lost wake-up once left it spinning for good).
    void theLoopSleepsAfterAStormOfWakeUps()
    {
        QObject context;
        // The race is narrow: several rounds make it likely that the old order loses one.
        for (int round = 0; round < 5; ++round) {
            std::atomic<int> delivered = 0;
            constexpr int Posts = 100'000;
            std::thread poster([&] {
                for (int i = 0; i < Posts; ++i) {
                    QMetaObject::invokeMethod(
                        &context, [&] { ++delivered; }, Qt::QueuedConnection);
                }
            });
            const bool all = QTest::qWaitFor([&] { return delivered == Posts; }, 30'000);
            poster.join(); // before any QVERIFY returns
            QVERIFY(all);
        }
        const auto cpuMs = [] {
            timespec used{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &used);
            return used.tv_sec * 1000 + used.tv_nsec / 1'000'000;
        };
        QEventLoop idle;
        QTimer::singleShot(300, &idle, &QEventLoop::quit);
        const auto before = cpuMs();
        idle.exec();
        const auto spent = cpuMs() - before;
        QVERIFY2(spent < 100, qPrintable(u"%1 ms of CPU in 300 ms of idling"_s.arg(spent)));
    }

    // A nested loop inside a timer's slot, as a modal wait would make: the other timers go on
    // firing in it, and what was deleted later in it is deleted once it returns.
    void nestedLoopsKeepTheOtherTimersGoing()
    {
        int outerTicks = 0;
        QTimer outer;
        connect(&outer, &QTimer::timeout, this, [&] { ++outerTicks; });
        outer.start(1);
        QPointer<QObject> doomed;
        int ticksInside = 0;
        bool nestedDone = false;
        QTimer::singleShot(5, this, [&] {
            QEventLoop nested;
            doomed = new QObject;
            doomed->deleteLater(); // posted inside the nested loop: not deleted in it
            const int before = outerTicks;
            QTimer watch;
            connect(&watch, &QTimer::timeout, &nested, [&] {
                if (outerTicks - before >= 3)
                    nested.quit();
            });
            watch.start(1);
            QTimer::singleShot(5000, &nested, &QEventLoop::quit); // a failure, not a hang
            nested.exec();
            ticksInside = outerTicks - before;
            nestedDone = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return nestedDone; }, 10'000));
        QVERIFY2(ticksInside >= 3, qPrintable(QString::number(ticksInside)));
        QVERIFY(QTest::qWaitFor([&] { return doomed.isNull(); }, 5000));
    }

    // A repeating timer that fell due with another whose slot runs a nested loop fires in
    // that loop, and not again, early, once the loop returns.
    void aTimerThatFiredInANestedLoopIsNotFiredEarlyAfter()
    {
        QElapsedTimer clock;
        clock.start();
        QList<qint64> repeats;
        QTimer repeating;
        repeating.setTimerType(Qt::PreciseTimer);
        connect(&repeating, &QTimer::timeout, this, [&] { repeats.append(clock.elapsed()); });
        bool nestedDone = false;
        QTimer::singleShot(100, Qt::PreciseTimer, this, [&] {
            QEventLoop nested;
            QTimer::singleShot(250, &nested, &QEventLoop::quit);
            nested.exec();
            nestedDone = true;
        });
        repeating.start(100); // due with the single shot, then every 100 ms
        QVERIFY(QTest::qWaitFor([&] { return nestedDone && repeats.size() >= 5; }, 10'000));
        // Never before its schedule: the k-th tick at 100 × k ms at the earliest. Late ticks
        // (a loaded machine) do not move the ones after them earlier.
        for (qsizetype k = 0; k < repeats.size(); ++k) {
            QVERIFY2(repeats[k] >= 100 * (k + 1) - 1,
                     qPrintable(u"tick %1 at %2 ms"_s.arg(k + 1).arg(repeats[k])));
        }
    }
};

FINCHAT_SERVER_TEST_MAIN(TestEventDispatcher)
#include "tst_eventdispatcher.moc"
