#include "core/chatserver.h"
#include "startup/serveroptions.h"
#include "startup/shutdownsignals.h"
#include "storage/storagethread.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>

#include <cstdio>

using namespace FinChat;
using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcMain, "finchat.server")

void print(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text), stream);
    std::fputc('\n', stream);
}

QString describeAddress(const QHostAddress &address, quint16 port)
{
    const bool any = address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
                     address == QHostAddress::AnyIPv6;
    const QString host = any ? u"all interfaces"_s : address.toString();
    return u"ws://%1:%2 (%3)"_s.arg(any ? u"0.0.0.0"_s : address.toString()).arg(port).arg(host);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"FinChat"_s);
    QCoreApplication::setApplicationName(u"finchat-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FINCHAT_VERSION_STRING));

    const ServerOptions::Result options = ServerOptions::parse(QCoreApplication::arguments());
    switch (options.action) {
    case ServerOptions::Action::ShowHelp:
    case ServerOptions::Action::ShowVersion:
        print(stdout, options.text);
        return 0;
    case ServerOptions::Action::Fail:
        print(stderr, u"finchat-server: %1\nTry 'finchat-server --help'."_s.arg(options.text));
        return 2;
    case ServerOptions::Action::Run:
        break;
    }
    const ServerConfig &config = options.config;

    StorageThread storage;
    std::unique_ptr<ChatServer> running;
    try {
        storage.openSqlite(config.databasePath, config.durability);
        running = std::make_unique<ChatServer>(storage, config);
    } catch (const std::exception &error) {
        // A database that cannot be opened or read (permissions, a damaged file) is a
        // message and exit code 1, never an abort.
        print(stderr, u"finchat-server: %1"_s.arg(QString::fromUtf8(error.what())));
        return 1;
    }
    ChatServer &server = *running;
    if (!server.listen()) {
        print(stderr, u"finchat-server: cannot listen on %1 port %2: %3"_s
                          .arg(config.listenAddress.toString())
                          .arg(config.port)
                          .arg(server.errorString()));
        return 1;
    }
    qCInfo(lcMain).noquote() << u"FinChat server listening on %1, data in %2"_s.arg(
        describeAddress(server.serverAddress(), server.serverPort()),
        QDir::toNativeSeparators(config.databasePath));

    ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &app,
                     [&](int signalNumber) {
                         qCInfo(lcMain) << "signal" << signalNumber << "received; shutting down";
                         server.close();
                         QCoreApplication::quit();
                     });
    const int status = QCoreApplication::exec();
    running.reset();
    qCInfo(lcMain) << "stopped; all acknowledged messages are stored";
    return status;
}
