#pragma once

#include "dialect.h"

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <memory>

namespace FinChat::Bench {

// One benchmark connection and a callback per frame: a WebSocket text message, or a line of a
// line protocol (IRC over TCP, NATS over WebSocket binary messages). Frames are looked at as
// text, not parsed, so that the generator stays cheap per message.
class BenchClient : public QObject
{
    Q_OBJECT

public:
    BenchClient(int index, Dialect::Transport transport, QObject *parent = nullptr);

    int index() const { return m_index; }
    // Connects, and says `greeting` as soon as it is connected.
    void open(const QUrl &url, const QByteArray &greeting = {});
    void send(const QString &frame);
    void close();

    std::function<void(BenchClient &client, const QString &frame)> onFrame;
    // The connection failed or closed; called once.
    std::function<void(BenchClient &client)> onClosed;

private:
    void deliver(const QString &frame);
    void closed();
    // Appends a piece of a line stream and hands on every whole line.
    void takeLines(const QByteArray &bytes);

    Dialect::Transport m_transport;
    std::unique_ptr<QWebSocket> m_webSocket; // the WebSocket transports
    std::unique_ptr<QTcpSocket> m_tcp;       // TcpLines
    QByteArray m_partialLine;
    int m_index;
};

} // namespace FinChat::Bench
