#include "ui/landiscovery.h"

#include <QNetworkDatagram>

namespace FinChat::Ui {

namespace {
constexpr int MaxServers = 32;          // what a list in a dialog can usefully show
constexpr int MaxServersPerAddress = 4; // several servers on one machine, on other ports
constexpr int MaxDatagramsPerRead = 64;
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
    m_clock.start();
    m_expiry.start();
    return true;
}

void LanDiscovery::read()
{
    bool changed = false;
    // A flood must not hold the window: the rest waits for the next round of the event loop.
    for (int budget = MaxDatagramsPerRead; budget > 0 && m_socket.hasPendingDatagrams(); --budget) {
        const QNetworkDatagram datagram = m_socket.receiveDatagram(2048);
        const auto announcement = LanAnnouncer::decode(datagram.data());
        // This app speaks only wss://: a plaintext server could not be joined from here.
        if (!announcement || !announcement->tls)
            continue;
        const QHostAddress from(datagram.senderAddress().toIPv4Address());
        changed = remember(*announcement, from) || changed;
    }
    if (m_socket.hasPendingDatagrams())
        QMetaObject::invokeMethod(this, &LanDiscovery::read, Qt::QueuedConnection);
    if (changed)
        emit serversChanged();
}

bool LanDiscovery::remember(const LanAnnouncer::Announcement &announcement,
                            const QHostAddress &from)
{
    auto known = std::find_if(m_servers.begin(), m_servers.end(), [&](const Server &server) {
        return server.address == from && server.port == announcement.port;
    });
    const bool isNew = known == m_servers.end();
    if (isNew) {
        // One machine gets a few entries at most, and a full list makes room by forgetting
        // the server heard least recently: nobody can crowd the others out for good.
        const auto fromThere =
            std::count_if(m_servers.cbegin(), m_servers.cend(),
                          [&](const Server &server) { return server.address == from; });
        if (fromThere >= MaxServersPerAddress)
            return false;
        if (m_servers.size() >= MaxServers)
            m_servers.erase(std::min_element(
                m_servers.begin(), m_servers.end(),
                [](const Server &a, const Server &b) { return a.lastHeardMs < b.lastHeardMs; }));
        m_servers.append(Server());
        known = m_servers.end() - 1;
    }
    const bool changed =
        isNew || known->name != announcement.name || known->fingerprint != announcement.fingerprint;
    *known = {announcement.name, from, announcement.port, announcement.fingerprint,
              m_clock.elapsed()};
    return changed;
}

void LanDiscovery::forgetSilent()
{
    const qint64 cutoff =
        m_clock.elapsed() - 4 * std::chrono::milliseconds(LanAnnouncer::Interval).count();
    const auto removed =
        m_servers.removeIf([&](const Server &server) { return server.lastHeardMs < cutoff; });
    if (removed > 0)
        emit serversChanged();
}

} // namespace FinChat::Ui
