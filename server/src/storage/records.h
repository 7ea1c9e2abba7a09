#pragma once

#include <QString>

namespace FinChat {

// Plain rows as Storage returns them. Timestamps are UTC milliseconds since the epoch.

struct UserRecord
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString passwordHash;
    bool isBot = false;
    qint64 createdAt = 0;
};

// Who a message is from, as the connection that sends it already knows.
struct Author
{
    qint64 id = 0;
    QString username;
    QString displayName;
    bool isBot = false;
};

struct RoomRecord
{
    qint64 id = 0;
    QString name;
    QString topic;
    qint64 createdAt = 0;
};

struct MessageRecord
{
    qint64 id = 0;
    qint64 roomId = 0;
    QString username;
    QString displayName;
    bool fromBot = false;
    QString body;
    qint64 timestamp = 0;
    QString nonce;
};

} // namespace FinChat
