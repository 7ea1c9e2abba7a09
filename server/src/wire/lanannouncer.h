#pragma once

#include "finchat/protocol.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>

#include <functional>

namespace FinChat {

// Tells the local network that a FinChat server is here, so the app's connect dialog can
// list it: every few seconds one small UDP datagram (docs/protocol.md, "Finding servers on
// the LAN") with the server's name, port and certificate fingerprint. It carries nothing
// secret, and nothing in it is trusted: the fingerprint is still compared by the person.
class LanAnnouncer : public QObject
{
    Q_OBJECT

public:
    static constexpr quint16 DefaultPort = Protocol::DiscoveryPort;
    static constexpr std::chrono::milliseconds Interval{3000};

    struct Announcement
    {
        QString name;        // the host's name, as people know the machine
        quint16 port = 0;    // where the WebSocket server listens
        bool tls = true;     // wss:// or ws://
        QString fingerprint; // SHA-256 of the certificate; empty in plaintext
    };

    // targets: where to send (the broadcast address on a LAN; tests use loopback).
    // from: the address the server listens on; when it is one interface's, announcements
    // leave from it, so that listeners see the address they can connect to.
    LanAnnouncer(std::function<Announcement()> describe, QList<QHostAddress> targets,
                 quint16 port = DefaultPort, const QHostAddress &from = QHostAddress::Any,
                 QObject *parent = nullptr);

    void start();
    void stop();

    static QByteArray encode(const Announcement &announcement);
    // Nothing for anything that is not a well-formed announcement.
    static std::optional<Announcement> decode(const QByteArray &datagram);

private:
    void announce();

    std::function<Announcement()> m_describe;
    QList<QHostAddress> m_targets;
    quint16 m_port;
    QUdpSocket m_socket;
    QTimer m_timer;
};

} // namespace FinChat
