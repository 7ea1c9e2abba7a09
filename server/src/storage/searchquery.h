#pragma once

#include <QString>
#include <QStringList>

namespace FinChat::SearchQuery {

// At most this many words of what people type are searched for.
inline constexpr int MaxTerms = 10;

// The words of what a person typed into a search field: runs of letters and digits, as the
// databases' tokenizers split them; everything else separates words. People type words, not
// a query language: quotes, operators and column filters in the text are only separators
// here, so no input can make the query fail. Empty when the text holds no word.
QStringList words(const QString &text);

// The words as an FTS5 query (SQLite): every word must be in the message, each as the start
// of a word ("aapl" finds "AAPL.US").
QString fts5Match(const QStringList &words);

// The same as a tsquery (PostgreSQL's to_tsquery).
QString tsQuery(const QStringList &words);

} // namespace FinChat::SearchQuery
