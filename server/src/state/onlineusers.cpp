#include "state/onlineusers.h"

namespace FinChat {

bool OnlineUsers::add(qint64 userId, ClientConnection *connection)
{
    auto &list = m_connections[userId];
    list.append(connection);
    return list.size() == 1;
}

bool OnlineUsers::remove(qint64 userId, ClientConnection *connection)
{
    const auto it = m_connections.find(userId);
    if (it == m_connections.end() || !it->removeOne(connection))
        return false;
    if (!it->isEmpty())
        return false;
    m_connections.erase(it);
    return true;
}

} // namespace FinChat
