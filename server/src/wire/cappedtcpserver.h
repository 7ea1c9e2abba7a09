#pragma once

#include <QTcpServer>

#include <chrono>

namespace FinChat {

// A TCP listener for a small side service (the metrics endpoint): at most `maxConnections`
// at once (one more is closed as soon as it is accepted), each open for at most `lifetime`
// and reading at most `maxBytesIn`, then aborted. Whoever serves the connections
// (QHttpServer::bind) needs no limits of its own, and a client that floods or stalls costs a
// bounded amount of memory and time on the chat's event loop.
class CappedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    struct Caps
    {
        int maxConnections = 8;
        std::chrono::milliseconds lifetime{10'000};
        qint64 maxBytesIn = 16 * 1024;
    };

    explicit CappedTcpServer(Caps caps, QObject *parent = nullptr);
    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Caps m_caps;
    int m_open = 0;
};

} // namespace FinChat
