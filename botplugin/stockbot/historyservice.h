#pragma once

#include "sharedlookups.h"
#include "stockreplies.h"
#include "stooqhttp.h"

#include <QObject>
#include <QUrl>

#include <qcoro/qcorotask.h>

#include <chrono>

namespace FinChat::Stock {

// Fetches a code's daily closes from stooq's history endpoint, one code per request (the
// endpoint takes no more). Daily closes change once a day, so an answer is kept for ten
// minutes by default, everyone asking for a code meanwhile shares one request, and only a
// bounded number of codes are fetched at once: a look-up beyond that is answered Throttled
// at once instead of queueing. After stooq's daily-limit answer, look-ups are answered so
// without a request for a while (the fetcher's DailyLimitBackoff).
class HistoryService : public QObject
{
    Q_OBJECT

public:
    static constexpr auto DefaultBaseUrl = "https://stooq.com/q/d/l/";
    static constexpr qsizetype MaxCodesInFlight = 16;

    explicit HistoryService(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setCacheLifetime(std::chrono::milliseconds lifetime) { m_lookups.setLifetime(lifetime); }

    using Callback = SharedLookups<HistoryOutcome>::Callback;
    // Calls done exactly once, never before lookup() has returned. `code` is lower-case.
    void lookup(const QString &code, Callback done);

    // The daily closes of the last 13 months: enough for a year's chart and a month before.
    QUrl urlFor(const QString &code) const;

private:
    QCoro::Task<> fetch(QString code);

    QUrl m_baseUrl{QString::fromLatin1(DefaultBaseUrl)};
    std::chrono::milliseconds m_timeout{5000};
    SharedLookups<HistoryOutcome> m_lookups;
    // Last, so destroyed first: fetches still running end before the rest goes.
    StooqFetcher m_fetcher;
};

} // namespace FinChat::Stock
