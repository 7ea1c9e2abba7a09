#include "storage/searchquery.h"

#include <QRegularExpression>

namespace FinChat::SearchQuery {

using namespace Qt::StringLiterals;

namespace {

// A single character is a word of its own: as a prefix it would read the index of nearly
// every word.
bool asPrefix(const QString &word)
{
    return word.size() > 1;
}

} // namespace

QStringList words(const QString &text)
{
    // A word starts with a letter or digit: marks alone (the U+FE0F after an emoji) are no
    // word to the tokenizers, and an empty term would match nothing.
    static const QRegularExpression word(u"[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*"_s);
    QStringList found;
    for (auto match = word.globalMatch(text); match.hasNext() && found.size() < MaxTerms;)
        found.append(match.next().captured(0));
    return found;
}

QString fts5Match(const QStringList &words)
{
    // A term in double quotes is a string to FTS5, whatever it holds; '*' after it makes it
    // a prefix.
    QStringList terms;
    for (const QString &word : words)
        terms.append(u'"' + word + (asPrefix(word) ? u"\"*"_s : u"\""_s));
    return terms.join(u' ');
}

QString tsQuery(const QStringList &words)
{
    // Quoted, a term is one lexeme whatever it holds (a word holds no quote to escape);
    // ':*' makes it a prefix, '&' requires every one.
    QStringList terms;
    for (const QString &word : words)
        terms.append(u'\'' + word + (asPrefix(word) ? u"':*"_s : u"'"_s));
    return terms.join(u" & "_s);
}

} // namespace FinChat::SearchQuery
