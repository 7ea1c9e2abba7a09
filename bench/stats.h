#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace FinChat::Bench {

// Latency samples in nanoseconds, summarised as percentiles in milliseconds.
class Latencies
{
public:
    void reserve(std::size_t count) { m_samples.reserve(count); }
    void add(std::int64_t nanoseconds) { m_samples.push_back(nanoseconds); }
    std::size_t count() const { return m_samples.size(); }
    double percentileMs(double percentile);
    double maxMs();

private:
    std::vector<std::int64_t> m_samples;
    bool m_sorted = false;
};

// Monotonic nanoseconds, comparable across processes on this machine.
std::int64_t nowNs();

// CPU seconds (user + system) of a process from /proc, and its resident memory in KiB.
double processCpuSeconds(qint64 pid);
qint64 processRssKiB(qint64 pid);

// One scenario's result: printed as a table row and as one JSON line.
struct Report
{
    QString scenario;
    QJsonObject figures;
    void print() const;
    // Each speed figure of this report also as a ratio to the same figure of `reference`
    // (`<figure>_vs_<name>`): 2.0 is twice the reference's time, or twice its rate.
    void addRatiosAgainst(const Report &reference, const QString &name);
};

} // namespace FinChat::Bench
