#pragma once

#include "state/ratesharing.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <deque>

namespace FinChat {

// Tables keyed by user or address are pruned of forgotten keys once they reach this size,
// then again at twice what the last prune left.
inline constexpr qsizetype RateTablePruneThreshold = 4096;

// A leaky bucket: each event pours in one unit, the bucket drains capacity units per
// window, and an event that would overflow it is refused. It allows a burst of `capacity`
// and then a steady capacity/window rate. Time is passed in so tests can drive it.
class LeakyBucket
{
public:
    LeakyBucket(int capacity, std::chrono::milliseconds window);
    bool tryConsume(qint64 nowMs);
    // Units spent elsewhere (another server): poured in whatever the level, so the next
    // tryConsume may refuse.
    void pour(int count, qint64 nowMs);
    // True when the bucket has drained empty by nowMs: forgetting it changes nothing.
    bool isEmptyAt(qint64 nowMs) const;

private:
    // The level drained to nowMs (never below zero).
    double levelAt(qint64 nowMs) const;

    double m_capacity;
    double m_drainPerMs;
    double m_level = 0;
    qint64 m_lastMs = 0;
};

// A leaky bucket per key (a user id): the same shape for each. Buckets that drained empty are
// forgotten, so memory stays bounded by the keys active within one window.
class KeyedLeakyBuckets
{
public:
    KeyedLeakyBuckets(int capacity, std::chrono::milliseconds window);
    // Takes part, as `name`, in the limits that several servers share (see RateSharing).
    void share(RateSharing &sharing, const QString &name);
    bool tryConsume(qint64 key, qint64 nowMs);
    void pour(qint64 key, int count, qint64 nowMs);
    qsizetype trackedKeys() const { return m_buckets.size(); }

private:
    LeakyBucket &bucket(qint64 key, qint64 nowMs);

    RateSharingMembership m_sharing;
    int m_capacity;
    std::chrono::milliseconds m_window;
    QHash<qint64, LeakyBucket> m_buckets;
    qsizetype m_pruneAt = RateTablePruneThreshold;
};

// Counts events per key in a sliding window (failed logins, sign-ups); a key with `limit`
// events inside the window is full until the oldest one ages out. Keys that go quiet are
// forgotten, so memory stays bounded by the recent traffic.
class WindowCounter
{
public:
    WindowCounter(int limit, std::chrono::milliseconds window);
    // Takes part, as `name`, in the limits that several servers share (see RateSharing).
    void share(RateSharing &sharing, const QString &name);
    bool isFull(const QString &key, qint64 nowMs);
    void record(const QString &key, qint64 nowMs);
    void clear(const QString &key);
    qsizetype trackedKeys() const { return m_events.size(); }

private:
    void forgetExpired(std::deque<qint64> &times, qint64 nowMs) const;
    void pruneIfLarge(qint64 nowMs);
    void add(const QString &key, int count, qint64 nowMs);

    RateSharingMembership m_sharing;
    int m_limit;
    qint64 m_windowMs;
    QHash<QString, std::deque<qint64>> m_events;
    qsizetype m_pruneAt = RateTablePruneThreshold;
};

// Open connections per peer address, and in all.
class ConnectionCounter
{
public:
    ConnectionCounter(int perAddress, int total);
    bool tryAdd(const QString &address);
    void remove(const QString &address);
    int total() const { return m_total; }

private:
    int m_perAddress;
    int m_maxTotal;
    int m_total = 0;
    QHash<QString, int> m_byAddress;
};

} // namespace FinChat
