#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>
#include <chrono>

struct epoll_event;

namespace FinChat {

// An event dispatcher for Linux on epoll, for the server's main thread, which holds every
// client's socket. Qt 6.4's own dispatchers (GLib's and Qt's UNIX one) call poll() over all of
// a thread's sockets on every turn of the loop, so each turn costs in proportion to the
// connections open: with thousands of clients that is most of the server's time while they
// connect (bench/README.md). epoll is told of a socket once and answers with the ready ones
// only. Timers are kept in a table scanned once a turn: a server has a handful of them per
// connection that is still logging in, not per connection open.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    using Clock = std::chrono::steady_clock;
    struct Watched
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
    };
    struct Timer
    {
        qint64 intervalMs;
        Qt::TimerType type;
        QObject *object;
        Clock::time_point due;
        quint64 serial;      // tells a timer from a later one given the same id
        bool firing = false; // its event is being handled (a nested loop must not fire it)
    };

    // Tells epoll what the fd's notifiers want now (nothing: forgets the fd).
    void rewatch(int fd);
    void activate(int fd, quint32 events);
    // Sends the timer events that are due, soonest first; whether one with an interval was
    // (zero timers run every turn and are not news, as in Qt's own loop).
    bool fireDueTimers();
    // Waits for events or the timeout: on every socket, or, with ExcludeSocketNotifiers, only
    // for a wake-up; the number ready, in `events`.
    int wait(::epoll_event *events, int timeoutMs, bool withSockets) const;
    // Milliseconds until the next timer is due (0 when one is), -1 with none.
    int msUntilNextTimer() const;

    int m_epoll = -1;
    int m_wakeFd = -1; // an eventfd: wakeUp() from any thread makes epoll_wait return
    std::atomic<bool> m_wakeUpPending = false;
    std::atomic<bool> m_interrupted = false;
    QHash<int, Watched> m_watched;
    QHash<int, Timer> m_timers;
    quint64 m_nextSerial = 0;
};

} // namespace FinChat
