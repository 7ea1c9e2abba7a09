#pragma once

#include "bots/botmanifest.h"
#include "handlers/commandbackend.h"
#include "storage/records.h"

#include <QHash>
#include <QObject>
#include <QVariantMap>

#include <chrono>
#include <memory>
#include <vector>

namespace FinChat {

class BotChannel;
struct BotRequest;
class Fanout;
class StorageThread;

// Loads bot plugins from folders and answers the commands they own. Each bot gets its own
// account (flagged as a bot, with no password, so nobody can log in as it) and its own
// BotContext, through which its replies reach the room. Replies and commands are never
// stored. A bot that does not answer in time, fails, or throws gets the asker a notice; a
// plugin that cannot be used is skipped with a logged reason and never stops the server.
class BotHost : public QObject, public CommandBackend
{
    Q_OBJECT

public:
    struct PluginReport
    {
        QString path;
        bool loaded = false;
        QString detail; // the bot and version when loaded, else why it was skipped
    };

    BotHost(StorageThread &storage, const Fanout &fanout, QMap<QString, QVariantMap> settings,
            std::chrono::milliseconds replyTimeout, QObject *parent = nullptr);
    ~BotHost() override;

    void loadFrom(const QStringList &folders);
    const QList<PluginReport> &reports() const { return m_reports; }
    QStringList botNames() const;

    QList<CommandInfo> commands() const override;
    void run(const CommandCall &call) override;
    bool ask(const QString &command, const QString &argument,
             std::function<void(const BotAnswer &)> done) override;

private:
    friend class BotChannel;
    struct Pending
    {
        qint64 roomId = 0;
        QString room;
        qint64 senderId = 0;
        QString commandText; // "/stock=aapl.us", for notices
        Validation::CommandInvocation invocation;
        QString sender;
        BotChannel *bot = nullptr;
        // Set for ask(): the answer goes here, not to a room or a person.
        std::function<void(const BotAnswer &)> privately;
    };

    void start(BotChannel *bot, quint64 id, const BotRequest &request);
    void loadPlugin(const QString &path);
    void skip(const QString &path, const QString &reason);
    void deliver(BotChannel *bot, quint64 requestId, const QString &text, const QJsonObject &data);
    void notifyFailure(BotChannel *bot, quint64 requestId, const QString &reason);
    void expire(quint64 requestId);
    void sendNotice(const Pending &pending, QLatin1StringView code, const QString &text);
    std::optional<Pending> takePending(BotChannel *bot, quint64 requestId);
    QString setting(const QString &bot, const QString &key) const;

    StorageThread &m_storage;
    const Fanout &m_fanout;
    QMap<QString, QVariantMap> m_settings;
    std::chrono::milliseconds m_replyTimeout;
    std::vector<std::unique_ptr<BotChannel>> m_bots;
    QHash<QString, BotChannel *> m_commandOwners;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextRequestId = 1;
    QList<PluginReport> m_reports;
};

} // namespace FinChat
