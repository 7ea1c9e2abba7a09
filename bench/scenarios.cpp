#include "scenarios.h"

#include "auth/passwordhasher.h"
#include "benchclient.h"
#include "benchserver.h"
#include "stooqstandin.h"
#include "storage/storage.h"

#include "finchat/protocol/messages.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>
#include <vector>

namespace FinChat::Bench {

using namespace Qt::StringLiterals;
namespace Type = Protocol::Type;

namespace {

constexpr qsizetype BodyLength = 64;
constexpr int SetupTimeoutMs = 300'000;

// Spins the event loop until done() holds or the time is up.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    const std::int64_t deadline = nowNs() + std::int64_t(timeoutMs) * 1'000'000;
    // processEvents(flags, maxtime) never blocks (Qt drops WaitForMoreEvents there), so the
    // generator spun and took a core from the server; this one sleeps until an event, and
    // the timer is one at least every 50 ms.
    QTimer tick;
    tick.start(50);
    while (!done()) {
        if (nowNs() > deadline)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

const FrameType Hello(Type::Hello);
const FrameType BotMessage(Type::BotMessage);
const FrameType LoginOk(Type::LoginOk);

// "b<sender>:<seq>:<sent ns>:" padded to the body length.
QString timedBody(int sender, int seq)
{
    QString body = u"b%1:%2:%3:"_s.arg(sender).arg(seq).arg(nowNs());
    return body.leftJustified(BodyLength, u'x');
}

struct TimedBody
{
    int sender = -1;
    int seq = -1;
    std::int64_t sentNs = 0;
};

// The numbers of a timed body delivered in `frame`, which starts at `at` (its 'b'), or none.
TimedBody parseTimedBody(QStringView frame, qsizetype at)
{
    if (at < 0)
        return {};
    const QStringView rest = frame.mid(at + 1);
    const qsizetype first = rest.indexOf(u':');
    const qsizetype second = rest.indexOf(u':', first + 1);
    const qsizetype third = rest.indexOf(u':', second + 1);
    if (first < 0 || second < 0 || third < 0)
        return {};
    return {rest.left(first).toInt(), rest.mid(first + 1, second - first - 1).toInt(),
            rest.mid(second + 1, third - second - 1).toLongLong()};
}

// Opens a connection per account and resumes its session, many at a time; with several
// servers, the connections go to each in turn.
std::vector<std::unique_ptr<BenchClient>> connectAll(const BenchServer &server,
                                                     const QList<BenchServer::Account> &accounts,
                                                     int concurrency, double *seconds = nullptr)
{
    std::vector<std::unique_ptr<BenchClient>> clients;
    int started = 0;
    int ready = 0;
    QList<int> failed; // connections that closed before they logged in
    const Dialect &dialect = server.dialect();
    const auto startNext = [&] {
        const int index = started++;
        auto client = std::make_unique<BenchClient>(index, dialect.transport());
        client->onFrame = [&, index](BenchClient &self, const QString &frame) {
            const Dialect::LoginStep step = dialect.login(frame, accounts.at(index).token);
            if (!step.reply.isEmpty())
                self.send(step.reply);
            if (step.loggedIn) {
                ++ready;
                self.onClosed = nullptr;
                self.onFrame = nullptr; // last: this ends the lambda that runs
            }
        };
        client->onClosed = [&](BenchClient &self) {
            failed.append(self.index());
        };
        client->open(server.url(index), dialect.greeting(accounts.at(index).username));
        clients.push_back(std::move(client));
    };
    const std::int64_t begin = nowNs();
    while (ready < accounts.size()) {
        while (started < accounts.size() && started - ready < concurrency)
            startNext();
        // `concurrency` logins in flight: the next starts as soon as one ends.
        const auto slotFree = [&] {
            return !failed.isEmpty() || ready == accounts.size() ||
                   (started < accounts.size() && started - ready < concurrency);
        };
        if (!waitUntil(slotFree, SetupTimeoutMs) || !failed.isEmpty())
            qFatal("only %d of %lld connections logged in (%lld closed before)", ready,
                   static_cast<long long>(accounts.size()), static_cast<long long>(failed.size()));
    }
    if (seconds)
        *seconds = static_cast<double>(nowNs() - begin) / 1e9;
    return clients;
}

// Each client joins its room, room(index), and is heard there once the server says so.
void joinAll(const BenchServer &server, std::vector<std::unique_ptr<BenchClient>> &clients,
             const std::function<QString(std::size_t)> &room)
{
    const Dialect &dialect = server.dialect();
    std::size_t joined = 0;
    for (std::size_t i = 0; i < clients.size(); ++i) {
        clients[i]->onFrame = [&](BenchClient &self, const QString &frame) {
            if (dialect.isJoined(frame)) {
                ++joined;
                self.onFrame = nullptr;
            }
        };
        clients[i]->send(dialect.join(room(i)));
    }
    if (!waitUntil([&] { return joined >= clients.size(); }, SetupTimeoutMs))
        qFatal("only %zu of %zu clients joined their rooms", joined, clients.size());
}

void startOrDie(BenchServer &server)
{
    QString error;
    if (!server.start(&error))
        qFatal("%s", qPrintable(error));
}

QString dummyHash();

// count accounts in the room, the server started, and a logged-in connection for each.
std::vector<std::unique_ptr<BenchClient>>
startWithClients(BenchServer &server, const QString &prefix, int count, const QString &room,
                 QList<BenchServer::Account> *accounts = nullptr)
{
    const auto created = server.createAccounts(prefix, count, {room}, dummyHash());
    if (accounts)
        *accounts = created;
    startOrDie(server);
    auto clients = connectAll(server, created, 200);
    if (server.dialect().joinsToHear())
        joinAll(server, clients, [&room](std::size_t) { return room; });
    return clients;
}

QString dummyHash()
{
    // Accounts that only resume never check it; a valid hash keeps the database honest.
    static const QString hash = PasswordHasher::hash(u"bench password"_s);
    return hash;
}

// What receivers saw of the senders' numbered messages.
class DeliveryLedger
{
public:
    DeliveryLedger(int receivers, int senders, int messages)
        : m_senders(senders)
        , m_messages(messages)
        , m_seen(std::size_t(receivers) * senders * messages, false)
        , m_last(std::size_t(receivers) * senders, -1)
    {
        m_latencies.reserve(std::size_t(receivers) * senders * messages);
    }

    void record(int receiver, const TimedBody &body)
    {
        if (body.sender < 0 || body.sender >= m_senders || body.seq < 0 || body.seq >= m_messages)
            return;
        ++m_delivered;
        m_lastDeliveryNs = nowNs();
        m_latencies.add(m_lastDeliveryNs - body.sentNs);
        const std::size_t stream = std::size_t(receiver) * m_senders + body.sender;
        const std::size_t slot = stream * m_messages + body.seq;
        if (m_seen[slot])
            ++m_duplicated;
        m_seen[slot] = true;
        if (body.seq < m_last[stream])
            ++m_outOfOrder;
        m_last[stream] = std::max(m_last[stream], body.seq);
    }

    qint64 delivered() const { return m_delivered; }
    qint64 lost(qint64 expected) const { return expected - (m_delivered - m_duplicated); }
    qint64 duplicated() const { return m_duplicated; }
    qint64 outOfOrder() const { return m_outOfOrder; }
    std::int64_t lastDeliveryNs() const { return m_lastDeliveryNs; }
    Latencies &latencies() { return m_latencies; }

private:
    int m_senders;
    int m_messages;
    std::vector<bool> m_seen;
    std::vector<int> m_last;
    Latencies m_latencies;
    qint64 m_delivered = 0;
    qint64 m_duplicated = 0;
    qint64 m_outOfOrder = 0;
    std::int64_t m_lastDeliveryNs = 0;
};

// The first `receivers` clients record every timed body delivered to them (the ledger
// ignores frames that carry none).
void recordDeliveries(std::vector<std::unique_ptr<BenchClient>> &clients, int receivers,
                      const Dialect &dialect, DeliveryLedger &ledger)
{
    for (int r = 0; r < receivers; ++r) {
        clients[r]->onFrame = [&dialect, &ledger, r](BenchClient &, const QString &frame) {
            ledger.record(r, parseTimedBody(frame, dialect.deliveredBody(frame)));
        };
    }
}

struct FanOutResult
{
    QJsonObject figures;
    double p99 = 0;
};

// Senders send as fast as the server acknowledges, each with a bounded window in flight;
// every receiver must get every message once, in order. alongside() runs once the senders
// have started (the login flood of the logins scenario).
FanOutResult runFanOut(BenchServer &server, int receivers, int senders, int messages, int window,
                       const std::function<void()> &alongside = {})
{
    auto clients =
        startWithClients(server, u"fan"_s, receivers + senders, QString(Protocol::DefaultRoom));

    const Dialect &dialect = server.dialect();
    DeliveryLedger ledger(receivers, senders, messages);
    std::vector<int> nextSeq(senders, 0);
    std::vector<int> inFlight(senders, 0);
    const auto sendMore = [&](BenchClient &client, int sender) {
        while (inFlight[sender] < window && nextSeq[sender] < messages) {
            client.send(dialect.message(QString(Protocol::DefaultRoom),
                                        timedBody(sender, nextSeq[sender]++)));
            ++inFlight[sender];
        }
    };
    recordDeliveries(clients, receivers, dialect, ledger);
    for (int s = 0; s < senders; ++s) {
        clients[receivers + s]->onFrame = [&, s](BenchClient &self, const QString &frame) {
            if (dialect.isAcknowledgement(frame)) {
                --inFlight[s];
                sendMore(self, s);
            }
        };
    }

    const auto serversCpu = [&server] {
        double seconds = 0;
        for (qint64 pid : server.pids())
            seconds += processCpuSeconds(pid);
        return seconds;
    };
    const double serverCpu = serversCpu();
    const double benchCpu = processCpuSeconds(QCoreApplication::applicationPid());
    const std::int64_t begin = nowNs();
    for (int s = 0; s < senders; ++s)
        sendMore(*clients[receivers + s], s);
    if (alongside)
        alongside();
    const qint64 expected = qint64(receivers) * senders * messages;
    waitUntil([&] { return ledger.delivered() >= expected; }, 600'000);
    waitUntil([] { return false; }, 200); // late duplicates, if any, would show now
    const double wall = static_cast<double>(ledger.lastDeliveryNs() - begin) / 1e9;

    FanOutResult result;
    QJsonObject &f = result.figures;
    f.insert(u"receivers"_s, receivers);
    f.insert(u"senders"_s, senders);
    f.insert(u"messages_per_sender"_s, messages);
    f.insert(u"deliveries_per_s"_s, std::round(double(ledger.delivered()) / wall));
    f.insert(u"p50_ms"_s, ledger.latencies().percentileMs(50));
    f.insert(u"p99_ms"_s, ledger.latencies().percentileMs(99));
    f.insert(u"max_ms"_s, ledger.latencies().maxMs());
    f.insert(u"lost"_s, ledger.lost(expected));
    f.insert(u"duplicated"_s, ledger.duplicated());
    f.insert(u"out_of_order"_s, ledger.outOfOrder());
    f.insert(u"wall_s"_s, wall);
    f.insert(u"servers"_s, server.pids().size());
    f.insert(u"server_cpu_s"_s, serversCpu() - serverCpu);
    f.insert(u"bench_cpu_s"_s, processCpuSeconds(QCoreApplication::applicationPid()) - benchCpu);
    result.p99 = ledger.latencies().percentileMs(99);
    clients.clear();
    return result;
}

} // namespace

Report fanOut(const Options &options)
{
    BenchServer server(options.server);
    FanOutResult result =
        runFanOut(server, options.receivers, options.senders, options.messages, options.window);
    server.stop();
    if (options.server.kind != ServerKind::FinChat)
        return {u"fan-out"_s, result.figures}; // they store nothing
    // Every message acknowledged is on disk.
    Storage storage;
    storage.open(server.database());
    const qint64 stored =
        storage.messagesBefore(1, std::nullopt, options.senders * options.messages + 1).size();
    result.figures.insert(u"persisted"_s, stored);
    return {u"fan-out"_s, result.figures};
}

Report fixedRateLatency(const Options &options)
{
    BenchServer server(options.server);
    const int receivers = options.receivers;
    const int senders = options.senders;
    auto clients =
        startWithClients(server, u"rate"_s, receivers + senders, QString(Protocol::DefaultRoom));

    const int total = options.rate * options.seconds;
    const int perSender = (total + senders - 1) / senders;
    DeliveryLedger ledger(receivers, senders, perSender);
    const Dialect &dialect = server.dialect();
    recordDeliveries(clients, receivers, dialect, ledger);
    // A send the server refuses (it has too many of the sender's requests waiting for the
    // disk, say) is never delivered; it is counted as refused, not lost.
    qint64 refused = 0;
    for (int s = 0; s < senders; ++s) {
        clients[receivers + s]->onFrame = [&](BenchClient &, const QString &frame) {
            if (dialect.isRefusal(frame))
                ++refused;
        };
    }
    std::vector<int> nextSeq(senders, 0);
    int sent = 0;
    const std::int64_t begin = nowNs();
    QTimer pace;
    pace.setTimerType(Qt::PreciseTimer);
    QObject::connect(&pace, &QTimer::timeout, [&] {
        // As many as the rate allows by now, round robin over the senders.
        const auto due =
            std::min<qint64>(total, qint64(double(nowNs() - begin) / 1e9 * options.rate));
        while (sent < due) {
            const int s = sent % senders;
            clients[receivers + s]->send(
                dialect.message(QString(Protocol::DefaultRoom), timedBody(s, nextSeq[s]++)));
            ++sent;
        }
        if (sent >= total)
            pace.stop();
    });
    pace.start(1);
    const auto expected = [&] {
        return (qint64(total) - refused) * receivers;
    };
    waitUntil([&] { return sent >= total && ledger.delivered() >= expected(); },
              (options.seconds + 30) * 1000);

    QJsonObject f;
    f.insert(u"rate_per_s"_s, options.rate);
    f.insert(u"seconds"_s, options.seconds);
    f.insert(u"sent"_s, sent);
    f.insert(u"deliveries"_s, ledger.delivered());
    f.insert(u"p50_ms"_s, ledger.latencies().percentileMs(50));
    f.insert(u"p99_ms"_s, ledger.latencies().percentileMs(99));
    f.insert(u"max_ms"_s, ledger.latencies().maxMs());
    f.insert(u"refused"_s, refused);
    f.insert(u"lost"_s, ledger.lost(expected()));
    clients.clear();
    return {u"latency"_s, f};
}

Report idleConnections(const Options &options)
{
    BenchServer server(options.server);
    constexpr int Rooms = 100;
    QList<BenchServer::Account> accounts;
    QStringList roomOf; // each account's room, by its index
    for (int room = 0; room < Rooms; ++room) {
        const int count =
            options.connections / Rooms + (room < options.connections % Rooms ? 1 : 0);
        const QString name = u"idle-%1"_s.arg(room);
        accounts += server.createAccounts(u"idle%1-"_s.arg(room), count, {name}, dummyHash());
        roomOf.append(QStringList(count, name));
    }
    startOrDie(server);
    waitUntil([] { return false; }, 500);
    const qint64 rssBefore = processRssKiB(server.pid());
    double seconds = 0;
    auto clients = connectAll(server, accounts, options.inFlight, &seconds);
    // Each joins its room and stays.
    const std::int64_t joinsBegin = nowNs();
    joinAll(server, clients, [&roomOf](std::size_t i) { return roomOf.at(qsizetype(i)); });
    const double joinSeconds = static_cast<double>(nowNs() - joinsBegin) / 1e9;
    const auto joined = static_cast<qint64>(clients.size());
    waitUntil([] { return false; }, 1000);
    const qint64 rssAfter = processRssKiB(server.pid());

    QJsonObject f;
    f.insert(u"connections"_s, joined);
    f.insert(u"connects_per_s"_s, std::round(double(options.connections) / seconds));
    // All at once, as a client that loads its rooms after connecting.
    f.insert(u"joins_per_s"_s, std::round(double(joined) / joinSeconds));
    f.insert(u"rss_before_kib"_s, rssBefore);
    f.insert(u"rss_after_kib"_s, rssAfter);
    f.insert(u"kib_per_connection"_s,
             double(rssAfter - rssBefore) / double(std::max<qint64>(1, joined)));
    clients.clear();
    return {u"idle"_s, f};
}

Report history(const Options &options)
{
    BenchServer server(options.server);
    const auto reader = server.createAccounts(u"reader"_s, 1, {u"history"_s}, dummyHash());
    server.fillHistory(u"history"_s, u"reader0"_s, options.historyMessages);
    startOrDie(server);
    auto clients = connectAll(server, reader, 1);
    BenchClient &client = *clients.front();

    bool answered = false;
    client.onFrame = [&](BenchClient &, const QString &) {
        answered = true;
    };
    const auto timed = [&](const QString &request, Latencies &latencies) {
        answered = false;
        const std::int64_t begin = nowNs();
        client.send(request);
        waitUntil([&] { return answered; }, 10'000);
        latencies.add(nowNs() - begin);
    };
    Latencies joins;
    Latencies fetches;
    for (int i = 0; i < options.historyQueries; ++i)
        timed(Protocol::frameText(Protocol::RoomJoin{u"history"_s}), joins);
    for (int i = 0; i < options.historyQueries; ++i) {
        const auto before = 51 + QRandomGenerator::global()->bounded(options.historyMessages - 50);
        timed(Protocol::frameText(
                  Protocol::HistoryFetch{u"history"_s, before, Protocol::DefaultHistoryPage}),
              fetches);
    }
    QJsonObject f;
    f.insert(u"stored_messages"_s, options.historyMessages);
    f.insert(u"join_p50_ms"_s, joins.percentileMs(50));
    f.insert(u"join_p99_ms"_s, joins.percentileMs(99));
    f.insert(u"fetch_p50_ms"_s, fetches.percentileMs(50));
    f.insert(u"fetch_p99_ms"_s, fetches.percentileMs(99));
    clients.clear();
    return {u"history"_s, f};
}

namespace {

// The bot scenario once: the stock bot in the server's process, or served by
// finchat-botrunner over the wire.
QJsonObject botRound(const Options &options, bool outOfProcess)
{
    Testing::StooqStandIn stooq;
    if (!stooq.listen())
        qFatal("cannot start the stooq stand-in");
    stooq.setSyntheticQuotes(options.botDelayMs);
    BenchServer server(options.server);
    server.setBotSetting(u"stooq_url"_s, stooq.baseUrl().toString());
    server.setBotSetting(u"cache_seconds"_s, u"0"_s);
    if (outOfProcess && !server.serveBotsFromRunner())
        qFatal("cannot make the stock bot's account");
    QList<BenchServer::Account> accounts;
    auto clients = startWithClients(server, u"trader"_s, options.botClients,
                                    QString(Protocol::DefaultRoom), &accounts);

    int ownReplies = 0;
    std::int64_t lastReplyNs = 0;
    for (auto &client : clients) {
        const QString me = u"\"replyTo\":\"%1\""_s.arg(accounts.at(client->index()).username);
        client->onFrame = [&, me](BenchClient &, const QString &frame) {
            if (BotMessage.matches(frame) && frame.contains(me)) {
                ++ownReplies;
                lastReplyNs = nowNs();
            }
        };
    }
    const std::int64_t begin = nowNs();
    for (auto &client : clients)
        client->send(server.dialect().message(QString(Protocol::DefaultRoom),
                                              u"/stock=c%1.us"_s.arg(client->index())));
    waitUntil([&] { return ownReplies >= options.botClients; }, 30'000);

    const double lastMs = double(lastReplyNs - begin) / 1e6;
    QJsonObject f;
    f.insert(u"lost"_s, options.botClients - ownReplies);
    f.insert(u"last_reply_ms"_s, lastMs);
    f.insert(u"after_standin_ms"_s, lastMs - options.botDelayMs);
    f.insert(u"stooq_requests"_s, stooq.totalRequests());
    clients.clear();
    return f;
}

} // namespace

Report bot(const Options &options)
{
    QJsonObject f;
    f.insert(u"clients"_s, options.botClients);
    f.insert(u"standin_delay_ms"_s, options.botDelayMs);
    const QJsonObject inProcess = botRound(options, false);
    const QJsonObject runner = botRound(options, true);
    for (auto it = inProcess.begin(); it != inProcess.end(); ++it)
        f.insert(it.key(), it.value());
    // The same through finchat-botrunner: a process of its own, over the wire.
    f.insert(u"runner_last_reply_ms"_s, runner.value(u"last_reply_ms"_s));
    f.insert(u"runner_after_standin_ms"_s, runner.value(u"after_standin_ms"_s));
    f.insert(u"runner_stooq_requests"_s, runner.value(u"stooq_requests"_s));
    // lost counts both: a lost reply fails the run either way.
    f.insert(u"lost"_s, inProcess.value(u"lost"_s).toInt() + runner.value(u"lost"_s).toInt());
    return {u"bot"_s, f};
}

Report logins(const Options &options)
{
    // The fan-out's p99 alone, then again while logins with real hashing pour in.
    const int receivers = options.receivers / 2;
    const int senders = std::max(1, options.senders / 2);
    const int messages = std::max(100, options.messages / 4);
    double quietP99 = 0;
    {
        BenchServer quiet(options.server);
        quietP99 = runFanOut(quiet, receivers, senders, messages, options.window).p99;
    }

    BenchServer server(options.server);
    const QString hash = PasswordHasher::hash(u"bench password"_s);
    const auto loginAccounts = server.createAccounts(u"login"_s, options.logins, {}, hash);
    std::vector<std::unique_ptr<BenchClient>> loginClients;
    int loggedIn = 0;
    std::int64_t loginBegin = 0;
    std::int64_t loginEnd = 0;
    const auto flood = [&] {
        loginBegin = nowNs();
        for (int i = 0; i < options.logins; ++i) {
            auto client = std::make_unique<BenchClient>(i, server.dialect().transport());
            client->onFrame = [&, i](BenchClient &self, const QString &frame) {
                if (Hello.matches(frame)) {
                    self.send(Protocol::frameText(
                        Protocol::Login{loginAccounts.at(i).username, u"bench password"_s}));
                } else if (LoginOk.matches(frame)) {
                    ++loggedIn;
                    loginEnd = nowNs();
                }
            };
            client->open(server.url());
            loginClients.push_back(std::move(client));
        }
    };
    const FanOutResult busy =
        runFanOut(server, receivers, senders, messages, options.window, flood);
    waitUntil([&] { return loggedIn >= options.logins; }, 120'000);

    QJsonObject f;
    f.insert(u"logins"_s, loggedIn);
    f.insert(u"logins_per_s"_s, double(loggedIn) / (double(loginEnd - loginBegin) / 1e9));
    f.insert(u"fanout_p99_quiet_ms"_s, quietP99);
    f.insert(u"fanout_p99_during_logins_ms"_s, busy.p99);
    f.insert(u"p99_ratio"_s, quietP99 > 0 ? busy.p99 / quietP99 : 0);
    loginClients.clear();
    return {u"logins"_s, f};
}

} // namespace FinChat::Bench
