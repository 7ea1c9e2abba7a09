#pragma once

#include "finchat/protocol/messages.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

namespace FinChat::Testing {

// A stand-in server on a loopback port that speaks just enough of the protocol for a client
// to log in and resume, and answers rooms.list with an error on the connections a test
// chooses: the answers a real server gives only when it is in trouble.
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    explicit ScriptedServer(QObject *parent = nullptr);

    QUrl url() const;
    int connectionCount() const { return m_connectionCount; }
    // Connection numbers count from 1.
    void refuseRoomsListOn(int connection) { m_refuseRoomsListOn = connection; }
    // commands.list on this connection is answered only by answerHeld(): a session caught
    // halfway through entering.
    void holdCommandsListOn(int connection) { m_holdCommandsListOn = connection; }
    bool isHolding() const { return !m_held.isEmpty(); }
    void answerHeld();
    void dropConnections();

private:
    void onConnection();
    void answer(QWebSocket *socket, int connection, const QString &text);

    QWebSocketServer m_server;
    QList<QWebSocket *> m_sockets;
    int m_connectionCount = 0;
    int m_refuseRoomsListOn = 0;
    int m_holdCommandsListOn = 0;
    QList<std::pair<QWebSocket *, QJsonValue>> m_held;
};

} // namespace FinChat::Testing
