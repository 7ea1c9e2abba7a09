#pragma once

#include "finchat/protocol.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QPointer>
#include <QString>

#include <exception>
#include <optional>

namespace FinChat {

class ClientConnection;

// Thrown by request handlers to answer with an error frame; the connection stays open.
class ProtocolError : public std::exception
{
public:
    ProtocolError(Protocol::ErrorCode code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    {}
    Protocol::ErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }
    const char *what() const noexcept override { return "FinChat protocol error"; }

private:
    Protocol::ErrorCode m_code;
    QString m_message;
};

// One decoded request frame, with typed access to its fields. A missing or mistyped field
// throws ProtocolError(InvalidField) naming the field, so handlers read top to bottom.
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

    QString string(QLatin1StringView key, qsizetype maxLength) const;
    std::optional<QString> optionalString(QLatin1StringView key, qsizetype maxLength) const;
    std::optional<qint64> optionalInteger(QLatin1StringView key, qint64 minimum,
                                          qint64 maximum) const;

private:
    static QString checkedString(QLatin1StringView key, const QJsonValue &value,
                                 qsizetype maxLength);

    QPointer<ClientConnection> m_connection;
    QString m_type;
    QJsonValue m_id;
    QJsonObject m_fields;
};

ProtocolError invalidField(QLatin1StringView key, const QString &expectation);

} // namespace FinChat
