#include "state/onlineusers.h"

namespace FinChat {

bool OnlineUsers::add(const Author &user, ClientConnection *connection)
{
    auto &list = m_connections[user.id];
    list.append(connection);
    if (list.size() != 1)
        return false;
    m_users.insert(user.id, user);
    if (m_sink)
        m_sink(user, true);
    return !m_remoteServers.contains(user.id);
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
    if (m_sink)
        m_sink(user, false);
    return !m_remoteServers.contains(user.id);
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

bool OnlineUsers::setOnlineElsewhere(const QString &server, const Author &user, bool online)
{
    const bool before = isOnline(user.id);
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
    return isOnline(user.id) != before;
}

QList<std::pair<Author, bool>> OnlineUsers::replaceServer(const QString &server,
                                                          const QList<Author> &users)
{
    QList<std::pair<Author, bool>> changed;
    QSet<qint64> listed;
    for (const Author &user : users) {
        listed.insert(user.id);
        if (setOnlineElsewhere(server, user, true))
            changed.append({user, true});
    }
    const auto known = m_remoteUsers; // a copy: the loop changes it
    for (const Author &user : known) {
        if (!listed.contains(user.id) && m_remoteServers.value(user.id).contains(server) &&
            setOnlineElsewhere(server, user, false))
            changed.append({user, false});
    }
    return changed;
}

} // namespace FinChat
