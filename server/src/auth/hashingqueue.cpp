#include "auth/hashingqueue.h"

#include <QThread>

#include <algorithm>

namespace FinChat {

HashingQueue::Ticket::Ticket(std::shared_ptr<Counts> counts, QString address)
    : m_counts(std::move(counts))
    , m_address(std::move(address))
{
    ++m_counts->perAddress[m_address];
    ++m_counts->total;
}

HashingQueue::Ticket::~Ticket()
{
    if (!m_counts)
        return; // moved from
    --m_counts->total;
    const auto it = m_counts->perAddress.find(m_address);
    if (--*it == 0)
        m_counts->perAddress.erase(it);
}

HashingQueue::HashingQueue(int perAddress, int total)
    : m_maxPerAddress(perAddress)
    , m_maxTotal(total)
{
    // Each Argon2id hash holds 64 MiB while it runs: bound how many run at once.
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

HashingQueue::~HashingQueue()
{
    stop();
    m_pool.waitForDone();
}

std::optional<HashingQueue::Ticket> HashingQueue::admit(const QString &address)
{
    if (m_stopping->load() || m_counts->total >= m_maxTotal ||
        m_counts->perAddress.value(address) >= m_maxPerAddress)
        return std::nullopt;
    return Ticket(m_counts, address);
}

void HashingQueue::stop()
{
    m_stopping->store(true);
}

} // namespace FinChat
