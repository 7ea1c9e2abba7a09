#pragma once

#include "finchat/validation.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

// What the administration commands (finchat-server user|bot ...) share: how they refuse, and
// how they read the display name that may follow an account's name.
namespace FinChat::AdminCommand {

// "finchat-server: <reason>" on the report stream; the exit code for a refusal.
inline int fail(QTextStream &report, const QString &reason)
{
    report << "finchat-server: " << reason << Qt::endl;
    return 1;
}

// The words after NAME joined as its display name (the name itself when there are none), or
// nullopt, said on the report stream, when they are not a valid one.
inline std::optional<QString> displayNameAfter(const QStringList &words, const QString &name,
                                               QTextStream &report)
{
    const QString given = words.join(u' ');
    auto shown = Validation::normalizedDisplayName(given.isEmpty() ? name : given);
    if (!shown)
        fail(report, QStringLiteral("a display name is 1 to 64 characters on one line"));
    return shown;
}

} // namespace FinChat::AdminCommand
