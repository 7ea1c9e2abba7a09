#include "stooqstandin.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

// Watchlists and price alerts end to end: the real server checking prices through the real
// stock bot plugin, which asks a local stand-in for stooq.
class TestPriceAlerts : public QObject
{
    Q_OBJECT

private:
    StooqStandIn m_stooq;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;

    void startServer(std::chrono::milliseconds interval)
    {
        m_bob.reset();
        m_alice.reset();
        m_server.reset();
        // The bot keeps nothing, so that every check reaches the stand-in.
        ServerConfig config = TestServer::withStockBot(
            m_stooq.baseUrl(), {{u"timeout_ms"_s, 1000}, {u"cache_seconds"_s, 0}});
        config.limits.priceCheckInterval = interval;
        m_server = std::make_unique<TestServer>(config);
        m_alice = std::make_unique<TestClient>();
        m_bob = std::make_unique<TestClient>();
        QVERIFY(m_alice->connectAs(m_server->url(), u"alice"_s));
        QVERIFY(m_bob->connectAs(m_server->url(), u"bob"_s));
    }

    // The notice answering a command alice typed in general.
    QString command(const QString &body)
    {
        const QJsonObject sent = m_alice->send(u"general"_s, body);
        if (typeOf(sent) != Type::MessageSendOk)
            return QString::fromUtf8(QJsonDocument(sent).toJson());
        return m_alice->waitForEvent(Type::Notice).value(u"text"_s).toString();
    }

    static QByteArray quoteRow(const QString &symbol, const QString &close)
    {
        return u"Symbol,Date,Time,Open,High,Low,Close,Volume\r\n"
               "%1,2026-11-20,22:00:09,228.10,260.00,226.90,%2,48392011\r\n"_s.arg(symbol, close)
                   .toUtf8();
    }

    static QStringList codesIn(const QJsonObject &frame)
    {
        QStringList codes;
        for (const QJsonValue &entry : frame.value(u"codes"_s).toArray())
            codes.append(entry[u"code"_s].toString());
        return codes;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_stooq.listen());
        m_stooq.setSyntheticQuotes(0); // any code without an answer of its own: $101.25
        m_stooq.setAnswer(u"limit.us"_s, {200, StooqStandIn::fixture(u"daily-limit.txt"_s)});
        m_stooq.setAnswer(u"broken.us"_s, {500, "Internal Server Error"});
    }
    void cleanup()
    {
        m_bob.reset();
        m_alice.reset();
        m_server.reset();
    }

    // Each user has their own watchlist; the commands answer only the one who typed them,
    // and nothing of them is shown to the room or stored.
    void watchlistCommandsArePrivateAndPerUser()
    {
        startServer(std::chrono::minutes(10));
        QCOMPARE(command(u"/watch=AAPL.US+msft.us"_s),
                 u"Watching AAPL.US, MSFT.US.\nWatchlist: AAPL.US, MSFT.US"_s);
        QCOMPARE(typeOf(m_alice->waitForEvent(Type::WatchlistUpdated)), Type::WatchlistUpdated);
        QVERIFY(m_bob->noEvent(Type::CommandEvent));
        QVERIFY(m_bob->noEvent(Type::Notice));

        const QJsonObject bobs = m_bob->request(Type::WatchlistGet);
        QCOMPARE(typeOf(bobs), Type::WatchlistGetOk);
        QVERIFY(bobs.value(u"codes"_s).toArray().isEmpty());
        QCOMPARE(codesIn(m_alice->request(Type::WatchlistGet)),
                 (QStringList{u"aapl.us"_s, u"msft.us"_s}));

        QCOMPARE(command(u"/unwatch=aapl.us"_s),
                 u"No longer watching AAPL.US.\nWatchlist: MSFT.US"_s);
        QVERIFY(command(u"/alert=msft.us<400"_s)
                    .startsWith(u"Price alert #1: you will be told once when MSFT.US at or "
                                "below $400.00"_s));
        QCOMPARE(command(u"/alerts"_s),
                 u"Watchlist: MSFT.US\n#1 MSFT.US at or below $400.00 \u2014 armed"_s);
        QCOMPARE(command(u"/unalert=1"_s), u"Price alert #1 removed."_s);
        QCOMPARE(command(u"/unalert=1"_s), u"you have no price alert #1"_s);
        QVERIFY(command(u"/alert=msft.us"_s).startsWith(u"Usage: /alert=CODE>PRICE"_s));
        QVERIFY(command(u"/watch=not a code!"_s).contains(u"not a market code"_s));
        QCOMPARE(m_server->storedMessageCount(), 0);

        // Kept on the server: there after a restart.
        m_server->restart();
        TestClient again;
        QVERIFY(again.open(m_server->url()));
        QCOMPARE(typeOf(again.login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);
        QCOMPARE(codesIn(again.request(Type::WatchlistGet)), QStringList{u"msft.us"_s});
    }

    void badRequestsAreRefusedAndNothingIsStored_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<QString>("error");
        QTest::newRow("code with a space")
            << uR"({"type":"watchlist.add","code":"aapl us"})"_s << u"invalid_field"_s;
        QTest::newRow("null code")
            << uR"({"type":"watchlist.add","code":null})"_s << u"invalid_field"_s;
        QTest::newRow("long code")
            << uR"({"type":"watchlist.add","code":"%1"})"_s.arg(QString(40, u'a'))
            << u"invalid_field"_s;
        QTest::newRow("direction")
            << uR"({"type":"alert.add","code":"aapl.us","direction":"sideways","price":1})"_s
            << u"invalid_field"_s;
        QTest::newRow("negative price")
            << uR"({"type":"alert.add","code":"aapl.us","direction":"above","price":-1})"_s
            << u"invalid_field"_s;
        QTest::newRow("huge price")
            << uR"({"type":"alert.add","code":"aapl.us","direction":"above","price":1e15})"_s
            << u"invalid_field"_s;
        QTest::newRow("price as text")
            << uR"({"type":"alert.add","code":"aapl.us","direction":"above","price":"250"})"_s
            << u"invalid_field"_s;
        QTest::newRow("room not joined") << uR"({"type":"alert.add","code":"aapl.us",)"
                                            R"("direction":"above","price":250,"room":"nowhere"})"_s
                                         << u"unknown_room"_s;
        QTest::newRow("someone else's alert")
            << uR"({"type":"alert.remove","alert":1})"_s << u"invalid_field"_s;
    }
    void badRequestsAreRefusedAndNothingIsStored()
    {
        QFETCH(QString, frame);
        QFETCH(QString, error);
        startServer(std::chrono::minutes(10));
        QCOMPARE(command(u"/alert=aapl.us>250"_s).left(15), u"Price alert #1:"_s);
        const QJsonObject reply = m_bob->sendRaw(frame);
        QCOMPARE(reply[u"code"_s].toString(), error);
        // alice's alert is untouched, and bob has nothing.
        QCOMPARE(m_alice->request(Type::WatchlistGet)[u"alerts"_s].toArray().size(), 1);
        const QJsonObject bobs = m_bob->request(Type::WatchlistGet);
        QVERIFY(bobs[u"codes"_s].toArray().isEmpty() && bobs[u"alerts"_s].toArray().isEmpty());
    }

    void aWatchlistIsBounded()
    {
        startServer(std::chrono::minutes(10));
        for (int i = 0; i < 50; ++i) {
            const QJsonObject added =
                m_alice->request(Type::WatchlistAdd, {{u"code"_s, u"c%1.us"_s.arg(i)}});
            QCOMPARE(typeOf(added), Type::WatchlistAddOk);
        }
        const QJsonObject full = m_alice->request(Type::WatchlistAdd, {{u"code"_s, u"one.us"_s}});
        QCOMPARE(full[u"code"_s].toString(), u"limit_reached"_s);
        // Adding what is there already is no change, and no error.
        QCOMPARE(typeOf(m_alice->request(Type::WatchlistAdd, {{u"code"_s, u"c7.us"_s}})),
                 Type::WatchlistAddOk);
        QCOMPARE(codesIn(m_alice->request(Type::WatchlistGet)).size(), 50);
    }

    // A fired alert frees its place, so alerts set are counted too: 30 an hour per user.
    void settingAlertsIsRationed()
    {
        startServer(std::chrono::minutes(10));
        const auto setAlert = [&] {
            return m_alice->request(
                Type::AlertAdd,
                {{u"code"_s, u"aapl.us"_s}, {u"direction"_s, u"above"_s}, {u"price"_s, 1e9}});
        };
        for (int i = 0; i < 30; ++i) {
            const QJsonObject set = setAlert();
            QCOMPARE(typeOf(set), Type::AlertAddOk);
            const qint64 id = set[u"alerts"_s][0][u"id"_s].toInteger();
            QCOMPARE(typeOf(m_alice->request(Type::AlertRemove, {{u"alert"_s, id}})),
                     Type::AlertRemoveOk);
        }
        QCOMPARE(setAlert()[u"code"_s].toString(), u"rate_limited"_s);
        QCOMPARE(typeOf(m_bob->request(
                     Type::AlertAdd,
                     {{u"code"_s, u"aapl.us"_s}, {u"direction"_s, u"above"_s}, {u"price"_s, 1e9}})),
                 Type::AlertAddOk); // others are not held up
    }

    // More codes than one check asks for: each check takes the next ones in turn, so an
    // alert on the last code in order still fires.
    void noAlertIsLeftOutWhenThereAreManyCodes()
    {
        startServer(std::chrono::milliseconds(300));
        // 300 alerts that never fire, and one on the last code in order that does, put
        // straight into the database (past the per-user caps, and not checked at once as a
        // new alert is).
        m_server->storage().blocking([](Storage &storage) {
            const auto alertOn = [&](const QString &user, const QString &code, bool above) {
                AlertRecord alert;
                alert.userId = storage.userByName(user)->id;
                alert.code = code;
                alert.above = above;
                alert.price = above ? 1e9 : 200;
                storage.addAlert(alert, 1000);
            };
            for (int i = 0; i < 300; ++i)
                alertOn(u"bob"_s, u"a%1.us"_s.arg(i, 3, 10, QLatin1Char('0')), true);
            alertOn(u"alice"_s, u"zzz.us"_s, false);
        });
        // Made-up quotes are $101.25: within a few checks zzz.us is asked for, and fires.
        QCOMPARE(
            m_alice->waitForEvent(Type::AlertTriggered, 10'000)[u"alert"_s][u"code"_s].toString(),
            u"zzz.us"_s);
    }

    // Many watched codes cost one request to stooq per check, not one each.
    void watchedCodesAreCheckedInOneRequest()
    {
        startServer(std::chrono::milliseconds(1500));
        QStringList codes;
        for (int i = 1; i <= 8; ++i) {
            codes.append(u"w%1.us"_s.arg(i));
            QCOMPARE(typeOf(m_alice->request(Type::WatchlistAdd, {{u"code"_s, codes.last()}})),
                     Type::WatchlistAddOk);
        }
        const auto nextFullCheck = [&] {
            for (;;) {
                const QJsonObject prices = m_alice->waitForEvent(Type::WatchlistPrices, 10'000);
                if (prices.isEmpty() || codesIn(prices) == codes)
                    return prices;
            }
        };
        const QJsonObject first = nextFullCheck();
        QCOMPARE(codesIn(first), codes);
        QCOMPARE(first[u"codes"_s][0][u"quote"_s][u"close"_s].toDouble(), 101.25);
        const int before = m_stooq.totalRequests();
        QCOMPARE(codesIn(nextFullCheck()), codes);
        QCOMPARE(m_stooq.totalRequests(), before + 1);
        QCOMPARE(m_stooq.requestsFor(codes.join(u'+')) >= 1, true);
        // Only the watcher hears of their prices.
        QVERIFY(m_bob->noEvent(Type::WatchlistPrices));
    }

    // An alert fires the first time its price is reached, once: announced to its room when
    // it was set with ",room", and stored as fired.
    void anAlertFiresOnceWhenCrossed()
    {
        startServer(std::chrono::milliseconds(300));
        m_stooq.setAnswer(u"cross.us"_s, {200, quoteRow(u"CROSS.US"_s, u"240.00"_s)});
        QVERIFY(command(u"/alert=cross.us>250,room"_s)
                    .endsWith(u"CROSS.US at or above $250.00, and so will #general."_s));
        QVERIFY(QTest::qWaitFor([&] { return m_stooq.requestsFor(u"cross.us"_s) >= 2; }, 5000));
        QVERIFY(m_bob->noEvent(Type::AlertTriggered, 0));

        m_stooq.setAnswer(u"cross.us"_s, {200, quoteRow(u"CROSS.US"_s, u"251.20"_s)});
        const QJsonObject fired = m_bob->waitForEvent(Type::AlertTriggered, 5000);
        QCOMPARE(fired[u"text"_s].toString(),
                 u"CROSS.US rose to $251.20, at or above $250.00 (alert by alice)"_s);
        QCOMPARE(fired[u"alert"_s][u"room"_s].toString(), u"general"_s);
        QCOMPARE(fired[u"owner"_s][u"user"_s].toString(), u"alice"_s);
        QCOMPARE(m_alice->waitForEvent(Type::AlertTriggered)[u"alert"_s][u"id"_s].toInteger(), 1);

        // The price stays above for several more checks: nobody hears of it again.
        const int requests = m_stooq.requestsFor(u"cross.us"_s);
        QTest::qWait(1500); // five intervals
        QVERIFY(m_bob->takeEvents(Type::AlertTriggered).isEmpty());
        QVERIFY(m_alice->takeEvents(Type::AlertTriggered).isEmpty());
        // A fired alert is not checked any more: no code is left to ask for.
        QCOMPARE(m_stooq.requestsFor(u"cross.us"_s), requests);

        const QJsonArray alerts = m_alice->request(Type::WatchlistGet)[u"alerts"_s].toArray();
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0][u"triggeredPrice"_s].toDouble(), 251.2);
        QVERIFY(alerts[0][u"triggeredAt"_s].toInteger() > 0);
        QCOMPARE(m_server->storedMessageCount(), 0);
    }

    // Without ",room" only the owner hears of it.
    void anAlertWithoutARoomTellsItsOwnerAlone()
    {
        startServer(std::chrono::milliseconds(300));
        QCOMPARE(typeOf(m_alice->request(
                     Type::AlertAdd,
                     {{u"code"_s, u"low.us"_s}, {u"direction"_s, u"below"_s}, {u"price"_s, 200}})),
                 Type::AlertAddOk);
        // The stand-in's made-up quote is $101.25: at or below 200.
        const QJsonObject fired = m_alice->waitForEvent(Type::AlertTriggered, 5000);
        QCOMPARE(fired[u"text"_s].toString(),
                 u"LOW.US fell to $101.25, at or below $200.00 (alert by alice)"_s);
        QCOMPARE(fired[u"quote"_s][u"close"_s].toDouble(), 101.25);
        QVERIFY(m_bob->noEvent(Type::AlertTriggered));
    }

    // stooq's daily limit: the bot stops asking for a while, and so do the checks.
    void checksBackOffWhenTheQuoteServiceIsBusy()
    {
        startServer(std::chrono::milliseconds(300));
        QCOMPARE(typeOf(m_alice->request(
                     Type::AlertAdd,
                     {{u"code"_s, u"limit.us"_s}, {u"direction"_s, u"above"_s}, {u"price"_s, 1}})),
                 Type::AlertAddOk);
        QVERIFY(QTest::qWaitFor([&] { return m_stooq.requestsFor(u"limit.us"_s) >= 1; }, 5000));
        QTest::qWait(2000); // six intervals
        QCOMPARE(m_stooq.requestsFor(u"limit.us"_s), 1);
        QVERIFY(m_alice->noEvent(Type::AlertTriggered, 0));
        QVERIFY(m_alice->request(Type::WatchlistGet)[u"alerts"_s][0][u"triggeredAt"_s]
                    .isUndefined()); // still armed
    }

    // A failing quote service (here HTTP 500, which the bot does not pause for) is asked
    // ever less often: each failed check doubles the wait.
    void failedChecksWaitLongerEachTime()
    {
        startServer(std::chrono::milliseconds(300));
        QCOMPARE(typeOf(m_alice->request(
                     Type::AlertAdd,
                     {{u"code"_s, u"broken.us"_s}, {u"direction"_s, u"above"_s}, {u"price"_s, 1}})),
                 Type::AlertAddOk);
        QTest::qWait(3000); // ten intervals; doubling waits leave room for about four checks
        const int checks = m_stooq.requestsFor(u"broken.us"_s);
        QVERIFY2(checks >= 2 && checks <= 5, qPrintable(QString::number(checks)));
    }

    void withoutAQuoteBotThereAreNoWatchlists()
    {
        TestServer server; // no plugin folder
        TestClient alice;
        QVERIFY(alice.connectAs(server.url(), u"alice"_s));
        QCOMPARE(alice.request(Type::WatchlistGet)[u"code"_s].toString(), u"unknown_command"_s);
        QCOMPARE(alice.send(u"general"_s, u"/watch=aapl.us"_s)[u"code"_s].toString(),
                 u"unknown_command"_s);
    }
};

QTEST_MAIN(TestPriceAlerts)
#include "tst_pricealerts.moc"
