#include "finchat/configfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace FinChat::ConfigFile {

using namespace Qt::StringLiterals;

QString resolvedAgainst(const QString &path, const QString &configFile)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QFileInfo(configFile).absoluteDir().absoluteFilePath(path);
}

QMap<QString, QVariantMap> botSettings(QSettings &settings)
{
    QMap<QString, QVariantMap> bots;
    const QStringList groups = settings.childGroups();
    for (const QString &group : groups) {
        if (!group.startsWith("bot."_L1))
            continue;
        settings.beginGroup(group);
        QVariantMap values;
        const QStringList keys = settings.childKeys();
        for (const QString &key : keys)
            values.insert(key, settings.value(key));
        settings.endGroup();
        bots.insert(group.mid(4), values);
    }
    return bots;
}

} // namespace FinChat::ConfigFile
