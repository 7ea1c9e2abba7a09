#pragma once

#include "stockreplies.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QUrl>

#include <qcoro/qcorotask.h>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace FinChat::Stock {

// A fetched body parsed as `Answer` (StooqAnswer or StooqHistory).
template<typename Answer>
Fetched<Answer> parsed(const Fetched<QByteArray> &fetched)
{
    if (fetched.kind != FetchKind::Answered)
        return {fetched.kind, fetched.httpStatus, {}};
    return {fetched.kind, fetched.httpStatus, Answer::parse(fetched.answer)};
}

// Whether an outcome is worth keeping: an answer stooq would give again, not a failure the
// next asker should retry.
template<typename Answer>
bool isCacheable(const Fetched<Answer> &outcome)
{
    return outcome.kind == FetchKind::Answered && outcome.answer.kind != Answer::Kind::NotCsv &&
           outcome.answer.kind != Answer::Kind::DailyLimit;
}

// stooq answers "Exceeded the daily hits limit" when a client asked too often; asking again
// at once only spends what goodwill is left. After such an answer an endpoint is left alone
// for a pause (its look-ups are answered "daily limit" without a request), which doubles with
// each further such answer, from a minute up to an hour; any other answer sets it back to a
// minute.
class DailyLimitBackoff
{
public:
    static constexpr std::chrono::seconds FirstPause{60};
    static constexpr std::chrono::seconds LongestPause{3600};

    bool pausing() const { return !m_until.hasExpired(); }
    // Whole seconds until the pause ends, at least 1 while pausing; 0 when not pausing.
    qint64 secondsLeft() const;
    // Call with every answer stooq gave.
    template<typename Answer>
    void observe(const Fetched<Answer> &outcome)
    {
        if (outcome.kind != FetchKind::Answered)
            return; // a timeout or a network error says nothing about the limit
        if (outcome.answer.kind == Answer::Kind::DailyLimit)
            limited();
        else
            m_next = FirstPause;
    }

private:
    void limited();

    QDeadlineTimer m_until{0};
    std::chrono::seconds m_next = FirstPause;
};

// The outcome a look-up gets without a request while stooq's daily limit pauses it.
template<typename Answer>
Fetched<Answer> dailyLimitOutcome()
{
    Fetched<Answer> outcome{FetchKind::Answered, 200, {}};
    outcome.answer.kind = Answer::Kind::DailyLimit;
    return outcome;
}

// One service's way to stooq, for one endpoint. fetch() GETs `url`: gives up after `timeout`,
// cuts off a body larger than `maxBytes` (then answered with an empty body, which no parser
// takes for CSV), and reads the body as `Answer`. Every answer goes through the endpoint's
// DailyLimitBackoff, which its service asks before it sends anything.
//
// A fetch still running when the fetcher is destroyed (the bot stops with the server) ends
// at once, as Unreachable, and closing() is true from then on: its caller returns instead of
// touching a service being destroyed. (Waiting for the reply's `finished`, as QCoro 0.8 does,
// would wait for ever: a network manager being destroyed deletes its replies without it.) So
// a service declares its fetcher last, to be destroyed first, and checks closing() after
// every fetch().
class StooqFetcher
{
public:
    StooqFetcher();
    ~StooqFetcher();
    StooqFetcher(const StooqFetcher &) = delete;
    StooqFetcher &operator=(const StooqFetcher &) = delete;

    template<typename Answer>
    QCoro::Task<Fetched<Answer>> fetch(QUrl url, std::chrono::milliseconds timeout, qint64 maxBytes)
    {
        auto getting = get(std::move(url), timeout, maxBytes);
        const Fetched<QByteArray> fetched = co_await getting;
        Fetched<Answer> outcome = parsed<Answer>(fetched);
        m_backoff.observe(outcome);
        co_return outcome;
    }
    const DailyLimitBackoff &backoff() const { return m_backoff; }
    bool closing() const { return m_closing; }

private:
    QCoro::Task<Fetched<QByteArray>> get(QUrl url, std::chrono::milliseconds timeout,
                                         qint64 maxBytes);

    std::unique_ptr<QNetworkAccessManager> m_network;
    DailyLimitBackoff m_backoff;
    bool m_closing = false;
};

} // namespace FinChat::Stock
