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
    if (m_remoteUsers.contains(user.id))
        m_remoteUsers.insert(user.id, user);
}

QList<Author> OnlineUsers::everyone() const
{
    QList<Author> users = here();
    for (auto it = m_remoteUsers.cbegin(); it != m_remoteUsers.cend(); ++it) {
        if (!m_users.contains(it.key()))
            users.append(it.value());
    }
    return users;
}

QList<Author> OnlineUsers::here() const
{
    return m_users.values();
}

void OnlineUsers::setOnlineElsewhere(const QString &server, const Author &user, bool online)
{
    if (online) {
        m_remoteServers[user.id].insert(server);
        m_remoteUsers.insert(user.id, user);
    } else if (const auto it = m_remoteServers.find(user.id); it != m_remoteServers.end()) {
        it->remove(server);
        if (it->isEmpty()) {
            m_remoteServers.erase(it);
            m_remoteUsers.remove(user.id);
        }
    }
}

void OnlineUsers::replaceServer(const QString &server, const QList<Author> &users)
{
    QSet<qint64> listed;
    for (const Author &user : users) {
        listed.insert(user.id);
        setOnlineElsewhere(server, user, true);
    }
    const auto known = m_remoteUsers; // a copy: the loop changes it
    for (const Author &user : known) {
        if (!listed.contains(user.id) && m_remoteServers.value(user.id).contains(server))
            setOnlineElsewhere(server, user, false);
    }
}

} // namespace FinChat
