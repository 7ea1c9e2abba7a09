#pragma once

#include "core/servercontext.h"
#include "handlers/commandbackend.h"
#include "storage/records.h"

#include "finchat/protocol/shapes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <qcoro/qcorotask.h>

#include <chrono>
#include <memory>
#include <optional>

namespace FinChat {

// Watches prices for watchlists and price alerts. Every interval it gathers the codes of all
// armed alerts and of the watchlists of users online, and asks the bot that answers
// /day_range for them, privately, MaxCodesPerAsk codes to a question, all questions at once:
// the stock bot fetches up to 20 codes with one request to stooq. At most MaxCodesPerCheck
// codes are asked for in one check; when more are wanted, each check takes the next ones in
// turn, so that every code is checked every few intervals and none is left out. A code just
// added is checked on its own within a moment (at most MaxSoonCodes of them at once, and
// not sooner than a tenth of the interval after the last such check).
//
// An alert whose price is reached fires once: its firing is stored (with every other one
// reached in that check, in one write) before anyone hears of it. Users online get the fresh
// prices of the codes they watch. When the quote service fails or says it is at its daily
// limit, checks back off: to the pause the bot names (data.retryAfter), or else to twice the
// last wait, never beyond LongestWait; one good check ends the back-off.
class PriceChecker : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxCodesPerAsk = 5; // what the stock bot takes in one command
    static constexpr qsizetype MaxCodesPerCheck = 250;
    static constexpr qsizetype MaxSoonCodes = 20;
    static constexpr int MaxArmedAlertsChecked = 10'000;
    static constexpr int KeptFiredAlerts = 20; // per user; older fired ones are dropped
    static constexpr std::chrono::milliseconds LongestWait = std::chrono::hours(1);
    // The command whose owner is asked.
    static constexpr auto Command = "day_range";

    PriceChecker(const ServerContext &context, std::chrono::milliseconds interval,
                 QObject *parent = nullptr);

    // Starts checking; without a backend nothing is checked.
    void setBackend(CommandBackend *backend);
    bool hasQuotes() const;
    // A code was just added to a watchlist or an alert: check it within a moment rather
    // than at the next interval (unless checks are backing off).
    void checkSoon(const QString &code);
    // As the protocol shows a user's watchlist: codes with the latest quotes, rooms by name.
    Protocol::Watchlist describe(const WatchlistRecord &record) const;

private:
    struct Gathered;
    QCoro::Task<> check(QSet<QString> only);
    QStringList codesToCheck(const Gathered &gathered, const QSet<QString> &only);
    void ask(const std::shared_ptr<Gathered> &gathered, const QStringList &codes);
    QCoro::Task<> finish(std::shared_ptr<Gathered> gathered);
    QCoro::Task<> fireReached(QList<std::pair<AlertRecord, double>> reached,
                              QHash<QString, QJsonObject> quotes);
    void backOff(const Gathered &gathered);
    void startSoonTimer();
    Protocol::PriceAlert describe(const AlertRecord &alert) const;

    ServerContext m_context;
    CommandBackend *m_backend = nullptr;
    std::chrono::milliseconds m_interval;
    std::chrono::milliseconds m_wait;
    QTimer m_timer;     // the next regular check
    QTimer m_soonTimer; // the next check of codes just added
    QSet<QString> m_soon;
    QElapsedTimer m_sinceSoonCheck;
    qsizetype m_cursor = 0; // where the next regular check starts in the sorted codes
    bool m_checking = false;
    bool m_regularDue = false;            // the regular check came while another one ran
    QHash<QString, QJsonObject> m_latest; // bounded: the codes of recent checks
};

} // namespace FinChat
