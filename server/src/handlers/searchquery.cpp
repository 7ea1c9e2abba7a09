#include "handlers/searchquery.h"

#include <QRegularExpression>
#include <QStringList>

namespace FinChat::SearchQuery {

using namespace Qt::StringLiterals;

std::optional<QString> fromText(const QString &text)
{
    // Letters and digits, as FTS5's unicode61 tokenizer splits them; everything else
    // separates words.
    static const QRegularExpression word(u"[\\p{L}\\p{N}\\p{M}]+"_s);
    QStringList terms;
    for (auto match = word.globalMatch(text); match.hasNext() && terms.size() < MaxTerms;) {
        // A term in double quotes is a string to FTS5, whatever it holds; '*' after it makes
        // it a prefix.
        terms.append(u'"' + match.next().captured(0) + u"\"*"_s);
    }
    if (terms.isEmpty())
        return std::nullopt;
    return terms.join(u' ');
}

} // namespace FinChat::SearchQuery
