#include "bots/bothost.h"

#include "state/fanout.h"
#include "storage/storagethread.h"
#include "wire/clientconnection.h"

#include "finchat/botplugin.h"
#include "finchat/protocol.h"
#include "finchat/protocol/messages.h"

#include <QDir>
#include <QLibrary>
#include <QLoggingCategory>
#include <QPluginLoader>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QTimer>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;
using Protocol::ProtocolError;

Q_LOGGING_CATEGORY(lcBots, "finchat.server.bots")

namespace {
constexpr qsizetype MaxReplyLength = 4000;
constexpr qsizetype MaxReasonLength = 300;

QString unavailableText(const Bot &bot)
{
    return u"%1 is not available right now; try again later"_s.arg(bot.account().displayName);
}

// The command as typed, with a long argument cut short, for the notices that quote it.
QString quoted(const QString &command, const QString &argument)
{
    return Protocol::Invocation{command, argument.left(40)}.text();
}

// Qt keeps one root object per plugin library per process; two servers in one process
// (the app restarting its local server, say) must not drive the same bot object at once.
QSet<QObject *> &instancesInUse()
{
    static QSet<QObject *> inUse;
    return inUse;
}
} // namespace

// One loaded plugin: its account, its plugin object, and the context it answers through.
class BotChannel final : public Bot, public BotContext
{
public:
    BotChannel(BotHost &host, BotManifest manifest, Author account,
               std::unique_ptr<QPluginLoader> loader, BotPlugin *plugin)
        : Bot(std::move(account))
        , m_host(host)
        , m_manifest(std::move(manifest))
        , m_loader(std::move(loader))
        , m_instance(m_loader->instance())
        , m_plugin(plugin)
    {
        setCommands(m_manifest.commands);
    }

    ~BotChannel() override
    {
        instancesInUse().remove(m_instance.data());
        // Deleting the root object stops its work (its network requests go with it). The
        // library is not unloaded (the loader's destructor leaves it loaded): code of it may
        // still be on the way out of the stack.
        delete m_instance.data();
    }

    void reply(quint64 requestId, const QString &text, const QJsonObject &data) override
    {
        onHostThread(
            [this, requestId, text, data] { m_host.deliver(this, requestId, text, data); });
    }
    void fail(quint64 requestId, const QString &reason) override
    {
        onHostThread([this, requestId, reason = reason.left(MaxReasonLength)] {
            m_host.notifyFailure(this, requestId, reason);
        });
    }
    QString setting(const QString &key) const override
    {
        return m_host.setting(m_manifest.name, key);
    }

    const BotManifest &manifest() const { return m_manifest; }
    BotPlugin *plugin() const { return m_plugin; }
    bool isAvailable() const override { return true; }
    void handle(const BotRequest &request) override { m_plugin->handleCommand(request); }

private:
    // A bot may answer from a thread of its own; the rooms and sockets it reaches belong to
    // the host's thread, so the answer is carried there. (Dropped if the host is gone.)
    template<typename Work>
    void onHostThread(Work work)
    {
        if (QThread::currentThread() == m_host.thread())
            work();
        else
            QMetaObject::invokeMethod(&m_host, std::move(work), Qt::QueuedConnection);
    }

    BotHost &m_host;
    BotManifest m_manifest;
    std::unique_ptr<QPluginLoader> m_loader;
    QPointer<QObject> m_instance;
    BotPlugin *m_plugin;
};

// A bot program connected over the wire with its account's token. It stays known when its
// connection goes, so that its commands say "not available" until it is back. With several
// servers on one database it may be connected to another one: it is asked through that.
class BotHost::RemoteBot final : public Bot
{
public:
    RemoteBot(BotHost &host, Author account, ClientConnection *connection)
        : Bot(std::move(account))
        , m_host(host)
        , m_connection(connection)
    {}

    ClientConnection *connection() const { return m_connection; }
    void setConnection(ClientConnection *connection) { m_connection = connection; }
    bool isConnectedHere() const { return m_connection && m_connection->isOpen(); }
    // The server that said last, in the bus's order, that the bot connected to it (this one
    // included); empty once it went away there.
    const QString &where() const { return m_where; }
    void setWhere(QString server) { m_where = std::move(server); }
    // This server's BotConnected messages for it that have not come back yet: while one is on
    // its way, the connection here is the later one, whatever else is heard meanwhile.
    int unheardAnnouncements = 0;

    bool isAvailable() const override { return isConnectedHere() || !answersVia().isEmpty(); }
    QString answersVia() const override
    {
        return isConnectedHere() || m_where == m_host.m_serverId ? QString() : m_where;
    }
    void handle(const BotRequest &request) override
    {
        if (!isConnectedHere()) {
            m_host.publish(Bus::BotCall{m_where, request.id, account().id, request.command,
                                        request.argument, request.room, request.user,
                                        request.displayName});
            return;
        }
        const auto text = [](const QString &value) {
            return value.isEmpty() ? std::nullopt : std::optional(value);
        };
        m_connection->send(
            Protocol::frame(Protocol::BotCommand{.request = qint64(request.id),
                                                 .command = request.command,
                                                 .argument = request.argument,
                                                 .room = text(request.room),
                                                 .username = text(request.user),
                                                 .displayName = text(request.displayName)}));
    }

private:
    BotHost &m_host;
    QPointer<ClientConnection> m_connection;
    QString m_where;
};

BotHost::BotHost(StorageThread &storage, const Fanout &fanout, QMap<QString, QVariantMap> settings,
                 std::chrono::milliseconds replyTimeout, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_fanout(fanout)
    , m_settings(std::move(settings))
    , m_replyTimeout(replyTimeout)
{}

BotHost::~BotHost()
{
    // What is pending goes first: a plugin that answers or fails while it is destroyed
    // finds nothing to answer, instead of a freed table (or a fan-out already gone).
    m_pending.clear();
    m_commandOwners.clear();
    m_bots.clear();
}

QStringList BotHost::botNames() const
{
    QStringList names;
    for (const auto &bot : m_bots)
        names.append(bot->account().username);
    return names;
}

QList<Protocol::BotState> BotHost::states() const
{
    QList<Protocol::BotState> states;
    for (const auto &bot : m_bots) {
        const bool connected = dynamic_cast<const RemoteBot *>(bot.get()) != nullptr;
        states.append({bot->account().username, connected ? u"connected"_s : u"plugin"_s,
                       bot->isAvailable(), bot->commands().size()});
    }
    return states;
}

QString BotHost::setting(const QString &bot, const QString &key) const
{
    return m_settings.value(bot).value(key).toString();
}

void BotHost::loadFrom(const QStringList &folders)
{
    for (const QString &folder : folders) {
        const QDir dir(folder);
        if (!dir.exists())
            continue;
        const QFileInfoList files =
            dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &file : files) {
            if (QLibrary::isLibrary(file.fileName()))
                loadPlugin(file.absoluteFilePath());
        }
    }
}

void BotHost::skip(const QString &path, const QString &reason)
{
    qCWarning(lcBots).noquote() << u"skipped plugin %1: %2"_s.arg(QDir::toNativeSeparators(path),
                                                                  reason);
    m_reports.append({path, false, reason});
}

void BotHost::loadPlugin(const QString &path)
{
    auto loader = std::make_unique<QPluginLoader>(path);
    // The metadata is read without running any of the plugin's code.
    const auto checked = BotManifest::fromPlugin(*loader);
    if (const QString *reason = std::get_if<QString>(&checked))
        return skip(path, *reason);
    const BotManifest &manifest = std::get<BotManifest>(checked);
    if (std::any_of(m_bots.cbegin(), m_bots.cend(),
                    [&](const auto &bot) { return bot->account().username == manifest.name; }))
        return skip(path, u"a bot named %1 is already loaded"_s.arg(manifest.name));
    if (const auto taken = takenBy(manifest.commands, nullptr))
        return skip(path, *taken);

    const auto instantiated = instantiateBotPlugin(*loader);
    if (const QString *reason = std::get_if<QString>(&instantiated))
        return skip(path, *reason);
    BotPlugin *plugin = std::get<BotPlugin *>(instantiated);
    QObject *instance = loader->instance();
    if (instancesInUse().contains(instance))
        return skip(path, u"it is already in use by another server in this process"_s);
    // Plugins load at start-up, before anything is served: waiting for storage is fine.
    const auto account = m_storage.blocking([&manifest](Storage &storage) {
        return storage.ensureBotUser(manifest.name, manifest.displayName);
    });
    if (!account)
        return skip(path, u"a person already has the username %1"_s.arg(manifest.name));

    instancesInUse().insert(instance);
    auto channel =
        std::make_unique<BotChannel>(*this, manifest, *account, std::move(loader), plugin);
    BotChannel *bot = channel.get();
    m_bots.push_back(std::move(channel));
    own(bot, manifest.commands);
    QStringList usages;
    for (const CommandInfo &command : manifest.commands)
        usages.append(command.usage);
    const QString detail =
        u"%1 %2 (%3)"_s.arg(manifest.name, manifest.version, usages.join(u", "_s));
    qCInfo(lcBots).noquote() << u"loaded bot %1 from %2"_s.arg(detail,
                                                               QDir::toNativeSeparators(path));
    m_reports.append({path, true, detail});
    try {
        bot->plugin()->start(bot);
    } catch (const std::exception &error) {
        qCWarning(lcBots) << manifest.name << "failed to start:" << error.what();
    }
}

std::optional<QString> BotHost::takenBy(const QList<CommandInfo> &commands, const Bot *except) const
{
    for (const CommandInfo &command : commands) {
        if (command.name == "help"_L1)
            return u"/help belongs to the server"_s;
        const Bot *owner = m_commandOwners.value(command.name);
        if (owner && owner != except)
            return u"/%1 is already answered by %2"_s.arg(command.name, owner->account().username);
    }
    return std::nullopt;
}

void BotHost::own(Bot *bot, QList<CommandInfo> commands)
{
    m_commandOwners.removeIf([bot](const auto &owner) { return owner.value() == bot; });
    for (const CommandInfo &command : commands)
        m_commandOwners.insert(command.name, bot);
    bot->setCommands(std::move(commands));
}

QList<CommandInfo> BotHost::commands() const
{
    QList<CommandInfo> all;
    for (const auto &bot : m_bots)
        all.append(bot->commands());
    return all;
}

void BotHost::run(const CommandCall &call)
{
    Bot *bot = m_commandOwners.value(call.invocation.name);
    if (!bot)
        return;
    Pending pending;
    pending.roomId = call.roomId;
    pending.room = call.room;
    pending.senderId = call.sender.id;
    pending.commandText = quoted(call.invocation.name, call.invocation.argument);
    pending.invocation = call.invocation;
    pending.sender = call.sender.username;
    pending.bot = bot;
    start(bot, std::move(pending),
          {0, call.invocation.name, call.invocation.argument, call.room, call.sender.username,
           call.sender.displayName});
}

bool BotHost::ask(const QString &command, const QString &argument,
                  std::function<void(const BotAnswer &)> done)
{
    Bot *bot = m_commandOwners.value(command);
    if (!bot)
        return false;
    Pending pending;
    pending.commandText = quoted(command, argument);
    pending.invocation = {command, argument};
    pending.bot = bot;
    pending.privately = std::move(done);
    // No room and no asker: the bot answers the server.
    start(bot, std::move(pending), {0, command, argument, {}, {}, {}});
    return true;
}

void BotHost::start(Bot *bot, Pending pending, BotRequest request)
{
    // Another server's request is for a connection here: handing it on again could send it
    // round in circles.
    const bool available =
        bot->isAvailable() && !(pending.relayedFor && !bot->answersVia().isEmpty());
    if (!available && pending.relayedFor)
        return answerAsker(pending, Bus::BotAnswer::Away, {}, {});
    if (!available)
        return sendNotice(pending, Protocol::NoticeCode::BotUnavailable, unavailableText(*bot));
    pending.via = bot->answersVia();
    const quint64 id = m_nextRequestId++;
    request.id = id;
    m_pending.insert(id, std::move(pending));
    QTimer::singleShot(m_replyTimeout, this, [this, id] { expire(id); });
    try {
        bot->handle(request);
    } catch (const std::exception &error) {
        qCWarning(lcBots) << bot->account().username << "threw on" << request.command << ":"
                          << error.what();
        notifyFailure(bot, id, u"it ran into an error"_s);
    } catch (...) {
        notifyFailure(bot, id, u"it ran into an error"_s);
    }
}

std::optional<BotHost::Pending> BotHost::takePending(Bot *bot, quint64 requestId)
{
    const auto it = m_pending.find(requestId);
    // An unknown id is a late or repeated answer, or one for another bot's request.
    if (it == m_pending.end() || it->bot != bot)
        return std::nullopt;
    Pending pending = *it;
    m_pending.erase(it);
    return pending;
}

bool BotHost::deliver(Bot *bot, quint64 requestId, const QString &text, const QJsonObject &data)
{
    const auto pending = takePending(bot, requestId);
    if (!pending)
        return false;
    const QString body = text.left(MaxReplyLength);
    const bool dataFits = Protocol::serialize(data).size() <= Protocol::MaxBotReplyDataBytes;
    if (!dataFits)
        qCWarning(lcBots).noquote()
            << bot->account().username << "sent more than" << Protocol::MaxBotReplyDataBytes
            << "bytes of data with a reply; the text went out without it";
    if (pending->relayedFor) {
        answerAsker(*pending, Bus::BotAnswer::Replied, body, dataFits ? data : QJsonObject());
        return true;
    }
    if (pending->privately) {
        // Later: the bot may answer from inside handleCommand, before ask() has returned.
        QTimer::singleShot(0, this, [done = pending->privately, body, data, dataFits] {
            done({true, body, dataFits ? data : QJsonObject(), {}});
        });
        return true;
    }
    const Author &account = bot->account();
    Protocol::BotMessage event{.room = pending->room,
                               .username = account.username,
                               .displayName = account.displayName,
                               .bot = true,
                               .body = body,
                               .timestamp = Protocol::nowMs(),
                               .replyTo = pending->sender,
                               .command = Protocol::Invocation::of(pending->invocation),
                               .data = std::nullopt};
    if (!data.isEmpty() && dataFits)
        event.data = data;
    m_fanout.toRoom(pending->roomId, event);
    return true;
}

bool BotHost::notifyFailure(Bot *bot, quint64 requestId, const QString &reason)
{
    const auto pending = takePending(bot, requestId);
    if (!pending)
        return false;
    if (pending->relayedFor) {
        answerAsker(*pending, Bus::BotAnswer::Failed, reason, {}); // the asker's server words it
        return true;
    }
    sendNotice(*pending, Protocol::NoticeCode::BotFailed,
               u"%1 could not answer %2: %3"_s.arg(bot->account().displayName, pending->commandText,
                                                   reason));
    return true;
}

void BotHost::expire(quint64 requestId)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return; // answered in time
    Bot *bot = it->bot;
    const auto pending = takePending(bot, requestId);
    if (pending->relayedFor)
        return; // the server that asked tells its asker
    qCInfo(lcBots).noquote() << bot->account().username << "did not answer" << pending->commandText
                             << "in time";
    sendNotice(
        *pending, Protocol::NoticeCode::BotTimeout,
        u"%1 did not answer %2 in time"_s.arg(bot->account().displayName, pending->commandText));
}

void BotHost::sendNotice(const Pending &pending, QLatin1StringView code, const QString &text)
{
    if (pending.privately) {
        QTimer::singleShot(0, this, [done = pending.privately, text, failure = QString(code)] {
            done({false, text, {}, failure});
        });
        return;
    }
    // Only the person who asked learns of it; the room saw the command and nothing more.
    m_fanout.toUser(pending.senderId,
                    Protocol::Notice{pending.room, text, std::nullopt,
                                     pending.bot->account().username, QString(code)});
}

BotHost::RemoteBot *BotHost::remoteOn(const ClientConnection *connection) const
{
    for (RemoteBot *remote : remoteBots()) {
        if (remote->connection() == connection)
            return remote;
    }
    return nullptr;
}

QList<BotHost::RemoteBot *> BotHost::remoteBots() const
{
    QList<RemoteBot *> remote;
    for (const auto &bot : m_bots) {
        if (auto *connecting = dynamic_cast<RemoteBot *>(bot.get()))
            remote.append(connecting);
    }
    return remote;
}

BotHost::RemoteBot *BotHost::remoteOf(const Author &account) const
{
    Bot *known = botWithId(account.id);
    if (!known)
        return nullptr;
    auto *remote = dynamic_cast<RemoteBot *>(known);
    if (!remote) // a plugin of the same name runs in this process
        throw ProtocolError(ErrorCode::CommandTaken,
                            u"%1 runs inside the server already"_s.arg(account.username));
    return remote;
}

BotHost::RemoteBot *BotHost::rememberRemote(const Author &account,
                                            const QList<CommandInfo> &commands)
{
    if (Bot *known = botWithId(account.id))
        return dynamic_cast<RemoteBot *>(known); // null: a plugin's commands are what count
    auto remote = std::make_unique<RemoteBot>(*this, account, nullptr);
    RemoteBot *bot = remote.get();
    m_bots.push_back(std::move(remote));
    ownFree(bot, commands);
    return bot;
}

void BotHost::ownFree(Bot *bot, const QList<CommandInfo> &commands)
{
    QList<CommandInfo> kept;
    for (const CommandInfo &command : commands) {
        if (const auto taken = takenBy({command}, bot))
            qCWarning(lcBots).noquote()
                << bot->account().username << u"announced /"_s + command.name
                << "but it is not free here:" << *taken;
        else
            kept.append(command);
    }
    own(bot, std::move(kept));
}

void BotHost::restoreRemote(const Author &account, const QList<CommandInfo> &commands)
{
    rememberRemote(account, commands);
}

void BotHost::connectRemote(ClientConnection *connection, const Author &account,
                            QList<CommandInfo> commands)
{
    RemoteBot *bot = remoteOf(account);
    if (const auto taken = takenBy(commands, bot))
        throw ProtocolError(ErrorCode::CommandTaken, *taken);
    if (!bot) {
        auto remote = std::make_unique<RemoteBot>(*this, account, connection);
        bot = remote.get();
        m_bots.push_back(std::move(remote));
    } else if (bot->connection() != connection) {
        // The same bot again, from a new connection (it restarted before the server noticed
        // the old one had gone): the new one answers from now on.
        if (ClientConnection *previous = bot->connection()) {
            disconnectRemote(previous);
            previous->closeWith(QWebSocketProtocol::CloseCodeNormal, u"the bot connected again"_s);
        }
        bot->setConnection(connection);
    }
    qCInfo(lcBots).noquote() << u"bot %1 connected from %2, answering %3"_s.arg(
        account.username, connection->peerAddress(), [&] {
            QStringList names;
            for (const CommandInfo &command : commands)
                names.append(u'/' + command.name);
            return names.join(u", "_s);
        }());
    own(bot, std::move(commands));
    if (m_publish) {
        ++bot->unheardAnnouncements;
        publish(Bus::BotConnected{account, bot->commands()});
    }
}

void BotHost::disconnectRemote(ClientConnection *connection)
{
    RemoteBot *bot = remoteOn(connection);
    if (!bot)
        return;
    bot->setConnection(nullptr);
    qCInfo(lcBots).noquote() << "bot" << bot->account().username << "went away";
    failWaiting(bot, {}, u"it went away before answering"_s);
    publish(Bus::BotAway{bot->account().id});
}

void BotHost::failWaiting(const Bot *bot, const QString &via, const QString &reason)
{
    QList<std::pair<quint64, Bot *>> waiting;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if ((!bot || it->bot == bot) && it->via == via)
            waiting.append({it.key(), it->bot});
    }
    for (const auto &[id, asked] : waiting)
        notifyFailure(asked, id, reason);
}

bool BotHost::replyFromRemote(ClientConnection *connection, quint64 requestId, const QString &text,
                              const QJsonObject &data)
{
    RemoteBot *bot = remoteOn(connection);
    return bot && deliver(bot, requestId, text, data);
}

bool BotHost::failFromRemote(ClientConnection *connection, quint64 requestId, const QString &reason)
{
    RemoteBot *bot = remoteOn(connection);
    return bot && notifyFailure(bot, requestId, reason.left(MaxReasonLength));
}

Bot *BotHost::botWithId(qint64 accountId) const
{
    const auto found = std::find_if(m_bots.cbegin(), m_bots.cend(), [accountId](const auto &bot) {
        return bot->account().id == accountId;
    });
    return found == m_bots.cend() ? nullptr : found->get();
}

void BotHost::publish(const Bus::BotNews &news) const
{
    if (m_publish)
        m_publish(news);
}

void BotHost::answerAsker(const Pending &pending, Bus::BotAnswer::Outcome outcome,
                          const QString &text, const QJsonObject &data) const
{
    const auto &[server, request] = *pending.relayedFor;
    publish(Bus::BotAnswer{server, request, pending.bot->account().id, outcome, text, data});
}

void BotHost::joinCluster(const QString &serverId,
                          std::function<void(const Bus::BotNews &)> publish)
{
    m_serverId = serverId;
    m_publish = std::move(publish);
}

Bus::BotsOfServer BotHost::connectedHere() const
{
    Bus::BotsOfServer here;
    for (const auto &bot : m_bots) {
        const auto *remote = dynamic_cast<const RemoteBot *>(bot.get());
        if (remote && remote->isConnectedHere())
            here.bots.append({remote->account(), remote->commands()});
    }
    return here;
}

void BotHost::hear(const QString &server, const Bus::BotNews &news)
{
    std::visit(Bus::Overloaded{
                   [&](const Bus::BotConnected &connected) { heardConnected(server, connected); },
                   [&](const Bus::BotAway &away) { heardAway(server, away.botId); },
                   [&](const Bus::BotsOfServer &all) {
                       if (server != m_serverId)
                           heardBotsOf(server, all);
                   },
                   [&](const Bus::BotCall &call) {
                       if (call.server == m_serverId)
                           answerCall(server, call);
                   },
                   [&](const Bus::BotAnswer &answer) {
                       if (answer.server == m_serverId)
                           heardAnswer(answer);
                   }},
               news);
}

void BotHost::heardConnected(const QString &server, const Bus::BotConnected &connected)
{
    RemoteBot *bot = rememberRemote(connected.bot, connected.commands);
    if (!bot) {
        qCWarning(lcBots).noquote()
            << u"%1 connected to server %2, but it runs inside this one"_s.arg(
                   connected.bot.username, server);
        return;
    }
    if (server == m_serverId) {
        bot->unheardAnnouncements = std::max(0, bot->unheardAnnouncements - 1);
    } else {
        if (bot->isConnectedHere() && bot->unheardAnnouncements == 0) {
            // It connected here before it connected there, as every server sees it in the
            // bus's order: the newer connection answers, as on one server.
            ClientConnection *previous = bot->connection();
            disconnectRemote(previous);
            previous->closeWith(QWebSocketProtocol::CloseCodeNormal,
                                u"the bot connected to another server"_s);
        }
        ownFree(bot, connected.commands);
    }
    bot->setWhere(server);
}

void BotHost::heardBotsOf(const QString &server, const Bus::BotsOfServer &all)
{
    // All of that server's bots as of this point in the bus's order: one it does not list
    // is not there.
    QSet<qint64> listed;
    for (const Bus::BotConnected &connected : all.bots)
        listed.insert(connected.bot.id);
    for (RemoteBot *bot : remoteBots()) {
        if (bot->where() == server && !listed.contains(bot->account().id))
            bot->setWhere({});
    }
    for (const Bus::BotConnected &connected : all.bots) {
        RemoteBot *bot = rememberRemote(connected.bot, connected.commands);
        // Unless something later in the bus's order said where it is.
        if (bot && bot->where().isEmpty() && !bot->isConnectedHere()) {
            bot->setWhere(server);
            ownFree(bot, connected.commands);
        }
    }
}

void BotHost::forgetWhereabouts()
{
    for (RemoteBot *bot : remoteBots()) {
        bot->unheardAnnouncements = 0;
        bot->setWhere(bot->isConnectedHere() ? m_serverId : QString());
    }
}

void BotHost::heardAway(const QString &server, qint64 botId)
{
    auto *bot = dynamic_cast<RemoteBot *>(botWithId(botId));
    if (!bot || bot->where() != server)
        return; // it connected somewhere since
    bot->setWhere({});
    if (server != m_serverId)
        failWaiting(bot, server, u"it went away before answering"_s);
}

void BotHost::serverGone(const QString &server)
{
    for (RemoteBot *bot : remoteBots()) {
        if (bot->where() == server)
            bot->setWhere({});
    }
    failWaiting(nullptr, server, u"its server went away before it answered"_s);
}

void BotHost::answerCall(const QString &server, const Bus::BotCall &call)
{
    Pending pending;
    pending.room = call.room;
    pending.commandText = quoted(call.command, call.argument);
    pending.invocation = {call.command, call.argument};
    pending.sender = call.user;
    pending.relayedFor = {server, call.request};
    RemoteBot *bot = dynamic_cast<RemoteBot *>(botWithId(call.botId));
    if (!bot) { // not a bot this server knows as connected (a plugin of it runs here)
        publish(Bus::BotAnswer{server, call.request, call.botId, Bus::BotAnswer::Away, {}, {}});
        return;
    }
    pending.bot = bot;
    start(bot, std::move(pending),
          {0, call.command, call.argument, call.room, call.user, call.displayName});
}

void BotHost::heardAnswer(const Bus::BotAnswer &answer)
{
    Bot *bot = botWithId(answer.botId);
    if (!bot)
        return;
    switch (answer.outcome) {
    case Bus::BotAnswer::Replied:
        deliver(bot, answer.request, answer.text, answer.data);
        break;
    case Bus::BotAnswer::Failed:
        notifyFailure(bot, answer.request, answer.text.left(MaxReasonLength));
        break;
    case Bus::BotAnswer::Away: // it left that server before the call reached it
        if (const auto pending = takePending(bot, answer.request))
            sendNotice(*pending, Protocol::NoticeCode::BotUnavailable, unavailableText(*bot));
        break;
    }
}

} // namespace FinChat
