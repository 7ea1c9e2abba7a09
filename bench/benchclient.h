#pragma once

#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace FinChat::Bench {

// One benchmark connection: a raw QWebSocket and a callback per frame. Frames are looked
// at as text, not parsed as JSON, so that the generator stays cheap per message.
class BenchClient : public QObject
{
    Q_OBJECT

public:
    explicit BenchClient(int index, QObject *parent = nullptr);

    int index() const { return m_index; }
    void open(const QUrl &url) { m_socket.open(url); }
    void send(const QString &frame) { m_socket.sendTextMessage(frame); }
    void close() { m_socket.abort(); }

    std::function<void(BenchClient &client, const QString &frame)> onFrame;

private:
    QWebSocket m_socket;
    int m_index;
};

} // namespace FinChat::Bench
