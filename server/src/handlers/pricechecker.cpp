#include "handlers/pricechecker.h"

#include "handlers/marketcode.h"
#include "state/fanout.h"
#include "state/onlineusers.h"
#include "state/roomdirectory.h"
#include "storage/storagethread.h"
#include "wire/wireformat.h"

#include "finchat/protocol/messages.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>

namespace FinChat {

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

Q_LOGGING_CATEGORY(lcPrices, "finchat.server.prices")

namespace {
bool reached(const AlertRecord &alert, double price)
{
    return alert.above ? price >= alert.price : price <= alert.price;
}

// An alert that fired, and what its owner is to be told.
struct Fired
{
    AlertRecord alert;
    UserRecord owner;
};
} // namespace

// One check while its questions are out.
struct PriceChecker::Gathered
{
    bool regular = true; // false: a check of codes just added
    QList<AlertRecord> alerts;
    QList<std::pair<qint64, QString>> watched; // (user, code), users online
    qsizetype waiting = 0;
    QHash<QString, QJsonObject> quotes; // code → its quote
    bool failed = false;
    qint64 retryAfterSeconds = 0;
};

PriceChecker::PriceChecker(const ServerContext &context, milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_interval(std::clamp(interval, milliseconds(1), LongestWait))
    , m_wait(m_interval)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_checking)
            m_regularDue = true; // the check running starts it when it is done
        else
            check({});
    });
    m_soonTimer.setSingleShot(true);
    connect(&m_soonTimer, &QTimer::timeout, this, [this] {
        if (!m_checking) // else the check running starts this timer again when it is done
            check(std::exchange(m_soon, {}));
    });
    m_sinceSoonCheck.start();
}

void PriceChecker::setBackend(CommandBackend *backend)
{
    m_backend = backend;
    if (m_backend)
        m_timer.start(m_interval);
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

Protocol::Watchlist PriceChecker::describe(const WatchlistRecord &record) const
{
    Protocol::Watchlist watchlist;
    for (const QString &code : record.codes) {
        const auto latest = m_latest.constFind(code);
        watchlist.codes.append(
            {code, latest != m_latest.constEnd() ? std::optional(*latest) : std::nullopt});
    }
    for (const AlertRecord &alert : record.alerts)
        watchlist.alerts.append(describe(alert));
    return watchlist;
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

void PriceChecker::checkSoon(const QString &code)
{
    if (!m_backend || m_wait > m_interval)
        return; // backing off: a new code waits like the others
    if (m_soon.size() < MaxSoonCodes)
        m_soon.insert(code);
    startSoonTimer();
}

void PriceChecker::startSoonTimer()
{
    if (m_soon.isEmpty() || m_soonTimer.isActive())
        return;
    const milliseconds gap = m_interval / 10 - milliseconds(m_sinceSoonCheck.elapsed());
    m_soonTimer.start(std::max(gap, milliseconds(0)) + milliseconds(100));
}

QCoro::Task<> PriceChecker::check(QSet<QString> only)
{
    if (m_checking || !m_backend)
        co_return;
    m_checking = true;
    auto gathered = std::make_shared<Gathered>();
    gathered->regular = only.isEmpty();
    if (!gathered->regular)
        m_sinceSoonCheck.restart();
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
        gathered->failed = true;
    }
    const QStringList codes = gathered->failed ? QStringList() : codesToCheck(*gathered, only);
    if (codes.isEmpty()) {
        gathered->waiting = 1;
        finish(gathered); // nothing to ask: done at once
        co_return;
    }
    // All questions go out at once, so that the bot can join them into few requests.
    gathered->waiting = (codes.size() + MaxCodesPerAsk - 1) / MaxCodesPerAsk + 1;
    for (qsizetype first = 0; first < codes.size(); first += MaxCodesPerAsk)
        ask(gathered, codes.mid(first, MaxCodesPerAsk));
    if (--gathered->waiting == 0) // every answer came already (a bot that answers at once)
        finish(gathered);
}

QStringList PriceChecker::codesToCheck(const Gathered &gathered, const QSet<QString> &only)
{
    QSet<QString> wanted;
    for (const AlertRecord &alert : gathered.alerts)
        wanted.insert(alert.code);
    for (const auto &[user, code] : gathered.watched)
        wanted.insert(code);
    if (!only.isEmpty())
        wanted.intersect(only);
    // Sorted, so that the questions (and the bot's requests) are the same from check to
    // check; and taken in turn when there are more than one check may ask for.
    QStringList codes(wanted.cbegin(), wanted.cend());
    std::sort(codes.begin(), codes.end());
    if (codes.size() <= MaxCodesPerCheck)
        return codes;
    m_cursor %= codes.size();
    QStringList turn = codes.mid(m_cursor, MaxCodesPerCheck);
    turn += codes.mid(0, MaxCodesPerCheck - turn.size());
    m_cursor += MaxCodesPerCheck;
    return turn;
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
        // "No quote exists" is an answer; anything else is the service failing. A bot that is
        // away (its process restarting) is not failing: the checks go on at their pace, and
        // price again once it is back.
        const QString error = answer.data.value("error"_L1).toString();
        const bool away = answer.failure == Protocol::NoticeCode::BotUnavailable;
        if ((!answer.answered && !away) || (!error.isEmpty() && error != "unknown_symbol"_L1)) {
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
        answered({false, u"no bot gives quotes"_s, {}, {}});
}

void PriceChecker::backOff(const Gathered &gathered)
{
    if (!gathered.failed) {
        m_wait = m_interval;
        return;
    }
    // A bot's word is bounded like everything else from outside the server.
    const auto named = std::chrono::seconds(
        std::clamp<qint64>(gathered.retryAfterSeconds, 0, LongestWait.count() / 1000));
    m_wait = named.count() > 0 ? std::clamp<milliseconds>(named, m_interval, LongestWait)
                               : std::min<milliseconds>(m_wait * 2, LongestWait);
    qCInfo(lcPrices) << "the quote service failed; next price check in" << m_wait.count() / 1000
                     << "s";
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

    backOff(*gathered);
    m_checking = false;
    if (gathered->regular || m_regularDue || m_wait > m_interval) {
        m_timer.start(m_regularDue && !gathered->failed ? milliseconds(0) : m_wait);
        m_regularDue = false;
    }
    startSoonTimer(); // codes added while this check ran

    QList<std::pair<AlertRecord, double>> reachedAlerts;
    for (const AlertRecord &alert : std::as_const(gathered->alerts)) {
        const QJsonValue close = gathered->quotes.value(alert.code).value("close"_L1);
        if (close.isDouble() && reached(alert, close.toDouble()))
            reachedAlerts.append({alert, close.toDouble()});
    }
    if (!reachedAlerts.isEmpty()) {
        auto firing = fireReached(reachedAlerts, gathered->quotes);
        co_await firing;
    }
}

QCoro::Task<> PriceChecker::fireReached(QList<std::pair<AlertRecord, double>> reachedAlerts,
                                        QHash<QString, QJsonObject> quotes)
{
    // Stored first, all in one write: an alert fires once, even when the server stops right
    // after; one that another check fired meanwhile is left out.
    auto storing = m_context.write([reachedAlerts](Storage &storage) {
        std::pair<QList<Fired>, QHash<qint64, WatchlistRecord>> result;
        auto &[fired, watchlists] = result;
        for (auto [alert, price] : reachedAlerts) {
            const std::optional<qint64> at = storage.fireAlert(alert.id, price, KeptFiredAlerts);
            const std::optional<UserRecord> owner =
                at ? storage.userById(alert.userId) : std::nullopt;
            if (!owner)
                continue;
            alert.triggeredAt = at;
            alert.triggeredPrice = price;
            fired.append({alert, *owner});
            watchlists.insert(alert.userId, {});
        }
        for (auto owner = watchlists.begin(); owner != watchlists.end(); ++owner)
            owner.value() = storage.watchlistOf(owner.key());
        return result;
    });
    std::pair<QList<Fired>, QHash<qint64, WatchlistRecord>> stored;
    try {
        stored = co_await storing;
    } catch (const Abandoned &) {
        co_return;
    } catch (const std::exception &error) {
        qCWarning(lcPrices) << "cannot store fired alerts; they fire at the next check:"
                            << error.what();
        co_return;
    }
    for (const auto &[alert, owner] : std::as_const(stored.first)) {
        const QString text =
            (alert.above ? u"%1 rose to $%2, at or above $%3 (alert by %4)"_s
                         : u"%1 fell to $%2, at or below $%3 (alert by %4)"_s)
                .arg(alert.code.toUpper(), priceText(alert.triggeredPrice.value_or(0)),
                     priceText(alert.price), owner.displayName);
        const Protocol::AlertTriggered event{describe(alert), WireFormat::user(owner.author()),
                                             text, quotes.value(alert.code)};
        // In its room when it has one and the owner is still there (the owner hears it there
        // too); else to the owner alone.
        if (alert.roomId && m_context.rooms.isMember(*alert.roomId, alert.userId))
            m_context.fanout.toRoom(*alert.roomId, event);
        else
            m_context.fanout.toUser(alert.userId, event);
    }
    // Each owner's other devices show the alert as fired.
    for (auto owner = stored.second.cbegin(); owner != stored.second.cend(); ++owner)
        m_context.fanout.toUser(owner.key(), Protocol::WatchlistUpdated{describe(owner.value())});
}

} // namespace FinChat
