#pragma once

#include "finchat/protocol/requests.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <qcoro/qcorotask.h>

#include <optional>

namespace FinChat::Client {

class ServerLink;

// The latest quote for a ticker someone points at, through the server's quote.get: each
// code is asked once while its answer is on the way, and an answer is kept for 30 s, so
// pointing at $AAPL in twenty messages costs one request (and the server shares it between
// readers). A failure (offline, no stock bot) is kept for a few seconds only.
class QuoteTips : public QObject
{
    Q_OBJECT

public:
    explicit QuoteTips(ServerLink *link, QObject *parent = nullptr);

    // The answer kept for `code`, if there is a fresh one; otherwise nullopt, and the answer
    // is asked for (once) and arrived(code) follows.
    std::optional<Protocol::QuoteGetOk> lookUp(const QString &code);

signals:
    void arrived(const QString &code);

private:
    QCoro::Task<> ask(QString code);

    struct Kept
    {
        Protocol::QuoteGetOk answer;
        QDeadlineTimer expiry;
    };
    ServerLink *m_link;
    QHash<QString, Kept> m_kept;
    QSet<QString> m_asking;
};

} // namespace FinChat::Client
