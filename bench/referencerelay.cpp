// finchat-bench-relay: the floor of the stack, for finchat-bench --reference. A
// QWebSocketServer of the same Qt, with the same kind of TLS certificate, that does the least
// a chat server must for the benchmark's clients: it greets, answers a session's resume and a
// room's join, and relays every message to every connection. No JSON, no database, no rooms,
// no limits: frames are looked at as text. What FinChat costs beyond it is what FinChat does.

#include "startup/eventloop.h"
#include "tls/servercertificate.h"

#include "finchat/protocol/messages.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QList>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cstdio>
#include <memory>

using namespace FinChat;
using namespace Qt::StringLiterals;
namespace Type = Protocol::Type;

namespace {

// The text that marks a frame of this type.
QString marker(QLatin1StringView type)
{
    return u"\"type\":\""_s + type + u'"';
}

QString answer(QLatin1StringView type)
{
    return u"{\"type\":\"%1\"}"_s.arg(type);
}

class Relay : public QObject
{
public:
    explicit Relay(QWebSocketServer &server)
        : m_server(server)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, &Relay::accept);
    }

private:
    void accept()
    {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            m_sockets.append(socket);
            connect(socket, &QWebSocket::textMessageReceived, this,
                    [this, socket](const QString &frame) { receive(*socket, frame); });
            connect(socket, &QWebSocket::disconnected, this, [this, socket] {
                m_sockets.removeOne(socket);
                socket->deleteLater();
            });
            socket->sendTextMessage(m_hello);
        }
    }

    void receive(QWebSocket &from, const QString &frame)
    {
        if (frame.contains(m_send)) {
            from.sendTextMessage(m_sendOk);
            QString event = frame;
            event.replace(m_send, m_new);
            for (QWebSocket *socket : std::as_const(m_sockets))
                socket->sendTextMessage(event);
        } else if (frame.contains(m_resume)) {
            from.sendTextMessage(m_resumeOk);
        } else if (frame.contains(m_join)) {
            from.sendTextMessage(m_joinOk);
        }
    }

    QWebSocketServer &m_server;
    QList<QWebSocket *> m_sockets;
    const QString m_hello = answer(Type::Hello);
    const QString m_send = marker(Type::MessageSend);
    const QString m_new = marker(Type::MessageNew);
    const QString m_sendOk = answer(Type::MessageSendOk);
    const QString m_resume = marker(Type::Resume);
    const QString m_resumeOk = answer(Type::ResumeOk);
    const QString m_join = marker(Type::RoomJoin);
    const QString m_joinOk = answer(Type::RoomJoinOk);
};

} // namespace

int main(int argc, char *argv[])
{
    // The floor of the stack FinChat runs on, event loop included (startup/eventloop.h).
    FinChat::chooseEventLoop();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The reference relay of finchat-bench: takes finchat-server's command line, "
        "ignores what it does not need."_s);
    const QCommandLineOption port(u"port"_s, u"Port (0: any free one)"_s, u"port"_s, u"0"_s);
    const QCommandLineOption database(u"database"_s, u"Its folder keeps the certificate"_s,
                                      u"file"_s);
    const QCommandLineOption plaintext(u"plaintext"_s, u"ws:// instead of wss://"_s);
    const QCommandLineOption listen(u"listen"_s, u"Ignored: loopback"_s, u"address"_s);
    const QCommandLineOption config(u"config"_s, u"Read for [server] plaintext"_s, u"file"_s);
    parser.addOptions({port, database, plaintext, listen, config});
    parser.addHelpOption();
    parser.process(app);

    QFile ini(parser.value(config));
    const bool plain = parser.isSet(plaintext) ||
                       (ini.open(QIODevice::ReadOnly) && ini.readAll().contains("plaintext=true"));
    // TCP (and TLS) accepted here, as finchat-server does, so that the sockets send at once
    // (TCP_NODELAY) like its own: Nagle's algorithm would make the floor a false one.
    std::unique_ptr<QTcpServer> tcp;
    if (plain) {
        tcp = std::make_unique<QTcpServer>();
    } else {
        TlsSettings settings;
        settings.generatedFolder = QFileInfo(parser.value(database)).absolutePath();
        auto tls = std::make_unique<QSslServer>();
        tls->setSslConfiguration(Tls::ServerCertificate::load(settings).configuration());
        tcp = std::move(tls);
    }
    tcp->setMaxPendingConnections(1024); // as finchat-server's Listener: TLS handshakes count
    QWebSocketServer server(u"finchat-bench-relay"_s, QWebSocketServer::NonSecureMode);
    QObject::connect(tcp.get(), &QTcpServer::pendingConnectionAvailable, &server, [&] {
        while (QTcpSocket *socket = tcp->nextPendingConnection()) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            server.handleConnection(socket);
        }
    });
    if (!tcp->listen(QHostAddress::LocalHost, static_cast<quint16>(parser.value(port).toUInt()))) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(tcp->errorString()));
        return 1;
    }
    Relay relay(server);
    // The line finchat-bench waits for, as finchat-server prints it.
    std::printf("listening on %s://127.0.0.1:%u\n", plain ? "ws" : "wss", tcp->serverPort());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
