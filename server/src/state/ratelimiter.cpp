#include "state/ratelimiter.h"

#include <algorithm>

namespace FinChat {

namespace {
// The next size at which to prune: twice what a prune left, so that many keys that are all
// still active cost a scan now and then, not one per event.
qsizetype nextPruneAt(qsizetype remaining)
{
    return std::max(RateTablePruneThreshold, 2 * remaining);
}
} // namespace

LeakyBucket::LeakyBucket(int capacity, std::chrono::milliseconds window)
    : m_capacity(capacity)
    , m_drainPerMs(static_cast<double>(capacity) /
                   static_cast<double>(std::max<qint64>(1, window.count())))
{}

double LeakyBucket::levelAt(qint64 nowMs) const
{
    const qint64 elapsed = std::max<qint64>(0, nowMs - m_lastMs);
    return std::max(0.0, m_level - static_cast<double>(elapsed) * m_drainPerMs);
}

bool LeakyBucket::tryConsume(qint64 nowMs)
{
    m_level = levelAt(nowMs);
    m_lastMs = std::max(m_lastMs, nowMs);
    if (m_level + 1.0 > m_capacity)
        return false;
    m_level += 1.0;
    return true;
}

void LeakyBucket::pour(int count, qint64 nowMs)
{
    // Full at most: what two servers let through at once does not lock the user out for
    // longer than one window.
    m_level = std::min(m_capacity, levelAt(nowMs) + count);
    m_lastMs = std::max(m_lastMs, nowMs);
}

bool LeakyBucket::isEmptyAt(qint64 nowMs) const
{
    return levelAt(nowMs) <= 0.0;
}

KeyedLeakyBuckets::KeyedLeakyBuckets(int capacity, std::chrono::milliseconds window)
    : m_capacity(capacity)
    , m_window(window)
{}

void KeyedLeakyBuckets::share(RateSharing &sharing, const QString &name)
{
    m_sharing.join(sharing, name,
                   {[this](const QString &key, int count, qint64 nowMs) {
                        pour(key.toLongLong(), count, nowMs);
                    },
                    [this](const QString &key) {
                        m_buckets.remove(key.toLongLong());
                    }});
}

LeakyBucket &KeyedLeakyBuckets::bucket(qint64 key, qint64 nowMs)
{
    if (m_buckets.size() >= m_pruneAt) {
        m_buckets.removeIf([nowMs](const auto &entry) { return entry.value().isEmptyAt(nowMs); });
        m_pruneAt = nextPruneAt(m_buckets.size());
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, LeakyBucket(m_capacity, m_window));
    return *it;
}

bool KeyedLeakyBuckets::tryConsume(qint64 key, qint64 nowMs)
{
    if (!bucket(key, nowMs).tryConsume(nowMs))
        return false;
    if (m_sharing.isActive())
        m_sharing.spent(QString::number(key));
    return true;
}

void KeyedLeakyBuckets::pour(qint64 key, int count, qint64 nowMs)
{
    bucket(key, nowMs).pour(count, nowMs);
}

WindowCounter::WindowCounter(int limit, std::chrono::milliseconds window)
    : m_limit(limit)
    , m_windowMs(window.count())
{}

void WindowCounter::forgetExpired(std::deque<qint64> &times, qint64 nowMs) const
{
    while (!times.empty() && times.front() <= nowMs - m_windowMs)
        times.pop_front();
}

bool WindowCounter::isFull(const QString &key, qint64 nowMs)
{
    const auto it = m_events.find(key);
    if (it == m_events.end())
        return false;
    forgetExpired(*it, nowMs);
    if (it->empty()) {
        m_events.erase(it);
        return false;
    }
    return std::ssize(*it) >= m_limit;
}

void WindowCounter::share(RateSharing &sharing, const QString &name)
{
    m_sharing.join(sharing, name,
                   {[this](const QString &key, int count, qint64 nowMs) { add(key, count, nowMs); },
                    [this](const QString &key) {
                        m_events.remove(key);
                    }});
}

void WindowCounter::record(const QString &key, qint64 nowMs)
{
    add(key, 1, nowMs);
    m_sharing.spent(key);
}

void WindowCounter::add(const QString &key, int count, qint64 nowMs)
{
    pruneIfLarge(nowMs);
    auto &times = m_events[key];
    forgetExpired(times, nowMs);
    // Only the newest `limit` matter for the decision.
    for (int i = 0; i < std::min(count, m_limit); ++i)
        times.push_back(nowMs);
    while (std::ssize(times) > m_limit)
        times.pop_front();
}

void WindowCounter::clear(const QString &key)
{
    m_events.remove(key);
    m_sharing.cleared(key);
}

void WindowCounter::pruneIfLarge(qint64 nowMs)
{
    if (m_events.size() < m_pruneAt)
        return;
    for (auto it = m_events.begin(); it != m_events.end();) {
        forgetExpired(*it, nowMs);
        it = it->empty() ? m_events.erase(it) : std::next(it);
    }
    m_pruneAt = nextPruneAt(m_events.size());
}

ConnectionCounter::ConnectionCounter(int perAddress, int total)
    : m_perAddress(perAddress)
    , m_maxTotal(total)
{}

bool ConnectionCounter::tryAdd(const QString &address)
{
    int &count = m_byAddress[address];
    if (count >= m_perAddress || m_total >= m_maxTotal) {
        if (count == 0)
            m_byAddress.remove(address);
        return false;
    }
    ++count;
    ++m_total;
    return true;
}

void ConnectionCounter::remove(const QString &address)
{
    const auto it = m_byAddress.find(address);
    if (it == m_byAddress.end())
        return;
    --m_total;
    if (--*it == 0)
        m_byAddress.erase(it);
}

} // namespace FinChat
