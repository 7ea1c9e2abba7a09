#pragma once

#include "finchat/protocol.h"

#include <QLatin1StringView>
#include <QString>

#include <exception>

namespace FinChat::Protocol {

// A request or frame that breaks the protocol: thrown by fromJson and by the server's
// handlers, answered with an error frame; the connection stays open.
class ProtocolError : public std::exception
{
public:
    ProtocolError(ErrorCode code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    {}
    ErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }
    const char *what() const noexcept override { return "FinChat protocol error"; }

private:
    ErrorCode m_code;
    QString m_message;
};

// invalid_field, naming the field: "field 'room' must be a string".
ProtocolError invalidField(QLatin1StringView key, const QString &expectation);

} // namespace FinChat::Protocol
