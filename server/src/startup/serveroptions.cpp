#include "startup/serveroptions.h"

#include "finchat/botmanifest.h"
#include "finchat/configfile.h"
#include "wire/forwardedaddress.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <functional>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {

// When a changed [limits] value takes effect in a running server (SIGHUP).
enum class Applies
{
    OnReload,    // read where it is used, or by each new connection
    AtNextStart, // sizes something made once at start (a rate window, a pool, a timer)
};

// One [limits] key: its range, and the member of ServerLimits it sets.
struct LimitSetting
{
    QString key;
    qint64 minimum;
    qint64 maximum;
    std::function<void(ServerLimits &, qint64)> store;
    std::function<qint64(const ServerLimits &)> load;
    Applies applies;
};

template<typename T>
LimitSetting limit(QString key, qint64 minimum, qint64 maximum, T ServerLimits::*member,
                   Applies applies = Applies::OnReload)
{
    const auto store = [member](ServerLimits &limits, qint64 value) {
        if constexpr (std::is_same_v<T, std::chrono::milliseconds>)
            limits.*member = std::chrono::milliseconds(value);
        else
            limits.*member = static_cast<T>(value);
    };
    const auto load = [member](const ServerLimits &limits) -> qint64 {
        if constexpr (std::is_same_v<T, std::chrono::milliseconds>)
            return (limits.*member).count();
        else
            return limits.*member;
    };
    return {std::move(key), minimum, maximum, store, load, applies};
}

const QList<LimitSetting> &limitSettings()
{
    constexpr qint64 Big = 1'000'000'000;
    constexpr Applies AtStart = Applies::AtNextStart;
    static const QList<LimitSetting> all{
        limit(u"limits/max_body_length"_s, 1, 1'000'000, &ServerLimits::maxBodyLength),
        limit(u"limits/max_message_bytes"_s, 1024, 64 * 1024 * 1024,
              &ServerLimits::maxIncomingMessageBytes),
        limit(u"limits/login_timeout_ms"_s, 100, Big, &ServerLimits::loginTimeout, AtStart),
        limit(u"limits/failed_logins_per_minute"_s, 1, 1000, &ServerLimits::failedLoginsPerMinute,
              AtStart),
        limit(u"limits/pending_hashes_per_address"_s, 1, 10'000,
              &ServerLimits::pendingHashesPerAddress, AtStart),
        limit(u"limits/pending_hashes"_s, 1, 100'000, &ServerLimits::pendingHashes, AtStart),
        limit(u"limits/registrations_per_hour"_s, 1, 1'000'000, &ServerLimits::registrationsPerHour,
              AtStart),
        limit(u"limits/message_burst"_s, 1, 1'000'000, &ServerLimits::messageBurst, AtStart),
        limit(u"limits/message_window_ms"_s, 1, Big, &ServerLimits::messageWindow, AtStart),
        limit(u"limits/request_burst"_s, 1, 1'000'000, &ServerLimits::requestBurst),
        limit(u"limits/request_window_ms"_s, 1, Big, &ServerLimits::requestWindow),
        limit(u"limits/max_requests_in_flight"_s, 1, 100'000, &ServerLimits::maxRequestsInFlight),
        limit(u"limits/max_connections_per_address"_s, 1, 1'000'000,
              &ServerLimits::maxConnectionsPerAddress, AtStart),
        limit(u"limits/max_connections"_s, 1, 1'000'000, &ServerLimits::maxConnections, AtStart),
        limit(u"limits/max_outgoing_buffer_bytes"_s, 64 * 1024, Big,
              &ServerLimits::maxOutgoingBufferBytes),
        limit(u"limits/session_lifetime_days"_s, 1, 3650, &ServerLimits::sessionLifetimeDays,
              AtStart),
        limit(u"limits/bot_reply_timeout_ms"_s, 100, Big, &ServerLimits::botReplyTimeout, AtStart),
        limit(u"limits/bot_token_check_interval_ms"_s, 1000, Big,
              &ServerLimits::botTokenCheckInterval, AtStart),
        limit(u"limits/price_check_interval_ms"_s, 10'000, Big, &ServerLimits::priceCheckInterval,
              AtStart),
        limit(u"limits/cluster_heartbeat_ms"_s, 100, 60'000, &ServerLimits::clusterHeartbeat,
              AtStart),
    };
    return all;
}

const QStringList ServerKeys{u"server/listen"_s,
                             u"server/port"_s,
                             u"server/database"_s,
                             u"server/plugins_dir"_s,
                             u"server/durability"_s,
                             u"server/plaintext"_s,
                             u"server/announce"_s,
                             u"server/load_plugins"_s,
                             u"server/registration"_s,
                             u"tls/certificate"_s,
                             u"tls/key"_s,
                             u"metrics/listen"_s,
                             u"metrics/port"_s,
                             u"server/trusted_proxies"_s};

bool readLimits(const QSettings &settings, ServerLimits &limits, QString &error)
{
    for (const LimitSetting &setting : limitSettings()) {
        if (!settings.contains(setting.key))
            continue;
        bool ok = false;
        const qint64 value = settings.value(setting.key).toLongLong(&ok);
        if (!ok || value < setting.minimum || value > setting.maximum) {
            error = u"%1 must be a whole number from %2 to %3"_s.arg(setting.key)
                        .arg(setting.minimum)
                        .arg(setting.maximum);
            return false;
        }
        setting.store(limits, value);
    }
    return true;
}

// A misspelt key would otherwise leave its default in force without a word.
bool checkKnownKeys(const QSettings &settings, QString &error)
{
    for (const QString &key : settings.allKeys()) {
        const bool known =
            key.startsWith("bot."_L1) || ServerKeys.contains(key) ||
            std::any_of(limitSettings().cbegin(), limitSettings().cend(),
                        [&](const LimitSetting &setting) { return setting.key == key; });
        if (!known) {
            error =
                u"unknown setting '%1' (packaging/finchat-server.ini lists them all)"_s.arg(key);
            return false;
        }
    }
    return true;
}

bool parseAddress(const QString &text, QHostAddress &address, QString &error)
{
    if (text == "any"_L1 || text == "*"_L1) {
        address = QHostAddress::Any;
        return true;
    }
    if (text == "localhost"_L1) {
        address = QHostAddress::LocalHost;
        return true;
    }
    if (!address.setAddress(text)) {
        error = u"not an IP address: %1"_s.arg(text);
        return false;
    }
    return true;
}

bool parsePort(const QString &text, quint16 &port, QString &error)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535) {
        error = u"not a port number: %1"_s.arg(text);
        return false;
    }
    port = static_cast<quint16>(value);
    return true;
}

} // namespace

QStringList ServerOptions::reloadTo(ServerConfig &running, const ServerConfig &fresh)
{
    QStringList waiting;
    for (const LimitSetting &setting : limitSettings()) {
        const qint64 value = setting.load(fresh.limits);
        if (value == setting.load(running.limits))
            continue;
        if (setting.applies == Applies::AtNextStart)
            waiting.append(setting.key);
        else
            setting.store(running.limits, value);
    }
    const auto atNextStart = [&](const QString &key, bool changed) {
        if (changed)
            waiting.append(key);
    };
    atNextStart(u"server/listen"_s, running.listenAddress != fresh.listenAddress);
    atNextStart(u"server/port"_s, running.port != fresh.port);
    atNextStart(u"server/database"_s, running.database.display() != fresh.database.display());
    atNextStart(u"server/durability"_s, running.durability != fresh.durability);
    atNextStart(u"server/plugins_dir or load_plugins"_s, running.pluginDirs != fresh.pluginDirs);
    atNextStart(u"server/announce"_s, running.announce.enabled != fresh.announce.enabled);
    atNextStart(u"server/plaintext"_s, running.tls.plaintext != fresh.tls.plaintext);
    atNextStart(u"[bot.*]"_s, running.botSettings != fresh.botSettings);
    atNextStart(u"[metrics]"_s, running.metrics.address != fresh.metrics.address ||
                                    running.metrics.port != fresh.metrics.port);
    running.registration = fresh.registration;
    running.tls.certificateFile = fresh.tls.certificateFile;
    running.tls.keyFile = fresh.tls.keyFile;
    return waiting;
}

QString ServerOptions::defaultDatabasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(u"finchat.db"_s);
}

ServerOptions::Result ServerOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"FinChat server: chat rooms for people who talk about markets, over WebSocket.\n\n"
        "Administration, on the server's database (also while the server runs; give the same "
        "--config or --database as the server's):\n"
        "  finchat-server user add NAME [DISPLAY NAME]  creates a user; the password is read\n"
        "                                               from standard input; the site's first\n"
        "                                               person is its admin\n"
        "  finchat-server user passwd NAME              sets a new password (from standard\n"
        "                                               input) and ends the user's sessions\n"
        "  finchat-server user role NAME ROLE           admin, moderator or member\n"
        "  finchat-server user disable NAME             no more logins; ends the user's\n"
        "                                               sessions\n"
        "  finchat-server user enable NAME              lifts a disable or a ban\n"
        "  finchat-server user list                     every account, its role and state\n"
        "  finchat-server bot add NAME [DISPLAY NAME]   creates an account for a bot that\n"
        "                                               connects over the network\n"
        "                                               (finchat-botrunner, or any language);\n"
        "                                               prints its token\n"
        "  finchat-server bot token NAME                a new token; the old one stops working\n"
        "  finchat-server bot list                      every bot account\n"
        "  finchat-server invite create [USES [DAYS]]   an invite code for a server that\n"
        "                                               registers by invitation: USES accounts\n"
        "                                               (1), valid DAYS days (7)\n"
        "  finchat-server invite list                   the invites that can still be used\n"
        "  finchat-server invite revoke ID              the invite stops working\n"
        "  finchat-server room list                     every room, its members and topic\n"
        "  finchat-server room create NAME [TOPIC]      a new room\n"
        "  finchat-server room rename NAME NEW          the room under a new name\n"
        "  finchat-server room topic NAME [TOPIC]       sets (or clears) its topic\n"
        "  finchat-server room delete NAME --yes        the room and all its messages\n"
        "                                               (a running server tells the people\n"
        "                                               online of room changes, and closes\n"
        "                                               sessions ended here, on SIGHUP)\n"
        "  finchat-server backup FILE                   a consistent copy of the database,\n"
        "                                               taken while the server runs, into the\n"
        "                                               new FILE\n"
        "  finchat-server migrate --from sqlite FILE    copies a stopped server's SQLite\n"
        "                                               database into the new, empty PostgreSQL\n"
        "                                               database given with --database or\n"
        "                                               --config, and checks every table's rows\n"
        "  finchat-server config check                  checks the configuration file (unknown\n"
        "                                               settings, bad values) and says so"_s);
    parser.addPositionalArgument(u"command"_s, u"An administration command (see above)."_s,
                                 u"[user|bot|invite|room|backup|migrate|config ...]"_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, u"Read settings from INI <file>."_s,
                                          u"file"_s);
    const QCommandLineOption listenOption(
        u"listen"_s, u"Listen on <address> (default: all interfaces)."_s, u"address"_s);
    const QCommandLineOption portOption(
        u"port"_s, u"Listen on <port> (default: %1)."_s.arg(ServerConfig::DefaultPort), u"port"_s);
    const QCommandLineOption databaseOption(
        u"database"_s,
        u"The database: a SQLite file's <path> (default: %1), or a PostgreSQL URI "
        "(postgresql://user@host:port/dbname; the password from PGPASSWORD or ~/.pgpass)."_s.arg(
            defaultDatabasePath()),
        u"path-or-uri"_s);
    const QCommandLineOption pluginsOption(u"plugins-dir"_s,
                                           u"Also load bot plugins from <dir> (after %1)."_s.arg(
                                               standardBotPluginDirs().join(u", "_s)),
                                           u"dir"_s);
    // Confirms an administration command that loses data for good.
    const QCommandLineOption yesOption(
        u"yes"_s, u"Confirms a command that deletes data for good (room delete)."_s);
    const QCommandLineOption fromOption(
        u"from"_s, u"With migrate: the kind of database to copy from (sqlite)."_s, u"kind"_s);
    parser.addOptions({configOption, listenOption, portOption, databaseOption, pluginsOption,
                       yesOption, fromOption});

    Result result;
    if (!parser.parse(arguments)) {
        result.action = Action::Fail;
        result.text = parser.errorText();
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.action = Action::ShowHelp;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.action = Action::ShowVersion;
        result.text = u"%1 %2"_s.arg(QCoreApplication::applicationName(),
                                     QCoreApplication::applicationVersion());
        return result;
    }
    QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        static const QStringList Tools{u"user"_s,   u"bot"_s,     u"invite"_s, u"room"_s,
                                       u"backup"_s, u"migrate"_s, u"config"_s};
        if (!Tools.contains(positional.constFirst())) {
            result.action = Action::Fail;
            result.text = u"unexpected argument: %1"_s.arg(positional.constFirst());
            return result;
        }
        result.tool = positional.takeFirst();
        result.toolArguments = positional;
    }
    result.confirmed = parser.isSet(yesOption);
    result.migrateFrom = parser.value(fromOption);
    if (parser.isSet(fromOption) != (result.tool == "migrate"_L1)) {
        result.action = Action::Fail;
        result.text = u"finchat-server migrate --from sqlite FILE, and --from only with it"_s;
        return result;
    }
    if (result.confirmed && result.tool != "room"_L1) {
        result.action = Action::Fail;
        result.text = u"--yes confirms only finchat-server room delete"_s;
        return result;
    }

    ServerConfig &config = result.config;
    QString listen, port, database, pluginsDir;
    QString error;
    bool announceWanted = true;
    bool pluginsWanted = true;
    if (parser.isSet(configOption)) {
        const QString file = parser.value(configOption);
        result.configFile = QFileInfo(file).absoluteFilePath();
        if (!QFileInfo(file).isReadable()) {
            result.action = Action::Fail;
            result.text = u"cannot read config file %1"_s.arg(file);
            return result;
        }
        QSettings settings(file, QSettings::IniFormat);
        if (settings.status() != QSettings::NoError) {
            result.action = Action::Fail;
            result.text = u"config file %1 is not valid INI"_s.arg(file);
            return result;
        }
        listen = settings.value(u"server/listen"_s).toString();
        port = settings.value(u"server/port"_s).toString();
        // INI reads an unquoted value with a comma as a list, whose toString() is empty: that
        // must not quietly become the default SQLite file.
        if (settings.value(u"server/database"_s).typeId() == QMetaType::QStringList) {
            result.action = Action::Fail;
            result.text =
                u"%1: server/database holds a comma; put the value in double quotes"_s.arg(file);
            return result;
        }
        database = settings.value(u"server/database"_s).toString();
        if (!DatabaseLocation::looksLikePostgres(database)) // a URI is no path to resolve
            database = ConfigFile::resolvedAgainst(database, file);
        const QString durability = settings.value(u"server/durability"_s, u"full"_s).toString();
        if (durability != "full"_L1 && durability != "normal"_L1) {
            result.action = Action::Fail;
            result.text = u"%1: server/durability must be full or normal"_s.arg(file);
            return result;
        }
        config.durability = durability == "full"_L1 ? Durability::Full : Durability::Normal;
        static const QHash<QString, Registration> registrations{
            {u"open"_s, Registration::Open},
            {u"invite"_s, Registration::Invite},
            {u"closed"_s, Registration::Closed}};
        const QString registration = settings.value(u"server/registration"_s, u"open"_s).toString();
        if (!registrations.contains(registration)) {
            result.action = Action::Fail;
            result.text = u"%1: server/registration must be open, invite or closed"_s.arg(file);
            return result;
        }
        config.registration = registrations.value(registration);
        quint16 metricsPort = 0;
        if (!parseAddress(settings.value(u"metrics/listen"_s, u"localhost"_s).toString(),
                          config.metrics.address, error) ||
            (settings.contains(u"metrics/port"_s) &&
             !parsePort(settings.value(u"metrics/port"_s).toString(), metricsPort, error))) {
            result.action = Action::Fail;
            result.text = u"%1: metrics: %2"_s.arg(file, error);
            return result;
        }
        if (settings.contains(u"metrics/port"_s))
            config.metrics.port = metricsPort;
        const auto flag = [&](const QString &key, bool fallback) -> std::optional<bool> {
            const QString value = settings.value(key, fallback ? u"true"_s : u"false"_s).toString();
            if (value == "true"_L1 || value == "false"_L1)
                return value == "true"_L1;
            result.action = Action::Fail;
            result.text = u"%1: %2 must be true or false"_s.arg(file, key);
            return std::nullopt;
        };
        const std::optional<bool> plaintext = flag(u"server/plaintext"_s, false);
        const std::optional<bool> announce = flag(u"server/announce"_s, true);
        const std::optional<bool> loadPlugins = flag(u"server/load_plugins"_s, true);
        if (!plaintext || !announce || !loadPlugins)
            return result;
        pluginsWanted = *loadPlugins;
        config.tls.plaintext = *plaintext;
        announceWanted = *announce;
        config.tls.certificateFile =
            ConfigFile::resolvedAgainst(settings.value(u"tls/certificate"_s).toString(), file);
        config.tls.keyFile =
            ConfigFile::resolvedAgainst(settings.value(u"tls/key"_s).toString(), file);
        pluginsDir =
            ConfigFile::resolvedAgainst(settings.value(u"server/plugins_dir"_s).toString(), file);
        config.botSettings = ConfigFile::botSettings(settings);
        // INI reads "a, b" as a list.
        const auto proxies = ForwardedAddress::parseTrusted(
            settings.value(u"server/trusted_proxies"_s).toStringList().join(u','));
        if (!proxies) {
            result.action = Action::Fail;
            result.text = u"%1: server/trusted_proxies must be addresses or subnets "
                          "(10.0.0.5, 10.0.1.0/24), separated by commas"_s.arg(file);
            return result;
        }
        config.trustedProxies = *proxies;
        if (!checkKnownKeys(settings, error) || !readLimits(settings, config.limits, error)) {
            result.action = Action::Fail;
            result.text = u"%1: %2"_s.arg(file, error);
            return result;
        }
    }
    if (parser.isSet(listenOption))
        listen = parser.value(listenOption);
    if (parser.isSet(portOption))
        port = parser.value(portOption);
    if (parser.isSet(databaseOption))
        database = parser.value(databaseOption);
    if (parser.isSet(pluginsOption))
        pluginsDir = parser.value(pluginsOption);

    if ((!listen.isEmpty() && !parseAddress(listen, config.listenAddress, error)) ||
        (!port.isEmpty() && !parsePort(port, config.port, error))) {
        result.action = Action::Fail;
        result.text = error;
        return result;
    }
    // Colleagues' apps list the server, unless it only listens on this machine.
    config.announce.enabled = announceWanted && !config.listenAddress.isLoopback();
    auto location = DatabaseLocation::parse(database.isEmpty() ? defaultDatabasePath() : database);
    if (const QString *refused = std::get_if<QString>(&location)) {
        result.action = Action::Fail;
        result.text = *refused;
        return result;
    }
    config.database = std::get<DatabaseLocation>(location);
    // The data folder: the generated certificate lives beside the database it belongs to, or
    // in the per-user data folder when the database is on a PostgreSQL server.
    config.tls.generatedFolder =
        QFileInfo(config.database.isPostgres() ? defaultDatabasePath()
                                               : config.database.sqlitePath())
            .absolutePath();
    // load_plugins=false: finchat-botrunner serves them from a process of its own.
    if (pluginsWanted) {
        config.pluginDirs = standardBotPluginDirs();
        if (!pluginsDir.isEmpty())
            config.pluginDirs.append(pluginsDir);
    }
    if (!result.tool.isEmpty())
        result.action = Action::RunTool;
    return result;
}

} // namespace FinChat
