#include "scriptedserver.h"

#include <QJsonDocument>

namespace FinChat::Testing {

using namespace Qt::StringLiterals;
using namespace Protocol;

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
    , m_server(u"scripted"_s, QWebSocketServer::NonSecureMode)
{
    m_server.listen(QHostAddress::LocalHost);
    connect(&m_server, &QWebSocketServer::newConnection, this, &ScriptedServer::onConnection);
}

QUrl ScriptedServer::url() const
{
    return QUrl(u"ws://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

void ScriptedServer::dropConnections()
{
    for (QWebSocket *socket : std::as_const(m_sockets))
        socket->abort();
}

void ScriptedServer::answerHeld()
{
    for (const auto &[socket, id] : std::exchange(m_held, {}))
        socket->sendTextMessage(frameText(CommandsListOk{}, id));
}

void ScriptedServer::onConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_sockets.append(socket);
        const int connection = ++m_connectionCount;
        connect(
            socket, &QWebSocket::textMessageReceived, this,
            [this, socket, connection](const QString &text) { answer(socket, connection, text); });
        socket->sendTextMessage(frameText(ServerHello{}));
    }
}

void ScriptedServer::answer(QWebSocket *socket, int connection, const QString &text)
{
    const QJsonObject request = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = request.value(TypeKey).toString();
    const QJsonValue id = request.value(IdKey);
    const auto send = [&](const QJsonObject &reply) {
        socket->sendTextMessage(QString::fromUtf8(serialize(reply)));
    };
    const SessionInfo session{User{.username = u"alice"_s, .displayName = u"Alice"_s}, {}};
    if (type == Login::Type)
        send(frame(LoginOk{u"scripted-token"_s, session}, id));
    else if (type == Resume::Type)
        send(frame(ResumeOk{session}, id));
    else if (type == RoomsList::Type && connection == m_refuseRoomsListOn)
        send(makeError(ErrorCode::InternalError, u"scripted failure"_s, id));
    else if (type == RoomsList::Type)
        send(frame(RoomsListOk{}, id));
    else if (type == CommandsList::Type && connection == m_holdCommandsListOn)
        m_held.append({socket, id});
    else if (type == CommandsList::Type)
        send(frame(CommandsListOk{}, id));
    else if (type == Logout::Type)
        send(frame(LogoutOk{}, id));
    else
        send(makeError(ErrorCode::UnknownType, u"not scripted"_s, id));
}

} // namespace FinChat::Testing
