#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

namespace FinChat::BotRunner {

// What finchat-botrunner serves, and to which server: from the command line and an optional
// INI file (the command line wins).
struct RunnerConfig
{
    QUrl server{QStringLiteral("wss://localhost:7420")};
    // Bot plugins, the same folders the server reads.
    QStringList pluginDirs;
    // <bot name>.token per bot: what `finchat-server bot add NAME` printed.
    QString tokensDir;
    // The server's certificate, trusted besides the system's CAs (a self-signed server's
    // finchat-certificate.pem, which is public).
    QString serverCertificate;
    // [bot.<name>] sections: what BotContext::setting() answers, as in the server's file.
    QMap<QString, QVariantMap> botSettings;
};

class RunnerOptions
{
public:
    enum class Action
    {
        Run,
        ShowHelp,
        ShowVersion,
        Fail
    };
    struct Result
    {
        Action action = Action::Run;
        RunnerConfig config;
        QString text; // help, version, or why it failed
    };
    static Result parse(const QStringList &arguments);
};

} // namespace FinChat::BotRunner
