#include "state/ratesharing.h"

namespace FinChat {

using namespace Qt::StringLiterals;

RateSharing::RateSharing()
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(BatchInterval);
    m_timer.callOnTimeout([this] { flush(); });
}

void RateSharing::add(const QString &name, Limiter limiter)
{
    m_limiters.insert(name, std::move(limiter));
}

void RateSharing::setSink(std::function<void(const Bus::RatesSpent &)> sink)
{
    m_sink = std::move(sink);
    if (!m_sink) {
        m_timer.stop();
        m_batch = {};
        m_batchIndex.clear();
    }
}

Bus::RateSpent &RateSharing::entry(const QString &name, const QString &key)
{
    const QString id = name + u'\n' + key;
    auto found = m_batchIndex.constFind(id);
    if (found == m_batchIndex.cend()) {
        found = m_batchIndex.insert(id, m_batch.spent.size());
        m_batch.spent.append({name, key, 0, false});
        // ["name","key",count,false], with every character of both escaped at the worst.
        m_batchBytes += 6 * (name.size() + key.size()) + 24;
    }
    if (!m_timer.isActive())
        m_timer.start();
    return m_batch.spent[*found];
}

void RateSharing::spent(const QString &name, const QString &key)
{
    if (!m_sink)
        return;
    ++entry(name, key).count;
    if (m_batchBytes >= MaxBatchBytes)
        flush();
}

void RateSharing::cleared(const QString &name, const QString &key)
{
    if (!m_sink)
        return;
    Bus::RateSpent &cleared = entry(name, key);
    cleared.count = 0; // what was spent before the clearing counts for nothing
    cleared.clearedFirst = true;
    if (m_batchBytes >= MaxBatchBytes)
        flush();
}

void RateSharing::flush()
{
    m_timer.stop();
    if (m_batch.spent.isEmpty() || !m_sink)
        return;
    m_sink(m_batch);
    m_batch = {};
    m_batchIndex.clear();
    m_batchBytes = 0;
}

void RateSharing::apply(const Bus::RatesSpent &spent, qint64 nowMs) const
{
    for (const Bus::RateSpent &entry : spent.spent) {
        const auto limiter = m_limiters.constFind(entry.limit);
        if (limiter == m_limiters.cend())
            continue; // a limit this server does not have (another version)
        if (entry.clearedFirst)
            limiter->clear(entry.key);
        if (entry.count > 0)
            limiter->pour(entry.key, entry.count, nowMs);
    }
}

RateSharingMembership::~RateSharingMembership()
{
    if (m_sharing)
        m_sharing->remove(m_name);
}

void RateSharingMembership::join(RateSharing &sharing, const QString &name,
                                 RateSharing::Limiter limiter)
{
    m_sharing = &sharing;
    m_name = name;
    sharing.add(name, std::move(limiter));
}

void RateSharingMembership::spent(const QString &key) const
{
    if (m_sharing)
        m_sharing->spent(m_name, key);
}

void RateSharingMembership::cleared(const QString &key) const
{
    if (m_sharing)
        m_sharing->cleared(m_name, key);
}

} // namespace FinChat
