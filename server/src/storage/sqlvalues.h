#pragma once

#include <QMetaType>
#include <QVariant>

#include <optional>

// Between std::optional and SQL NULL, for Storage's statements and rows.
namespace FinChat::SqlValues {

// A bound value: SQL NULL when there is none.
template<typename T>
QVariant orNull(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<T>());
}

// A column's value: nullopt when it is NULL.
template<typename T>
std::optional<T> optionalValue(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.value<T>();
}

} // namespace FinChat::SqlValues
