#pragma once

#include <QObject>

class QSocketNotifier;

namespace FinChat {

// Turns SIGINT and SIGTERM into a Qt signal delivered on the event loop, so that shutdown
// runs ordinary code (close sockets, close the database) instead of dying mid-write; and
// SIGHUP, the daemon convention for "read your files again", into reloadRequested.
// Uses the self-pipe pattern: the handler only writes a byte, which is async-signal-safe.
class ProcessSignals : public QObject
{
    Q_OBJECT

public:
    explicit ProcessSignals(QObject *parent = nullptr);
    ~ProcessSignals() override;

signals:
    void shutdownRequested(int signalNumber);
    void reloadRequested();

private:
    QSocketNotifier *m_notifier = nullptr; // reads the signal pipe (Unix)
};

} // namespace FinChat
