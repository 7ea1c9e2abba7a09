#include "stooqhttp.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

#include <qcoro/qcorosignal.h>

namespace FinChat::Stock {

using namespace Qt::StringLiterals;

namespace {
// Says when a reply is over: finished, or deleted with its network manager.
class ReplyEnd : public QObject
{
    Q_OBJECT

signals:
    void over();
};
} // namespace

StooqFetcher::StooqFetcher()
    : m_network(std::make_unique<QNetworkAccessManager>())
{
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

StooqFetcher::~StooqFetcher()
{
    m_closing = true;
    // Each fetch still waiting resumes now, while everything it may touch still exists.
    m_network.reset();
}

QCoro::Task<Fetched<QByteArray>> StooqFetcher::get(QUrl url, std::chrono::milliseconds timeout,
                                                   qint64 maxBytes)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"FinChat stock bot"_s);
    QPointer<QNetworkReply> reply = m_network->get(request);
    // Our own timer rather than setTransferTimeout, which QCoro 0.8 does not survive.
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [reply = reply.data(), maxBytes](qint64 received) {
                         if (received > maxBytes)
                             reply->abort();
                     });
    deadline.start(timeout);

    ReplyEnd end;
    QObject::connect(reply, &QNetworkReply::finished, &end, &ReplyEnd::over);
    QObject::connect(reply, &QObject::destroyed, &end, &ReplyEnd::over);
    co_await qCoro(&end, &ReplyEnd::over);
    if (!reply)
        co_return {FetchKind::Unreachable, 0, {}}; // the network manager went, and the reply
    const QScopedPointer<QNetworkReply, QScopedPointerDeleteLater> finished(reply.data());
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!deadline.isActive())
        co_return {FetchKind::TimedOut, 0, {}};
    if (status >= 400)
        co_return {FetchKind::HttpError, status, {}};
    if (reply->error() == QNetworkReply::OperationCanceledError)
        co_return {FetchKind::Answered, status, {}}; // cut off for size: not what we asked for
    if (reply->error() != QNetworkReply::NoError)
        co_return {FetchKind::Unreachable, 0, {}};
    co_return {FetchKind::Answered, status, reply->read(maxBytes)};
}

qint64 DailyLimitBackoff::secondsLeft() const
{
    if (!pausing())
        return 0;
    return std::max<qint64>(1, (m_until.remainingTime() + 999) / 1000);
}

void DailyLimitBackoff::limited()
{
    if (pausing())
        return; // the other answers to requests sent before the pause say nothing new
    m_until = QDeadlineTimer(m_next);
    m_next = std::min(m_next * 2, LongestPause);
}

} // namespace FinChat::Stock

#include "stooqhttp.moc"
