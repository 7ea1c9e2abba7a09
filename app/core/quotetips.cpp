#include "core/quotetips.h"

#include "core/errortext.h"
#include "core/serverlink.h"

#include <QPointer>

#include <chrono>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

namespace {
constexpr auto AnswerLifetime = std::chrono::seconds(30);
constexpr auto FailureLifetime = std::chrono::seconds(5);
constexpr qsizetype MaxKept = 200;
constexpr qsizetype MaxAsking = 8; // the server takes a few at a time from one connection
} // namespace

QuoteTips::QuoteTips(ServerLink *link, QObject *parent)
    : QObject(parent)
    , m_link(link)
{}

std::optional<Protocol::QuoteGetOk> QuoteTips::lookUp(const QString &code)
{
    if (const auto kept = m_kept.constFind(code);
        kept != m_kept.constEnd() && !kept->expiry.hasExpired())
        return kept->answer;
    if (!m_asking.contains(code) && m_asking.size() < MaxAsking)
        ask(code);
    return std::nullopt;
}

QCoro::Task<> QuoteTips::ask(QString code)
{
    m_asking.insert(code);
    QPointer<QuoteTips> self(this);
    auto asking = m_link->call(Protocol::QuoteGet{code});
    const auto answer = co_await asking;
    if (!self)
        co_return;
    m_asking.remove(code);
    m_kept.removeIf([](const auto &entry) { return entry.value().expiry.hasExpired(); });
    if (m_kept.size() >= MaxKept)
        m_kept.clear(); // rare: hundreds of tickers pointed at within 30 s
    if (answer.ok()) {
        // A quote, or the word that there is none, holds for a while; a failure not.
        const Protocol::QuoteGetOk &reply = answer.reply();
        const bool lasting = reply.quote || reply.error == u"unknown_symbol"_s;
        m_kept.insert(code, {reply, QDeadlineTimer(lasting ? AnswerLifetime : FailureLifetime)});
    } else {
        m_kept.insert(code,
                      {{code, ErrorText::describe(answer.failure()), std::nullopt, std::nullopt},
                       QDeadlineTimer(FailureLifetime)});
    }
    emit arrived(code);
}

} // namespace FinChat::Client
