#pragma once

#include "cluster/busmessage.h"
#include "storage/databaselocation.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace FinChat {

class BotHost;
class Fanout;
class OnlineUsers;
class RateSharing;
class RoomDirectory;
class Storage;
class StorageThread;

// Several finchat-server processes on one PostgreSQL database serve one chat: this is how
// they keep one another informed, through the database itself (LISTEN/NOTIFY, see
// Storage::publish). Each server sends
// - every event (Fanout's relay), and delivers every server's events, its own included, to
//   its own connections as they come back, so that all deliver them in the same order;
// - each change of its rooms' mirror (RoomDirectory), which the others apply to theirs;
// - who comes online on it and who goes offline (OnlineUsers): every server, this one
//   included, follows that in the order the database hands it out, and tells its own people
//   when someone comes online or goes offline anywhere;
// - ended sessions, renamed users and new settings, which the others act on;
// - what its rate limits let through (RateSharing), poured into the others' limits;
// - which bot programs are connected to it, the commands other servers hand them and their
//   answers (BotHost), so that a bot answers everyone wherever it is connected;
// - a heartbeat: a server silent for HeartbeatsMissed heartbeats is gone, and whoever was
//   online only there goes offline.
// On SQLite, or before start(), it does nothing: a single server delivers directly.
class ClusterBus : public QObject
{
    Q_OBJECT

public:
    static constexpr int HeartbeatsMissed = 3;

    // What a server does with the others' news that the bus cannot do itself.
    struct Actions
    {
        // That user's connections here, or everyone's (nullopt: sessions may have ended
        // unheard).
        std::function<void(std::optional<qint64> userId)> closeEndedSessions;
        std::function<void(const Author &user)> updateUser;
        std::function<void()> reloadSettings;
        std::function<void()> reloadRooms;
    };

    ClusterBus(StorageThread &storage, OnlineUsers &online, RoomDirectory &rooms, Fanout &fanout,
               RateSharing &rates, std::chrono::milliseconds heartbeat, QObject *parent = nullptr);
    ~ClusterBus() override;

    // Listens to the servers of this database, when it is PostgreSQL, before the server
    // reads its rooms and settings, so that no change made meanwhile is missed; throws
    // StorageError when it cannot listen.
    void listen(const DatabaseLocation &database);
    // Joins them, once the server has read its state: from here on it sends and hears.
    void join(Actions actions, BotHost &bots);
    bool isActive() const { return m_listener != nullptr; }
    const QString &serverId() const { return m_id; }

    void sessionsEnded(qint64 userId);
    void userUpdated(const Author &user);
    void settingsChanged();
    // The rooms read again from the database (reloadRooms' answer): the messages held
    // meanwhile go on.
    void roomsReloaded();

private:
    void publish(const Bus::Body &body);
    void receive(const QByteArray &text);
    void handle(const Bus::Message &message);
    void handleOthers(const Bus::Message &message);
    void drain();
    void beat();
    void reconnect();
    void openListener();
    // Who is online on that server now (nobody: it is gone): this server's people learn who
    // thereby came online or went offline anywhere.
    void setPresenceOf(const QString &server, const QList<Author> &users);
    void announcePresence(const Author &user, bool online);

    StorageThread &m_storage;
    OnlineUsers &m_online;
    RoomDirectory &m_rooms;
    Fanout &m_fanout;
    RateSharing &m_rates;
    Actions m_actions;
    BotHost *m_bots = nullptr; // once joined
    QString m_id;
    DatabaseLocation m_database;
    qint64 m_sent = 0;                      // sequence of the last message sent
    QHash<QString, qint64> m_heardSequence; // of each server, the last heard
    std::unique_ptr<Storage> m_listener;    // on this thread: it receives through the event loop
    QSet<QString> m_askedAbout;             // servers heard from before their presence: asked once
    QTimer m_heartbeat;
    QElapsedTimer m_clock;
    qint64 m_ownBeatHeard = 0;          // m_clock's time
    QHash<QString, qint64> m_lastHeard; // other servers, when last heard (m_clock's time)
    // What arrived while the rooms are read again: delivered after, in order.
    std::deque<Bus::Message> m_held;
    bool m_reloading = false;
};

} // namespace FinChat
