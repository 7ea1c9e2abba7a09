#pragma once

#include <QString>

#include <optional>

namespace FinChat::SearchQuery {

// At most this many words of what people type are searched for.
inline constexpr int MaxTerms = 10;

// What a person typed into a search field as an FTS5 query: every word must be in the
// message, each as the start of a word ("aapl" finds "AAPL.US"). People type words, not
// FTS5's syntax: quotes, operators and column filters in the text are only words here, so no
// input can make the query fail. nullopt when the text holds no word.
std::optional<QString> fromText(const QString &text);

} // namespace FinChat::SearchQuery
