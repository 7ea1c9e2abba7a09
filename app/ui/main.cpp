#include "core/chatclient.h"
#include "ui/connectdialog.h"
#include "ui/languages.h"
#include "ui/localserver.h"
#include "ui/mainwindow.h"
#include "ui/tokenvault.h"

#include "finchat/protocol.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDebug>
#include <QIcon>
#include <QPointer>
#include <QSettings>

#include <qcoro/qcorotask.h>

using namespace FinChat;
using namespace Qt::StringLiterals;

namespace {

// The saved session from the last run, if it still works: no password asked.
bool resumeLastSession(Client::ChatClient &client, Ui::LocalServer &localServer,
                       QSettings &settings, Ui::TokenVault &vault)
{
    // A token an older FinChat kept in the settings file moves to the keychain.
    QString token = settings.value(u"session/token"_s).toString();
    if (token.isEmpty())
        token = vault.load();
    else
        vault.store(token);
    settings.remove(u"session/token"_s);
    const QUrl url(settings.value(u"session/url"_s).toString());
    if (token.isEmpty() || !url.isValid())
        return false;
    QUrl target = url;
    if (settings.value(u"server/hostLocally"_s).toBool()) {
        QString error;
        if (!localServer.start(static_cast<quint16>(
                                   settings.value(u"server/port"_s, Protocol::DefaultPort).toInt()),
                               &error))
            return false;
        target = localServer.trustedLocalUrl(client.knownServers());
    }
    const auto result = QCoro::waitFor(client.resume(target, token));
    if (!result.ok() && result.failure->is(Protocol::ErrorCode::InvalidToken))
        vault.store({});
    return result.ok();
}

// The command line, the same whether a window follows or only text.
struct CommandLine
{
    QCommandLineParser parser;
    const QCommandLineOption host{
        u"host"_s,
        QCoreApplication::translate("main", "Host a server on this computer from the start.")};
    const QCommandLineOption fresh{
        u"fresh"_s,
        QCoreApplication::translate("main", "Do not resume the last session; ask who you are.")};
    const QCommandLineOption language{
        u"lang"_s,
        QCoreApplication::translate("main",
                                    "Use <language> (en, es, pt_BR, de) instead of the system's."),
        u"language"_s};

    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "FinChat: chat for people who talk about markets."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({host, fresh, language});
    }
};

void nameTheApplication()
{
    QCoreApplication::setOrganizationName(u"FinChat"_s);
    QCoreApplication::setApplicationName(u"finchat"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FINCHAT_VERSION_STRING));
}

// --help and --version only print: they must work where no display is (over SSH), so they
// are answered before a QApplication, which needs one, exists.
bool asksOnlyForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" ||
            argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksOnlyForText(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameTheApplication();
        CommandLine().parser.process(app); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    nameTheApplication();
    QApplication::setApplicationDisplayName(u"FinChat"_s);
    QApplication::setDesktopFileName(u"org.finchat.FinChat"_s);
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(u":/icons/%1x%1/finchat.png"_s.arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    CommandLine commandLine;
    QCommandLineParser &parser = commandLine.parser;
    parser.process(app);
    const QCommandLineOption &hostOption = commandLine.host;
    const QCommandLineOption &freshOption = commandLine.fresh;
    const QCommandLineOption &languageOption = commandLine.language;

    QSettings settings;
    // --lang wins over the language chosen in the app, which wins over the system's.
    Ui::Languages::install(parser.isSet(languageOption)
                               ? parser.value(languageOption)
                               : settings.value(u"ui/language"_s).toString());
    Client::ChatClient client(Client::KnownServers::Storage::AppSettings);
    Ui::LocalServer localServer;
    if (parser.isSet(hostOption)) {
        // Hosting starts at once, so colleagues can connect while this person signs in.
        QString error;
        if (!localServer.start(static_cast<quint16>(
                                   settings.value(u"server/port"_s, Protocol::DefaultPort).toInt()),
                               &error))
            qWarning().noquote() << error;
        settings.setValue(u"server/hostLocally"_s, true);
    }
    Ui::TokenVault vault;
    QString vaultTrouble; // said in the main window's status bar, once it exists
    QPointer<Ui::MainWindow> shown;
    QObject::connect(&vault, &Ui::TokenVault::notKept, &app, [&] {
        vaultTrouble = QApplication::translate(
            "main", "No keychain on this system: FinChat will ask for your password next time.");
        if (shown)
            shown->showNotice(vaultTrouble);
    });
    // Every new session's token goes to the keychain; one the server ended is forgotten.
    QString keptToken;
    QObject::connect(&client, &Client::ChatClient::stateChanged, &app, [&] {
        if (client.state() == Client::ChatClient::State::Online && client.token() != keptToken)
            vault.store(keptToken = client.token());
    });
    QObject::connect(&client, &Client::ChatClient::sessionEnded, &app,
                     [&] { vault.store(keptToken = QString()); });

    if (parser.isSet(freshOption) || !resumeLastSession(client, localServer, settings, vault)) {
        Ui::ConnectDialog dialog(client, localServer, settings);
        if (parser.isSet(hostOption))
            dialog.hostLocallyBox()->setChecked(true);
        if (dialog.exec() != QDialog::Accepted)
            return 0;
    }
    Ui::MainWindow window(client, &localServer);
    shown = &window;
    QObject::connect(&window, &Ui::MainWindow::loggedOut, &app,
                     [&] { vault.store(keptToken = QString()); });
    window.show();
    if (!vaultTrouble.isEmpty())
        window.showNotice(vaultTrouble);
    // Closing the window keeps the session (its token in the keychain) for the next start.
    return QApplication::exec();
}
