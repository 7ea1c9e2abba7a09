#pragma once

#include <QFuture>
#include <QHash>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>
#include <type_traits>

namespace FinChat {

// Argon2id work (log in, sign up, change a password) on a small thread pool, bounded: at most
// perAddress requests of one peer address and total requests in all wait or run at once.
// Beyond that a request is refused at once instead of queued for minutes behind an attacker's.
// Work whose connection closed before it started is skipped, and stop() skips everything not
// yet started, so neither a flood that went away nor a shutdown leaves hashing behind.
class HashingQueue
{
    struct Counts
    {
        QHash<QString, int> perAddress;
        int total = 0;
    };

public:
    // A place in the queue, held (in the waiting coroutine) while the work waits or runs.
    class Ticket
    {
    public:
        Ticket(std::shared_ptr<Counts> counts, QString address);
        Ticket(Ticket &&other) noexcept = default;
        Ticket &operator=(Ticket &&) = delete;
        ~Ticket();

    private:
        std::shared_ptr<Counts> m_counts; // shared: a ticket may outlive the queue
        QString m_address;
    };

    HashingQueue(int perAddress, int total);
    ~HashingQueue();
    HashingQueue(const HashingQueue &) = delete;
    HashingQueue &operator=(const HashingQueue &) = delete;

    // nullopt when the address, or the server, has as much hashing pending as it may.
    std::optional<Ticket> admit(const QString &address);

    // Runs work on the pool; the result is nullopt when the work was skipped because
    // requesterGone was set, or the queue stopped, before it started.
    template<typename Work>
    auto run(const Ticket &, std::shared_ptr<const std::atomic<bool>> requesterGone, Work work)
        -> QFuture<std::optional<std::invoke_result_t<Work>>>
    {
        using Result = std::optional<std::invoke_result_t<Work>>;
        return QtConcurrent::run(&m_pool,
                                 [stopping = m_stopping, gone = std::move(requesterGone),
                                  work = std::move(work)]() -> Result {
                                     if (stopping->load() || gone->load())
                                         return std::nullopt;
                                     return work();
                                 });
    }

    // Skips all work not yet started; what runs finishes (a hash takes well under a second).
    void stop();

private:
    int m_maxPerAddress;
    int m_maxTotal;
    std::shared_ptr<Counts> m_counts = std::make_shared<Counts>();
    std::shared_ptr<std::atomic<bool>> m_stopping = std::make_shared<std::atomic<bool>>(false);
    QThreadPool m_pool;
};

} // namespace FinChat
