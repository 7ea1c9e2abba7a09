#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <functional>

namespace FinChat::Stock {

// The bookkeeping around look-ups that go to the network: everyone asking for one key while
// its fetch runs shares that fetch, and a real answer is kept for a while (a bounded number
// of them, the oldest making room) so that the next asker gets it without a request.
template<typename Outcome>
class SharedLookups
{
public:
    using Callback = std::function<void(const Outcome &)>;

    SharedLookups(QObject *owner, qsizetype maxCached)
        : m_owner(owner)
        , m_maxCached(maxCached)
    {}

    void setLifetime(std::chrono::milliseconds lifetime) { m_lifetime = lifetime; }

    // Answers `done` from the cache and returns true, or returns false (leaving `done` as it
    // was) when nothing fresh is kept. The answer comes from the event loop, as a fetch's
    // would, so callers see one behaviour.
    bool answerFromCache(const QString &key, Callback &done)
    {
        const auto cached = m_cache.constFind(key);
        if (cached == m_cache.constEnd() || cached->expiry.hasExpired())
            return false;
        QTimer::singleShot(
            0, m_owner, [answer = std::move(done), outcome = cached->outcome] { answer(outcome); });
        return true;
    }

    // Adds `done` to those waiting for `key`; true when it is the first, so a fetch must start.
    bool wait(const QString &key, Callback done)
    {
        auto &waiting = m_waiting[key];
        waiting.append(std::move(done));
        return waiting.size() == 1;
    }

    bool isWaiting(const QString &key) const { return m_waiting.contains(key); }
    qsizetype keysInFlight() const { return m_waiting.size(); }

    // Answers everyone waiting for `key`, and keeps the outcome when it is worth reusing.
    void finish(const QString &key, const Outcome &outcome, bool cacheable)
    {
        if (cacheable && m_lifetime.count() > 0) {
            m_cache.removeIf([](const auto &entry) { return entry.value().expiry.hasExpired(); });
            // Full: the oldest answer makes room, so that a burst of junk codes cannot keep
            // every real answer out for a whole lifetime.
            if (m_cache.size() >= m_maxCached && !m_cache.contains(key)) {
                const auto oldest = std::min_element(
                    m_cache.begin(), m_cache.end(), [](const Cached &a, const Cached &b) {
                        return a.expiry.deadline() < b.expiry.deadline();
                    });
                m_cache.erase(oldest);
            }
            m_cache.insert(key, {outcome, QDeadlineTimer(m_lifetime)});
        }
        const QList<Callback> waiting = m_waiting.take(key);
        for (const Callback &done : waiting)
            done(outcome);
    }

private:
    struct Cached
    {
        Outcome outcome;
        QDeadlineTimer expiry;
    };

    QObject *m_owner;
    qsizetype m_maxCached;
    std::chrono::milliseconds m_lifetime{15'000};
    QHash<QString, QList<Callback>> m_waiting; // in-flight look-ups and who waits for them
    QHash<QString, Cached> m_cache;
};

} // namespace FinChat::Stock
