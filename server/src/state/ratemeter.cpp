#include "state/ratemeter.h"

namespace FinChat {

void RateMeter::record(qint64 nowMs)
{
    const qint64 second = nowMs / 1000;
    Bucket &bucket = m_buckets[static_cast<std::size_t>(second % Seconds)];
    if (bucket.second != second)
        bucket = {second, 0}; // a minute old: its second comes round again
    ++bucket.count;
    ++m_total;
}

double RateMeter::perSecond(qint64 nowMs) const
{
    const qint64 second = nowMs / 1000;
    qint64 count = 0;
    for (const Bucket &bucket : m_buckets) {
        if (bucket.second > second - Seconds && bucket.second <= second)
            count += bucket.count;
    }
    return static_cast<double>(count) / Seconds;
}

} // namespace FinChat
