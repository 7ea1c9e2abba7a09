#pragma once

#include "cluster/busmessage.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

namespace FinChat {

// Rate limits per user or address hold across the servers of one database (ClusterBus): each
// limiter that takes part says what it let through here, and what the others let through is
// poured into it, so that someone connected to two servers has each limit once. What was
// spent goes out in batches, every BatchInterval or once a batch nears MaxBatchBytes, so a
// limit is shared within about a tenth of a second; until then someone on two servers at
// once can get a burst on each. On a single server (no sink) it does nothing.
// A QObject so that limiters can tell whether it is still there when they go.
class RateSharing : public QObject
{
public:
    static constexpr std::chrono::milliseconds BatchInterval{100};
    // What a batch may take as text, counting every character of a key as an escaped one:
    // it fits one notification (7,900 bytes) and needs no detour through a table.
    static constexpr qsizetype MaxBatchBytes = 7000;

    // What a limiter does with what was spent on another server.
    struct Limiter
    {
        std::function<void(const QString &key, int count, qint64 nowMs)> pour;
        std::function<void(const QString &key)> clear;
    };

    RateSharing();
    // Each limiter that takes part, under a name of its own.
    void add(const QString &name, Limiter limiter);
    void remove(const QString &name) { m_limiters.remove(name); }
    // Called by the limiters: one unit let through here, or a key's count cleared (a good
    // login clears the failed ones).
    void spent(const QString &name, const QString &key);
    void cleared(const QString &name, const QString &key);

    // ClusterBus's: where the batches go; none (single server) stops sharing.
    void setSink(std::function<void(const Bus::RatesSpent &)> sink);
    bool isActive() const { return bool(m_sink); }
    // Another server's batch.
    void apply(const Bus::RatesSpent &spent, qint64 nowMs) const;

private:
    void flush();
    Bus::RateSpent &entry(const QString &name, const QString &key);

    QHash<QString, Limiter> m_limiters;
    std::function<void(const Bus::RatesSpent &)> m_sink;
    QHash<QString, qsizetype> m_batchIndex; // name + key → its place in m_batch
    Bus::RatesSpent m_batch;
    qsizetype m_batchBytes = 0; // at most, as text
    QTimer m_timer;
};

// A limiter's place in a RateSharing: it takes part under a name and leaves when it goes,
// unless the sharing went first. Not copyable: the sharing holds on to the limiter.
class RateSharingMembership
{
public:
    RateSharingMembership() = default;
    ~RateSharingMembership();
    RateSharingMembership(const RateSharingMembership &) = delete;
    RateSharingMembership &operator=(const RateSharingMembership &) = delete;

    void join(RateSharing &sharing, const QString &name, RateSharing::Limiter limiter);
    // Whether anything is shared: a single server spends nothing on it, not even a key's text.
    bool isActive() const { return m_sharing && m_sharing->isActive(); }
    void spent(const QString &key) const;
    void cleared(const QString &key) const;

private:
    QPointer<RateSharing> m_sharing;
    QString m_name;
};

} // namespace FinChat
