#include "core/tickers.h"

namespace FinChat::Client {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype MaxCodeLength = 20; // what quote.get takes
constexpr qsizetype MaxMentions = 20;   // per message: a list of 500 tickers is not 500 chips

// stooq's market suffixes: United States, United Kingdom, Germany, Japan, Hong Kong,
// Poland, futures, crypto.
bool isMarket(QStringView suffix)
{
    static const QStringList markets{u".us"_s, u".uk"_s, u".de"_s, u".jp"_s,
                                     u".hk"_s, u".pl"_s, u".f"_s,  u".v"_s};
    return markets.contains(suffix.toString());
}
} // namespace

QString TickerRule::defaultPattern()
{
    // "$" and a symbol, not after a letter or digit (foo$AAPL) and not a price ($5, $5.20);
    // or a code with one of stooq's market suffixes, as a whole word.
    return uR"((?<![\w$])\$[A-Za-z][A-Za-z0-9]{0,9}(?:\.[A-Za-z]{1,2})?\b)"
           uR"(|(?<![\w.^$@-])\^?[A-Za-z0-9][A-Za-z0-9-]{0,9}\.(?:us|uk|de|jp|hk|pl|f|v)\b(?!\.\w))"_s;
}

TickerRule::TickerRule()
    : m_pattern(defaultPattern(), QRegularExpression::CaseInsensitiveOption |
                                      QRegularExpression::UseUnicodePropertiesOption)
    , m_market(QString::fromLatin1(DefaultMarket))
{}

bool TickerRule::setPattern(const QString &pattern)
{
    QRegularExpression candidate(pattern, QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::UseUnicodePropertiesOption);
    if (pattern.isEmpty() || !candidate.isValid())
        return false;
    m_pattern = candidate;
    return true;
}

void TickerRule::setMarket(const QString &suffix)
{
    m_market =
        suffix.isEmpty() || suffix.startsWith(u'.') ? suffix.toLower() : u'.' + suffix.toLower();
}

QList<TickerMention> TickerRule::find(const QString &text, const QList<Link> &links) const
{
    QList<TickerMention> found;
    for (auto match = m_pattern.globalMatch(text); match.hasNext() && found.size() < MaxMentions;) {
        const QRegularExpressionMatch next = match.next();
        const qsizetype start = next.capturedStart();
        const qsizetype length = next.capturedLength();
        if (length == 0)
            continue;
        const bool inLink = std::any_of(links.cbegin(), links.cend(), [&](const Link &link) {
            return start < link.start + link.length && link.start < start + length;
        });
        if (inLink)
            continue;
        // "$AAPL" and, with a pattern of one's own, "#AAPL": the mark is not part of the code,
        // and a symbol without a market is in the default one.
        QString code = next.captured().toLower();
        if (!code.isEmpty() && !code.front().isLetterOrNumber() && code.front() != u'^') {
            code.remove(0, 1);
            // "$VOW3.DE" names its market; in "$BRK.B" the B is a share class, which stooq
            // writes brk-b.us.
            const qsizetype dot = code.indexOf(u'.');
            if (dot >= 0 && !isMarket(code.mid(dot)))
                code[dot] = u'-';
            if (dot < 0 || !isMarket(code.mid(dot)))
                code += m_market;
        }
        if (!code.isEmpty() && code.size() <= MaxCodeLength)
            found.append({start, length, code});
    }
    return found;
}

} // namespace FinChat::Client
