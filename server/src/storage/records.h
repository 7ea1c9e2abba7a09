#pragma once

#include "finchat/protocol.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace FinChat {

// Plain rows as Storage returns them. Timestamps are UTC milliseconds since the epoch.

// Who a message is from, as the connection that sends it already knows.
struct Author
{
    qint64 id = 0;
    QString username;
    QString displayName;
    bool isBot = false;
    Protocol::Role role = Protocol::Role::Member;
};

struct UserRecord
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString passwordHash;
    bool isBot = false;
    qint64 createdAt = 0;
    Protocol::Role role = Protocol::Role::Member;
    std::optional<qint64> disabledAt; // set while the account may not log in
    QString bio;

    bool isDisabled() const { return disabledAt.has_value(); }
    Author author() const { return {id, username, displayName, isBot, role}; }
};

// A bot that announced its commands over the wire: they are its own while it is away.
struct AnnouncedBot
{
    Author account;
    QByteArray commands; // JSON, as the bot announced them
};

struct BotAccount
{
    QString username;
    QString displayName;
    std::optional<qint64> tokenCreatedAt; // UTC ms; none: it cannot connect over the wire
};

// One line of the audit log; see Protocol::AuditEntry.
struct AuditRecord
{
    qint64 id = 0;
    qint64 at = 0;
    std::optional<QString> actor; // nullopt: the server's command line
    QString action;
    QString target;
    QString detail;
};

// An invite code, without the code: only its hash is stored.
struct InviteRecord
{
    qint64 id = 0;
    std::optional<QString> createdBy; // nullopt: the server's command line
    qint64 createdAt = 0;
    std::optional<qint64> expiresAt; // nullopt: never
    qint64 usesLeft = 0;
    qint64 used = 0;
};

struct RoomRecord
{
    qint64 id = 0;
    QString name;
    QString topic;
    qint64 createdAt = 0;
    bool direct = false; // a direct conversation (dm.open): its members' alone
};

// The message another answers, as it now is (Protocol::Quote).
struct QuoteRecord
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString body; // whole; cut when it goes on the wire
    bool deleted = false;
};

struct MessageRecord
{
    qint64 id = 0;
    qint64 roomId = 0;
    QString username;
    QString displayName;
    bool fromBot = false;
    QString body; // empty once deleted
    qint64 timestamp = 0;
    QString nonce;
    bool deleted = false;
    qint64 authorId = 0;
    std::optional<qint64> editedAt = std::nullopt;
    std::optional<QuoteRecord> reply = std::nullopt;
};

// Site-wide settings as stored; see Protocol::SiteSettings.
struct SiteSettingsRecord
{
    QString motd;
    qint64 editMinutes = Protocol::DefaultEditMinutes;
};

// Someone may not post in a room until a time (room.mute).
struct MuteRecord
{
    qint64 roomId = 0;
    qint64 userId = 0;
    qint64 until = 0; // UTC milliseconds
};

// Every room, who is in which, and the mutes running: what RoomDirectory mirrors.
struct RoomsSnapshot
{
    QList<RoomRecord> rooms;
    QList<std::pair<qint64, qint64>> memberships; // (room id, user id)
    QList<MuteRecord> mutes;
};

// A price alert as stored; see Protocol::PriceAlert.
struct AlertRecord
{
    qint64 id = 0;
    qint64 userId = 0;
    QString code;
    bool above = true;
    double price = 0;
    std::optional<qint64> roomId;
    qint64 createdAt = 0;
    std::optional<qint64> triggeredAt;
    std::optional<double> triggeredPrice;
};

// One user's watchlist: codes in the order added, alerts newest first.
struct WatchlistRecord
{
    QStringList codes;
    QList<AlertRecord> alerts;
};

} // namespace FinChat
