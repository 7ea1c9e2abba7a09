#pragma once

#include <QList>
#include <QObject>

#include <qcoro/qcorotask.h>

namespace FinChat::Client {

class Conversations;
class ServerLink;

// Messages typed but not yet stored. Each shows as pending at once and goes to the server
// whenever the session is online, again after a reconnect, until the server has it; its
// nonce makes the server store it exactly once however often it is sent.
class Outbox : public QObject
{
    Q_OBJECT

public:
    Outbox(ServerLink &link, Conversations &conversations, QObject *parent = nullptr);

    // Returns the message's nonce. replyTo: the id of the message it answers.
    QString add(const QString &room, const QString &body,
                std::optional<qint64> replyTo = std::nullopt);
    // Online: everything waiting goes now; offline: it waits.
    void setOnline(bool online);
    void clear() { m_items.clear(); }
    qsizetype size() const { return m_items.size(); }

private:
    struct Item
    {
        QString room;
        QString body;
        QString nonce;
        std::optional<qint64> replyTo;
        bool inFlight = false;
        int storageRetries = 0; // tries the server answered with internal_error
    };

    QCoro::Task<> transmit(QString nonce);
    QList<Item>::iterator find(const QString &nonce);

    ServerLink &m_link;
    Conversations &m_conversations;
    QList<Item> m_items;
    bool m_online = false;
};

} // namespace FinChat::Client
