#include "finchat/botmanifest.h"

#include "finchat/botplugin.h"
#include "finchat/validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QPluginLoader>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype MaxTextLength = 200;
constexpr qsizetype MaxCommands = 32;

QString shortText(const QJsonObject &object, QLatin1StringView key)
{
    const QString text = object.value(key).toString().trimmed();
    return text.size() <= MaxTextLength ? text : QString();
}
} // namespace

std::variant<BotManifest, QString> BotManifest::fromPluginMetaData(const QJsonObject &metaData)
{
    if (metaData.isEmpty())
        return u"not a Qt plugin"_s;
    const QString iid = metaData.value("IID"_L1).toString();
    if (iid != QLatin1StringView(FinChatBotPlugin_iid)) {
        if (iid.startsWith("org.finchat.BotPlugin/"_L1))
            return u"built for bot interface %1, this server needs %2"_s.arg(
                iid, QLatin1StringView(FinChatBotPlugin_iid));
        return u"not a FinChat bot (interface '%1')"_s.arg(iid);
    }
    const QJsonObject fields = metaData.value("MetaData"_L1).toObject();
    if (fields.isEmpty())
        return u"missing metadata: the plugin has no JSON file"_s;

    BotManifest manifest;
    const auto name = Validation::normalizedUsername(fields.value("name"_L1).toString());
    if (!name || *name != fields.value("name"_L1).toString())
        return u"missing metadata: 'name' must be a lower-case username"_s;
    manifest.name = *name;
    manifest.displayName = shortText(fields, "displayName"_L1);
    if (manifest.displayName.isEmpty())
        manifest.displayName = manifest.name;
    manifest.version = shortText(fields, "version"_L1);
    if (manifest.version.isEmpty())
        return u"missing metadata: 'version'"_s;

    QList<CommandInfo> commands;
    for (const QJsonValue &value : fields.value("commands"_L1).toArray()) {
        const QJsonObject command = value.toObject();
        commands.append({command.value("name"_L1).toString(), command.value("usage"_L1).toString(),
                         command.value("description"_L1).toString()});
    }
    auto checked = checkedCommands(std::move(commands));
    if (const QString *reason = std::get_if<QString>(&checked))
        return u"missing metadata: "_s + *reason;
    manifest.commands = std::get<QList<CommandInfo>>(std::move(checked));
    return manifest;
}

std::variant<BotManifest, QString> BotManifest::fromPlugin(const QPluginLoader &loader)
{
    auto checked = fromPluginMetaData(loader.metaData());
    if (const QString *reason = std::get_if<QString>(&checked);
        reason && loader.metaData().isEmpty() && !loader.errorString().isEmpty())
        return *reason + u" ("_s + loader.errorString() + u')';
    return checked;
}

std::variant<BotPlugin *, QString> instantiateBotPlugin(QPluginLoader &loader)
{
    QObject *instance = loader.instance();
    if (auto *plugin = qobject_cast<BotPlugin *>(instance))
        return plugin;
    return u"cannot load it: %1"_s.arg(instance ? u"it does not implement the bot interface"_s
                                                : loader.errorString());
}

std::variant<QList<BotManifest::CommandInfo>, QString>
BotManifest::checkedCommands(QList<CommandInfo> commands)
{
    static const QRegularExpression commandName(u"\\A[a-z][a-z0-9_\\-]{0,31}\\z"_s);
    if (commands.isEmpty() || commands.size() > MaxCommands)
        return u"'commands' must list 1 to %1 commands"_s.arg(MaxCommands);
    QSet<QString> names;
    for (CommandInfo &info : commands) {
        if (!commandName.match(info.name).hasMatch())
            return u"command name '%1' is not lower-case a-z, 0-9, '_', '-'"_s.arg(
                info.name.left(40));
        if (names.contains(info.name))
            return u"command /%1 is listed twice"_s.arg(info.name);
        names.insert(info.name);
        // One line each, as /help shows them.
        const auto usage = Validation::normalizedTopic(info.usage);
        const auto description = Validation::normalizedTopic(info.description);
        if (!usage || !description)
            return u"the usage and description of /%1 must be one line of at most %2 characters"_s
                .arg(info.name)
                .arg(Validation::TopicMaxLength);
        info.usage = *usage;
        info.description = *description;
        if (info.usage.isEmpty())
            info.usage = u"/"_s + info.name;
    }
    return commands;
}

QStringList standardBotPluginDirs()
{
    QStringList folders{QDir::cleanPath(QCoreApplication::applicationDirPath() + u'/' +
                                        QStringLiteral(FINCHAT_PLUGIN_DIR_FROM_BINARY))};
#ifdef FINCHAT_LOCAL_PLUGIN_DIR
    const QString local = QStringLiteral(FINCHAT_LOCAL_PLUGIN_DIR);
    if (!folders.contains(local))
        folders.append(local);
#endif
    folders.append(QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                       .filePath(u"FinChat/finchat-server/plugins"_s));
    return folders;
}

} // namespace FinChat
