#include "wire/epolleventdispatcher.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <tuple>

namespace FinChat {

namespace {
constexpr int MaxEventsPerTurn = 256;

qint64 msUntil(std::chrono::steady_clock::time_point due, std::chrono::steady_clock::time_point now)
{
    return std::chrono::ceil<std::chrono::milliseconds>(due - now).count();
}
} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wakeFd < 0)
        qFatal("cannot make the event loop's epoll instance: %s", strerror(errno));
    epoll_event wake{};
    wake.events = EPOLLIN;
    wake.data.fd = m_wakeFd;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &wake);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    close(m_wakeFd);
    close(m_epoll);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const auto fd = static_cast<int>(notifier->socket());
    Watched &watched = m_watched[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watched.read = notifier;
        break;
    case QSocketNotifier::Write:
        watched.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watched.exception = notifier;
        break;
    }
    rewatch(fd);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const auto fd = static_cast<int>(notifier->socket());
    const auto it = m_watched.find(fd);
    if (it == m_watched.end())
        return;
    for (QSocketNotifier **slot : {&it->read, &it->write, &it->exception}) {
        if (*slot == notifier)
            *slot = nullptr;
    }
    rewatch(fd);
}

void EpollEventDispatcher::rewatch(int fd)
{
    const auto it = m_watched.find(fd);
    epoll_event wanted{};
    wanted.data.fd = fd;
    if (it != m_watched.end()) {
        wanted.events = (it->read ? EPOLLIN : 0u) | (it->write ? EPOLLOUT : 0u) |
                        (it->exception ? EPOLLPRI : 0u);
    }
    if (wanted.events == 0) {
        // A closed fd has left the epoll set by itself: ENOENT or EBADF say just that.
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        if (it != m_watched.end())
            m_watched.erase(it);
        return;
    }
    // The fd may be new to epoll, or a number reused after a close that epoll saw and the
    // table did not: try one operation, then the other.
    int status = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &wanted);
    if (status != 0 && errno == ENOENT)
        status = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &wanted);
    if (status != 0) // EPERM: not a socket (a file is always ready); it would never fire
        qWarning("epoll cannot watch descriptor %d: %s", fd, strerror(errno));
}

void EpollEventDispatcher::activate(int fd, quint32 events)
{
    // Each notifier is looked up again before it is told: the one before may have closed or
    // replaced it.
    const bool failed = events & (EPOLLERR | EPOLLHUP);
    const auto tell = [this, fd](QSocketNotifier *Watched::*which) {
        const auto it = m_watched.constFind(fd);
        QSocketNotifier *notifier = it == m_watched.cend() ? nullptr : (*it).*which;
        if (!notifier)
            return;
        QEvent activation(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &activation);
    };
    if (events & (EPOLLIN | EPOLLRDHUP) || failed)
        tell(&Watched::read);
    if (events & EPOLLOUT || failed)
        tell(&Watched::write);
    if (events & EPOLLPRI || failed)
        tell(&Watched::exception);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    Timer timer{interval, timerType, object, Clock::now() + std::chrono::milliseconds(interval),
                m_nextSerial++};
    m_timers.insert(timerId, timer);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    return m_timers.removeIf([object](const auto &entry) { return entry->object == object; }) > 0;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            timers.append({it.key(), static_cast<int>(it->intervalMs), it->type});
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    return static_cast<int>(std::max<qint64>(0, msUntil(it->due, Clock::now())));
}

int EpollEventDispatcher::msUntilNextTimer() const
{
    const Clock::time_point now = Clock::now();
    std::optional<qint64> soonest;
    for (const Timer &timer : m_timers) {
        if (!timer.firing) // one whose slot runs a nested loop waits for the slot to end
            soonest = std::min(soonest.value_or(std::numeric_limits<int>::max()),
                               msUntil(timer.due, now));
    }
    return soonest ? static_cast<int>(std::max<qint64>(0, *soonest)) : -1;
}

bool EpollEventDispatcher::fireDueTimers()
{
    const Clock::time_point now = Clock::now();
    struct Due
    {
        Clock::time_point at;
        quint64 serial;
        int timerId;
    };
    QList<Due> due;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->due <= now && !it->firing)
            due.append({it->due, it->serial, it.key()});
    }
    // The order they fell due in, and the order they were started for the same moment.
    std::sort(due.begin(), due.end(), [](const Due &left, const Due &right) {
        return std::tie(left.at, left.serial) < std::tie(right.at, right.serial);
    });
    bool news = false;
    for (const Due &timer : std::as_const(due)) {
        // An earlier one's event may have killed it (and given its id to a new timer), or run
        // a nested loop in which it fired already and moved on.
        auto it = m_timers.find(timer.timerId);
        if (it == m_timers.end() || it->serial != timer.serial || it->firing || it->due > now)
            continue;
        // Next due before the event, so that a timer restarted from its own event keeps the
        // new time. Late timers do not fire twice to catch up.
        it->due = std::max(it->due + std::chrono::milliseconds(it->intervalMs), now);
        it->firing = true;
        news = news || it->intervalMs > 0;
        QObject *object = it->object;
        // Cleared however the event ends, unless it killed or replaced the timer.
        const auto fired = qScopeGuard([this, timer] {
            const auto after = m_timers.find(timer.timerId);
            if (after != m_timers.end() && after->serial == timer.serial)
                after->firing = false;
        });
        QTimerEvent event(timer.timerId);
        QCoreApplication::sendEvent(object, &event);
    }
    return news;
}

int EpollEventDispatcher::wait(epoll_event *events, int timeoutMs, bool withSockets) const
{
    if (withSockets)
        return epoll_wait(m_epoll, events, MaxEventsPerTurn, timeoutMs);
    // Readable sockets would wake epoll at once, and be left unread: wait for a wake-up alone.
    pollfd wake{m_wakeFd, POLLIN, 0};
    if (poll(&wake, 1, timeoutMs) <= 0)
        return 0;
    events[0].events = EPOLLIN;
    events[0].data.fd = m_wakeFd;
    return 1;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted = false;
    emit awake();
    QCoreApplication::sendPostedEvents();
    if (m_interrupted)
        return false;

    const bool mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_wakeUpPending;
    const int timeoutMs = mayWait ? msUntilNextTimer() : 0;
    if (mayWait)
        emit aboutToBlock();
    std::array<epoll_event, MaxEventsPerTurn> events{};
    int ready = wait(events.data(), timeoutMs, !flags.testFlag(QEventLoop::ExcludeSocketNotifiers));
    if (ready < 0)
        ready = 0; // EINTR: a signal; the loop turns again
    bool handled = false;
    for (int i = 0; i < ready; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_wakeFd) {
            // Drained first, then cleared: a wakeUp() in between finds the flag set and does
            // not write, which is harmless (its event was posted before it, and every turn
            // begins with the posted events). Cleared first, a wakeUp() in between would write,
            // be drained here unseen and leave the flag set: the loop would never block again.
            std::uint64_t count = 0;
            const auto drained = read(m_wakeFd, &count, sizeof count);
            m_wakeUpPending = false;
            handled = handled || drained > 0;
            continue;
        }
        activate(fd, events[i].events);
        handled = true;
    }
    if (m_interrupted)
        return handled;
    return fireDueTimers() || handled;
}

void EpollEventDispatcher::wakeUp()
{
    if (m_wakeUpPending.exchange(true))
        return; // one is on its way
    const std::uint64_t one = 1;
    if (write(m_wakeFd, &one, sizeof one) < 0) // only when the counter is full: it is awake
        return;
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted = true;
    wakeUp();
}

} // namespace FinChat
