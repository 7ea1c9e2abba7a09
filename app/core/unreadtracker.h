#pragma once

#include "core/chatmessage.h"

#include <QObject>

namespace FinChat::Client {

class Conversations;

// Shows each message as it arrives and keeps count of what the person has not seen: unread
// messages per room, and what deserves a notification by the room's setting (mentions of
// their name or watched words, by default).
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
    // A message the person has not seen and, by the room's Notify setting, wants to hear of.
    void notificationDue(const QString &room, const QString &from, const QString &body);

private:
    Conversations &m_conversations;
    QString m_currentRoom;
    bool m_active = true;
};

} // namespace FinChat::Client
