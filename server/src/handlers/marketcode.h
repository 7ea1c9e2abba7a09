#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace FinChat {

// Market codes and prices as the server reads and writes them.

// A market code as stooq spells it, lower-cased: letters, digits and the marks market codes
// use ("aapl.us", "^spx", "cl.f"), at most 20 characters. The bot has its own rules; this
// keeps junk out of the server's caches and tables. nullopt when `text` is not one.
inline std::optional<QString> normalizedMarketCode(const QString &text)
{
    static const QRegularExpression rule(QStringLiteral("\\A[a-z0-9^][a-z0-9._\\-^]{0,19}\\z"));
    QString code = text.trimmed().toLower();
    if (!rule.match(code).hasMatch())
        return std::nullopt;
    return code;
}

// A price as people write it: two decimals, more when the price has them (FX: 1.0843).
inline QString priceText(double price)
{
    QString text = QString::number(price, 'f', 4);
    while (text.endsWith(u'0') && text.indexOf(u'.') < text.size() - 3)
        text.chop(1);
    return text;
}

} // namespace FinChat
