#include "stooqstandin.h"

#include <QFile>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace FinChat::Testing {

using namespace Qt::StringLiterals;

StooqStandIn::StooqStandIn(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &StooqStandIn::onConnection);
}

bool StooqStandIn::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl StooqStandIn::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/q/l/"_s.arg(m_server.serverPort()));
}

QByteArray StooqStandIn::fixture(const QString &name)
{
    QFile file(QStringLiteral(FINCHAT_FIXTURES_DIR "/stooq/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

void StooqStandIn::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void StooqStandIn::onReadable(QTcpSocket *socket)
{
    if (!socket->canReadLine() || socket->property("answered").toBool())
        return;
    // "GET /q/l/?s=aapl.us&f=sd2t2ohlcv&h&e=csv HTTP/1.1"; the headers do not matter here.
    const QList<QByteArray> requestLine = socket->readLine().trimmed().split(' ');
    socket->readAll();
    socket->setProperty("answered", true);
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    const QString codes = QUrlQuery(target.query()).queryItemValue(u"s"_s);
    if (target.path().endsWith("/d/l/"_L1)) {
        ++m_historyRequests[codes];
        answerLater(socket, m_histories.value(codes, m_fallback));
        return;
    }
    ++m_total;
    ++m_requests[codes];
    Answer answer = m_answers.value(codes, m_fallback);
    if (m_synthetic && !m_answers.contains(codes)) {
        answer = {200, "Symbol,Date,Time,Open,High,Low,Close,Volume\r\n", m_syntheticDelayMs,
                  false};
        for (const QString &code : codes.split(u'+'))
            answer.body += code.toUpper().toUtf8() +
                           ",2026-11-20,22:00:09,100.00,102.50,99.10,101.25,123456\r\n";
    }
    answerLater(socket, answer);
}

void StooqStandIn::answerLater(QTcpSocket *socket, const Answer &answer)
{
    if (answer.never)
        return;
    QPointer<QTcpSocket> guarded(socket);
    QTimer::singleShot(answer.delayMs, this, [guarded, answer] {
        if (guarded)
            respond(guarded, answer);
    });
}

void StooqStandIn::respond(QTcpSocket *socket, const Answer &answer)
{
    const QByteArray reason = answer.status == 200 ? "OK" : "Error";
    socket->write("HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reason +
                  "\r\nContent-Type: text/plain\r\nContent-Length: " +
                  QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n" +
                  answer.body);
    socket->disconnectFromHost();
}

} // namespace FinChat::Testing
