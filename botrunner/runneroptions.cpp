#include "runneroptions.h"

#include "finchat/botmanifest.h"
#include "finchat/configfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace FinChat::BotRunner {

using namespace Qt::StringLiterals;

namespace {

bool validServerUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == "wss"_L1 || url.scheme() == "ws"_L1) &&
           !url.host().isEmpty();
}

} // namespace

RunnerOptions::Result RunnerOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serves FinChat bot plugins to a FinChat server over its wire protocol, each as the "
        "bot account whose token is in <tokens dir>/<bot name>.token (finchat-server bot add "
        "NAME prints one). A plugin that crashes takes down this program only."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, u"Read settings from INI <file>."_s,
                                          u"file"_s);
    const QCommandLineOption serverOption(
        u"server"_s, u"The server's <url> (default wss://localhost:7420)."_s, u"url"_s);
    const QCommandLineOption pluginsOption(
        u"plugins-dir"_s, u"Also load bot plugins from <dir> (after the installed ones)."_s,
        u"dir"_s);
    const QCommandLineOption tokensOption(
        u"tokens-dir"_s, u"Read each bot's token from <dir>/<name>.token."_s, u"dir"_s);
    const QCommandLineOption certificateOption(
        u"server-certificate"_s, u"Trust the server's certificate in PEM <file>."_s, u"file"_s);
    parser.addOptions({configOption, serverOption, pluginsOption, tokensOption, certificateOption});

    Result result;
    const auto fail = [&result](const QString &why) {
        result.action = Action::Fail;
        result.text = why;
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(helpOption))
        return {Action::ShowHelp, {}, parser.helpText()};
    if (parser.isSet(versionOption))
        return {Action::ShowVersion,
                {},
                u"%1 %2"_s.arg(QCoreApplication::applicationName(),
                               QCoreApplication::applicationVersion())};
    if (!parser.positionalArguments().isEmpty())
        return fail(u"unexpected argument: %1"_s.arg(parser.positionalArguments().constFirst()));

    RunnerConfig &config = result.config;
    config.pluginDirs = standardBotPluginDirs();
    config.tokensDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                           .filePath(u"bot-tokens"_s);
    QString server;
    if (parser.isSet(configOption)) {
        const QString file = parser.value(configOption);
        if (!QFileInfo(file).isReadable())
            return fail(u"cannot read config file %1"_s.arg(file));
        QSettings settings(file, QSettings::IniFormat);
        if (settings.status() != QSettings::NoError)
            return fail(u"config file %1 is not valid INI"_s.arg(file));
        const QStringList known{u"runner/server"_s, u"runner/plugins_dir"_s, u"runner/tokens_dir"_s,
                                u"runner/server_certificate"_s};
        for (const QString &key : settings.allKeys()) {
            if (!known.contains(key) && !key.startsWith("bot."_L1))
                return fail(u"%1: unknown setting %2"_s.arg(file, key));
        }
        server = settings.value(u"runner/server"_s).toString();
        if (const QString dir = settings.value(u"runner/plugins_dir"_s).toString(); !dir.isEmpty())
            config.pluginDirs.append(ConfigFile::resolvedAgainst(dir, file));
        if (const QString dir = settings.value(u"runner/tokens_dir"_s).toString(); !dir.isEmpty())
            config.tokensDir = ConfigFile::resolvedAgainst(dir, file);
        config.serverCertificate = ConfigFile::resolvedAgainst(
            settings.value(u"runner/server_certificate"_s).toString(), file);
        config.botSettings = ConfigFile::botSettings(settings);
    }
    if (parser.isSet(serverOption))
        server = parser.value(serverOption);
    if (!server.isEmpty())
        config.server = QUrl(server);
    if (!validServerUrl(config.server))
        return fail(u"the server must be a ws:// or wss:// URL, not %1"_s.arg(server));
    config.pluginDirs += parser.values(pluginsOption);
    if (parser.isSet(tokensOption))
        config.tokensDir = parser.value(tokensOption);
    if (parser.isSet(certificateOption))
        config.serverCertificate = parser.value(certificateOption);
    return result;
}

} // namespace FinChat::BotRunner
