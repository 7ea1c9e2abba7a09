#include "storagethread.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace FinChat {

Q_DECLARE_LOGGING_CATEGORY(lcStorage) // defined in storage.cpp

StorageThread::StorageThread(QObject *parent)
    : QObject(parent)
    , m_storage(std::make_unique<Storage>())
    , m_thread(QThread::create([this] { workerLoop(); }))
{
    m_thread->setObjectName(QStringLiteral("finchat-storage"));
    m_thread->start();
}

StorageThread::~StorageThread()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread->wait();
    // Whoever still waits resumes now: with its answer, or with Abandoned when its server
    // is gone. A coroutine left suspended would never free its frame.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void StorageThread::openSqlite(const QString &path, Durability durability)
{
    blocking([&](Storage &storage) { storage.openSqlite(path, durability); });
}

bool StorageThread::enqueue(Job *job)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.size() >= MaxQueuedJobs)
            return false;
        m_queue.push_back(job);
    }
    m_wake.notify_one();
    return true;
}

void StorageThread::workerLoop()
{
    std::vector<Job *> batch;
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            break; // stopping, and everything queued is done
        batch.clear();
        while (!m_queue.empty() && batch.size() < MaxBatch) {
            batch.push_back(m_queue.front());
            m_queue.pop_front();
        }
        lock.unlock();
        process(batch);
        lock.lock();
    }
    lock.unlock();
    m_storage->close(); // on the thread that opened it
}

void StorageThread::process(const std::vector<Job *> &batch)
{
    std::size_t next = 0;
    while (next < batch.size()) {
        if (!batch[next]->isWrite()) {
            // A read sees only committed data: writes queued before it were committed in
            // the group before, and it does not wait for writes queued after it.
            static_cast<void>(batch[next]->execute(*m_storage));
            ++next;
            continue;
        }
        std::size_t end = next;
        while (end < batch.size() && batch[end]->isWrite())
            ++end;
        commitGroup(batch, next, end);
        next = end;
    }
    for (Job *job : batch)
        job->finish(*this);
}

void StorageThread::commitGroup(const std::vector<Job *> &batch, std::size_t begin, std::size_t end)
{
    const auto failAll = [&](const std::exception_ptr &error) {
        for (std::size_t i = begin; i < end; ++i)
            batch[i]->fail(error);
    };
    try {
        m_storage->beginBatch();
    } catch (const std::exception &error) {
        qCWarning(lcStorage) << "cannot start a write:" << error.what();
        failAll(std::current_exception());
        return;
    }
    for (std::size_t i = begin; i < end; ++i) {
        if (m_storage->batchBroken()) {
            batch[i]->fail(std::make_exception_ptr(
                StorageError("the database lost the transaction of an earlier write")));
            continue;
        }
        m_storage->inSavepoint([&] { return batch[i]->execute(*m_storage); });
    }
    try {
        m_storage->commitBatch();
    } catch (const std::exception &error) {
        qCWarning(lcStorage) << "writes of" << (end - begin)
                             << "requests were not stored:" << error.what();
        failAll(std::current_exception());
    }
}

} // namespace FinChat
