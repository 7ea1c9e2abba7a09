#include "core/chatserver.h"
#include "startup/admincommand.h"
#include "startup/botaccounts.h"
#include "startup/eventloop.h"
#include "startup/invitecodes.h"
#include "startup/logformat.h"
#include "startup/processsignals.h"
#include "startup/roomcommands.h"
#include "startup/serveroptions.h"
#include "startup/useraccounts.h"

#include "storage/storagethread.h"
#include "tls/certificatefactory.h"

#include "finchat/fingerprint.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTextStream>

#include <cerrno>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace FinChat;
using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcMain, "finchat.server")

void print(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text), stream);
    std::fputc('\n', stream);
}

QString describeAddress(const ChatServer &server)
{
    const QHostAddress address = server.serverAddress();
    const bool any = isAnyAddress(address);
    const QString host = any ? u"all interfaces"_s : address.toString();
    return u"%1://%2:%3 (%4)"_s
        .arg(server.isEncrypted() ? u"wss"_s : u"ws"_s, any ? u"0.0.0.0"_s : address.toString())
        .arg(server.serverPort())
        .arg(host);
}

// What people compare with the app's trust question, and the warning for plaintext.
void logTransport(const ChatServer &server)
{
    if (server.isEncrypted()) {
        qCInfo(lcMain).noquote() << "certificate SHA-256 fingerprint:"
                                 << fingerprintText(server.certificate());
    } else if (!server.serverAddress().isLoopback()) {
        qCWarning(lcMain) << "listening WITHOUT encryption on a network address: anyone on "
                             "the network can read passwords and messages (server/plaintext)";
    }
}

// An empty file at path, made by this call (not there before, not a link), mode 0600.
bool createPrivateFile(const QString &path)
{
#ifdef Q_OS_UNIX
    const int descriptor = ::open(QFile::encodeName(path).constData(),
                                  O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (descriptor < 0)
        return false;
    ::close(descriptor);
    return true;
#else
    QFile created(path);
    return created.open(QIODevice::WriteOnly | QIODevice::NewOnly);
#endif
}

// Waits until the file (or folder: its entries) is on the disk itself.
bool syncToDisk(const QString &path)
{
#ifdef Q_OS_UNIX
    const int descriptor = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0)
        return false;
    const bool synced = ::fsync(descriptor) == 0;
    ::close(descriptor);
    return synced;
#else
    Q_UNUSED(path);
    return true; // Windows: FlushFileBuffers needs a handle opened for writing; not done yet
#endif
}

// finchat-server migrate --from sqlite FILE: the SQLite database FILE copied into the
// configured PostgreSQL database, which must be new (its tables are made here if needed).
int migrate(const ServerOptions::Result &options, QTextStream &report)
{
    if (options.migrateFrom != "sqlite"_L1 || options.toolArguments.size() != 1)
        return AdminCommand::fail(report, u"usage: finchat-server --database postgresql://... "
                                          "migrate --from sqlite FILE"_s);
    const DatabaseLocation &target = options.config.database;
    if (!target.isPostgres()) {
        return AdminCommand::fail(report, u"migrate copies into PostgreSQL: give the new "
                                          "database with --database postgresql://... or in "
                                          "the configuration's [server] database"_s);
    }
    const QString source = options.toolArguments.constFirst();
    if (!QFileInfo::exists(source)) {
        return AdminCommand::fail(
            report, u"there is no database at %1"_s.arg(QDir::toNativeSeparators(source)));
    }
    StorageThread storage;
    try {
        storage.open(target, options.config.durability);
        const auto copied = storage.blocking([&](Storage &into) {
            Storage from;
            from.openSqlite(source);
            return from.copyEverythingTo(into);
        });
        qint64 rows = 0;
        for (const auto &[table, count] : copied) {
            report << table << ": " << count << Qt::endl;
            rows += count;
        }
        report << "copied " << rows << " rows from " << QDir::toNativeSeparators(source) << " into "
               << target.display() << "; every table has the same number of rows in both"
               << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        return AdminCommand::fail(report, QString::fromUtf8(error.what()));
    }
}

int backUp(StorageThread &storage, const QStringList &arguments, QTextStream &report)
{
    if (arguments.size() != 1) {
        return AdminCommand::fail(report, u"usage: finchat-server backup FILE"_s);
    }
    const QString file = QFileInfo(arguments.constFirst()).absoluteFilePath();
    // The copy holds every message and the password hashes: made here, new (never through
    // a symbolic link or over a file someone put there) and readable by this user only,
    // whatever the umask; VACUUM INTO then fills the empty file.
    if (!createPrivateFile(file)) {
        return AdminCommand::fail(report,
                                  u"cannot make %1 (a backup goes into a new file): %2"_s.arg(
                                      QDir::toNativeSeparators(file), qt_error_string(errno)));
    }
    try {
        storage.blocking([&](Storage &opened) { opened.backupTo(file); });
    } catch (...) {
        QFile::remove(file); // a partial copy must not pass for a backup
        throw;
    }
    // SQLite does not sync the file VACUUM INTO writes: a backup that a power loss right
    // after "backed up" could take away would not be one.
    if (!syncToDisk(file) || !syncToDisk(QFileInfo(file).absolutePath())) {
        QFile::remove(file);
        return AdminCommand::fail(report,
                                  u"the backup could not be synced to disk; nothing kept"_s);
    }
    report << "backed up the database to " << QDir::toNativeSeparators(file) << Qt::endl;
    return 0;
}

// SIGHUP: the configuration file again, with the same command line (whose options still win).
// A file that no longer parses changes nothing.
void reloadConfiguration(ChatServer &server)
{
    const ServerOptions::Result fresh = ServerOptions::parse(QCoreApplication::arguments());
    if (fresh.action != ServerOptions::Action::Run) {
        qCWarning(lcMain).noquote()
            << "configuration not reloaded, the running one stays:" << fresh.text;
        return;
    }
    const QStringList waiting = server.reconfigure(fresh.config);
    qCInfo(lcMain) << "configuration reloaded; new connections get its limits";
    if (!waiting.isEmpty())
        qCWarning(lcMain).noquote()
            << "changed, but applies at the next start:" << waiting.join(u", "_s);
}

// finchat-server user|bot|invite|room|backup|config ...: on the server's database, beside a running
// server or not; the exit code.
int runTool(const ServerOptions::Result &options)
{
    QTextStream input(stdin);
    QTextStream output(stdout);
    QTextStream report(stderr);
    if (options.tool == "config"_L1) {
        // Reaching here means the configuration parsed: unknown settings and bad values
        // were refused, with the reason, before.
        if (options.toolArguments != QStringList{u"check"_s} || options.configFile.isEmpty()) {
            return AdminCommand::fail(report,
                                      u"usage: finchat-server --config FILE config check"_s);
        }
        report << "the configuration in " << QDir::toNativeSeparators(options.configFile)
               << " is valid (the TLS files it names are read at start); the database is "
               << options.config.database.display() << Qt::endl;
        return 0;
    }
    const ServerConfig &config = options.config;
    if (options.tool == "migrate"_L1)
        return migrate(options, report);
    // A mistyped path must not become a new, empty database.
    if (!config.database.isPostgres() && !QFileInfo::exists(config.database.sqlitePath())) {
        return AdminCommand::fail(
            report, u"there is no database at %1; name the server's with "
                    "--database or --config (it is made at the server's "
                    "first start)"_s.arg(QDir::toNativeSeparators(config.database.sqlitePath())));
    }
    StorageThread storage;
    try {
        storage.open(config.database, config.durability);
        if (options.tool == "user"_L1)
            return manageUserAccounts(storage, options.toolArguments, input, output, report);
        if (options.tool == "invite"_L1)
            return manageInvites(storage, options.toolArguments, output, report);
        if (options.tool == "room"_L1)
            return manageRooms(storage, options.toolArguments, options.confirmed, output, report);
        if (options.tool == "backup"_L1)
            return backUp(storage, options.toolArguments, report);
        return manageBotAccounts(storage, options.toolArguments, output, report);
    } catch (const std::exception &error) {
        return AdminCommand::fail(report, QString::fromUtf8(error.what()));
    }
}
} // namespace

int main(int argc, char *argv[])
{
    LogFormat::install();
    chooseEventLoop(); // before the application object: only then can it be chosen
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
    case ServerOptions::Action::RunTool:
        return runTool(options);
    case ServerOptions::Action::Run:
        break;
    }
    const ServerConfig &config = options.config;

    // First, so that a SIGHUP or SIGTERM during the start is queued, not fatal.
    ProcessSignals processSignals;
    StorageThread storage;
    std::unique_ptr<ChatServer> running;
    try {
        storage.open(config.database, config.durability);
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
        describeAddress(server), config.database.isPostgres()
                                     ? config.database.display()
                                     : QDir::toNativeSeparators(config.database.sqlitePath()));
    logTransport(server);

    QObject::connect(&processSignals, &ProcessSignals::shutdownRequested, &app,
                     [&](int signalNumber) {
                         qCInfo(lcMain) << "signal" << signalNumber << "received; shutting down";
                         server.close();
                         QCoreApplication::quit();
                     });
    QObject::connect(&processSignals, &ProcessSignals::reloadRequested, &app, [&] {
        if (!options.configFile.isEmpty())
            reloadConfiguration(server);
        server.closeEndedSessions();
        server.reloadRooms();
        if (!server.isEncrypted())
            return;
        try {
            server.reloadCertificate();
            qCInfo(lcMain) << "certificate reloaded; new connections get it";
            logTransport(server);
        } catch (const Tls::CertificateError &error) {
            qCWarning(lcMain).noquote()
                << "certificate not reloaded, the previous one stays:" << error.what();
        }
    });
    const int status = QCoreApplication::exec();
    running.reset();
    qCInfo(lcMain) << "stopped; all acknowledged messages are stored";
    return status;
}
