#pragma once

#include "startup/serverconfig.h"

#include <QStringList>

namespace FinChat {

// Turns the command line and an optional INI file into a ServerConfig. The command line
// wins over the file, the file over the defaults.
class ServerOptions
{
public:
    enum class Action
    {
        Run,
        ShowHelp,
        ShowVersion,
        ManageBots, // finchat-server bot ...: config.databasePath and toolArguments say what
        Fail
    };

    struct Result
    {
        Action action = Action::Run;
        ServerConfig config;
        QString text;              // help or version text, or the reason for Fail
        QStringList toolArguments; // ManageBots: what follows "bot"
    };

    static Result parse(const QStringList &arguments);
    static QString defaultDatabasePath();
};

} // namespace FinChat
