#pragma once

#include "storage/records.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace FinChat {

class ClientConnection;

// Which logged-in connections each user has here, and, when servers share one database, who
// is online on the others (ClusterBus keeps that part). A user is online while they have at
// least one connection on any server.
class OnlineUsers
{
public:
    // Told when a user's first connection on this server opens (true) or its last closes.
    // With a sink (several servers), its owner announces who came online and who went
    // offline, in the order all servers hear of it; add() and remove() then say false.
    using PresenceSink = std::function<void(const Author &user, bool online)>;
    void setPresenceSink(PresenceSink sink) { m_sink = std::move(sink); }

    // true when this is the user's first connection: they just came online.
    bool add(const Author &user, ClientConnection *connection);
    // true when this was the user's last connection: they just went offline.
    bool remove(const Author &user, ClientConnection *connection);
    // The user's new name or role, for everyone() and here().
    void updateUser(const Author &user);
    bool isOnline(qint64 userId) const
    {
        return m_connections.contains(userId) || m_remoteServers.contains(userId);
    }
    QList<ClientConnection *> connectionsOf(qint64 userId) const
    {
        return m_connections.value(userId);
    }
    // This server's connections, by user.
    const QHash<qint64, QList<ClientConnection *>> &all() const { return m_connections; }
    // Everyone online, on any server.
    QList<Author> everyone() const;
    // Everyone with a connection on this server.
    QList<Author> here() const;

    // Another server's news: the user's first connection there opened, or its last closed.
    void setOnlineElsewhere(const QString &server, const Author &user, bool online);
    // Everyone online on that server, as it said (nobody: it is gone).
    void replaceServer(const QString &server, const QList<Author> &users);

private:
    QHash<qint64, QList<ClientConnection *>> m_connections;
    QHash<qint64, Author> m_users; // of m_connections
    // Users online on other servers: on which, and who they are.
    QHash<qint64, QSet<QString>> m_remoteServers;
    QHash<qint64, Author> m_remoteUsers;
    PresenceSink m_sink;
};

} // namespace FinChat
