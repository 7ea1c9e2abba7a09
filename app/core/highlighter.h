#pragma once

#include <QRegularExpression>
#include <QStringList>

namespace FinChat::Client {

// Whether a message is about the reader: it names them (alice, @alice) or one of the words
// they watch (AAPL, $AAPL, earnings), as whole words, in any case.
class Highlighter
{
public:
    void setUsername(const QString &username);
    void setWords(const QStringList &words);
    const QStringList &words() const { return m_words; }
    bool matches(const QString &body) const;

private:
    void compile();

    QString m_username;
    QStringList m_words;
    QRegularExpression m_pattern;
};

} // namespace FinChat::Client
