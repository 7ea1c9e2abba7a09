#include "state/onlineusers.h"

namespace FinChat {

bool OnlineUsers::add(const Author &user, ClientConnection *connection)
{
    auto &list = m_connections[user.id];
    list.append(connection);
    if (list.size() != 1)
        return false;
    m_users.insert(user.id, user);
    if (!m_sink)
        return true;
    m_sink(user, true);
    return false;
}

bool OnlineUsers::remove(const Author &user, ClientConnection *connection)
{
    const auto it = m_connections.find(user.id);
    if (it == m_connections.end() || !it->removeOne(connection))
        return false;
    if (!it->isEmpty())
        return false;
    m_connections.erase(it);
    m_users.remove(user.id);
    if (!m_sink)
        return true;
    m_sink(user, false);
    return false;
}

void OnlineUsers::updateUser(const Author &user)
{
    if (m_users.contains(user.id))
        m_users.insert(user.id, user);
    if (const auto where = m_onServers.find(user.id); where != m_onServers.end())
        where->user = user;
}

bool OnlineUsers::isOnlineElsewhere(qint64 userId) const
{
    const auto where = m_onServers.constFind(userId);
    return where != m_onServers.constEnd() &&
           (where->servers.size() > 1 || !where->servers.contains(m_self));
}

QList<Author> OnlineUsers::everyone() const
{
    QList<Author> users = here();
    for (const Whereabouts &where : m_onServers) {
        if (!m_users.contains(where.user.id) && isOnlineElsewhere(where.user.id))
            users.append(where.user);
    }
    return users;
}

QList<Author> OnlineUsers::here() const
{
    return m_users.values();
}

bool OnlineUsers::setOnlineOn(const QString &server, const Author &user, bool online)
{
    Whereabouts &where = m_onServers[user.id];
    const bool before = !where.servers.isEmpty();
    if (online) {
        where.user = user;
        where.servers.insert(server);
    } else {
        where.servers.remove(server);
    }
    const bool after = !where.servers.isEmpty();
    if (!after)
        m_onServers.remove(user.id);
    return before != after;
}

QList<std::pair<Author, bool>> OnlineUsers::replaceServer(const QString &server,
                                                          const QList<Author> &users)
{
    QList<std::pair<Author, bool>> changed;
    QSet<qint64> listed;
    for (const Author &user : users) {
        listed.insert(user.id);
        if (setOnlineOn(server, user, true))
            changed.append({user, true});
    }
    QList<Author> gone;
    for (const Whereabouts &where : std::as_const(m_onServers)) {
        if (!listed.contains(where.user.id) && where.servers.contains(server))
            gone.append(where.user);
    }
    for (const Author &user : std::as_const(gone)) {
        if (setOnlineOn(server, user, false))
            changed.append({user, false});
    }
    return changed;
}

} // namespace FinChat
