#include "core/highlighter.h"

#include "core/chatmessage.h"

namespace FinChat::Client {

using namespace Qt::StringLiterals;

void Highlighter::setUsername(const QString &username)
{
    m_username = username;
    compile();
}

void Highlighter::setWords(const QStringList &words)
{
    m_words.clear();
    for (const QString &word : words)
        if (const QString trimmed = word.trimmed(); !trimmed.isEmpty())
            m_words.append(trimmed);
    compile();
}

void Highlighter::compile()
{
    QStringList alternatives;
    for (const QString &term : QStringList{m_username} + m_words)
        if (!term.isEmpty())
            alternatives.append(QRegularExpression::escape(term));
    // A whole word, with an optional @ or $ in front: "alice" is not in "malice" or in the
    // address "x@alice.com", but is in "@alice,"; "AAPL" is in "$AAPL" and in the stooq code
    // "aapl.us", not in "AAPLX".
    m_pattern = alternatives.isEmpty()
                    ? QRegularExpression()
                    : QRegularExpression(
                          u"(?<![\\w.@$-])[@$]?(?:%1)(?![\\w-])"_s.arg(alternatives.join(u'|')),
                          QRegularExpression::CaseInsensitiveOption |
                              QRegularExpression::UseUnicodePropertiesOption);
}

bool Highlighter::highlights(const ChatMessage &message) const
{
    const bool toldByServer =
        message.kind == ChatMessage::Kind::Notice || message.kind == ChatMessage::Kind::Activity;
    return message.user != m_username && !toldByServer && !m_pattern.pattern().isEmpty() &&
           m_pattern.match(message.body).hasMatch();
}

} // namespace FinChat::Client
