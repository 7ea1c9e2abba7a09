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
// is online on which server as the bus tells it (ClusterBus keeps that part). A user is
// online while they have at least one connection on any server.
class OnlineUsers
{
public:
    // Told when a user's first connection on this server opens (true) or its last closes.
    // With a sink (several servers), its owner announces who came online and who went
    // offline, in the order all servers hear of it; add() and remove() then say false.
    using PresenceSink = std::function<void(const Author &user, bool online)>;
    // server: this server's id on the bus.
    void setPresenceSink(const QString &server, PresenceSink sink)
    {
        m_self = server;
        m_sink = std::move(sink);
    }

    // true when this is the user's first connection: they just came online.
    bool add(const Author &user, ClientConnection *connection);
    // true when this was the user's last connection: they just went offline.
    bool remove(const Author &user, ClientConnection *connection);
    // The user's new name or role, for everyone() and here().
    void updateUser(const Author &user);
    bool isOnline(qint64 userId) const
    {
        return m_connections.contains(userId) || isOnlineElsewhere(userId);
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

    // The bus's news, in its order, this server's own included: the user's first connection
    // on that server opened, or its last closed. true when that made them come online or go
    // offline across all servers.
    bool setOnlineOn(const QString &server, const Author &user, bool online);
    // Everyone online on that server, as it said (nobody: it is gone); those who thereby came
    // online or went offline across all servers, each with the new state.
    QList<std::pair<Author, bool>> replaceServer(const QString &server, const QList<Author> &users);

private:
    bool isOnlineElsewhere(qint64 userId) const;

    QHash<qint64, QList<ClientConnection *>> m_connections;
    QHash<qint64, Author> m_users; // of m_connections
    // Who is online on which server, as the bus told it: on which, and who they are.
    struct Whereabouts
    {
        Author user;
        QSet<QString> servers;
    };
    QHash<qint64, Whereabouts> m_onServers;
    QString m_self;
    PresenceSink m_sink;
};

} // namespace FinChat
