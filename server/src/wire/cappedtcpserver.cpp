#include "wire/cappedtcpserver.h"

#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace FinChat {

CappedTcpServer::CappedTcpServer(Caps caps, QObject *parent)
    : QTcpServer(parent)
    , m_caps(caps)
{}

void CappedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_open >= m_caps.maxConnections) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    // Connected before the server that takes the socket connects its own: this sees each
    // chunk while it is still unread, and so counts everything that arrives.
    auto received = std::make_shared<qint64>(0);
    connect(socket, &QIODevice::readyRead, socket, [this, socket, received] {
        *received += socket->bytesAvailable();
        if (*received > m_caps.maxBytesIn)
            socket->abort();
    });
    QTimer::singleShot(m_caps.lifetime, socket, [socket] { socket->abort(); });
    addPendingConnection(socket);
    emit newConnection();
}

} // namespace FinChat
