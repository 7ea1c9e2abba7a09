#pragma once

#include <QHash>
#include <QList>

namespace FinChat {

class ClientConnection;

// Which logged-in connections each user has. A user is online while they have at least one.
class OnlineUsers
{
public:
    // true when this is the user's first connection: they just came online.
    bool add(qint64 userId, ClientConnection *connection);
    // true when this was the user's last connection: they just went offline.
    bool remove(qint64 userId, ClientConnection *connection);
    bool isOnline(qint64 userId) const { return m_connections.contains(userId); }
    QList<ClientConnection *> connectionsOf(qint64 userId) const
    {
        return m_connections.value(userId);
    }
    const QHash<qint64, QList<ClientConnection *>> &all() const { return m_connections; }

private:
    QHash<qint64, QList<ClientConnection *>> m_connections;
};

} // namespace FinChat
