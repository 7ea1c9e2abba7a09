#pragma once

#include "sharedlookups.h"
#include "stockreplies.h"
#include "stooqhttp.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <qcoro/qcorotask.h>

#include <chrono>

namespace FinChat::Stock {

// Fetches quotes from stooq's CSV endpoint without blocking: any number of look-ups run at
// once on the event loop. Look-ups that arrive within a few milliseconds of each other go out
// as one request (stooq answers several codes joined with '+'), identical look-ups share it,
// and answers are kept for a short while, so a busy room neither hammers stooq nor queues
// behind the network manager's few connections per host.
class QuoteService : public QObject
{
    Q_OBJECT

public:
    static constexpr auto DefaultBaseUrl = "https://stooq.com/q/l/";

    explicit QuoteService(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setCacheLifetime(std::chrono::milliseconds lifetime) { m_lookups.setLifetime(lifetime); }

    using Callback = SharedLookups<FetchOutcome>::Callback;
    // Calls done exactly once, never before lookup() has returned.
    void lookup(const QStringList &codes, Callback done);

    QUrl urlFor(const QStringList &codes) const;
    // Seconds until stooq is asked again after its daily-limit answer; 0 when not pausing.
    qint64 pausedForSeconds() const { return m_fetcher.backoff().secondsLeft(); }

private:
    void sendQueued();
    QCoro::Task<> fetch(QStringList keys);
    static FetchOutcome outcomeFor(const QString &key, const FetchOutcome &whole);

    QUrl m_baseUrl{QString::fromLatin1(DefaultBaseUrl)};
    std::chrono::milliseconds m_timeout{5000};
    SharedLookups<FetchOutcome> m_lookups;
    QStringList m_queued; // look-ups for the next request
    QTimer m_batchWindow;
    // Last, so destroyed first: fetches still running end before the rest goes.
    StooqFetcher m_fetcher;
};

} // namespace FinChat::Stock
