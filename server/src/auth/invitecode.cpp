#include "auth/invitecode.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

namespace FinChat {

namespace {

// Base32 without the letters people confuse with digits is not needed: the code is compared
// case-insensitively and pasted more often than typed.
constexpr QLatin1StringView Alphabet{"abcdefghijklmnopqrstuvwxyz234567"};
constexpr int Length = 20;
constexpr int Group = 5;

} // namespace

QString InviteCode::generate()
{
    QString code;
    for (int i = 0; i < Length; ++i) {
        if (i > 0 && i % Group == 0)
            code += u'-';
        code += Alphabet.at(QRandomGenerator::system()->bounded(Alphabet.size()));
    }
    return code;
}

QByteArray InviteCode::hash(const QString &typed)
{
    QString normal;
    for (const QChar c : typed) {
        if (c == u'-' || c.isSpace())
            continue;
        const QChar lower = c.toLower();
        if (!Alphabet.contains(lower))
            return {};
        normal += lower;
    }
    if (normal.size() != Length)
        return {};
    return QCryptographicHash::hash(normal.toLatin1(), QCryptographicHash::Sha256);
}

QString InviteCode::summary(qint64 uses, std::optional<qint64> expiresAt)
{
    const QString count = uses == 1 ? QStringLiteral("1 use") : QStringLiteral("%1 uses").arg(uses);
    if (!expiresAt)
        return count;
    return QStringLiteral("%1, until %2 UTC")
        .arg(count, QDateTime::fromMSecsSinceEpoch(*expiresAt, Qt::UTC)
                        .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

} // namespace FinChat
