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
        RunTool, // finchat-server bot|user|backup|config ...: tool and toolArguments say what
        Fail
    };

    struct Result
    {
        Action action = Action::Run;
        ServerConfig config;
        QString text;              // help or version text, or the reason for Fail
        QString configFile;        // --config, when given
        QString tool;              // RunTool: "user", "bot", "invite", "room", "backup", "config"
        QStringList toolArguments; // RunTool: what follows the tool's name
        bool confirmed = false;    // --yes: the tool may delete data for good (room delete)
        QString migrateFrom;       // --from KIND: what `migrate` copies from (sqlite)
    };

    static Result parse(const QStringList &arguments);
    static QString defaultDatabasePath();
    // A configuration read again (SIGHUP) into the running one: the registration mode, the
    // TLS files and the limits that apply on reload are taken; the names of the settings
    // that changed but apply only at the next start are returned, and those keep their
    // running values (so that a new connection's hello tells what the server enforces).
    static QStringList reloadTo(ServerConfig &running, const ServerConfig &fresh);
};

} // namespace FinChat
