#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

class QSettings;

// What finchat-server and finchat-botrunner read alike from their INI files.
namespace FinChat::ConfigFile {

// A relative path in the config file means relative to the file, as people expect.
QString resolvedAgainst(const QString &path, const QString &configFile);

// [bot.<name>] sections: settings handed to that bot through BotContext::setting().
QMap<QString, QVariantMap> botSettings(QSettings &settings);

} // namespace FinChat::ConfigFile
