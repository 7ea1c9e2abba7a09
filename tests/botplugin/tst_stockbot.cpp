#include "bots/bothost.h"
#include "servertestmain.h"
#include "stooqstandin.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

// The real server with the real stock bot plugin, loaded by QPluginLoader from the build
// folder, asking a local stand-in for stooq.
class TestStockBot : public QObject
{
    Q_OBJECT

private:
    StooqStandIn m_stooq;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;

    void startServer(const QVariantMap &botSettings = {})
    {
        m_bob.reset();
        m_alice.reset();
        m_server.reset();
        QVariantMap settings{{u"timeout_ms"_s, 1000}};
        settings.insert(botSettings);
        m_server =
            std::make_unique<TestServer>(TestServer::withStockBot(m_stooq.baseUrl(), settings));
        m_alice = std::make_unique<TestClient>();
        m_bob = std::make_unique<TestClient>();
        QVERIFY(m_alice->connectAs(m_server->url(), u"alice"_s));
        QVERIFY(m_bob->connectAs(m_server->url(), u"bob"_s));
    }

    // Sends a command as alice and returns the bot's reply as bob saw it.
    QJsonObject ask(const QString &command)
    {
        const QJsonObject sent = m_alice->send(u"general"_s, command);
        if (typeOf(sent) != Type::MessageSendOk)
            return sent;
        return m_bob->waitForEvent(Type::BotMessage);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_stooq.listen());
        m_stooq.setAnswer(u"aapl.us"_s, {200, StooqStandIn::fixture(u"quote-aapl.us.csv"_s)});
        m_stooq.setAnswer(u"aapl.us+msft.us"_s, {200, StooqStandIn::fixture(u"two-symbols.csv"_s)});
        m_stooq.setAnswer(u"xyzq.us"_s, {200, StooqStandIn::fixture(u"unknown-symbol.csv"_s)});
        m_stooq.setAnswer(u"empty.us"_s, {200, StooqStandIn::fixture(u"header-only.csv"_s)});
        m_stooq.setAnswer(u"nodata.us"_s, {200, StooqStandIn::fixture(u"no-data.txt"_s)});
        m_stooq.setAnswer(u"limit.us"_s, {200, StooqStandIn::fixture(u"daily-limit.txt"_s)});
        m_stooq.setAnswer(u"broken.us"_s, {500, "Internal Server Error"});
        m_stooq.setAnswer(u"html.us"_s, {200, "<html><body>We are down</body></html>"});
        m_stooq.setAnswer(u"hang.us"_s, {200, {}, 0, true});
        m_stooq.setSyntheticQuotes(0); // any other code gets a made-up quote
        m_stooq.setHistory(u"aapl.us"_s,
                           {200, StooqStandIn::fixture(u"history-aapl.us-daily.csv"_s)});
        m_stooq.setHistory(u"deadhistory.us"_s, {200, {}, 0, true});
        m_stooq.setHistory(u"busyhistory.us"_s, {200, StooqStandIn::fixture(u"daily-limit.txt"_s)});
        m_stooq.setAnswer(
            u"slow.us"_s,
            {200, StooqStandIn::fixture(u"quote-aapl.us.csv"_s).replace("AAPL.US", "SLOW.US"),
             300});
    }

    void init() { startServer(); }
    void cleanupTestCase()
    {
        m_bob.reset();
        m_alice.reset();
        m_server.reset();
    }

    void pluginIsLoaded()
    {
        QVERIFY(m_server->server().bots());
        QCOMPARE(m_server->server().bots()->botNames(), QStringList{u"stockbot"_s});
    }

    void quoteReachesEveryMemberAndNothingIsStored()
    {
        const QJsonObject sent = m_alice->send(u"general"_s, u"/stock=aapl.us"_s);
        QCOMPARE(typeOf(sent), Type::MessageSendOk);
        QCOMPARE(sent.value(u"command"_s).toObject().value(u"name"_s).toString(), u"stock"_s);
        QCOMPARE(m_bob->waitForEvent(Type::CommandEvent)
                     .value(u"command"_s)
                     .toObject()
                     .value(u"argument"_s)
                     .toString(),
                 u"aapl.us"_s);

        for (TestClient *member : {m_alice.get(), m_bob.get()}) {
            const QJsonObject reply = member->waitForEvent(Type::BotMessage);
            QCOMPARE(reply.value(u"body"_s).toString(), u"AAPL.US quote is $229.87 per share"_s);
            QCOMPARE(reply.value(u"user"_s).toString(), u"stockbot"_s);
            QCOMPARE(reply.value(u"displayName"_s).toString(), u"Stock bot"_s);
            QVERIFY(reply.value(u"bot"_s).toBool());
            QCOMPARE(reply.value(u"room"_s).toString(), u"general"_s);
            QCOMPARE(reply.value(u"replyTo"_s).toString(), u"alice"_s);
            QVERIFY(!reply.contains(u"id"_s)); // not stored, so it has no message id
            const QJsonObject quote =
                reply.value(u"data"_s).toObject().value(u"quotes"_s).toArray().first().toObject();
            QCOMPARE(quote.value(u"close"_s).toDouble(), 229.87);
            QCOMPARE(quote.value(u"date"_s).toString(), u"2026-11-20"_s);
        }
        QCOMPARE(m_server->storedMessageCount(), 0);
        const QJsonObject joined = m_bob->request(Type::RoomJoin, {{u"room"_s, u"general"_s}});
        QVERIFY(joined.value(u"messages"_s).toArray().isEmpty());
    }

    void dayRangeAndSeveralCodes()
    {
        QCOMPARE(ask(u"/day_range=AAPL.US"_s).value(u"body"_s).toString(),
                 u"AAPL.US day range is $226.90 - $230.75"_s);
        QCOMPARE(ask(u"/stock=aapl.us+msft.us"_s).value(u"body"_s).toString(),
                 u"AAPL.US quote is $229.87 per share\nMSFT.US quote is $414.55 per share"_s);
    }

    void failuresGetAFriendlyReply_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("error"); // data.error, for clients that show more
        QTest::newRow("unknown symbol (N/D row)")
            << u"/stock=xyzq.us"_s << u"No quote exists for XYZQ.US."_s << u"unknown_symbol"_s;
        QTest::newRow("header only")
            << u"/stock=empty.us"_s << u"No quote exists for EMPTY.US."_s << u"unknown_symbol"_s;
        QTest::newRow("No data") << u"/stock=nodata.us"_s << u"No quote exists for NODATA.US."_s
                                 << u"unknown_symbol"_s;
        QTest::newRow("daily limit") << u"/stock=limit.us"_s << u"busy"_s << u"service_busy"_s;
        QTest::newRow("HTTP 500") << u"/stock=broken.us"_s << u"HTTP 500"_s << u"http_error"_s;
        QTest::newRow("HTML") << u"/stock=html.us"_s << u"something unexpected"_s
                              << u"unexpected_answer"_s;
        QTest::newRow("no answer")
            << u"/stock=hang.us"_s << u"did not answer in time"_s << u"timeout"_s;
    }
    void failuresGetAFriendlyReply()
    {
        QFETCH(QString, command);
        QFETCH(QString, expected);
        QFETCH(QString, error);
        const QJsonObject reply = ask(command);
        QVERIFY2(reply.value(u"body"_s).toString().contains(expected),
                 qPrintable(reply.value(u"body"_s).toString()));
        QCOMPARE(reply[u"data"_s][u"error"_s].toString(), error);
    }

    void theDailyLimitPausesAskingStooq()
    {
        const int before = m_stooq.totalRequests();
        const QJsonObject limited = ask(u"/stock=limit.us"_s);
        QCOMPARE(limited[u"data"_s][u"error"_s].toString(), u"service_busy"_s);
        QCOMPARE(m_stooq.totalRequests(), before + 1);
        // Another code, not cached, is not asked for while the pause lasts; the answer says
        // how long it lasts.
        const QJsonObject paused = ask(u"/stock=other.us"_s);
        QCOMPARE(paused[u"data"_s][u"error"_s].toString(), u"service_busy"_s);
        const qint64 retryAfter = paused[u"data"_s][u"retryAfter"_s].toInteger();
        QVERIFY2(retryAfter > 0 && retryAfter <= 60, qPrintable(QString::number(retryAfter)));
        QCOMPARE(m_stooq.totalRequests(), before + 1);
        QCOMPARE(m_stooq.requestsFor(u"other.us"_s), 0);
        QCOMPARE(m_stooq.historyRequestsFor(u"other.us"_s), 0); // nor its history
    }

    // A server that stops while the bot still waits for stooq, for a quote and for a daily
    // history, leaves nothing behind: both fetches end and their coroutines finish (CI runs
    // this under AddressSanitizer, whose leak check would find what was left).
    void stoppingWhileStooqIsSilentLeavesNothingBehind()
    {
        startServer({{u"timeout_ms"_s, 60'000}});
        const int quotes = m_stooq.requestsFor(u"hang.us"_s);
        const int histories = m_stooq.historyRequestsFor(u"deadhistory.us"_s);
        // One after the other: asked together, the two quotes would go out as one request.
        m_alice->sendRawNoWait(
            rawFrame(Type::MessageSend, uR"("room":"general","body":"/stock=hang.us")"_s));
        QVERIFY(QTest::qWaitFor([&] { return m_stooq.requestsFor(u"hang.us"_s) > quotes; }, 5000));
        m_alice->sendRawNoWait(
            rawFrame(Type::MessageSend, uR"("room":"general","body":"/stock=deadhistory.us")"_s));
        QVERIFY(QTest::qWaitFor(
            [&] { return m_stooq.historyRequestsFor(u"deadhistory.us"_s) > histories; }, 5000));
        // And bob waits for a quote.get of the silent code.
        m_bob->sendRawNoWait(rawFrame(Type::QuoteGet, uR"("id":77,"code":"hang.us")"_s));
        QTest::qWait(200);
        m_bob.reset();
        m_alice.reset();
        m_server.reset();
        QVERIFY(!m_server);
    }

    void badCodesGetTheUsageWithoutAFetch_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("empty") << u"/stock="_s;
        QTest::newRow("bare") << u"/stock"_s;
        QTest::newRow("spaces") << u"/stock=aapl us"_s;
        QTest::newRow("too long") << u"/stock=%1"_s.arg(QString(30, u'a'));
        QTest::newRow("injection") << u"/stock=aapl.us&s=msft.us"_s;
    }
    void badCodesGetTheUsageWithoutAFetch()
    {
        QFETCH(QString, command);
        const int before = m_stooq.totalRequests();
        QVERIFY(ask(command).value(u"body"_s).toString().startsWith(u"Usage: /stock=CODE"_s));
        QCOMPARE(m_stooq.totalRequests(), before);
    }

    void simultaneousAsksShareOneFetchAndTheCache()
    {
        const int before = m_stooq.requestsFor(u"slow.us"_s);
        m_alice->sendRawNoWait(
            rawFrame(Type::MessageSend, uR"("room":"general","body":"/stock=slow.us")"_s));
        m_bob->sendRawNoWait(
            rawFrame(Type::MessageSend, uR"("room":"general","body":"/stock=SLOW.US")"_s));
        // Each of the two asks is answered, and every member sees both answers.
        for (TestClient *member : {m_alice.get(), m_bob.get()}) {
            QList<QJsonObject> replies;
            QVERIFY(QTest::qWaitFor(
                [&] {
                    replies += member->takeEvents(Type::BotMessage);
                    return replies.size() >= 2;
                },
                10'000));
            QCOMPARE(replies.size(), 2);
            QStringList askers{replies.at(0).value(u"replyTo"_s).toString(),
                               replies.at(1).value(u"replyTo"_s).toString()};
            askers.sort();
            QCOMPARE(askers, (QStringList{u"alice"_s, u"bob"_s}));
        }
        QCOMPARE(m_stooq.requestsFor(u"slow.us"_s), before + 1);
        // Asked again at once: answered from the cache.
        QCOMPARE(ask(u"/stock=slow.us"_s).value(u"body"_s).toString(),
                 u"SLOW.US quote is $229.87 per share"_s);
        QCOMPARE(m_stooq.requestsFor(u"slow.us"_s), before + 1);
    }

    void differentCodesAskedTogetherShareOneRequest()
    {
        const int before = m_stooq.totalRequests();
        m_alice->sendRawNoWait(
            rawFrame(Type::MessageSend, uR"("room":"general","body":"/stock=aaa.us")"_s));
        m_bob->sendRawNoWait(
            rawFrame(Type::MessageSend, uR"("room":"general","body":"/stock=bbb.us")"_s));
        m_alice->sendRawNoWait(
            rawFrame(Type::MessageSend, uR"("room":"general","body":"/day_range=ccc.us")"_s));
        QStringList bodies;
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QJsonObject &reply : m_bob->takeEvents(Type::BotMessage))
                    bodies.append(reply.value(u"body"_s).toString());
                return bodies.size() >= 3;
            },
            10'000));
        bodies.sort();
        // Each asker gets the line for its own code, from one request to stooq.
        QCOMPARE(bodies, (QStringList{u"AAA.US quote is $101.25 per share"_s,
                                      u"BBB.US quote is $101.25 per share"_s,
                                      u"CCC.US day range is $99.10 - $102.50"_s}));
        QCOMPARE(m_stooq.totalRequests(), before + 1);
    }

    void cacheCanBeTurnedOff()
    {
        startServer({{u"cache_seconds"_s, 0}});
        const int before = m_stooq.requestsFor(u"aapl.us"_s);
        QVERIFY(!ask(u"/stock=aapl.us"_s).isEmpty());
        QVERIFY(!ask(u"/stock=aapl.us"_s).isEmpty());
        QCOMPARE(m_stooq.requestsFor(u"aapl.us"_s), before + 2);
    }

    void aSlowQuoteDoesNotHoldUpTheRoom()
    {
        const QJsonObject sent = m_alice->send(u"general"_s, u"/stock=hang.us"_s);
        QCOMPARE(typeOf(sent), Type::MessageSendOk);
        QCOMPARE(typeOf(m_bob->send(u"general"_s, u"meanwhile, bonds"_s)), Type::MessageSendOk);
        QCOMPARE(m_alice->waitForEvent(Type::MessageNew)
                     .value(u"message"_s)
                     .toObject()
                     .value(u"body"_s)
                     .toString(),
                 u"meanwhile, bonds"_s);
        QVERIFY(!m_alice->hasEvent(Type::BotMessage)); // the quote is still on its way
        QVERIFY(!m_alice->waitForEvent(Type::BotMessage).isEmpty());
    }

    void helpListsTheBotCommands()
    {
        QCOMPARE(typeOf(m_alice->send(u"general"_s, u"/help"_s)), Type::MessageSendOk);
        const QString text = m_alice->waitForEvent(Type::Notice).value(u"text"_s).toString();
        QVERIFY2(text.contains(u"/stock=CODE"_s), qPrintable(text));
        QVERIFY(text.contains(u"/day_range=CODE"_s));
        QVERIFY(text.contains(u"/help"_s));

        // The same list as data, for clients that complete commands; nothing is broadcast.
        const QJsonArray commands =
            m_bob->request(Type::CommandsList).value(u"commands"_s).toArray();
        QStringList names;
        for (const QJsonValue &command : commands)
            names.append(command.toObject().value(u"name"_s).toString());
        // The watchlist commands come with a bot that gives quotes.
        QCOMPARE(names, (QStringList{u"help"_s, u"watch"_s, u"unwatch"_s, u"alert"_s, u"unalert"_s,
                                     u"alerts"_s, u"stock"_s, u"day_range"_s, u"chart"_s}));
        QCOMPARE(commands.at(6).toObject().value(u"usage"_s).toString(), u"/stock=CODE"_s);
    }

    // The quote says how far it moved since the previous close, from stooq's daily history,
    // which is asked once and then reused.
    void aQuoteSaysTheChangeSinceThePreviousClose()
    {
        const int before = m_stooq.historyRequestsFor(u"aapl.us"_s);
        const QJsonObject reply = ask(u"/stock=aapl.us"_s);
        QCOMPARE(reply.value(u"body"_s).toString(), u"AAPL.US quote is $229.87 per share"_s);
        const QJsonObject quote = reply[u"data"_s][u"quotes"_s][0].toObject();
        QCOMPARE(quote.value(u"previousClose"_s).toDouble(), 228.10);
        QCOMPARE(quote.value(u"change"_s).toDouble(), 1.77);
        QCOMPARE(quote.value(u"changePercent"_s).toDouble(), 0.78);
        QCOMPARE(quote.value(u"closes"_s).toArray().last().toDouble(), 229.87);
        QCOMPARE(m_stooq.historyRequestsFor(u"aapl.us"_s), before + 1);

        startServer({{u"cache_seconds"_s, 0}}); // the quote is fetched again, the history not
        const QJsonObject again = ask(u"/stock=aapl.us"_s);
        QCOMPARE(again[u"data"_s][u"quotes"_s][0][u"change"_s].toDouble(), 1.77);
        QCOMPARE(m_stooq.historyRequestsFor(u"aapl.us"_s), before + 2); // a new bot, a new cache
        QVERIFY(!ask(u"/stock=aapl.us"_s).isEmpty());
        QCOMPARE(m_stooq.historyRequestsFor(u"aapl.us"_s), before + 2);
        // A day range needs no history.
        QVERIFY(!ask(u"/day_range=aapl.us"_s).isEmpty());
        QCOMPARE(m_stooq.historyRequestsFor(u"aapl.us"_s), before + 2);
    }

    // "/q/l" names the same folder as "/q/l/": the history is found beside it either way.
    void aQuoteUrlWithoutItsSlashStillFindsTheHistory()
    {
        startServer({{u"stooq_url"_s, m_stooq.baseUrl().toString().chopped(1)}});
        QCOMPARE(ask(u"/stock=aapl.us"_s)[u"data"_s][u"quotes"_s][0][u"change"_s].toDouble(), 1.77);
    }

    // A history that never comes, or comes busy, costs the change, never the quote.
    void aMissingHistoryStillGivesTheQuote_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("history never answers") << u"deadhistory.us"_s;
        QTest::newRow("history at its daily limit") << u"busyhistory.us"_s;
        QTest::newRow("no history") << u"nohistory.us"_s;
    }
    void aMissingHistoryStillGivesTheQuote()
    {
        QFETCH(QString, code);
        const int before = m_stooq.historyRequestsFor(code);
        const QJsonObject reply = ask(u"/stock="_s + code);
        QCOMPARE(reply.value(u"body"_s).toString(),
                 u"%1 quote is $101.25 per share"_s.arg(code.toUpper()));
        const QJsonObject quote = reply[u"data"_s][u"quotes"_s][0].toObject();
        QCOMPARE(quote.value(u"close"_s).toDouble(), 101.25);
        QVERIFY(!quote.contains(u"change"_s));
        QCOMPARE(m_stooq.historyRequestsFor(code), before + 1);
    }

    void chartAnswersWithTheDailyCloses()
    {
        const QJsonObject reply = ask(u"/chart=aapl.us,1m"_s);
        QVERIFY2(reply.value(u"body"_s).toString().startsWith(
                     u"AAPL.US, 1 month (2026-10-19 to 2026-11-19): $199.65 → $228.10"_s),
                 qPrintable(reply.value(u"body"_s).toString()));
        const QJsonObject chart = reply[u"data"_s][u"chart"_s].toObject();
        QCOMPARE(chart.value(u"period"_s).toString(), u"1m"_s);
        QCOMPARE(chart.value(u"closes"_s).toArray().size(), 24);
        QCOMPARE(chart.value(u"dates"_s).toArray().size(), 24);
        QCOMPARE(m_server->storedMessageCount(), 0); // a chart is a reply: never stored

        QVERIFY(ask(u"/chart=aapl.us,5y"_s)
                    .value(u"body"_s)
                    .toString()
                    .startsWith(u"Usage: /chart=CODE"_s));
        QCOMPARE(ask(u"/chart=nohistory.us"_s).value(u"body"_s).toString(),
                 u"No price history exists for NOHISTORY.US."_s);
        QCOMPARE(ask(u"/chart=busyhistory.us"_s)[u"data"_s][u"error"_s].toString(),
                 u"service_busy"_s);
    }

    // quote.get: what a client shows on hover over $AAPL. Many asking at once share one
    // look-up, its answer is kept for everyone, and nothing appears in any room.
    void quoteGetSharesOneLookupAndTheCache()
    {
        startServer({{u"cache_seconds"_s, 0}}); // the bot keeps nothing: the server must
        const int before = m_stooq.requestsFor(u"slow.us"_s);
        m_alice->sendRawNoWait(rawFrame(Type::QuoteGet, uR"("id":901,"code":"slow.us")"_s));
        m_bob->sendRawNoWait(rawFrame(Type::QuoteGet, uR"("id":902,"code":"SLOW.US")"_s));
        for (TestClient *asker : {m_alice.get(), m_bob.get()}) {
            QVERIFY(QTest::qWaitFor([&] { return asker->replyCount() >= 1; }, 10'000));
            const QJsonObject reply = asker->takeReplies().first();
            QCOMPARE(typeOf(reply), Type::QuoteGetOk);
            QVERIFY2(reply.value(u"code"_s).toString() == u"slow.us"_s,
                     QJsonDocument(reply).toJson().constData());
            QCOMPARE(reply[u"quote"_s][u"close"_s].toDouble(), 229.87);
            QCOMPARE(reply.value(u"text"_s).toString(), u"SLOW.US quote is $229.87 per share"_s);
        }
        QCOMPARE(m_stooq.requestsFor(u"slow.us"_s), before + 1);
        const QJsonObject again = m_bob->request(Type::QuoteGet, {{u"code"_s, u"slow.us"_s}});
        QCOMPARE(again[u"quote"_s][u"close"_s].toDouble(), 229.87);
        QCOMPARE(m_stooq.requestsFor(u"slow.us"_s), before + 1); // from the server's cache
        QVERIFY(m_bob->noEvent(Type::BotMessage));
        QVERIFY(m_bob->noEvent(Type::Notice));
        QCOMPARE(m_server->storedMessageCount(), 0);
    }

    // Nobody spends the quote service's daily allowance unseen: one user has at most four
    // new look-ups running (and starts at most 30 a minute); what is kept costs nothing, and
    // other users are not held up.
    void quoteGetIsRationedPerUser()
    {
        for (int i = 1; i <= 10; ++i)
            m_alice->sendRawNoWait(
                rawFrame(Type::QuoteGet, uR"("id":%1,"code":"r%1.us")"_s.arg(900 + i)));
        QVERIFY(QTest::qWaitFor([&] { return m_alice->replyCount() >= 10; }, 10'000));
        int answered = 0;
        int refused = 0;
        for (const QJsonObject &reply : m_alice->takeReplies()) {
            answered += typeOf(reply) == Type::QuoteGetOk ? 1 : 0;
            refused += codeOf(reply) == u"rate_limited"_s ? 1 : 0;
        }
        QVERIFY2(answered >= 4 && refused >= 1 && answered + refused == 10,
                 qPrintable(u"%1 answered, %2 refused"_s.arg(answered).arg(refused)));
        QCOMPARE(typeOf(m_alice->request(Type::QuoteGet, {{u"code"_s, u"r901.us"_s}})),
                 Type::QuoteGetOk); // kept, or a new look-up now that the others are done
        QCOMPARE(typeOf(m_bob->request(Type::QuoteGet, {{u"code"_s, u"r910.us"_s}})),
                 Type::QuoteGetOk);
    }

    void quoteGetSaysWhenThereIsNoQuote()
    {
        const QJsonObject unknown = m_alice->request(Type::QuoteGet, {{u"code"_s, u"xyzq.us"_s}});
        QCOMPARE(typeOf(unknown), Type::QuoteGetOk);
        QVERIFY(!unknown.contains(u"quote"_s));
        QCOMPARE(unknown.value(u"text"_s).toString(), u"No quote exists for XYZQ.US."_s);
        const QJsonObject failed = m_alice->request(Type::QuoteGet, {{u"code"_s, u"broken.us"_s}});
        QVERIFY(!failed.contains(u"quote"_s));
        QVERIFY(failed.value(u"text"_s).toString().contains(u"HTTP 500"_s));
        QCOMPARE(failed.value(u"error"_s).toString(), u"http_error"_s);
        QCOMPARE(unknown.value(u"error"_s).toString(), u"unknown_symbol"_s);
        QCOMPARE(codeOf(m_alice->request(Type::QuoteGet, {{u"code"_s, u"aapl us"_s}})),
                 u"invalid_field"_s);
        QCOMPARE(codeOf(m_alice->request(Type::QuoteGet, {{u"code"_s, QString(21, u'a')}})),
                 u"invalid_field"_s);
        QCOMPARE(codeOf(m_alice->request(Type::QuoteGet, {{u"code"_s, QJsonValue()}})),
                 u"invalid_field"_s);

        // A server without the stock bot says so.
        TestServer plain;
        TestClient carol;
        QVERIFY(carol.connectAs(plain.url(), u"carol"_s));
        QCOMPARE(codeOf(carol.request(Type::QuoteGet, {{u"code"_s, u"aapl.us"_s}})),
                 u"unknown_command"_s);
        // And before logging in, nobody gets one.
        TestClient stranger;
        QVERIFY(stranger.open(m_server->url()));
        QCOMPARE(codeOf(stranger.request(Type::QuoteGet, {{u"code"_s, u"aapl.us"_s}})),
                 u"not_logged_in"_s);
    }

    void nobodyCanBeTheBot()
    {
        TestClient impostor;
        QVERIFY(impostor.open(m_server->url()));
        QCOMPARE(codeOf(impostor.login(u"stockbot"_s, u"any password"_s)), u"bad_credentials"_s);
        QCOMPARE(codeOf(impostor.registerUser(u"stockbot"_s, u"any password"_s)),
                 u"username_taken"_s);
    }

    void environmentPointsTheBotElsewhere()
    {
        StooqStandIn other;
        QVERIFY(other.listen());
        other.setAnswer(u"aapl.us"_s, {200, "Symbol,Date,Time,Open,High,Low,Close,Volume\r\nAAPL."
                                            "US,2026-11-21,22:00:01,1,2,1,1.23,5\r\n"});
        qputenv("FINCHAT_STOOQ_URL", other.baseUrl().toString().toUtf8());
        startServer();
        qunsetenv("FINCHAT_STOOQ_URL");
        QCOMPARE(ask(u"/stock=aapl.us"_s).value(u"body"_s).toString(),
                 u"AAPL.US quote is $1.23 per share"_s);
        QCOMPARE(other.totalRequests(), 1);
    }
};

FINCHAT_SERVER_TEST_MAIN(TestStockBot)
#include "tst_stockbot.moc"
