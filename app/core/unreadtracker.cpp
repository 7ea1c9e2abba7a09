#include "core/unreadtracker.h"

#include "core/conversations.h"
#include "core/messagemodel.h"
#include "core/roomlistmodel.h"

namespace FinChat::Client {

using namespace Qt::StringLiterals;

UnreadTracker::UnreadTracker(Conversations &conversations, QObject *parent)
    : QObject(parent)
    , m_conversations(conversations)
{}

void UnreadTracker::deliver(const ChatMessage &message)
{
    m_conversations.messages(message.room)->append(message);
    if (message.user == m_conversations.username())
        return;
    const bool seen = m_active && message.room == m_currentRoom;
    if (seen)
        return;
    RoomListModel *rooms = m_conversations.rooms();
    rooms->addUnread(message.room);
    const RoomListModel::Notify notify = rooms->notify(message.room);
    if (notify == RoomListModel::Notify::All || (notify == RoomListModel::Notify::Mentions &&
                                                 m_conversations.highlighter().highlights(message)))
        emit notificationDue(message.room, message.displayName, message.body);
}

void UnreadTracker::setCurrentRoom(const QString &room)
{
    m_currentRoom = room;
    m_conversations.rooms()->clearUnread(room);
}

} // namespace FinChat::Client
