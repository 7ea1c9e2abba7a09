#pragma once

#include "stockreplies.h"

#include <QByteArray>
#include <QUrl>

#include <qcoro/qcorotask.h>

#include <chrono>

class QNetworkAccessManager;

namespace FinChat::Stock {

// GETs `url` from stooq: gives up after `timeout`, and cuts off a body larger than `maxBytes`
// (then answered with an empty body, which no parser takes for CSV). Should the reply be gone
// when the coroutine resumes, it ends as Unreachable. (QCoro 0.8 resumes on `finished` only,
// which a network manager being destroyed does not emit: a fetch still running when the bot
// is deleted, as a server stops, is never resumed and its small frame is not freed.)
QCoro::Task<Fetched<QByteArray>> getFromStooq(QNetworkAccessManager &network, QUrl url,
                                              std::chrono::milliseconds timeout, qint64 maxBytes);

// A fetched body parsed as `Answer` (StooqAnswer or StooqHistory).
template<typename Answer>
Fetched<Answer> parsed(const Fetched<QByteArray> &fetched)
{
    if (fetched.kind != FetchKind::Answered)
        return {fetched.kind, fetched.httpStatus, {}};
    return {fetched.kind, fetched.httpStatus, Answer::parse(fetched.answer)};
}

// Whether an outcome is worth keeping: an answer stooq would give again, not a failure the
// next asker should retry.
template<typename Answer>
bool isCacheable(const Fetched<Answer> &outcome)
{
    return outcome.kind == FetchKind::Answered && outcome.answer.kind != Answer::Kind::NotCsv &&
           outcome.answer.kind != Answer::Kind::DailyLimit;
}

} // namespace FinChat::Stock
