#pragma once

#include "startup/serverconfig.h"
#include "storage/storage.h"
#include "wire/abandoned.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <coroutine>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <type_traits>
#include <variant>

namespace FinChat {

// The database, on a thread of its own, so that a slow disk or a lock held by another
// process delays only the requests that need storage, never the event loop that serves
// everybody else.
//
// Requests co_await read() and write(). Writes are group-committed: the thread takes every
// write queued while it was busy and runs them in one transaction, each in a savepoint of
// its own, so that the cost of making a commit durable (an fsync, with Durability::Full) is
// shared by all of them. A write's caller resumes only after its transaction committed, or
// with the error that stopped it: an answer never runs ahead of the disk.
class StorageThread : public QObject
{
    Q_OBJECT

    // One queued piece of work, as the worker sees it.
    class Job
    {
    public:
        explicit Job(bool isWrite)
            : m_isWrite(isWrite)
        {}
        virtual ~Job() = default;
        bool isWrite() const { return m_isWrite; }
        // Runs on the storage thread; stores the result or the exception, and says which.
        virtual bool execute(Storage &storage) = 0;
        // Replaces whatever execute() stored: its transaction did not commit.
        virtual void fail(std::exception_ptr error) = 0;
        // Called on the storage thread once the result is final.
        virtual void finish(StorageThread &owner) = 0;

    private:
        bool m_isWrite;
    };

    template<typename Result>
    using Stored = std::conditional_t<std::is_void_v<Result>, std::monostate, Result>;

    template<typename Result>
    class Outcome
    {
    public:
        template<typename Work>
        bool run(Work &work, Storage &storage)
        {
            try {
                if constexpr (std::is_void_v<Result>) {
                    work(storage);
                    m_value.template emplace<1>();
                } else {
                    m_value.template emplace<1>(work(storage));
                }
                return true;
            } catch (...) {
                m_value.template emplace<2>(std::current_exception());
                return false;
            }
        }
        void fail(std::exception_ptr error) { m_value.template emplace<2>(std::move(error)); }
        Result take()
        {
            if (m_value.index() == 2)
                std::rethrow_exception(std::get<2>(m_value));
            if constexpr (!std::is_void_v<Result>)
                return std::move(std::get<1>(m_value));
        }

    private:
        std::variant<std::monostate, Stored<Result>, std::exception_ptr> m_value;
    };

public:
    // How old the PostgreSQL database's size in databaseBytes() may be.
    static constexpr std::chrono::seconds RemeasureInterval{30};
    // How often a lost PostgreSQL connection is tried again (requests fail meanwhile).
    static constexpr std::chrono::seconds ReconnectInterval{1};
    // Bounds the work waiting for the database; beyond it requests fail at once.
    static constexpr std::size_t MaxQueuedJobs = 20'000;
    // Bounds one group commit, so that readers queued behind it wait a bounded time.
    static constexpr std::size_t MaxBatch = 1'000;

    // What co_await storage.read(...) or .write(...) gives: the work's result once it is
    // final, or its exception. Name it before awaiting it (auto call = ...; co_await call):
    // GCC 12 destroys the result of a co_await on some temporaries twice.
    template<typename Result>
    class Call final : public Job
    {
    public:
        Call(StorageThread &owner, const QObject *requester, bool isWrite,
             std::function<Result(Storage &)> work)
            : Job(isWrite)
            , m_owner(owner)
            , m_requester(requester)
            , m_work(std::move(work))
        {}

        bool await_ready() const noexcept { return false; }
        bool await_suspend(std::coroutine_handle<> waiting)
        {
            m_waiting = waiting;
            if (m_owner.enqueue(this))
                return true;
            m_outcome.fail(std::make_exception_ptr(
                StorageError("the database is overloaded or stopping; try again")));
            return false; // resume at once, with the error
        }
        Result await_resume()
        {
            if (!m_requester)
                throw Abandoned();
            return m_outcome.take();
        }

    private:
        bool execute(Storage &storage) override { return m_outcome.run(m_work, storage); }
        void fail(std::exception_ptr error) override { m_outcome.fail(std::move(error)); }
        void finish(StorageThread &owner) override
        {
            // The coroutine resumes on the thread that owns the StorageThread.
            QMetaObject::invokeMethod(
                &owner, [waiting = m_waiting] { waiting.resume(); }, Qt::QueuedConnection);
        }

        StorageThread &m_owner;
        QPointer<const QObject> m_requester;
        std::function<Result(Storage &)> m_work;
        Outcome<Result> m_outcome;
        std::coroutine_handle<> m_waiting;
    };

    explicit StorageThread(QObject *parent = nullptr);
    // Finishes the queued work, closes the database and resumes whoever still waits.
    ~StorageThread() override;

    // Opens the database on the storage thread (Storage::open); throws StorageError.
    void open(const DatabaseLocation &location, Durability durability = Durability::Full);
    void openSqlite(const QString &path, Durability durability = Durability::Full);
    // The database's size on disk, in bytes: a SQLite file and its write-ahead log now; a
    // PostgreSQL database as measured at most RemeasureInterval ago.
    qint64 databaseBytes() const;

    // Runs work(Storage &) on the storage thread, on its own (each statement commits by itself
    // unless the work uses Storage::inTransaction), and waits for it: for start-up, tools and
    // tests, never for a request.
    template<typename Work>
    auto blocking(Work work) -> std::invoke_result_t<Work, Storage &>
    {
        using Result = std::invoke_result_t<Work, Storage &>;
        BlockingJob<Result> job(std::function<Result(Storage &)>(std::move(work)));
        if (!enqueue(&job))
            throw StorageError("the storage thread is stopping");
        return job.wait();
    }

    // Work for a request, run on the storage thread. The requester is the object whose
    // coroutine waits: when it is gone by the time the answer comes, the co_await throws
    // Abandoned instead of resuming into it.
    template<typename Work>
    auto read(const QObject *requester, Work work) -> Call<std::invoke_result_t<Work, Storage &>>
    {
        return {*this, requester, false, std::move(work)};
    }
    template<typename Work>
    auto write(const QObject *requester, Work work) -> Call<std::invoke_result_t<Work, Storage &>>
    {
        return {*this, requester, true, std::move(work)};
    }
    // A write nobody waits for, in the next group commit (ClusterBus's messages); false when
    // the queue is full or the thread is stopping. A failure is logged.
    bool post(std::function<void(Storage &)> work);

private:
    template<typename Result>
    class BlockingJob final : public Job
    {
    public:
        // Not part of a group commit: it may open the database, or run its own transaction.
        explicit BlockingJob(std::function<Result(Storage &)> work)
            : Job(false)
            , m_work(std::move(work))
        {}
        Result wait()
        {
            m_done.get_future().wait();
            return m_outcome.take();
        }

    private:
        bool execute(Storage &storage) override { return m_outcome.run(m_work, storage); }
        void fail(std::exception_ptr error) override { m_outcome.fail(std::move(error)); }
        void finish(StorageThread &) override { m_done.set_value(); }

        std::function<Result(Storage &)> m_work;
        Outcome<Result> m_outcome;
        std::promise<void> m_done;
    };

    // A write of post(): it deletes itself once done.
    class PostedJob final : public Job
    {
    public:
        explicit PostedJob(std::function<void(Storage &)> work)
            : Job(true)
            , m_work(std::move(work))
        {}

    private:
        bool execute(Storage &storage) override;
        void fail(std::exception_ptr error) override;
        void finish(StorageThread &) override { delete this; }

        std::function<void(Storage &)> m_work;
    };

    // False when the queue is full or the thread is stopping.
    bool enqueue(Job *job);
    void workerLoop();
    void measurePostgres(Storage &storage); // on the storage thread
    void process(const std::vector<Job *> &batch);
    // False when a write of the group failed.
    bool commitGroup(const std::vector<Job *> &writes);
    // After a batch with a failure: PostgreSQL's connection is opened again if it was lost,
    // at most once per ReconnectInterval.
    void reconnectIfLost();

    std::unique_ptr<Storage> m_storage; // used on the storage thread only
    std::unique_ptr<QThread> m_thread;
    QString m_path;          // SQLite's file; set once, before any request
    bool m_postgres = false; // set once, before any request
    // A PostgreSQL database's size, measured on the storage thread, and when.
    std::atomic<qint64> m_postgresBytes{0};
    std::chrono::steady_clock::time_point m_postgresMeasured;
    bool m_batchFailed = false;
    std::chrono::steady_clock::time_point m_reconnectTried;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job *> m_queue;
    bool m_stopping = false;
};

} // namespace FinChat
