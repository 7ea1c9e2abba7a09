#pragma once

#include "storage/records.h"

#include <QObject>
#include <QTimer>

#include <qcoro/qcorotask.h>

namespace FinChat {

class StorageThread;

// The server's standing rules for its data, apart from any request: the default room
// exists, and sessions idle past their lifetime are purged (at start and hourly).
class Housekeeping : public QObject
{
    Q_OBJECT

public:
    Housekeeping(StorageThread &storage, qint64 sessionLifetimeMs, QObject *parent = nullptr);

    // At start, before anything is served, the one place that waits for storage: the default
    // room is created if missing, idle sessions go, and the rooms are read for the directory.
    // Throws StorageError when the database cannot be read.
    RoomsSnapshot prepare();
    void startPurging();

private:
    QCoro::Task<> purgeIdleSessions();

    StorageThread &m_storage;
    qint64 m_sessionLifetimeMs;
    QTimer m_purgeTimer;
};

} // namespace FinChat
