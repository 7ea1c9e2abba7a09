#include "botrunner.h"
#include "runneroptions.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

using namespace FinChat::BotRunner;
using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcMain, "finchat.botrunner")

void print(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text), stream);
    std::fputc('\n', stream);
}

// Starts this program anew in the same process, with the same arguments: the only safe way
// to load a new version of a plugin library (systemd and the tests keep the same pid).
[[noreturn]] void executeAgain(const QStringList &arguments)
{
    std::vector<QByteArray> encoded;
    for (const QString &argument : arguments)
        encoded.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : encoded)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    const QByteArray program = QCoreApplication::applicationFilePath().toLocal8Bit();
    ::execv(program.constData(), argv.data());
    std::perror("finchat-botrunner: cannot start again");
    std::_Exit(1);
}

int quitPipe[2] = {-1, -1};

void onQuitSignal(int)
{
    const char signalled = 1;
    // Nothing to do if the pipe is full: a quit is already on its way.
    [[maybe_unused]] const auto written = ::write(quitPipe[1], &signalled, 1);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"FinChat"_s);
    QCoreApplication::setApplicationName(u"finchat-botrunner"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FINCHAT_VERSION_STRING));

    const RunnerOptions::Result options = RunnerOptions::parse(QCoreApplication::arguments());
    switch (options.action) {
    case RunnerOptions::Action::ShowHelp:
    case RunnerOptions::Action::ShowVersion:
        print(stdout, options.text);
        return 0;
    case RunnerOptions::Action::Fail:
        print(stderr,
              u"finchat-botrunner: %1\nTry 'finchat-botrunner --help'."_s.arg(options.text));
        return 2;
    case RunnerOptions::Action::Run:
        break;
    }

    // SIGTERM and SIGINT end the event loop, so that the plugins are stopped (destroyed), not
    // killed in the middle of something.
    if (::pipe2(quitPipe, O_CLOEXEC) == 0) {
        auto *notifier = new QSocketNotifier(quitPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
        std::signal(SIGTERM, onQuitSignal);
        std::signal(SIGINT, onQuitSignal);
    }

    QString restartReason;
    int status = 0;
    {
        Runner runner(options.config);
        QObject::connect(&runner, &Runner::restartWanted, &app, [&](const QString &reason) {
            restartReason = reason;
            QCoreApplication::quit();
        });
        runner.start();
        status = QCoreApplication::exec();
    } // the plugins stop and the connections close before the next start
    if (!restartReason.isEmpty()) {
        qCInfo(lcMain).noquote() << restartReason << "- starting again to load it";
        executeAgain(QCoreApplication::arguments());
    }
    return status;
}
