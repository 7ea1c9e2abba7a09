#include "handlers/pricechecker.h"

#include "handlers/marketcode.h"

#include "state/fanout.h"
#include "state/onlineusers.h"
#include "state/roomdirectory.h"
#include "storage/storagethread.h"

#include "finchat/protocol/messages.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>

#include <algorithm>
#include <memory>

namespace FinChat {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPrices, "finchat.server.prices")

namespace {
bool reached(const AlertRecord &alert, double price)
{
    return alert.above ? price >= alert.price : price <= alert.price;
}
} // namespace

// One check while its questions are out.
struct PriceChecker::Gathered
{
    QList<AlertRecord> alerts;
    QList<std::pair<qint64, QString>> watched; // (user, code), users online
    qsizetype waiting = 0;
    QHash<QString, QJsonObject> quotes; // code → its quote
    bool failed = false;
    qint64 retryAfterSeconds = 0;
};

PriceChecker::PriceChecker(const ServerContext &context, std::chrono::milliseconds interval,
                           QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_interval(std::max(interval, std::chrono::milliseconds(1)))
    , m_wait(m_interval)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { check(); });
    m_sinceLastCheck.start();
}

void PriceChecker::setBackend(CommandBackend *backend)
{
    m_backend = backend;
    if (m_backend)
        scheduleNext(m_interval);
}

bool PriceChecker::hasQuotes() const
{
    if (!m_backend)
        return false;
    const QList<CommandInfo> commands = m_backend->commands();
    return std::any_of(commands.cbegin(), commands.cend(), [](const CommandInfo &info) {
        return info.name == QLatin1StringView(Command);
    });
}

std::optional<QJsonObject> PriceChecker::latest(const QString &code) const
{
    if (const auto found = m_latest.constFind(code); found != m_latest.constEnd())
        return *found;
    return std::nullopt;
}

QList<Protocol::WatchedCode> PriceChecker::withQuotes(const QStringList &codes) const
{
    QList<Protocol::WatchedCode> entries;
    for (const QString &code : codes)
        entries.append({code, latest(code)});
    return entries;
}

Protocol::PriceAlert PriceChecker::describe(const AlertRecord &alert) const
{
    std::optional<QString> room;
    if (alert.roomId) {
        if (const RoomRecord *found = m_context.rooms.findById(*alert.roomId))
            room = found->name;
    }
    return {alert.id,
            alert.code,
            alert.above ? u"above"_s : u"below"_s,
            alert.price,
            room,
            alert.createdAt,
            alert.triggeredAt,
            alert.triggeredPrice};
}

void PriceChecker::checkSoon()
{
    if (!m_backend || m_wait > m_interval)
        return; // backing off: a new code waits like the others
    const auto gap = m_interval / 10 - std::chrono::milliseconds(m_sinceLastCheck.elapsed());
    const auto delay = std::max(gap, std::chrono::milliseconds(0)) + std::chrono::milliseconds(100);
    if (!m_timer.isActive() || m_timer.remainingTimeAsDuration() > delay)
        scheduleNext(std::chrono::duration_cast<std::chrono::milliseconds>(delay));
}

void PriceChecker::scheduleNext(std::chrono::milliseconds wait)
{
    m_timer.start(wait);
}

QCoro::Task<> PriceChecker::check()
{
    if (m_checking || !m_backend)
        co_return;
    m_checking = true;
    m_sinceLastCheck.restart();
    auto gathered = std::make_shared<Gathered>();
    const QList<qint64> online = m_context.online.all().keys();
    auto wanted = m_context.read([online](Storage &storage) {
        return std::pair{storage.armedAlerts(MaxArmedAlertsChecked), storage.watchedBy(online)};
    });
    try {
        std::tie(gathered->alerts, gathered->watched) = co_await wanted;
    } catch (const Abandoned &) {
        co_return; // the server is gone, and this with it
    } catch (const std::exception &error) {
        qCWarning(lcPrices) << "cannot read the alerts and watchlists:" << error.what();
        m_checking = false;
        scheduleNext(m_interval);
        co_return;
    }

    // Alerts first: they are what someone waits for.
    QStringList codes;
    QSet<QString> seen;
    const auto want = [&](const QString &code) {
        if (codes.size() < MaxCodesPerCheck && !seen.contains(code)) {
            seen.insert(code);
            codes.append(code);
        }
    };
    for (const AlertRecord &alert : std::as_const(gathered->alerts))
        want(alert.code);
    for (const auto &[user, code] : std::as_const(gathered->watched))
        want(code);
    if (codes.isEmpty()) {
        m_checking = false;
        scheduleNext(m_interval);
        co_return;
    }
    // All questions go out at once, so that the bot can join them into few requests.
    gathered->waiting = (codes.size() + MaxCodesPerAsk - 1) / MaxCodesPerAsk;
    for (qsizetype first = 0; first < codes.size(); first += MaxCodesPerAsk)
        ask(gathered, codes.mid(first, MaxCodesPerAsk));
}

void PriceChecker::ask(const std::shared_ptr<Gathered> &gathered, const QStringList &codes)
{
    const auto answered = [self = QPointer<PriceChecker>(this), gathered](const BotAnswer &answer) {
        if (!self)
            return;
        const QJsonArray quotes = answer.data.value("quotes"_L1).toArray();
        for (const QJsonValue &quote : quotes) {
            const QString code = quote["symbol"_L1].toString().toLower();
            if (!code.isEmpty())
                gathered->quotes.insert(code, quote.toObject());
        }
        // "No quote exists" is an answer; anything else is the service failing.
        const QString error = answer.data.value("error"_L1).toString();
        if (!answer.answered || (!error.isEmpty() && error != "unknown_symbol"_L1)) {
            gathered->failed = true;
            gathered->retryAfterSeconds = std::max(gathered->retryAfterSeconds,
                                                   answer.data.value("retryAfter"_L1).toInteger());
        }
        if (--gathered->waiting == 0)
            self->finish(gathered);
    };
    bool asked = false;
    try {
        asked = m_backend->ask(QString::fromLatin1(Command), codes.join(u'+'), answered);
    } catch (...) {
        asked = false;
    }
    if (!asked)
        answered({false, u"no bot gives quotes"_s, {}});
}

QCoro::Task<> PriceChecker::finish(std::shared_ptr<Gathered> gathered)
{
    // Only the codes of recent checks are kept.
    if (m_latest.size() + gathered->quotes.size() > 2 * MaxCodesPerCheck)
        m_latest.clear();
    m_latest.insert(gathered->quotes);

    QHash<qint64, QList<Protocol::WatchedCode>> prices;
    for (const auto &[user, code] : std::as_const(gathered->watched)) {
        if (const auto quote = gathered->quotes.constFind(code); quote != gathered->quotes.cend())
            prices[user].append({code, *quote});
    }
    for (auto entry = prices.cbegin(); entry != prices.cend(); ++entry)
        m_context.fanout.toUser(entry.key(), Protocol::WatchlistPrices{entry.value()});

    if (gathered->failed) {
        const auto named = std::chrono::seconds(gathered->retryAfterSeconds);
        m_wait = named.count() > 0 ? std::max<std::chrono::milliseconds>(m_interval, named)
                                   : std::min<std::chrono::milliseconds>(m_wait * 2, LongestWait);
        qCInfo(lcPrices) << "the quote service failed; next price check in" << m_wait.count() / 1000
                         << "s";
    } else {
        m_wait = m_interval;
    }
    m_checking = false;
    scheduleNext(m_wait);

    QPointer<PriceChecker> self(this);
    for (const AlertRecord &alert : std::as_const(gathered->alerts)) {
        const QJsonObject quote = gathered->quotes.value(alert.code);
        if (!quote.value("close"_L1).isDouble())
            continue;
        const double price = quote.value("close"_L1).toDouble();
        if (reached(alert, price)) {
            auto firing = fire(alert, price, quote);
            co_await firing;
        }
        if (!self)
            co_return; // the server stopped while a firing was stored
    }
}

QCoro::Task<> PriceChecker::fire(AlertRecord alert, double price, QJsonObject quote)
{
    // Stored first: an alert fires once, even when the server stops right after.
    auto stored = m_context.write([alert, price](Storage &storage) -> std::optional<UserRecord> {
        if (!storage.fireAlert(alert.id, price, KeptFiredAlerts))
            return std::nullopt; // fired already, or removed
        return storage.userById(alert.userId);
    });
    std::optional<UserRecord> owner;
    try {
        owner = co_await stored;
    } catch (const Abandoned &) {
        co_return;
    } catch (const std::exception &error) {
        qCWarning(lcPrices) << "cannot store a fired alert; it fires at the next check:"
                            << error.what();
        co_return;
    }
    if (!owner)
        co_return;
    alert.triggeredAt = Protocol::nowMs();
    alert.triggeredPrice = price;
    const QString text = (alert.above ? u"%1 rose to $%2, at or above $%3 (alert by %4)"_s
                                      : u"%1 fell to $%2, at or below $%3 (alert by %4)"_s)
                             .arg(alert.code.toUpper(), priceText(price), priceText(alert.price),
                                  owner->displayName);
    const Protocol::AlertTriggered event{
        describe(alert), {owner->username, owner->displayName, false}, text, quote};
    // In its room when it has one and the owner is still there (the owner hears it there
    // too); else to the owner alone.
    if (alert.roomId && m_context.rooms.isMember(*alert.roomId, alert.userId))
        m_context.fanout.toRoom(*alert.roomId, event);
    else
        m_context.fanout.toUser(alert.userId, event);
}

} // namespace FinChat
