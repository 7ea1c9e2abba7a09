#include "benchclient.h"

namespace FinChat::Bench {

BenchClient::BenchClient(int index, Dialect::Transport transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_index(index)
{
    if (transport == Dialect::Transport::TcpLines) {
        m_tcp = std::make_unique<QTcpSocket>();
        connect(m_tcp.get(), &QTcpSocket::readyRead, this, [this] { takeLines(m_tcp->readAll()); });
        connect(m_tcp.get(), &QTcpSocket::errorOccurred, this, &BenchClient::closed);
        connect(m_tcp.get(), &QTcpSocket::disconnected, this, &BenchClient::closed);
        return;
    }
    m_webSocket = std::make_unique<QWebSocket>();
    connect(m_webSocket.get(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &BenchClient::closed);
    connect(m_webSocket.get(), &QWebSocket::disconnected, this, &BenchClient::closed);
    connect(m_webSocket.get(), &QWebSocket::textMessageReceived, this, &BenchClient::deliver);
    connect(m_webSocket.get(), &QWebSocket::binaryMessageReceived, this, &BenchClient::takeLines);
}

void BenchClient::open(const QUrl &url, const QByteArray &greeting)
{
    const auto greet = [this, greeting] {
        if (!greeting.isEmpty())
            send(QString::fromUtf8(greeting));
    };
    if (m_tcp) {
        connect(m_tcp.get(), &QTcpSocket::connected, this, [this, greet] {
            // As the WebSocket clients: no delayed sends waiting for an acknowledgement.
            m_tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            greet();
        });
        m_tcp->connectToHost(url.host(), static_cast<quint16>(url.port()));
        return;
    }
    connect(m_webSocket.get(), &QWebSocket::connected, this, greet);
    m_webSocket->open(url);
}

void BenchClient::send(const QString &frame)
{
    switch (m_transport) {
    case Dialect::Transport::WebSocketText:
        m_webSocket->sendTextMessage(frame);
        break;
    case Dialect::Transport::WebSocketLines:
        m_webSocket->sendBinaryMessage(frame.toUtf8());
        break;
    case Dialect::Transport::TcpLines:
        m_tcp->write(frame.toUtf8());
        break;
    }
}

void BenchClient::close()
{
    onClosed = nullptr; // closed on purpose
    if (m_tcp)
        m_tcp->abort();
    else
        m_webSocket->abort();
}

void BenchClient::deliver(const QString &frame)
{
    if (onFrame)
        onFrame(*this, frame);
}

void BenchClient::closed()
{
    if (const auto notify = std::exchange(onClosed, nullptr))
        notify(*this);
}

void BenchClient::takeLines(const QByteArray &bytes)
{
    m_partialLine += bytes;
    qsizetype start = 0;
    for (qsizetype end = m_partialLine.indexOf("\r\n"); end >= 0;
         end = m_partialLine.indexOf("\r\n", start)) {
        deliver(QString::fromUtf8(m_partialLine.constData() + start, end - start));
        start = end + 2;
    }
    m_partialLine.remove(0, start);
}

} // namespace FinChat::Bench
