#include "handlers/housekeeping.h"

#include "storage/storage.h"
#include "storage/storagethread.h"

#include "finchat/protocol.h"

#include <QLoggingCategory>

namespace FinChat {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHousekeeping, "finchat.server.housekeeping")

namespace {
// Sessions idle past their lifetime are refused anyway; this keeps the table from growing.
constexpr std::chrono::hours PurgeInterval{1};
} // namespace

Housekeeping::Housekeeping(StorageThread &storage, qint64 sessionLifetimeMs, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_sessionLifetimeMs(sessionLifetimeMs)
{
    m_purgeTimer.setInterval(PurgeInterval);
    connect(&m_purgeTimer, &QTimer::timeout, this, &Housekeeping::purgeIdleSessions);
}

RoomsSnapshot Housekeeping::prepare()
{
    return m_storage.blocking([this](Storage &storage) {
        storage.defaultRoom();
        storage.deleteIdleSessions(m_sessionLifetimeMs);
        return storage.roomsSnapshot();
    });
}

void Housekeeping::startPurging()
{
    m_purgeTimer.start();
}

QCoro::Task<> Housekeeping::purgeIdleSessions()
{
    auto purging = m_storage.write(this, [maxIdleMs = m_sessionLifetimeMs](Storage &storage) {
        return storage.deleteIdleSessions(maxIdleMs);
    });
    try {
        co_await purging;
    } catch (const std::exception &error) {
        qCWarning(lcHousekeeping) << "could not purge idle sessions:" << error.what();
    }
}

} // namespace FinChat
