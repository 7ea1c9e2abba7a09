#pragma once

#include "core/servercontext.h"
#include "handlers/commandbackend.h"
#include "storage/records.h"

#include "finchat/protocol/shapes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <qcoro/qcorotask.h>

#include <chrono>
#include <optional>

namespace FinChat {

// Watches prices for watchlists and price alerts. Every interval it gathers the codes of all
// armed alerts and of the watchlists of users online, and asks the bot that answers
// /day_range for them, privately, MaxCodesPerAsk codes to a question: asked together, the
// stock bot fetches up to 20 codes with one request to stooq. An alert whose price is
// reached fires once (its firing is stored before anyone hears of it); users online get the
// fresh prices of the codes they watch. When the quote service fails or says it is at its
// daily limit, checks back off: to the pause the bot names (data.retryAfter), or else to
// twice the last wait, up to LongestWait; one good check ends the back-off.
class PriceChecker : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxCodesPerAsk = 5; // what the stock bot takes in one command
    static constexpr qsizetype MaxCodesPerCheck = 250;
    static constexpr int MaxArmedAlertsChecked = 10'000;
    static constexpr int KeptFiredAlerts = 20; // per user; older fired ones are dropped
    static constexpr auto LongestWait = std::chrono::hours(1);
    // The command whose owner is asked.
    static constexpr auto Command = "day_range";

    PriceChecker(const ServerContext &context, std::chrono::milliseconds interval,
                 QObject *parent = nullptr);

    // Starts checking; without a backend nothing is checked.
    void setBackend(CommandBackend *backend);
    bool hasQuotes() const;
    // The latest quote seen for a code, from a check.
    std::optional<QJsonObject> latest(const QString &code) const;
    // A watchlist changed: check within a moment rather than at the next interval, but never
    // sooner than a tenth of the interval after the last check.
    void checkSoon();
    // As the protocol shows an alert: the room by name.
    Protocol::PriceAlert describe(const AlertRecord &alert) const;
    QList<Protocol::WatchedCode> withQuotes(const QStringList &codes) const;

private:
    struct Gathered;
    QCoro::Task<> check();
    void ask(const std::shared_ptr<Gathered> &gathered, const QStringList &codes);
    QCoro::Task<> finish(std::shared_ptr<Gathered> gathered);
    QCoro::Task<> fire(AlertRecord alert, double price, QJsonObject quote);
    void scheduleNext(std::chrono::milliseconds wait);

    ServerContext m_context;
    CommandBackend *m_backend = nullptr;
    std::chrono::milliseconds m_interval;
    std::chrono::milliseconds m_wait;
    QTimer m_timer;
    QElapsedTimer m_sinceLastCheck;
    bool m_checking = false;
    QHash<QString, QJsonObject> m_latest; // bounded: the codes of recent checks
};

} // namespace FinChat
