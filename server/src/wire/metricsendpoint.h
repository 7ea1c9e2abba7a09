#pragma once

#include "finchat/protocol/requests.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>

class QHttpServer;

namespace FinChat {

// GET /metrics in Prometheus's text format, on a port of its own (loopback unless configured
// otherwise): the figures server.status gives admins, for a scraper. Read-only, no login:
// whoever can reach the port sees how busy the server is, its version and its bots' names,
// never which people are on it. Qt's HTTP server has no connection or body limits of its
// own, so it serves through a CappedTcpServer: 8 connections at once, 10 s and 16 KiB in
// each. It shares the chat's event loop: keep the port where only the scraper reaches it.
class MetricsEndpoint : public QObject
{
    Q_OBJECT

public:
    using Snapshot = std::function<Protocol::ServerStatusOk()>;
    explicit MetricsEndpoint(Snapshot snapshot, QObject *parent = nullptr);
    ~MetricsEndpoint() override;

    // The port listened on (port 0: a free one), or 0 when it cannot listen.
    quint16 listen(const QHostAddress &address, quint16 port);

    static QByteArray prometheusText(const Protocol::ServerStatusOk &status);

private:
    Snapshot m_snapshot;
    std::unique_ptr<QHttpServer> m_http;
};

} // namespace FinChat
