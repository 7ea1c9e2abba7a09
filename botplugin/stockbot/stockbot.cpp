#include "stockbot.h"

#include <QLoggingCategory>
#include <QPointer>

namespace FinChat::Stock {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStockBot, "finchat.bots.stockbot")

namespace {
int positiveSetting(const BotContext *context, const QString &key, int fallback)
{
    bool ok = false;
    const int value = context->setting(key).toInt(&ok);
    return ok && value >= 0 ? value : fallback;
}
} // namespace

StockBot::StockBot(QObject *parent)
    : QObject(parent)
{}

void StockBot::start(BotContext *context)
{
    m_context = context;
    applySettings();
}

void StockBot::applySettings()
{
    QString base = qEnvironmentVariable("FINCHAT_STOOQ_URL");
    if (base.isEmpty())
        base = m_context->setting(u"stooq_url"_s);
    if (!base.isEmpty()) {
        const QUrl url(base, QUrl::StrictMode);
        if (url.isValid() && (url.scheme() == "http"_L1 || url.scheme() == "https"_L1))
            m_quotes.setBaseUrl(url);
        else
            qCWarning(lcStockBot) << "ignoring stooq URL" << base << "(not an http or https URL)";
    }
    m_quotes.setTimeout(
        std::chrono::milliseconds(positiveSetting(m_context, u"timeout_ms"_s, 5000)));
    m_quotes.setCacheLifetime(
        std::chrono::seconds(positiveSetting(m_context, u"cache_seconds"_s, 15)));
    qCInfo(lcStockBot).noquote() << "quotes from" << m_quotes.baseUrl().toString();
}

void StockBot::handleCommand(const BotRequest &request)
{
    const Command command = request.command == "day_range"_L1 ? Command::DayRange : Command::Quote;
    const auto codes = parseCodes(request.argument);
    if (!codes) {
        // Nothing worth asking stooq: answer with the usage at once.
        m_context->reply(request.id, usage(command), {{u"error"_s, u"usage"_s}});
        return;
    }
    const quint64 id = request.id;
    m_quotes.lookup(*codes, [self = QPointer<StockBot>(this), id, command,
                             codes = *codes](const FetchOutcome &outcome) {
        if (!self)
            return;
        const Reply reply = composeReply(command, codes, outcome);
        self->m_context->reply(id, reply.text, reply.data);
    });
}

} // namespace FinChat::Stock
