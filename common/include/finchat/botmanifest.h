#pragma once

#include "finchat/protocol/shapes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <variant>

class QPluginLoader;

namespace FinChat {

class BotPlugin;

// What a bot plugin's metadata says about it, checked before its code is loaded: by the
// server for plugins in its process, and by finchat-botrunner for those it serves.
struct BotManifest
{
    using CommandInfo = Protocol::CommandInfo;

    QString name;        // also the bot's account name
    QString displayName; // shown as the author of its replies
    QString version;
    QList<CommandInfo> commands;

    // From QPluginLoader::metaData(); the reason it is unusable otherwise.
    static std::variant<BotManifest, QString> fromPluginMetaData(const QJsonObject &metaData);
    // The same for the file the loader names, with Qt's reason when it is no plugin at all.
    static std::variant<BotManifest, QString> fromPlugin(const QPluginLoader &loader);
    // The commands a bot says it answers, in its metadata or in bot.announce: 1 to 32, each
    // named once in lower-case a-z, 0-9, '_', '-' (at most 32, starting with a letter), usage
    // and description trimmed and at most 200 characters (no usage: "/name"). The reason
    // they cannot be used otherwise.
    static std::variant<QList<CommandInfo>, QString> checkedCommands(QList<CommandInfo> commands);
};

// Runs the plugin's code for the first time, once its manifest is known good: its bot
// object, or why there is none.
std::variant<BotPlugin *, QString> instantiateBotPlugin(QPluginLoader &loader);

// The folders the server and finchat-botrunner load bot plugins from, in this order: the
// installed one (beside the executable's bin/, so the build tree and any prefix work); on
// Linux the one for plugins an administrator builds and installs with the SDK's default
// prefix (/usr/local/lib/finchat/plugins), when that is not the installed one; and the
// server's per-user one (Linux: ~/.local/share/FinChat/finchat-server/plugins).
QStringList standardBotPluginDirs();

} // namespace FinChat
