#include "cluster/clusterbus.h"

#include "bots/bothost.h"
#include "state/fanout.h"
#include "state/onlineusers.h"
#include "state/ratesharing.h"
#include "state/roomdirectory.h"
#include "storage/storage.h"
#include "storage/storagethread.h"
#include "wire/wireformat.h"

#include "finchat/protocol/events.h"

#include <QLoggingCategory>
#include <QUuid>

namespace FinChat {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCluster, "finchat.server.cluster")

ClusterBus::ClusterBus(StorageThread &storage, OnlineUsers &online, RoomDirectory &rooms,
                       Fanout &fanout, RateSharing &rates, std::chrono::milliseconds heartbeat,
                       QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_online(online)
    , m_rooms(rooms)
    , m_fanout(fanout)
    , m_rates(rates)
    , m_id(QUuid::createUuid().toString(QUuid::Id128).left(16))
{
    m_heartbeat.setInterval(heartbeat);
    connect(&m_heartbeat, &QTimer::timeout, this, &ClusterBus::beat);
}

ClusterBus::~ClusterBus()
{
    // Unhooked first: the services that outlive the bus must not call into it.
    m_fanout.setRelay({});
    m_rooms.setChangeSink({});
    m_online.setPresenceSink({}, {});
    m_rates.setSink({});
    if (m_bots)
        m_bots->leaveCluster();
}

void ClusterBus::listen(const DatabaseLocation &database)
{
    if (!database.isPostgres())
        return;
    m_database = database;
    openListener();
    m_clock.start();
    m_ownBeatHeard = m_clock.elapsed();
}

void ClusterBus::openListener()
{
    auto listener = std::make_unique<Storage>();
    listener->openPostgres(m_database.postgres());
    listener->listen(this, [this](const QByteArray &text) { receive(text); });
    m_listener = std::move(listener);
}

void ClusterBus::join(Actions actions, BotHost &bots)
{
    if (!isActive())
        return;
    m_actions = std::move(actions);
    m_bots = &bots;
    m_bots->joinCluster(m_id, [this](const Bus::BotNews &news) { publish(news); });
    m_fanout.setRelay([this](const Bus::Audience &audience, const QJsonObject &frame) {
        publish(Bus::Event{audience, frame});
    });
    m_rooms.setChangeSink([this](const Bus::RoomChange &change) { publish(change); });
    m_rates.setSink([this](const Bus::RatesSpent &spent) { publish(spent); });
    m_online.setPresenceSink(m_id, [this](const Author &user, bool online) {
        publish(Bus::Presence{user, online});
    });
    publish(Bus::Hello{});
    m_heartbeat.start();
    qCInfo(lcCluster).noquote() << u"server %1 listens to the other servers of %2"_s.arg(
        m_id, m_database.display());
}

void ClusterBus::sessionsEnded(qint64 userId)
{
    if (isActive())
        publish(Bus::SessionsEnded{userId});
}

void ClusterBus::userUpdated(const Author &user)
{
    if (isActive())
        publish(Bus::UserUpdated{user});
}

void ClusterBus::settingsChanged()
{
    if (isActive())
        publish(Bus::SettingsChanged{});
}

void ClusterBus::publish(const Bus::Body &body)
{
    const QByteArray text = Bus::Message{m_id, ++m_sent, body}.encode();
    if (!m_storage.post([text](Storage &storage) { storage.publish(text); }))
        qCWarning(lcCluster) << "the database is overloaded: a message to the other servers "
                                "was dropped";
}

void ClusterBus::receive(const QByteArray &text)
{
    std::optional<Bus::Message> message = Bus::Message::decode(text);
    if (!message) {
        qCWarning(lcCluster) << "dropped a message of the bus that is none:" << text.left(200);
        return;
    }
    m_held.push_back(std::move(*message));
    drain();
}

void ClusterBus::drain()
{
    while (!m_reloading && !m_held.empty()) {
        const Bus::Message message = std::move(m_held.front());
        m_held.pop_front();
        handle(message);
    }
}

void ClusterBus::roomsReloaded()
{
    m_reloading = false;
    drain();
}

void ClusterBus::handle(const Bus::Message &message)
{
    const bool mine = message.server == m_id;
    if (!mine) {
        const qint64 expected = m_heardSequence.value(message.server, 0) + 1;
        if (m_heardSequence.contains(message.server) && message.sequence != expected)
            qCWarning(lcCluster).noquote()
                << u"missed %1 messages of server %2"_s.arg(message.sequence - expected)
                       .arg(message.server);
        m_heardSequence.insert(message.server, message.sequence);
        // One heard again after it was taken for gone, or before it said who is online on
        // it: everyone is asked to say it again (once for each such server).
        const bool saysWhoIsOnline = std::holds_alternative<Bus::Hello>(message.body) ||
                                     std::holds_alternative<Bus::PresenceOfServer>(message.body);
        if (!m_lastHeard.contains(message.server) && !saysWhoIsOnline &&
            !m_askedAbout.contains(message.server)) {
            m_askedAbout.insert(message.server);
            publish(Bus::Hello{});
        }
        m_lastHeard.insert(message.server, m_clock.elapsed());
    }
    if (const auto *event = std::get_if<Bus::Event>(&message.body)) {
        m_fanout.deliver(event->audience, TextFrame(event->frame)); // everyone's, mine too
    } else if (const auto *presence = std::get_if<Bus::Presence>(&message.body)) {
        // Mine too: every server decides from the same messages in the same order.
        if (m_online.setOnlineOn(message.server, presence->user, presence->online))
            announcePresence(presence->user, presence->online);
    } else if (const auto *news = std::get_if<Bus::BotNews>(&message.body)) {
        m_bots->hear(message.server, *news); // mine too: where a bot answers is decided in order
    } else if (mine) {
        if (std::holds_alternative<Bus::Alive>(message.body))
            m_ownBeatHeard = m_clock.elapsed();
        // the rest was done here already
    } else {
        handleOthers(message);
    }
}

void ClusterBus::handleOthers(const Bus::Message &message)
{
    if (const auto *change = std::get_if<Bus::RoomChange>(&message.body)) {
        if (std::holds_alternative<Bus::ReloadRooms>(*change)) {
            m_reloading = true; // what follows waits for the rooms it may be about
            m_actions.reloadRooms();
        } else {
            m_rooms.apply(*change);
        }
    } else if (const auto *all = std::get_if<Bus::PresenceOfServer>(&message.body)) {
        setPresenceOf(message.server, all->users);
    } else if (std::holds_alternative<Bus::Hello>(message.body)) {
        publish(Bus::PresenceOfServer{m_online.here()});
        publish(Bus::BotNews{m_bots->connectedHere()});
    } else if (const auto *ended = std::get_if<Bus::SessionsEnded>(&message.body)) {
        m_actions.closeEndedSessions(ended->userId);
    } else if (const auto *updated = std::get_if<Bus::UserUpdated>(&message.body)) {
        m_actions.updateUser(updated->user);
    } else if (std::holds_alternative<Bus::SettingsChanged>(message.body)) {
        m_actions.reloadSettings();
    } else if (const auto *spent = std::get_if<Bus::RatesSpent>(&message.body)) {
        m_rates.apply(*spent, Protocol::nowMs());
    }
}

void ClusterBus::setPresenceOf(const QString &server, const QList<Author> &users)
{
    for (const auto &[user, online] : m_online.replaceServer(server, users))
        announcePresence(user, online);
}

void ClusterBus::announcePresence(const Author &user, bool online)
{
    // To this server's people only: every server hears the same and tells its own.
    const Protocol::User shown = WireFormat::user(user);
    m_fanout.deliver(Bus::ToPeersOf{user.id},
                     online ? TextFrame(Protocol::frame(Protocol::UserOnline{shown}))
                            : TextFrame(Protocol::frame(Protocol::UserOffline{shown})));
}

void ClusterBus::beat()
{
    publish(Bus::Alive{});
    const qint64 now = m_clock.elapsed();
    const qint64 silence = m_heartbeat.interval() * HeartbeatsMissed;
    if (now - m_ownBeatHeard > silence) {
        // Not even its own heartbeat comes back: the listening connection is gone, and the
        // others' silence says nothing about them.
        reconnect();
        return;
    }
    if (m_reloading)
        return; // the others' heartbeats wait in m_held meanwhile
    // A server that stopped without a word (killed, its machine gone): whoever was online
    // only there goes offline, and the people here who share a room with them learn it.
    const auto heard = m_lastHeard; // a copy: the loop removes from it
    for (auto it = heard.cbegin(); it != heard.cend(); ++it) {
        if (now - it.value() <= silence)
            continue;
        qCWarning(lcCluster).noquote()
            << u"server %1 fell silent; its people are offline"_s.arg(it.key());
        m_lastHeard.remove(it.key());
        m_askedAbout.remove(it.key());
        setPresenceOf(it.key(), {});
        m_bots->serverGone(it.key());
    }
}

void ClusterBus::reconnect()
{
    qCWarning(lcCluster) << "this server does not hear its own heartbeat: listening again";
    m_ownBeatHeard = m_clock.elapsed(); // one try per silence
    try {
        openListener();
    } catch (const StorageError &error) {
        qCWarning(lcCluster) << "cannot listen to the other servers yet:" << error.what();
        return;
    }
    // What was missed meanwhile: the rooms and settings read again, every session here
    // checked (a ban, say), everyone's presence and bots asked for again.
    m_bots->forgetWhereabouts();
    m_reloading = true;
    m_actions.reloadRooms();
    m_actions.reloadSettings();
    m_actions.closeEndedSessions(std::nullopt);
    publish(Bus::Hello{});
}

} // namespace FinChat
