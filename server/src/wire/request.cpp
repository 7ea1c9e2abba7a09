#include "wire/request.h"

#include "wire/abandoned.h"
#include "wire/clientconnection.h"

namespace FinChat {

Request::Request(ClientConnection *connection, QString type, QJsonValue id, QJsonObject fields)
    : m_connection(connection)
    , m_type(std::move(type))
    , m_id(std::move(id))
    , m_fields(std::move(fields))
{}

ClientConnection *Request::connection() const
{
    ClientConnection *connection = m_connection.data();
    return connection && connection->isOpen() ? connection : nullptr;
}

ClientConnection *Request::liveConnection() const
{
    ClientConnection *live = connection();
    if (!live)
        throw Abandoned();
    return live;
}

} // namespace FinChat
