#pragma once

#include "historyservice.h"
#include "quoteservice.h"

#include "finchat/botplugin.h"

#include <QObject>

namespace FinChat::Stock {

// The stock bot: /stock=CODE, /day_range=CODE and /chart=CODE[,PERIOD], answered from stooq.
// A quote also carries the change since the previous close, from the daily history.
//
// Settings ([bot.stockbot] in the server's configuration file):
//   stooq_url      base URL of the quote endpoint (default https://stooq.com/q/l/);
//                  the environment variable FINCHAT_STOOQ_URL wins over it
//   stooq_history_url  base URL of the daily history endpoint (default: ../d/l/ from the
//                  quote endpoint, https://stooq.com/q/d/l/ as on stooq)
//   timeout_ms     how long to wait for stooq (default 5000)
//   cache_seconds  how long a quote is reused (default 15; 0 turns the cache off)
//   history_cache_seconds  how long a daily history is reused (default 600)
class StockBot : public QObject, public BotPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID FinChatBotPlugin_iid FILE "stockbot.json")
    Q_INTERFACES(FinChat::BotPlugin)

public:
    explicit StockBot(QObject *parent = nullptr);

    void start(BotContext *context) override;
    void handleCommand(const BotRequest &request) override;

private:
    void applySettings();
    void answerQuotes(quint64 id, Command command, const QStringList &codes);
    void answerChart(quint64 id, const ChartRequest &chart);

    BotContext *m_context = nullptr;
    QuoteService m_quotes;
    HistoryService m_history;
};

} // namespace FinChat::Stock
