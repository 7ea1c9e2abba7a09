#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

class QWebSocket;

namespace FinChat {

// The address a connection comes from, as the per-address limits and the logs know it.
// Behind a load balancer every connection comes from the balancer; the balancer names the
// client in the WebSocket handshake's X-Forwarded-For header (HAProxy: `option forwardfor`),
// and that is believed only from the configured proxies ([server] trusted_proxies), never
// from anyone else, who could name any address to dodge a limit.
class ForwardedAddress
{
public:
    using Subnet = std::pair<QHostAddress, int>;

    // "10.0.0.5, 10.0.1.0/24, ::1": addresses and subnets; nullopt when one is neither.
    static std::optional<QList<Subnet>> parseTrusted(const QString &setting);

    // The client's address: the last one X-Forwarded-For names, when the socket's peer is a
    // trusted proxy and names one; otherwise the peer's. IPv4 mapped into IPv6 is written as
    // IPv4, so that one client is one key however it arrived.
    static QString of(const QWebSocket &socket, const QList<Subnet> &trusted);
};

} // namespace FinChat
