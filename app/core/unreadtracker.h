#pragma once

#include "core/chatmessage.h"

#include <QObject>

namespace FinChat::Client {

class Conversations;

// Shows each message as it arrives and keeps count of what the person has not seen: unread
// messages per room, and mentions of their name, which deserve a notification.
class UnreadTracker : public QObject
{
    Q_OBJECT

public:
    explicit UnreadTracker(Conversations &conversations, QObject *parent = nullptr);

    // A message for the room's conversation, live or caught up after a reconnect.
    void deliver(const ChatMessage &message);

    // What the person is looking at.
    void setCurrentRoom(const QString &room);
    const QString &currentRoom() const { return m_currentRoom; }
    void setActive(bool active) { m_active = active; }

signals:
    void mentioned(const QString &room, const QString &from, const QString &body);

private:
    bool isMention(const QString &body) const;

    Conversations &m_conversations;
    QString m_currentRoom;
    bool m_active = true;
};

} // namespace FinChat::Client
