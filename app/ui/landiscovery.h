#pragma once

#include "wire/lanannouncer.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>

namespace FinChat::Ui {

// The FinChat servers announcing themselves on the local network (LanAnnouncer), for the
// connect dialog to offer. A server that stops announcing drops off after a few missed
// announcements.
class LanDiscovery : public QObject
{
    Q_OBJECT

public:
    struct Server
    {
        QString name;
        QHostAddress address;
        quint16 port = 0;
        QString fingerprint;
        qint64 lastHeardMs = 0; // on a monotonic clock: a change of the time of day is harmless
    };

    explicit LanDiscovery(quint16 port = LanAnnouncer::DefaultPort, QObject *parent = nullptr);

    // False when the port cannot be listened on (then nothing is discovered).
    bool start();
    const QList<Server> &servers() const { return m_servers; }

signals:
    void serversChanged();

private:
    void read();
    // True when the list shows something new.
    bool remember(const LanAnnouncer::Announcement &announcement, const QHostAddress &from);
    void forgetSilent();

    quint16 m_port;
    QUdpSocket m_socket;
    QTimer m_expiry;
    QElapsedTimer m_clock;
    QList<Server> m_servers;
};

} // namespace FinChat::Ui
