#pragma once

#include "quoteservice.h"

#include "finchat/botplugin.h"

#include <QObject>

namespace FinChat::Stock {

// The stock bot: /stock=CODE and /day_range=CODE, answered from stooq.
//
// Settings ([bot.stockbot] in the server's configuration file):
//   stooq_url      base URL of the quote endpoint (default https://stooq.com/q/l/);
//                  the environment variable FINCHAT_STOOQ_URL wins over it
//   timeout_ms     how long to wait for stooq (default 5000)
//   cache_seconds  how long an answer is reused (default 15; 0 turns the cache off)
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

    BotContext *m_context = nullptr;
    QuoteService m_quotes;
};

} // namespace FinChat::Stock
