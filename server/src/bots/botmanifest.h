#pragma once

#include "handlers/commandbackend.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <variant>

namespace FinChat {

// What a bot plugin's metadata says about it, checked before its code is loaded.
struct BotManifest
{
    QString name;        // also the bot's account name
    QString displayName; // shown as the author of its replies
    QString version;
    QList<CommandInfo> commands;

    // From QPluginLoader::metaData(); the reason it is unusable otherwise.
    static std::variant<BotManifest, QString> fromPluginMetaData(const QJsonObject &metaData);
};

} // namespace FinChat
