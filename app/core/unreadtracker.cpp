#include "core/unreadtracker.h"

#include "core/conversations.h"
#include "core/messagemodel.h"
#include "core/roomlistmodel.h"

#include <QRegularExpression>

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
    if (!seen) {
        m_conversations.rooms()->addUnread(message.room);
        if (isMention(message.body))
            emit mentioned(message.room, message.displayName, message.body);
    }
}

bool UnreadTracker::isMention(const QString &body) const
{
    const QString &username = m_conversations.username();
    if (username.isEmpty())
        return false;
    const QRegularExpression mention(
        u"(?<![\\w.-])@?%1(?![\\w-])"_s.arg(QRegularExpression::escape(username)),
        QRegularExpression::CaseInsensitiveOption);
    return mention.match(body).hasMatch();
}

void UnreadTracker::setCurrentRoom(const QString &room)
{
    m_currentRoom = room;
    m_conversations.rooms()->clearUnread(room);
}

} // namespace FinChat::Client
