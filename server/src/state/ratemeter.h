#pragma once

#include <QtGlobal>

#include <array>

namespace FinChat {

// Counts events (stored messages) and says how many came per second over the last minute:
// sixty one-second buckets, reused in a ring, so the memory never grows. Time is passed in so
// tests can drive it.
class RateMeter
{
public:
    void record(qint64 nowMs);
    // Events in the 60 s before nowMs, divided by 60.
    double perSecond(qint64 nowMs) const;
    // Every event recorded since the meter was made.
    qint64 total() const { return m_total; }

private:
    static constexpr int Seconds = 60;
    struct Bucket
    {
        qint64 second = -1; // which second since the epoch it counts; -1: none yet
        qint64 count = 0;
    };
    std::array<Bucket, Seconds> m_buckets{};
    qint64 m_total = 0;
};

} // namespace FinChat
