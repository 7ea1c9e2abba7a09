#pragma once

#include "cluster/busmessage.h"
#include "finchat/protocol/messages.h"
#include "wire/textframe.h"

#include <QSet>
#include <QString>

#include <functional>

namespace FinChat {

class OnlineUsers;
class RoomDirectory;

// Delivers one event to many connections, serialising and framing it once for all of them
// (TextFrame). Events are the protocol's typed events (finchat/protocol/events.h).
//
// When servers share one database, an event goes to the relay (ClusterBus) instead, and every
// server, this one included, delivers it to its own connections when it comes back through
// deliver(): in the order the database hands events out, which is the same on every server.
class Fanout
{
public:
    using Relay = std::function<void(const Bus::Audience &, const QJsonObject &frame)>;

    Fanout(const OnlineUsers &online, const RoomDirectory &rooms);
    void setRelay(Relay relay) { m_relay = std::move(relay); }

    template<Protocol::Described Event>
    void toRoom(qint64 roomId, const Event &event) const
    {
        send(Bus::ToRoom{roomId}, Protocol::frame(event));
    }
    // The room's members and one more (who just left it).
    template<Protocol::Described Event>
    void toRoomAnd(qint64 roomId, qint64 userId, const Event &event) const
    {
        send(Bus::ToRoom{roomId, userId}, Protocol::frame(event));
    }
    // Everyone who shares a room with the user, and the user's own connections when
    // themselvesToo.
    template<Protocol::Described Event>
    void toPeersOf(qint64 userId, const Event &event, bool themselvesToo = false) const
    {
        send(Bus::ToPeersOf{userId, themselvesToo}, Protocol::frame(event));
    }
    template<Protocol::Described Event>
    void toUsers(const QSet<qint64> &userIds, const Event &event) const
    {
        send(Bus::ToUsers{userIds}, Protocol::frame(event));
    }
    template<Protocol::Described Event>
    void toUser(qint64 userId, const Event &event) const
    {
        send(Bus::ToUsers{{userId}}, Protocol::frame(event));
    }
    template<Protocol::Described Event>
    void toEveryone(const Event &event) const
    {
        send(Bus::ToEveryone{}, Protocol::frame(event));
    }
    // Delivers to this server's connections of the audience, now.
    void deliver(const Bus::Audience &audience, const TextFrame &frame) const;

private:
    void send(const Bus::Audience &audience, const QJsonObject &frame) const;
    void sendToUsers(const QSet<qint64> &userIds, const TextFrame &frame) const;
    void sendToEveryone(const TextFrame &frame) const;

    const OnlineUsers &m_online;
    const RoomDirectory &m_rooms;
    Relay m_relay;
};

} // namespace FinChat
