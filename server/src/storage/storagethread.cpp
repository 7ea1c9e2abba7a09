#include "storage/storagethread.h"

#include <QFileInfo>

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

void StorageThread::open(const DatabaseLocation &location, Durability durability)
{
    blocking([&](Storage &storage) { storage.open(location, durability); });
    m_postgres = location.isPostgres();
    if (m_postgres)
        blocking([this](Storage &storage) { measurePostgres(storage); });
    else
        m_path = QFileInfo(location.sqlitePath()).absoluteFilePath();
}

void StorageThread::openSqlite(const QString &path, Durability durability)
{
    open(DatabaseLocation::sqliteFile(path), durability);
}

void StorageThread::measurePostgres(Storage &storage)
{
    m_postgresBytes = storage.postgresDatabaseBytes();
    m_postgresMeasured = std::chrono::steady_clock::now();
}

qint64 StorageThread::databaseBytes() const
{
    if (m_postgres)
        return m_postgresBytes;
    if (m_path.isEmpty())
        return 0;
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

bool StorageThread::post(std::function<void(Storage &)> work)
{
    auto *job = new PostedJob(std::move(work));
    if (enqueue(job))
        return true;
    delete job;
    return false;
}

bool StorageThread::PostedJob::execute(Storage &storage)
{
    try {
        m_work(storage);
        return true;
    } catch (const std::exception &error) {
        qCWarning(lcStorage) << "a posted write failed:" << error.what();
        return false;
    }
}

void StorageThread::PostedJob::fail(std::exception_ptr error)
{
    try {
        std::rethrow_exception(std::move(error));
    } catch (const std::exception &failure) {
        qCWarning(lcStorage) << "a posted write was not stored:" << failure.what();
    }
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
    // Every write of the batch goes into one group commit, however reads are interleaved
    // with them: that is what makes a durable commit cheap under load. Reads run after it, so
    // each read sees at least every write that was queued before it. Each job's waiter is
    // resumed as soon as its result is final (posted in that order, so writers resume in
    // queue order, and before the reads).
    // A job may be destroyed as soon as it is finished (its coroutine resumes and moves on),
    // so the two lists are made before anything is finished, and a job is never touched
    // after its finish().
    if (m_postgres && m_batchFailed)
        reconnectIfLost();
    std::vector<Job *> writes;
    std::vector<Job *> reads;
    for (Job *job : batch)
        (job->isWrite() ? writes : reads).push_back(job);
    m_batchFailed = !writes.empty() && !commitGroup(writes);
    // Asking PostgreSQL is a query, so it is asked now and then, between batches.
    if (m_postgres && std::chrono::steady_clock::now() - m_postgresMeasured > RemeasureInterval) {
        try {
            measurePostgres(*m_storage);
        } catch (const StorageError &error) {
            qCWarning(lcStorage) << "cannot measure the database:" << error.what();
        }
    }
    for (Job *job : writes)
        job->finish(*this);
    for (Job *job : reads) {
        if (!job->execute(*m_storage))
            m_batchFailed = true;
        job->finish(*this);
    }
}

void StorageThread::reconnectIfLost()
{
    const auto now = std::chrono::steady_clock::now();
    if (now - m_reconnectTried < ReconnectInterval)
        return;
    m_reconnectTried = now;
    try {
        if (m_storage->reopenIfLost())
            qCWarning(lcStorage) << "the connection to PostgreSQL was lost; it is open again";
    } catch (const StorageError &error) {
        qCWarning(lcStorage) << "PostgreSQL cannot be reached yet:" << error.what();
    }
}

bool StorageThread::commitGroup(const std::vector<Job *> &writes)
{
    const auto failAll = [&](const std::exception_ptr &error) {
        for (Job *job : writes)
            job->fail(error);
    };
    try {
        m_storage->beginBatch();
    } catch (const std::exception &error) {
        qCWarning(lcStorage) << "cannot start a write:" << error.what();
        failAll(std::current_exception());
        return false;
    }
    bool allStored = true;
    for (Job *job : writes) {
        if (m_storage->batchBroken()) {
            job->fail(std::make_exception_ptr(
                StorageError("the database lost the transaction of an earlier write")));
            allStored = false;
            continue;
        }
        if (!m_storage->inSavepoint([&] { return job->execute(*m_storage); }))
            allStored = false;
    }
    try {
        m_storage->commitBatch();
    } catch (const std::exception &error) {
        qCWarning(lcStorage) << "writes of" << writes.size()
                             << "requests were not stored:" << error.what();
        failAll(std::current_exception());
        return false;
    }
    return allStored;
}

} // namespace FinChat
