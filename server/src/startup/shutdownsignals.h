#pragma once

#include <QObject>

namespace FinChat {

// Turns SIGINT and SIGTERM into a Qt signal delivered on the event loop, so that shutdown
// runs ordinary code (close sockets, close the database) instead of dying mid-write.
// Uses the self-pipe pattern: the handler only writes a byte, which is async-signal-safe.
class ShutdownSignals : public QObject
{
    Q_OBJECT

public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

signals:
    void shutdownRequested(int signalNumber);
};

} // namespace FinChat
