#pragma once

#include "cluster/busmessage.h"
#include "finchat/botmanifest.h"
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
class ClientConnection;
struct BotRequest;
class Fanout;
class StorageThread;

// One bot as the host drives it: a plugin loaded into this process, or a program connected
// over the wire protocol with a bot account's token (docs/protocol.md, "Bots").
class Bot
{
public:
    explicit Bot(Author account)
        : m_account(std::move(account))
    {}
    virtual ~Bot() = default;
    Bot(const Bot &) = delete;
    Bot &operator=(const Bot &) = delete;

    const Author &account() const { return m_account; }
    const QList<CommandInfo> &commands() const { return m_commands; }
    void setCommands(QList<CommandInfo> commands) { m_commands = std::move(commands); }
    // False while a connected bot is away: its commands stay listed and answer that it is
    // not available.
    virtual bool isAvailable() const = 0;
    // Hands it a command to answer through the host (deliver() or notifyFailure()); may throw.
    virtual void handle(const BotRequest &request) = 0;
    // The other server it answers through (ClusterBus); empty when it answers here.
    virtual QString answersVia() const { return {}; }

private:
    Author m_account;
    QList<CommandInfo> m_commands;
};

// Loads bot plugins from folders, takes bots that connect over the wire, and answers the
// commands they own. Each bot has its own account (flagged as a bot, with no password, so
// nobody can log in as it as a person); a plugin answers through its BotContext, a connected
// bot with bot.reply and bot.fail. Replies and commands are never stored. A bot that does not
// answer in time, fails, throws or goes away gets the asker a notice; a plugin that cannot be
// used is skipped with a logged reason and never stops the server.
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
    // Every bot, as server.status shows it.
    QList<Protocol::BotState> states() const;

    QList<CommandInfo> commands() const override;
    void run(const CommandCall &call) override;
    bool ask(const QString &command, const QString &argument,
             std::function<void(const BotAnswer &)> done) override;

    // The bot whose account is logged in on `connection` answers these commands from now on,
    // instead of those it announced before; a previous connection of the same bot is closed.
    // Throws ProtocolError (command_taken) when another bot owns one of the names, or a plugin
    // of the bot's name runs in this process.
    void connectRemote(ClientConnection *connection, const Author &account,
                       QList<CommandInfo> commands);
    // At start: a bot that announced these commands before, away until it connects. Names a
    // plugin took meanwhile are left to the plugin.
    void restoreRemote(const Author &account, const QList<CommandInfo> &commands);
    // The connection closed: its bot is away, and what it was asked fails for the askers.
    void disconnectRemote(ClientConnection *connection);
    // A connected bot's bot.reply and bot.fail; false when the request was not waiting for
    // this bot's answer.
    bool replyFromRemote(ClientConnection *connection, quint64 requestId, const QString &text,
                         const QJsonObject &data);
    bool failFromRemote(ClientConnection *connection, quint64 requestId, const QString &reason);

    // Several servers on one database (ClusterBus): the bots connected here are told to the
    // others through `publish`, and the others' bots are asked through it, so that a bot
    // answers the people of every server wherever it is connected.
    void joinCluster(const QString &serverId, std::function<void(const Bus::BotNews &)> publish);
    void leaveCluster() { joinCluster({}, {}); }
    // What a server, this one too, said about bots, in the bus's order.
    void hear(const QString &server, const Bus::BotNews &news);
    // That server is gone: the bots connected there are away, and what they were asked
    // through it fails for the askers.
    void serverGone(const QString &server);
    // The answer to a new server's Hello.
    Bus::BotsOfServer connectedHere() const;
    // This server missed what the others said (its listener was down): where the bots
    // connected elsewhere are is unknown until the others answer its Hello again.
    void forgetWhereabouts();

private:
    class RemoteBot;
    friend class BotChannel;
    struct Pending
    {
        qint64 roomId = 0;
        QString room;
        qint64 senderId = 0;
        QString commandText; // "/stock=aapl.us", for notices
        Validation::CommandInvocation invocation;
        QString sender;
        Bot *bot = nullptr;
        // Set for ask(): the answer goes here, not to a room or a person.
        std::function<void(const BotAnswer &)> privately;
        // The other server the request was handed to, when the bot is connected there.
        QString via;
        // Set when another server asked (Bus::BotCall): the answer goes back to it.
        std::optional<std::pair<QString, quint64>> relayedFor; // its server and request
    };

    // Records the request and hands it to the bot, or tells the asker the bot is away.
    void start(Bot *bot, Pending pending, BotRequest request);
    void loadPlugin(const QString &path);
    void skip(const QString &path, const QString &reason);
    // The name of the bot other than `except` that owns one of these commands, if any.
    std::optional<QString> takenBy(const QList<CommandInfo> &commands, const Bot *except) const;
    void own(Bot *bot, QList<CommandInfo> commands);
    RemoteBot *remoteOn(const ClientConnection *connection) const;
    // The bots that connect over the wire (here or on another server), not the plugins.
    QList<RemoteBot *> remoteBots() const;
    Bot *botWithId(qint64 accountId) const;
    // The connected bot of this account, made (away, with those of its commands that no other
    // bot has) when it is new here; nullptr when a plugin has the account.
    RemoteBot *rememberRemote(const Author &account, const QList<CommandInfo> &commands);
    // Gives the bot those of the commands that no other bot has, and says which it could not.
    void ownFree(Bot *bot, const QList<CommandInfo> &commands);
    void heardConnected(const QString &server, const Bus::BotConnected &connected);
    void heardAway(const QString &server, qint64 botId);
    void heardBotsOf(const QString &server, const Bus::BotsOfServer &all);
    void answerCall(const QString &server, const Bus::BotCall &call);
    void heardAnswer(const Bus::BotAnswer &answer);
    // Fails what was asked of the bot (any bot, when null) through `via` (here, when empty).
    void failWaiting(const Bot *bot, const QString &via, const QString &reason);
    void publish(const Bus::BotNews &news) const;
    // The bot's reply, or why there is none, for the server that asked (Pending::relayedFor).
    void answerAsker(const Pending &pending, Bus::BotAnswer::Outcome outcome, const QString &text,
                     const QJsonObject &data) const;
    // The RemoteBot of this account, if it has one; throws command_taken when a plugin has
    // the account.
    RemoteBot *remoteOf(const Author &account) const;
    // Both false when the request was not waiting for this bot.
    bool deliver(Bot *bot, quint64 requestId, const QString &text, const QJsonObject &data);
    bool notifyFailure(Bot *bot, quint64 requestId, const QString &reason);
    void expire(quint64 requestId);
    void sendNotice(const Pending &pending, QLatin1StringView code, const QString &text);
    std::optional<Pending> takePending(Bot *bot, quint64 requestId);
    QString setting(const QString &bot, const QString &key) const;

    StorageThread &m_storage;
    const Fanout &m_fanout;
    QMap<QString, QVariantMap> m_settings;
    std::chrono::milliseconds m_replyTimeout;
    // Kept while the server runs, also when a connected bot goes away: it may come back.
    std::vector<std::unique_ptr<Bot>> m_bots;
    QHash<QString, Bot *> m_commandOwners;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextRequestId = 1;
    QList<PluginReport> m_reports;
    QString m_serverId; // in a cluster
    std::function<void(const Bus::BotNews &)> m_publish;
};

} // namespace FinChat
