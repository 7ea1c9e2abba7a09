#include "handlers/searchquery.h"

#include <QRegularExpression>
#include <QStringList>

namespace FinChat::SearchQuery {

using namespace Qt::StringLiterals;

std::optional<QString> fromText(const QString &text)
{
    // Letters and digits, as FTS5's unicode61 tokenizer splits them; everything else
    // separates words. A word starts with a letter or digit: marks alone (the U+FE0F after
    // an emoji) are no word to the tokenizer, and an empty term would match nothing.
    static const QRegularExpression word(u"[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*"_s);
    QStringList terms;
    for (auto match = word.globalMatch(text); match.hasNext() && terms.size() < MaxTerms;) {
        // A term in double quotes is a string to FTS5, whatever it holds; '*' after it makes
        // it a prefix. A single character is a word of its own: as a prefix it would read
        // the index of nearly every word.
        const QString term = match.next().captured(0);
        terms.append(u'"' + term + (term.size() > 1 ? u"\"*"_s : u"\""_s));
    }
    if (terms.isEmpty())
        return std::nullopt;
    return terms.join(u' ');
}

} // namespace FinChat::SearchQuery
