#pragma once

#include "wire/lanannouncer.h"

#include <QDateTime>
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
        bool tls = true;
        QString fingerprint;
        QDateTime lastHeard;
    };

    explicit LanDiscovery(quint16 port = LanAnnouncer::DefaultPort, QObject *parent = nullptr);

    // False when the port cannot be listened on (then nothing is discovered).
    bool start();
    const QList<Server> &servers() const { return m_servers; }

signals:
    void serversChanged();

private:
    void read();
    void forgetSilent();

    quint16 m_port;
    QUdpSocket m_socket;
    QTimer m_expiry;
    QList<Server> m_servers;
};

} // namespace FinChat::Ui
