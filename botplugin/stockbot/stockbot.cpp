#include "stockbot.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

namespace FinChat::Stock {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStockBot, "finchat.bots.stockbot")

namespace {
// How much longer than for its quote an answer waits for the daily histories.
constexpr auto HistoryGrace = std::chrono::milliseconds(1500);

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
    const auto webUrl = [](const QString &text) -> std::optional<QUrl> {
        const QUrl url(text, QUrl::StrictMode);
        if (url.isValid() && (url.scheme() == "http"_L1 || url.scheme() == "https"_L1))
            return url;
        qCWarning(lcStockBot) << "ignoring stooq URL" << text << "(not an http or https URL)";
        return std::nullopt;
    };
    QString base = qEnvironmentVariable("FINCHAT_STOOQ_URL");
    if (base.isEmpty())
        base = m_context->setting(u"stooq_url"_s);
    if (!base.isEmpty()) {
        if (const auto url = webUrl(base))
            m_quotes.setBaseUrl(*url);
    }
    // On stooq the history lives beside the quotes (/q/l/ and /q/d/l/), and so it does on a
    // stand-in that copies its layout.
    QUrl quotes = m_quotes.baseUrl();
    if (!quotes.path().endsWith(u'/'))
        quotes.setPath(quotes.path() + u'/'); // .../q/l is the folder .../q/l/ too
    m_history.setBaseUrl(quotes.resolved(QUrl(u"../d/l/"_s)));
    const QString historyBase = m_context->setting(u"stooq_history_url"_s);
    if (!historyBase.isEmpty()) {
        if (const auto url = webUrl(historyBase))
            m_history.setBaseUrl(*url);
    }
    const auto timeout =
        std::chrono::milliseconds(positiveSetting(m_context, u"timeout_ms"_s, 5000));
    m_quotes.setTimeout(timeout);
    m_history.setTimeout(timeout);
    m_quotes.setCacheLifetime(
        std::chrono::seconds(positiveSetting(m_context, u"cache_seconds"_s, 15)));
    m_history.setCacheLifetime(
        std::chrono::seconds(positiveSetting(m_context, u"history_cache_seconds"_s, 600)));
    qCInfo(lcStockBot).noquote() << "quotes from" << m_quotes.baseUrl().toString()
                                 << "daily history from" << m_history.baseUrl().toString();
}

void StockBot::handleCommand(const BotRequest &request)
{
    const Command command = request.command == "day_range"_L1 ? Command::DayRange
                            : request.command == "chart"_L1   ? Command::Chart
                                                              : Command::Quote;
    if (command == Command::Chart) {
        if (const auto chart = parseChart(request.argument))
            answerChart(request.id, *chart);
        else
            m_context->reply(request.id, usage(command), {{u"error"_s, u"usage"_s}});
        return;
    }
    if (const auto codes = parseCodes(request.argument))
        answerQuotes(request.id, command, *codes);
    else // nothing worth asking stooq: answer with the usage at once
        m_context->reply(request.id, usage(command), {{u"error"_s, u"usage"_s}});
}

void StockBot::answerQuotes(quint64 id, Command command, const QStringList &codes)
{
    // A quote waits for its codes' daily histories too (asked at the same time), for the
    // change since the previous close, but only a little longer than for the quote itself:
    // a slow history costs the change, not the answer. A day range needs no history.
    struct Gathered
    {
        qsizetype waiting = 0;
        bool answered = false;
        FetchOutcome quotes;
        QHash<QString, HistoryOutcome> histories;
    };
    auto gathered = std::make_shared<Gathered>();
    // While stooq's daily limit pauses the quotes, the answer is "busy" whatever the history
    // says: asking for it would only spend more of the limit.
    const bool withHistory = command == Command::Quote && m_quotes.pausedForSeconds() == 0;
    gathered->waiting = 1 + (withHistory ? codes.size() : 0);
    const auto answer = [self = QPointer<StockBot>(this), id, command, codes, gathered] {
        if (gathered->answered || !self)
            return;
        gathered->answered = true;
        Reply reply = composeReply(command, codes, gathered->quotes, gathered->histories);
        // After stooq's daily limit, say when asking again is worth it (price alerts wait).
        if (const qint64 pause = self->m_quotes.pausedForSeconds(); pause > 0)
            reply.data.insert(u"retryAfter"_s, pause);
        self->m_context->reply(id, reply.text, reply.data);
    };
    // m_quotes is ours: it calls back only while this bot exists.
    m_quotes.lookup(codes, [this, gathered, answer](const FetchOutcome &outcome) {
        gathered->quotes = outcome;
        const bool quoted =
            outcome.kind == FetchKind::Answered && outcome.answer.kind == StooqAnswer::Kind::Quotes;
        if (--gathered->waiting == 0 || !quoted)
            answer(); // all there, or no quote for a history to add to
        else
            QTimer::singleShot(HistoryGrace, this, answer);
    });
    if (!withHistory)
        return;
    for (const QString &code : codes) {
        m_history.lookup(code, [gathered, answer, code](const HistoryOutcome &outcome) {
            gathered->histories.insert(code, outcome);
            if (--gathered->waiting == 0)
                answer();
        });
    }
}

void StockBot::answerChart(quint64 id, const ChartRequest &chart)
{
    m_history.lookup(chart.code,
                     [self = QPointer<StockBot>(this), id, chart](const HistoryOutcome &outcome) {
                         if (!self)
                             return;
                         const Reply reply = composeChart(chart, outcome);
                         self->m_context->reply(id, reply.text, reply.data);
                     });
}

} // namespace FinChat::Stock
