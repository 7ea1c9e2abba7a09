#pragma once

#include "runneroptions.h"

#include "finchat/botmanifest.h"
#include "finchat/botplugin.h"

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>
#include <optional>

class QPluginLoader;

namespace FinChat::BotRunner {

class BotLink;

// Loads the bot plugins of the configured folders, as the server would, and serves each one
// that has a token over its own BotLink. It watches the folders: a plugin copied in is loaded
// and served at once; a plugin file that changes or goes away cannot be unloaded safely from
// a running process (its code may be on the stack, Qt keeps the library), so the runner asks
// to be started again (restartWanted), which the program does by executing itself anew.
class Runner : public QObject
{
    Q_OBJECT

public:
    explicit Runner(RunnerConfig config, QObject *parent = nullptr);
    ~Runner() override;

    void start();

signals:
    void restartWanted(const QString &reason);

private:
    struct Loaded
    {
        QDateTime modified;
        qint64 size = 0;
        // Set once the plugin loaded: what it is, and the link that serves it (null while it
        // waits for its token file).
        std::optional<BotManifest> manifest;
        BotPlugin *plugin = nullptr;
        BotLink *link = nullptr;
    };

    void scan();
    void scheduleScan();
    void load(const QString &path);
    void serve(Loaded &loaded);
    QString tokenFile(const QString &botName) const;

    RunnerConfig m_config;
    QSslConfiguration m_tls;
    QFileSystemWatcher m_watcher;
    QTimer m_settle; // a file being copied in is read once the folder has been quiet a while
    QTimer m_rescan;
    // Every plugin file seen, by path, whether it loaded or was skipped.
    QHash<QString, Loaded> m_seen;
    QHash<QString, QPluginLoader *> m_loaders;
};

} // namespace FinChat::BotRunner
