#include "botrunner.h"

#include "botlink.h"

#include "finchat/botmanifest.h"
#include "finchat/botplugin.h"

#include <QDir>
#include <QFile>
#include <QLibrary>
#include <QLoggingCategory>
#include <QPluginLoader>
#include <QSslCertificate>

namespace FinChat::BotRunner {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
Q_LOGGING_CATEGORY(lcRunner, "finchat.botrunner")
// Long enough for a copy into the folder to finish, short enough to feel immediate.
constexpr auto SettleTime = 500ms;
constexpr auto RescanInterval = 10s;

QSslConfiguration trusting(const QString &certificateFile)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (certificateFile.isEmpty())
        return tls;
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificateFile);
    if (certificates.isEmpty())
        qCWarning(lcRunner).noquote() << "no certificate in" << certificateFile;
    tls.addCaCertificates(certificates);
    return tls;
}
} // namespace

Runner::Runner(RunnerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_tls(trusting(m_config.serverCertificate))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleTime);
    connect(&m_settle, &QTimer::timeout, this, &Runner::scan);
    // Besides the watcher: folders made after the start, and a copy that was still being
    // written when the folder settled.
    connect(&m_rescan, &QTimer::timeout, this, &Runner::scan);
    m_rescan.start(RescanInterval);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &Runner::scheduleScan);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &Runner::scheduleScan);
}

Runner::~Runner()
{
    // The plugins first: their context (the link) outlives them, as the SDK promises, so a
    // plugin that answers while it stops reaches a live link. The libraries stay loaded.
    for (QPluginLoader *loader : std::as_const(m_loaders)) {
        delete loader->instance();
        delete loader;
    }
    for (Loaded &loaded : m_seen) {
        delete loaded.link;
        loaded.link = nullptr;
    }
}

void Runner::start()
{
    qCInfo(lcRunner).noquote() << "serving bots to" << m_config.server.toString() << "from"
                               << m_config.pluginDirs.join(u", "_s) << "with tokens from"
                               << m_config.tokensDir;
    scan();
}

void Runner::scheduleScan()
{
    m_settle.start();
}

QString Runner::tokenFile(const QString &botName) const
{
    return QDir(m_config.tokensDir).filePath(botName + u".token"_s);
}

void Runner::scan()
{
    // Folders that appear later are watched once they exist.
    QStringList watched = m_config.pluginDirs;
    watched.append(m_config.tokensDir);
    for (const QString &folder : std::as_const(watched)) {
        if (QDir(folder).exists() && !m_watcher.directories().contains(folder))
            m_watcher.addPath(folder);
    }
    QSet<QString> present;
    for (const QString &folder : std::as_const(m_config.pluginDirs)) {
        const QFileInfoList files =
            QDir(folder).entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &file : files) {
            if (!QLibrary::isLibrary(file.fileName()))
                continue;
            const QString path = file.absoluteFilePath();
            present.insert(path);
            const auto seen = m_seen.constFind(path);
            const bool changed =
                seen != m_seen.constEnd() &&
                (seen->modified != file.lastModified() || seen->size != file.size());
            if (seen == m_seen.constEnd() || (changed && !seen->manifest)) {
                load(path); // new, or skipped before (half copied, say) and changed since
            } else if (changed) {
                emit restartWanted(u"%1 changed"_s.arg(QDir::toNativeSeparators(path)));
                return;
            }
        }
    }
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
        if (!present.contains(it.key()) && m_loaders.contains(it.key())) {
            emit restartWanted(u"%1 was removed"_s.arg(QDir::toNativeSeparators(it.key())));
            return;
        }
    }
    // A token file added since: serve the plugins that were waiting for one.
    for (Loaded &loaded : m_seen) {
        if (loaded.manifest && !loaded.link && QFile::exists(tokenFile(loaded.manifest->name)))
            serve(loaded);
    }
}

void Runner::load(const QString &path)
{
    const QFileInfo file(path);
    Loaded &loaded = m_seen[path];
    loaded.modified = file.lastModified();
    loaded.size = file.size();
    auto loader = std::make_unique<QPluginLoader>(path);
    // The metadata is read without running any of the plugin's code.
    const auto checked = BotManifest::fromPlugin(*loader);
    if (const QString *reason = std::get_if<QString>(&checked)) {
        qCWarning(lcRunner).noquote()
            << u"skipped plugin %1: %2"_s.arg(QDir::toNativeSeparators(path), *reason);
        return;
    }
    const BotManifest &manifest = std::get<BotManifest>(checked);
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
        if (it.key() != path && it->manifest && it->manifest->name == manifest.name) {
            qCWarning(lcRunner).noquote()
                << u"skipped plugin %1: a bot named %2 is already loaded"_s.arg(
                       QDir::toNativeSeparators(path), manifest.name);
            return;
        }
    }
    const auto instantiated = instantiateBotPlugin(*loader);
    if (const QString *reason = std::get_if<QString>(&instantiated)) {
        qCWarning(lcRunner).noquote()
            << u"skipped plugin %1: %2"_s.arg(QDir::toNativeSeparators(path), *reason);
        return;
    }
    BotPlugin *plugin = std::get<BotPlugin *>(instantiated);
    loaded.manifest = manifest;
    loaded.plugin = plugin;
    m_loaders.insert(path, loader.release());
    m_watcher.addPath(path);
    qCInfo(lcRunner).noquote() << u"loaded bot %1 %2 from %3"_s.arg(manifest.name, manifest.version,
                                                                    QDir::toNativeSeparators(path));
    if (!QFile::exists(tokenFile(manifest.name))) {
        qCWarning(lcRunner).noquote()
            << u"bot %1 waits for its token: finchat-server bot add %1 > %2"_s.arg(
                   manifest.name, QDir::toNativeSeparators(tokenFile(manifest.name)));
        return;
    }
    serve(loaded);
}

void Runner::serve(Loaded &loaded)
{
    const BotManifest &manifest = *loaded.manifest;
    loaded.link =
        new BotLink(manifest, loaded.plugin, tokenFile(manifest.name),
                    m_config.botSettings.value(manifest.name), m_config.server, m_tls, this);
    try {
        loaded.plugin->start(loaded.link);
    } catch (const std::exception &error) {
        qCWarning(lcRunner) << manifest.name << "failed to start:" << error.what();
    }
    loaded.link->start();
}

} // namespace FinChat::BotRunner
