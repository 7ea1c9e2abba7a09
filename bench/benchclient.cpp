#include "benchclient.h"

namespace FinChat::Bench {

BenchClient::BenchClient(int index, QObject *parent)
    : QObject(parent)
    , m_index(index)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &frame) {
        if (onFrame)
            onFrame(*this, frame);
    });
}

} // namespace FinChat::Bench
