#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace FinChat {

// Invite codes: 100 random bits as 20 letters and digits in groups of five
// ("k3vxq-a7mzt-2xwpe-h5rcu"), short enough to read out, long enough that nobody guesses one. The
// server keeps only the SHA-256 of a code's normal form.
class InviteCode
{
public:
    static QString generate();
    // Of what a person typed: case, spaces and dashes do not matter. Empty when it cannot be
    // a code.
    static QByteArray hash(const QString &typed);
    // What an invite allows, for the audit log and the command line: "3 uses, until
    // 2026-12-01 12:00 UTC".
    static QString summary(qint64 uses, std::optional<qint64> expiresAt);
};

} // namespace FinChat
