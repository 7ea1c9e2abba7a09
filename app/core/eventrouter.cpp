#include "core/eventrouter.h"

#include "core/chatmessage.h"
#include "core/conversations.h"
#include "core/membermodel.h"
#include "core/messagemodel.h"
#include "core/moderationtext.h"
#include "core/roomlistmodel.h"
#include "core/serverlink.h"
#include "core/unreadtracker.h"

#include <QLoggingCategory>

namespace FinChat::Client {

Q_LOGGING_CATEGORY(lcEvents, "finchat.client.events")

using namespace Protocol;

EventRouter::EventRouter(ServerLink &link, Conversations &conversations, UnreadTracker &unread,
                         QObject *parent)
    : QObject(parent)
    , m_conversations(conversations)
    , m_unread(unread)
{
    connect(&link, &ServerLink::eventReceived, this, &EventRouter::route);
    m_dispatcher.on<MessageNew>([this](const MessageNew &event) {
        m_unread.deliver(ChatMessage::fromStored(event.message));
    });
    m_dispatcher.on<BotMessage>(
        [this](const BotMessage &event) { m_unread.deliver(ChatMessage::fromBot(event)); });
    m_dispatcher.on<CommandEvent>([this](const CommandEvent &event) {
        m_conversations.messages(event.room)->append(ChatMessage::fromCommand(event));
    });
    m_dispatcher.on<Notice>([this](const Notice &event) {
        m_conversations.messages(event.room)->append(ChatMessage::notice(event.room, event.text));
    });
    // A price alert set for a room is shown there, to everyone in it (its owner also hears of
    // it through Watchlist::alertTriggered); one whose owner left the room goes to the owner
    // alone, still naming the room, and is not shown in a room they are not in.
    m_dispatcher.on<AlertTriggered>([this](const AlertTriggered &event) {
        if (event.alert.room && m_conversations.rooms()->joinedRooms().contains(*event.alert.room))
            m_unread.deliver(ChatMessage::fromAlert(event));
    });
    m_dispatcher.on<MemberJoined>([this](const MemberJoined &event) {
        m_conversations.members(event.room)->upsert(event.member);
        const bool itIsMe = event.member.user.username == m_conversations.username();
        if (itIsMe && !m_conversations.rooms()->joinedRooms().contains(event.room))
            emit joinedElsewhere(event.room);
    });
    m_dispatcher.on<MemberLeft>([this](const MemberLeft &event) {
        const QString &user = event.member.user.username;
        const bool itIsMe = user == m_conversations.username();
        if (event.by) { // a moderator's doing: the room says so, and the one removed is told
            const QString text = ModerationText::removed(
                nameIn(event.room, *event.by), nameIn(event.room, user), itIsMe, event.reason);
            showActivity(event.room, text);
            if (itIsMe)
                emit removedFromRoom(event.room, text);
        }
        m_conversations.members(event.room)->remove(user);
        if (itIsMe) {
            m_conversations.rooms()->setJoined(event.room, false);
            emit roomLeft(event.room);
        }
    });
    // Someone opened a direct conversation with this user, here or on another device: it is
    // listed, and loaded like a room joined elsewhere.
    m_dispatcher.on<DmOpened>([this](const DmOpened &event) {
        m_conversations.showDirect(event.room.name, event.members);
        emit joinedElsewhere(event.room.name);
    });
    m_dispatcher.on<UserOnline>([this](const UserOnline &event) { setOnline(event.user, true); });
    m_dispatcher.on<UserOffline>(
        [this](const UserOffline &event) { setOnline(event.user, false); });
    m_dispatcher.on<UserUpdated>([this](const UserUpdated &event) {
        for (MemberModel *model : m_conversations.allMembers())
            model->updateUser(event.user);
        if (event.user.username == m_conversations.username())
            m_conversations.setDisplayName(event.user.displayName);
        m_conversations.refreshDirectWith(event.user.username);
    });
    m_dispatcher.on<SessionEnded>(
        [this](const SessionEnded &event) { emit sessionEnded(event.reason); });
    m_dispatcher.on<RoomCreated>([this](const RoomCreated &event) {
        m_conversations.rooms()->upsert(event.room.name, event.room.topic);
    });
    m_dispatcher.on<RoomUpdated>([this](const RoomUpdated &event) {
        m_conversations.rooms()->upsert(event.room.name, event.room.topic);
    });
    routeModeration();
    routeRoomAdministration();
}

void EventRouter::routeRoomAdministration()
{
    m_dispatcher.on<RoomRenamed>([this](const RoomRenamed &event) {
        RoomListModel *rooms = m_conversations.rooms();
        const bool joined = rooms->joinedRooms().contains(event.from);
        rooms->remove(event.from);
        rooms->upsert(event.room.name, event.room.topic);
        if (joined) {
            emit joinedRoomRenamed(event.from, event.room.name);
            emit roomLeft(event.from);
        }
        emit roomListStale();
    });
    m_dispatcher.on<RoomDeleted>([this](const RoomDeleted &event) {
        RoomListModel *rooms = m_conversations.rooms();
        const bool joined = rooms->joinedRooms().contains(event.room);
        rooms->remove(event.room);
        if (joined) {
            emit removedFromRoom(event.room, tr("An administrator deleted this room."));
            emit roomLeft(event.room);
        }
        emit roomListStale();
    });
}

void EventRouter::routeModeration()
{
    m_dispatcher.on<MessageDeleted>([this](const MessageDeleted &event) {
        m_conversations.messages(event.room)->markDeleted(event.message);
    });
    m_dispatcher.on<MessageEdited>([this](const MessageEdited &event) {
        m_conversations.messages(event.message.room)
            ->update(ChatMessage::fromStored(event.message));
    });
    m_dispatcher.on<SettingsUpdated>(
        [this](const SettingsUpdated &event) { m_conversations.setSettings(event.settings); });
    m_dispatcher.on<MemberMuted>([this](const MemberMuted &event) {
        if (isMe(event.user))
            m_conversations.setMutedUntil(event.room, event.until);
        showActivity(event.room, ModerationText::muted(nameIn(event.room, event.by),
                                                       nameIn(event.room, event.user.username),
                                                       isMe(event.user), event.until.value_or(0),
                                                       event.reason));
    });
    m_dispatcher.on<MemberUnmuted>([this](const MemberUnmuted &event) {
        if (isMe(event.user))
            m_conversations.setMutedUntil(event.room, std::nullopt);
        showActivity(event.room, ModerationText::unmuted(nameIn(event.room, event.by),
                                                         nameIn(event.room, event.user.username),
                                                         isMe(event.user)));
    });
}

void EventRouter::showActivity(const QString &room, const QString &text)
{
    m_conversations.messages(room)->append(ChatMessage::activity(room, text));
}

bool EventRouter::isMe(const Protocol::User &user) const
{
    return user.username == m_conversations.username();
}

QString EventRouter::nameIn(const QString &room, const QString &user)
{
    return m_conversations.members(room)->shownName(user);
}

void EventRouter::setOnline(const Protocol::User &user, bool online)
{
    for (MemberModel *model : m_conversations.allMembers())
        model->setOnline(user.username, online);
    m_conversations.refreshDirectWith(user.username);
}

void EventRouter::route(const QJsonObject &event)
{
    const QString type = event.value(TypeKey).toString();
    const auto *handler = m_dispatcher.find(type);
    if (!handler)
        return; // errors not tied to a request, and types newer than this client
    try {
        (*handler)(event);
    } catch (const ProtocolError &error) {
        qCWarning(lcEvents).noquote()
            << "ignored a malformed" << type << "event:" << error.message();
    }
}

} // namespace FinChat::Client
