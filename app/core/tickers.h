#pragma once

#include "core/links.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace FinChat::Client {

// A ticker written in a message ("$AAPL", "aapl.us"): where it is, and the market code it
// stands for ("aapl.us"), as the stock bot and quote.get take it.
struct TickerMention
{
    qsizetype start = 0;
    qsizetype length = 0;
    QString code;
};

// Which words in a message are tickers. By default "$" and a symbol ($AAPL, $VOW3.DE, $BRK.B
// for brk-b.us; never a price such as $5), and stooq-style codes with a market suffix
// (aapl.us, vow3.de, cl.f), not in an e-mail address; words inside a link are not. A domain
// with a market's country ending (heise.de) looks like a code and is taken for one. A person may
// set their own pattern (the settings key tickers/pattern): each match is a ticker, a leading mark
// such as "$" or "#" is dropped, and then a code without a market gets the default market
// (tickers/market, ".us").
class TickerRule
{
public:
    static constexpr auto DefaultMarket = ".us";
    static QString defaultPattern();

    TickerRule();
    // False, keeping the rule as it was, when `pattern` is not a valid regular expression.
    bool setPattern(const QString &pattern);
    void setMarket(const QString &suffix);

    QList<TickerMention> find(const QString &text, const QList<Link> &links) const;

private:
    QRegularExpression m_pattern;
    QString m_market;
};

} // namespace FinChat::Client
