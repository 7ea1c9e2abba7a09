#include "stats.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <unistd.h>

namespace FinChat::Bench {

using namespace Qt::StringLiterals;

double Latencies::percentileMs(double percentile)
{
    if (m_samples.empty())
        return 0;
    if (!m_sorted) {
        std::sort(m_samples.begin(), m_samples.end());
        m_sorted = true;
    }
    const auto index = static_cast<std::size_t>(
                           std::ceil(percentile / 100.0 * static_cast<double>(m_samples.size()))) -
                       1;
    return static_cast<double>(m_samples[std::min(index, m_samples.size() - 1)]) / 1e6;
}

double Latencies::maxMs()
{
    return m_samples.empty()
               ? 0
               : static_cast<double>(*std::max_element(m_samples.begin(), m_samples.end())) / 1e6;
}

std::int64_t nowNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

double processCpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks; // utime, stime
}

qint64 processRssKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

void Report::addRatiosAgainst(const Report &reference, const QString &name)
{
    static const QStringList speedFigures{u"deliveries_per_s"_s,
                                          u"p50_ms"_s,
                                          u"p99_ms"_s,
                                          u"max_ms"_s,
                                          u"server_cpu_s"_s,
                                          u"wall_s"_s,
                                          u"kib_per_connection"_s,
                                          u"connects_per_s"_s,
                                          u"joins_per_s"_s};
    for (const QString &figure : speedFigures) {
        const double floor = reference.figures.value(figure).toDouble();
        if (figures.contains(figure) && floor > 0)
            figures.insert(figure + u"_vs_"_s + name, figures.value(figure).toDouble() / floor);
    }
}

void Report::print() const
{
    QTextStream out(stdout);
    out << scenario.leftJustified(10);
    for (auto it = figures.begin(); it != figures.end(); ++it) {
        const QJsonValue value = it.value();
        const QString text = value.isDouble() ? QString::number(value.toDouble(), 'g', 6)
                                              : value.toVariant().toString();
        out << "  " << it.key() << '=' << text;
    }
    out << '\n';
    QJsonObject line = figures;
    line.insert(u"scenario"_s, scenario);
    out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
}

} // namespace FinChat::Bench
