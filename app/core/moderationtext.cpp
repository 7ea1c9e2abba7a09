#include "core/moderationtext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace FinChat::Client::ModerationText {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FinChat::Client::ModerationText", text);
}

QString withReason(const QString &text, const std::optional<QString> &reason)
{
    if (!reason || reason->isEmpty())
        return text;
    return tr("%1 Reason: %2").arg(text, *reason);
}

// The time alone today, with the date on any other day.
QString when(qint64 ms)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

} // namespace

QString removed(const QString &by, const QString &who, bool itIsMe,
                const std::optional<QString> &reason)
{
    const QString text = itIsMe ? tr("%1 removed you from this room.").arg(by)
                                : tr("%1 removed %2 from this room.").arg(by, who);
    return withReason(text, reason);
}

QString muted(const QString &by, const QString &who, bool itIsMe, qint64 until,
              const std::optional<QString> &reason)
{
    const QString text = itIsMe
                             ? tr("%1 muted you in this room until %2.").arg(by, when(until))
                             : tr("%1 muted %2 in this room until %3.").arg(by, who, when(until));
    return withReason(text, reason);
}

QString unmuted(const QString &by, const QString &who, bool itIsMe)
{
    return itIsMe ? tr("%1 lifted your mute in this room.").arg(by)
                  : tr("%1 lifted the mute of %2 in this room.").arg(by, who);
}

QString mutedHere(qint64 until)
{
    return tr("A moderator muted you in this room until %1.").arg(when(until));
}

} // namespace FinChat::Client::ModerationText
