#pragma once

#include "finchat/protocol/protocolerror.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QPointer>
#include <QString>

namespace FinChat {

class ClientConnection;
using Protocol::invalidField;
using Protocol::ProtocolError;

// Where a request came from and how to answer it: its connection, type and id. Its fields
// reach the handler already read into the typed message (finchat/protocol/requests.h).
class Request
{
public:
    Request(ClientConnection *connection, QString type, QJsonValue id, QJsonObject fields);

    // Null once the connection is closing or gone (it may still exist until its deferred
    // delete); handlers that suspend must fetch it anew after every co_await.
    ClientConnection *connection() const;
    // The same, for a handler that cannot go on without it: throws Abandoned (the request
    // is dropped without an answer, there being nobody to answer) when the client has left.
    ClientConnection *liveConnection() const;
    const QString &type() const { return m_type; }
    const QJsonValue &id() const { return m_id; }
    const QJsonObject &fields() const { return m_fields; }

private:
    QPointer<ClientConnection> m_connection;
    QString m_type;
    QJsonValue m_id;
    QJsonObject m_fields;
};

} // namespace FinChat
