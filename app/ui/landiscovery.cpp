#include "ui/landiscovery.h"

#include <QNetworkDatagram>

namespace FinChat::Ui {

namespace {
constexpr int MaxServers = 64; // a flood of fake announcements cannot grow the list forever
} // namespace

LanDiscovery::LanDiscovery(quint16 port, QObject *parent)
    : QObject(parent)
    , m_port(port)
{
    m_expiry.setInterval(LanAnnouncer::Interval);
    connect(&m_expiry, &QTimer::timeout, this, &LanDiscovery::forgetSilent);
    connect(&m_socket, &QUdpSocket::readyRead, this, &LanDiscovery::read);
}

bool LanDiscovery::start()
{
    // Shared, so that two FinChat windows on one machine both hear the announcements.
    if (!m_socket.bind(QHostAddress::AnyIPv4, m_port,
                       QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint))
        return false;
    m_expiry.start();
    return true;
}

void LanDiscovery::read()
{
    bool changed = false;
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket.receiveDatagram(2048);
        const auto announcement = LanAnnouncer::decode(datagram.data());
        if (!announcement)
            continue;
        const QHostAddress from(datagram.senderAddress().toIPv4Address());
        auto known = std::find_if(m_servers.begin(), m_servers.end(), [&](const Server &server) {
            return server.address == from && server.port == announcement->port;
        });
        if (known == m_servers.end()) {
            if (m_servers.size() >= MaxServers)
                continue;
            m_servers.append(Server());
            known = m_servers.end() - 1;
            changed = true;
        }
        changed = changed || known->name != announcement->name ||
                  known->fingerprint != announcement->fingerprint;
        *known = {announcement->name,        from,
                  announcement->port,        announcement->tls,
                  announcement->fingerprint, QDateTime::currentDateTimeUtc()};
    }
    if (changed)
        emit serversChanged();
}

void LanDiscovery::forgetSilent()
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addMSecs(
        -4 * std::chrono::milliseconds(LanAnnouncer::Interval).count());
    const auto removed =
        m_servers.removeIf([&](const Server &server) { return server.lastHeard < cutoff; });
    if (removed > 0)
        emit serversChanged();
}

} // namespace FinChat::Ui
