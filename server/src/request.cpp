#include "request.h"

#include "abandoned.h"
#include "clientconnection.h"

namespace FinChat {

using namespace Qt::StringLiterals;

ProtocolError invalidField(QLatin1StringView key, const QString &expectation)
{
    return {Protocol::ErrorCode::InvalidField, u"field '%1' %2"_s.arg(key, expectation)};
}

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

QString Request::string(QLatin1StringView key, qsizetype maxLength) const
{
    const QJsonValue value = m_fields.value(key);
    if (value.isUndefined())
        throw invalidField(key, u"is required"_s);
    return checkedString(key, value, maxLength);
}

ClientConnection *Request::liveConnection() const
{
    ClientConnection *live = connection();
    if (!live)
        throw Abandoned();
    return live;
}

std::optional<QString> Request::optionalString(QLatin1StringView key, qsizetype maxLength) const
{
    const QJsonValue value = m_fields.value(key);
    // An optional field may be left out or be null; both mean "not given".
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return checkedString(key, value, maxLength);
}

QString Request::checkedString(QLatin1StringView key, const QJsonValue &value, qsizetype maxLength)
{
    if (!value.isString())
        throw invalidField(key, value.isNull() ? u"must be a string, not null"_s
                                               : u"must be a string"_s);
    QString text = value.toString();
    if (text.size() > maxLength)
        throw invalidField(key, u"must be at most %1 characters"_s.arg(maxLength));
    // JSON's \uXXXX escapes can spell a lone surrogate, which no UTF-8 can store or send on.
    if (!text.isValidUtf16())
        throw invalidField(key, u"must be valid Unicode (it holds a lone surrogate)"_s);
    return text;
}

std::optional<qint64> Request::optionalInteger(QLatin1StringView key, qint64 minimum,
                                               qint64 maximum) const
{
    const QJsonValue value = m_fields.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
    // JSON numbers are doubles; only integral values inside the range are accepted.
    if (!value.isDouble() || number != std::floor(number) ||
        number < static_cast<double>(minimum) || number > static_cast<double>(maximum))
        throw invalidField(key,
                           u"must be a whole number from %1 to %2"_s.arg(minimum).arg(maximum));
    return static_cast<qint64>(number);
}

} // namespace FinChat
