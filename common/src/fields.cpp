#include "finchat/protocol/fields.h"

#include <cmath>

namespace FinChat::Protocol {

using namespace Qt::StringLiterals;

ProtocolError invalidField(QLatin1StringView key, const QString &expectation)
{
    return {ErrorCode::InvalidField, u"field '%1' %2"_s.arg(key, expectation)};
}

namespace Detail {

QString checkedString(QLatin1StringView key, const QJsonValue &value, const FieldRule &rule)
{
    if (!value.isString())
        throw invalidField(key, value.isNull() ? u"must be a string, not null"_s
                                               : u"must be a string"_s);
    QString text = value.toString();
    if (text.size() > rule.maxLength)
        throw invalidField(key, u"must be at most %1 characters"_s.arg(rule.maxLength));
    // JSON's \uXXXX escapes can spell a lone surrogate, which no UTF-8 can store or send on.
    if (!text.isValidUtf16())
        throw invalidField(key, u"must be valid Unicode (it holds a lone surrogate)"_s);
    // PostgreSQL stores no U+0000 in text, and no text of a chat needs one.
    if (text.contains(QChar(0)))
        throw invalidField(key, u"must not hold the character U+0000"_s);
    return text;
}

qint64 checkedInteger(QLatin1StringView key, const QJsonValue &value, const FieldRule &rule)
{
    const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
    // JSON numbers are doubles; only integral values inside the range are accepted.
    if (!value.isDouble() || number != std::floor(number) ||
        number < static_cast<double>(rule.minimum) || number > static_cast<double>(rule.maximum))
        throw invalidField(
            key, u"must be a whole number from %1 to %2"_s.arg(rule.minimum).arg(rule.maximum));
    return static_cast<qint64>(number);
}

double checkedNumber(QLatin1StringView key, const QJsonValue &value, const FieldRule &rule)
{
    const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
    // Qt reads a number too large for a double as infinity; no field means that.
    if (!value.isDouble() || !std::isfinite(number) || number < static_cast<double>(rule.minimum) ||
        number > static_cast<double>(rule.maximum))
        throw invalidField(key,
                           u"must be a number from %1 to %2"_s.arg(rule.minimum).arg(rule.maximum));
    return number;
}

QJsonObject checkedObject(QLatin1StringView key, const QJsonValue &value)
{
    if (!value.isObject())
        throw invalidField(key, u"must be an object"_s);
    return value.toObject();
}

QJsonArray checkedArray(QLatin1StringView key, const QJsonValue &value)
{
    if (!value.isArray())
        throw invalidField(key, u"must be an array"_s);
    return value.toArray();
}

bool checkedBool(QLatin1StringView key, const QJsonValue &value)
{
    if (!value.isBool())
        throw invalidField(key, u"must be true or false"_s);
    return value.toBool();
}

} // namespace Detail
} // namespace FinChat::Protocol
