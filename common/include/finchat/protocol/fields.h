#pragma once

#include "finchat/protocol/protocolerror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <limits>
#include <optional>
#include <tuple>
#include <type_traits>

// How a message type names its fields, once, so that writing and reading (with validation)
// follow from the same list. A type lists its fields in a static fields() function:
//
//     static auto fields() { return std::tuple{field("room"_L1, &RoomJoin::room, maxLength(256))};
//     }
//
// Plain members are required, std::optional members may be missing or null, bool members
// missing or null mean false, QJsonObject members missing or null mean empty. Integers are
// qint64. Lengths count UTF-16 units (a cap on size; code-point rules are the server's). Strings
// must be valid Unicode (JSON escapes can spell lone surrogates), integers whole and in range,
// numbers (double) finite and in range.
namespace FinChat::Protocol {

struct FieldRule
{
    // Any text field is bounded; the frame size limit bounds it further.
    qsizetype maxLength = 1 << 20;
    // Integers travel as JSON doubles: whole and within the exactly representable range.
    qint64 minimum = -(qint64(1) << 53);
    qint64 maximum = qint64(1) << 53;
    // A bool written only when true ("bot": true), to keep frames small.
    bool omitWhenFalse = false;
};

constexpr FieldRule maxLength(qsizetype length)
{
    return {.maxLength = length};
}
constexpr FieldRule range(qint64 minimum, qint64 maximum)
{
    return {.minimum = minimum, .maximum = maximum};
}
inline constexpr FieldRule OmitWhenFalse{.omitWhenFalse = true};

template<typename T>
concept Described = requires
{
    T::fields();
};

template<Described T>
QJsonObject toJson(const T &value);
template<Described T>
T fromJson(const QJsonObject &json);

namespace Detail {

template<typename T>
struct IsOptional : std::false_type
{};
template<typename T>
struct IsOptional<std::optional<T>> : std::true_type
{
    using Inner = T;
};
template<typename T>
struct IsList : std::false_type
{};
template<typename T>
struct IsList<QList<T>> : std::true_type
{
    using Inner = T;
};

QString checkedString(QLatin1StringView key, const QJsonValue &value, const FieldRule &rule);
qint64 checkedInteger(QLatin1StringView key, const QJsonValue &value, const FieldRule &rule);
QJsonObject checkedObject(QLatin1StringView key, const QJsonValue &value);
QJsonArray checkedArray(QLatin1StringView key, const QJsonValue &value);
bool checkedBool(QLatin1StringView key, const QJsonValue &value);
double checkedNumber(QLatin1StringView key, const QJsonValue &value, const FieldRule &rule);

template<typename V>
V readValue(QLatin1StringView key, const QJsonValue &value, const FieldRule &rule)
{
    if constexpr (IsOptional<V>::value) {
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        return readValue<typename IsOptional<V>::Inner>(key, value, rule);
    } else if constexpr (std::is_same_v<V, bool>) {
        return value.isUndefined() || value.isNull() ? false : checkedBool(key, value);
    } else if constexpr (std::is_same_v<V, QJsonObject>) {
        return value.isUndefined() || value.isNull() ? QJsonObject() : checkedObject(key, value);
    } else {
        if (value.isUndefined())
            throw invalidField(key, QStringLiteral("is required"));
        if constexpr (std::is_same_v<V, QString>) {
            return checkedString(key, value, rule);
        } else if constexpr (std::is_same_v<V, double>) {
            return checkedNumber(key, value, rule);
        } else if constexpr (std::is_integral_v<V>) {
            // One integer type, so that no range is cut short by a narrower member.
            static_assert(std::is_same_v<V, qint64>, "integer fields are qint64");
            return checkedInteger(key, value, rule);
        } else if constexpr (std::is_same_v<V, QStringList>) {
            QStringList list;
            for (const QJsonValue &item : checkedArray(key, value))
                list.append(checkedString(key, item, rule));
            return list;
        } else if constexpr (IsList<V>::value) {
            V list;
            for (const QJsonValue &item : checkedArray(key, value))
                list.append(fromJson<typename IsList<V>::Inner>(checkedObject(key, item)));
            return list;
        } else {
            return fromJson<V>(checkedObject(key, value));
        }
    }
}

template<typename V>
void writeValue(QJsonObject &json, QLatin1StringView key, const V &value, const FieldRule &rule)
{
    if constexpr (IsOptional<V>::value) {
        if (value)
            writeValue(json, key, *value, rule);
    } else if constexpr (std::is_same_v<V, bool>) {
        if (value || !rule.omitWhenFalse)
            json.insert(key, value);
    } else if constexpr (std::is_same_v<V, QString> || std::is_same_v<V, QJsonObject> ||
                         std::is_same_v<V, double>) {
        json.insert(key, value);
    } else if constexpr (std::is_integral_v<V>) {
        static_assert(std::is_same_v<V, qint64>, "integer fields are qint64");
        json.insert(key, value);
    } else if constexpr (std::is_same_v<V, QStringList>) {
        json.insert(key, QJsonArray::fromStringList(value));
    } else if constexpr (IsList<V>::value) {
        QJsonArray array;
        for (const auto &item : value)
            array.append(toJson(item));
        json.insert(key, array);
    } else {
        json.insert(key, toJson(value));
    }
}

} // namespace Detail

// One named member of a message type.
template<typename Owner, typename Value>
struct Field
{
    QLatin1StringView key;
    Value Owner::*member;
    FieldRule rule;

    void write(const Owner &owner, QJsonObject &json) const
    {
        Detail::writeValue(json, key, owner.*member, rule);
    }
    void read(Owner &owner, const QJsonObject &json) const
    {
        owner.*member = Detail::readValue<Value>(key, json.value(key), rule);
    }
};

template<typename Owner, typename Value>
constexpr Field<Owner, Value> field(QLatin1StringView key, Value Owner::*member,
                                    FieldRule rule = {})
{
    return {key, member, rule};
}

// A member whose own fields sit beside the owner's, not nested: a Member is a User plus
// "online", all in one object.
template<typename Owner, typename Value>
struct Inlined
{
    Value Owner::*member;

    void write(const Owner &owner, QJsonObject &json) const
    {
        const QJsonObject inner = toJson(owner.*member);
        for (auto it = inner.begin(); it != inner.end(); ++it)
            json.insert(it.key(), it.value());
    }
    void read(Owner &owner, const QJsonObject &json) const
    {
        owner.*member = fromJson<Value>(json);
    }
};

template<typename Owner, typename Value>
constexpr Inlined<Owner, Value> inlined(Value Owner::*member)
{
    return {member};
}

// The JSON object of a value, without "type" or "id".
template<Described T>
QJsonObject toJson(const T &value)
{
    QJsonObject json;
    std::apply([&](const auto &...fields) { (fields.write(value, json), ...); }, T::fields());
    return json;
}

// The value from a JSON object; throws ProtocolError(InvalidField) naming the first field
// that is missing, null where it may not be, of another type, too long or out of range.
// Members it does not know are ignored, so that new optional fields stay compatible.
template<Described T>
T fromJson(const QJsonObject &json)
{
    T value{};
    std::apply([&](const auto &...fields) { (fields.read(value, json), ...); }, T::fields());
    return value;
}

} // namespace FinChat::Protocol
