#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace FinChat::Testing {

// A local HTTP server standing in for stooq, so bot tests and the benchmark need no internet.
// It answers the quote endpoint, GET /q/l/?s=CODES&..., with what was set for CODES, or else
// with the fallback: a fixed answer, or a made-up quote row for each code asked for; and the
// daily history endpoint, GET /q/d/l/?s=CODE&..., with what setHistory() gave for CODE, or
// else the fallback.
class StooqStandIn : public QObject
{
    Q_OBJECT

public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        int delayMs = 0;
        bool never = false; // hold the connection open and never answer
    };

    explicit StooqStandIn(QObject *parent = nullptr);

    bool listen();
    QUrl baseUrl() const; // what the stock bot's stooq_url setting takes

    void setAnswer(const QString &codes, const Answer &answer) { m_answers.insert(codes, answer); }
    void setHistory(const QString &code, const Answer &answer) { m_histories.insert(code, answer); }
    // Requests for codes without an answer of their own get this one.
    void setFallback(const Answer &answer) { m_fallback = answer; }
    // Codes without an answer of their own get a quote row each, after delayMs.
    void setSyntheticQuotes(int delayMs)
    {
        m_synthetic = true;
        m_syntheticDelayMs = delayMs;
    }
    // Requests to the quote endpoint.
    int requestsFor(const QString &codes) const { return m_requests.value(codes); }
    int totalRequests() const { return m_total; }
    // Requests to the history endpoint.
    int historyRequestsFor(const QString &code) const { return m_historyRequests.value(code); }

    // A file of tests/fixtures/stooq, the samples of what stooq sends.
    static QByteArray fixture(const QString &name);

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);
    void answerLater(QTcpSocket *socket, const Answer &answer);
    static void respond(QTcpSocket *socket, const Answer &answer);

    QTcpServer m_server;
    QHash<QString, Answer> m_answers;
    Answer m_fallback{200, QByteArray("No data"), 0, false};
    bool m_synthetic = false;
    int m_syntheticDelayMs = 0;
    QHash<QString, Answer> m_histories;
    QHash<QString, int> m_requests;
    QHash<QString, int> m_historyRequests;
    int m_total = 0;
};

} // namespace FinChat::Testing
