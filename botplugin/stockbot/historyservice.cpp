#include "historyservice.h"

#include <QDate>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

namespace FinChat::Stock {

using namespace Qt::StringLiterals;

namespace {
// 13 months of daily rows are about 15 KiB; a stooq that ignores the date range sends a
// code's whole history, decades of it for old stocks, and that still fits.
constexpr qint64 MaxBodyBytes = 2 * 1024 * 1024;
// Each kept history is at most StooqHistory::MaxDays rows.
constexpr qsizetype MaxCacheEntries = 200;
constexpr auto DefaultLifetime = std::chrono::minutes(10);
} // namespace

HistoryService::HistoryService(QObject *parent)
    : QObject(parent)
    , m_lookups(this, MaxCacheEntries)
{
    m_lookups.setLifetime(DefaultLifetime);
}

QUrl HistoryService::urlFor(const QString &code) const
{
    const QDate today = QDate::currentDate();
    QUrlQuery query;
    query.addQueryItem(u"s"_s, code);
    query.addQueryItem(u"i"_s, u"d"_s); // daily
    query.addQueryItem(u"d1"_s, today.addMonths(-13).toString(u"yyyyMMdd"_s));
    query.addQueryItem(u"d2"_s, today.toString(u"yyyyMMdd"_s));
    QUrl url = m_baseUrl;
    url.setQuery(query);
    return url;
}

void HistoryService::lookup(const QString &code, Callback done)
{
    if (m_lookups.answerFromCache(code, done))
        return;
    const auto answerNow = [this, &done](HistoryOutcome outcome) {
        QTimer::singleShot(0, this, [done = std::move(done), outcome] { done(outcome); });
    };
    if (m_fetcher.backoff().pausing())
        return answerNow(dailyLimitOutcome<StooqHistory>());
    if (!m_lookups.isWaiting(code) && m_lookups.keysInFlight() >= MaxCodesInFlight)
        return answerNow({FetchKind::Throttled, 0, {}});
    if (m_lookups.wait(code, std::move(done)))
        fetch(code);
}

QCoro::Task<> HistoryService::fetch(QString code)
{
    QPointer<HistoryService> self(this);
    auto fetching = m_fetcher.fetch<StooqHistory>(urlFor(code), m_timeout, MaxBodyBytes);
    const HistoryOutcome outcome = co_await fetching;
    if (!self || m_fetcher.closing())
        co_return; // the bot is stopping
    m_lookups.finish(code, outcome, isCacheable(outcome));
}

} // namespace FinChat::Stock
