#include "finchat/validation.h"

#include <QRegularExpression>

#include <algorithm>

namespace FinChat::Validation {

namespace {

using namespace Qt::StringLiterals;

bool hasControlCharacter(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

bool matchesWholly(const QRegularExpression &pattern, QStringView text)
{
    return pattern.match(text).hasMatch();
}

} // namespace

std::optional<QString> normalizedUsername(QStringView username)
{
    static const QRegularExpression pattern(u"\\A[a-z0-9][a-z0-9_.\\-]{2,31}\\z"_s);
    QString lowered = username.toString().toLower();
    if (!matchesWholly(pattern, lowered))
        return std::nullopt;
    return lowered;
}

bool isValidPassword(QStringView password)
{
    return password.size() >= PasswordMinLength && password.size() <= PasswordMaxLength;
}

std::optional<QString> normalizedDisplayName(QStringView displayName)
{
    QString trimmed = displayName.trimmed().toString();
    if (trimmed.isEmpty() || codePointCount(trimmed) > DisplayNameMaxLength ||
        hasControlCharacter(trimmed))
        return std::nullopt;
    return trimmed;
}

std::optional<QString> normalizedRoomName(QStringView roomName)
{
    static const QRegularExpression pattern(u"\\A[a-z0-9][a-z0-9_\\-]{1,31}\\z"_s);
    QString lowered = roomName.toString().toLower();
    if (!matchesWholly(pattern, lowered))
        return std::nullopt;
    return lowered;
}

std::optional<QString> normalizedTopic(QStringView topic)
{
    QString trimmed = topic.trimmed().toString();
    if (codePointCount(trimmed) > TopicMaxLength || hasControlCharacter(trimmed))
        return std::nullopt;
    return trimmed;
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()))
            ++count;
    }
    return count;
}

std::optional<CommandInvocation> parseCommand(QStringView body)
{
    // "/name" or "/name=argument"; a name starts with a letter. Anything else that happens to
    // start with '/' (a path, "/ shrug") stays an ordinary message.
    static const QRegularExpression pattern(
        u"\\A/([A-Za-z][A-Za-z0-9_\\-]{0,31})(?:=(.*))?\\z"_s,
        QRegularExpression::DotMatchesEverythingOption);
    const auto match = pattern.match(body);
    if (!match.hasMatch())
        return std::nullopt;
    return CommandInvocation{match.captured(1).toLower(), match.captured(2)};
}

} // namespace FinChat::Validation
