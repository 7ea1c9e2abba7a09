#pragma once

#include <QRegularExpression>
#include <QStringList>

namespace FinChat::Client {

struct ChatMessage;

// Whether a message is about the reader: someone else's message (not a notice) that names
// them (alice, @alice) or one of the words they watch (AAPL, $AAPL, earnings), as whole
// words, in any case. Both the highlight in the conversation and the notification ask here.
class Highlighter
{
public:
    // The reader, whose own messages are never about them.
    void setUsername(const QString &username);
    void setWords(const QStringList &words);
    bool highlights(const ChatMessage &message) const;

private:
    void compile();

    QString m_username;
    QStringList m_words;
    QRegularExpression m_pattern;
};

} // namespace FinChat::Client
