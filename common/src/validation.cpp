#include "finchat/validation.h"

#include <QRegularExpression>

#include <algorithm>

namespace FinChat::Validation {

namespace {

using namespace Qt::StringLiterals;

bool hasControlCharacter(QStringView text, bool allowLineBreaks = false)
{
    return std::any_of(text.begin(), text.end(), [allowLineBreaks](QChar c) {
        return c.category() == QChar::Other_Control && !(allowLineBreaks && c == u'\n');
    });
}

// The lower-cased text when it matches the whole pattern.
std::optional<QString> lowerCasedIfMatching(const QRegularExpression &pattern, QStringView text)
{
    QString lowered = text.toString().toLower();
    if (!pattern.match(lowered).hasMatch())
        return std::nullopt;
    return lowered;
}

// The trimmed text when it is short enough, not empty unless allowed, and has no control
// characters.
std::optional<QString> trimmedIfPrintable(QStringView text, qsizetype maxLength, bool allowEmpty,
                                          bool allowLineBreaks = false)
{
    QString trimmed = text.trimmed().toString();
    if ((trimmed.isEmpty() && !allowEmpty) || codePointCount(trimmed) > maxLength ||
        hasControlCharacter(trimmed, allowLineBreaks))
        return std::nullopt;
    return trimmed;
}

} // namespace

std::optional<QString> normalizedUsername(QStringView username)
{
    static const QRegularExpression pattern(u"\\A[a-z0-9][a-z0-9_.\\-]{2,31}\\z"_s);
    return lowerCasedIfMatching(pattern, username);
}

bool isValidPassword(QStringView password)
{
    // Counted in characters a person types (code points), not UTF-16 units: four emoji are
    // four characters, not eight.
    const qsizetype length = codePointCount(password);
    return length >= PasswordMinLength && length <= PasswordMaxLength;
}

std::optional<QString> normalizedDisplayName(QStringView displayName)
{
    return trimmedIfPrintable(displayName, DisplayNameMaxLength, false);
}

std::optional<QString> normalizedRoomName(QStringView roomName)
{
    static const QRegularExpression pattern(u"\\A[a-z0-9][a-z0-9_\\-]{1,31}\\z"_s);
    return lowerCasedIfMatching(pattern, roomName);
}

std::optional<QString> normalizedTopic(QStringView topic)
{
    return trimmedIfPrintable(topic, TopicMaxLength, true);
}

std::optional<QString> normalizedReason(QStringView reason)
{
    return trimmedIfPrintable(reason.toString().simplified(), ReasonMaxLength, true);
}

std::optional<QString> normalizedBio(QStringView bio)
{
    return trimmedIfPrintable(bio.toString().simplified(), BioMaxLength, true);
}

std::optional<QString> normalizedMotd(QStringView motd)
{
    QString lines = motd.toString();
    lines.replace(u"\r\n"_s, u"\n"_s);
    return trimmedIfPrintable(lines, MotdMaxLength, true, true);
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() &&
              text.at(i + 1).isLowSurrogate()))
            ++count;
    }
    return count;
}

std::optional<CommandInvocation> parseCommand(QStringView body)
{
    // "/name" or "/name=argument"; a name starts with a letter. Anything else that happens to
    // start with '/' (a path, "/ shrug") stays an ordinary message.
    static const QRegularExpression pattern(u"\\A/([A-Za-z][A-Za-z0-9_\\-]{0,31})(?:=(.*))?\\z"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    const auto match = pattern.match(body);
    if (!match.hasMatch())
        return std::nullopt;
    return CommandInvocation{match.captured(1).toLower(), match.captured(2)};
}

} // namespace FinChat::Validation
