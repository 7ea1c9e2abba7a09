#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

#include <optional>

// The FinChat wire protocol vocabulary. docs/protocol.md is the prose description of
// everything named here; keep the two in step.
namespace FinChat::Protocol {

// Bumped when a change would break an existing client. Additive changes (a new field, a new
// message type) keep the version.
inline constexpr int Version = 1;

// Where a server listens unless told otherwise.
inline constexpr quint16 DefaultPort = 7420;
// Where servers announce themselves on the LAN, over UDP (docs/protocol.md).
inline constexpr quint16 DiscoveryPort = 7421;
// The room the server creates itself and puts every new account in.
inline constexpr QLatin1StringView DefaultRoom{"general"};
// room.join shows this many of the latest messages; history.fetch pages are at most
// MaxHistoryPage, DefaultHistoryPage unless asked otherwise.
inline constexpr int JoinHistorySize = 50;
inline constexpr int DefaultHistoryPage = 50;
inline constexpr int MaxHistoryPage = 100;
// room.join may ask for up to this many (RoomJoin::history); older ones come by paging.
inline constexpr int MaxJoinHistory = 500;
// For how many minutes after sending an author may edit a message (SiteSettings; 0: never).
inline constexpr qint64 DefaultEditMinutes = 24 * 60;
inline constexpr qint64 MaxEditMinutes = 366 * 24 * 60;

// What an account may do (docs/protocol.md, "Roles"), lowest first: each role may do all
// that the ones below it may.
enum class Role
{
    Member,
    Moderator,
    Admin,
};
QLatin1StringView roleName(Role role);
std::optional<Role> roleFromName(QStringView name);
// The audit log's actions (AuditEntry::action).
namespace AuditAction {
inline constexpr QLatin1StringView Ban{"ban"};
inline constexpr QLatin1StringView Unban{"unban"};
inline constexpr QLatin1StringView RoleChange{"role"};
inline constexpr QLatin1StringView Disable{"disable"};
inline constexpr QLatin1StringView Enable{"enable"};
inline constexpr QLatin1StringView InviteCreated{"invite"};
inline constexpr QLatin1StringView InviteRevoked{"uninvite"};
inline constexpr QLatin1StringView Topic{"topic"};
inline constexpr QLatin1StringView Kick{"kick"};
inline constexpr QLatin1StringView Mute{"mute"};
inline constexpr QLatin1StringView Unmute{"unmute"};
inline constexpr QLatin1StringView Delete{"delete"}; // a moderator deleted someone's message
// Rooms changed on the server's command line (finchat-server room ...).
inline constexpr QLatin1StringView CreateRoom{"create_room"};
inline constexpr QLatin1StringView RenameRoom{"rename_room"};
inline constexpr QLatin1StringView DeleteRoom{"delete_room"};
inline constexpr QLatin1StringView Settings{"settings"}; // settings.update: motd, edit window
} // namespace AuditAction

// Who may register (the server's [server] registration, announced in its hello).
namespace Registration {
inline constexpr QLatin1StringView Open{"open"};
inline constexpr QLatin1StringView Invite{"invite"}; // with an invite code from an admin
inline constexpr QLatin1StringView Closed{"closed"}; // accounts are made on the server only
} // namespace Registration

// Every frame is a JSON object with this member naming its kind.
inline constexpr QLatin1StringView TypeKey{"type"};
// Requests may carry an id (string or integer); the reply echoes it unchanged.
inline constexpr QLatin1StringView IdKey{"id"};
// Successful replies are named after their request with this suffix: "login" -> "login.ok".
inline constexpr QLatin1StringView ReplySuffix{".ok"};

namespace Type {
// Both directions.
inline constexpr QLatin1StringView Hello{"hello"};
// Requests (client -> server).
inline constexpr QLatin1StringView Register{"register"};
inline constexpr QLatin1StringView Login{"login"};
inline constexpr QLatin1StringView Resume{"resume"};
inline constexpr QLatin1StringView Logout{"logout"};
inline constexpr QLatin1StringView ProfileGet{"profile.get"};
inline constexpr QLatin1StringView ProfileUpdate{"profile.update"};
inline constexpr QLatin1StringView RoomsList{"rooms.list"};
inline constexpr QLatin1StringView RoomCreate{"room.create"};
inline constexpr QLatin1StringView RoomJoin{"room.join"};
inline constexpr QLatin1StringView RoomLeave{"room.leave"};
inline constexpr QLatin1StringView MessageSend{"message.send"};
inline constexpr QLatin1StringView HistoryFetch{"history.fetch"};
inline constexpr QLatin1StringView CommandsList{"commands.list"};
inline constexpr QLatin1StringView QuoteGet{"quote.get"};
inline constexpr QLatin1StringView WatchlistGet{"watchlist.get"};
inline constexpr QLatin1StringView WatchlistAdd{"watchlist.add"};
inline constexpr QLatin1StringView WatchlistRemove{"watchlist.remove"};
inline constexpr QLatin1StringView AlertAdd{"alert.add"};
inline constexpr QLatin1StringView AlertRemove{"alert.remove"};
// Moderation and administration (docs/protocol.md, "Moderation").
inline constexpr QLatin1StringView UserBan{"user.ban"};
inline constexpr QLatin1StringView UserUnban{"user.unban"};
inline constexpr QLatin1StringView UserRole{"user.role"};
inline constexpr QLatin1StringView UserList{"user.list"};
inline constexpr QLatin1StringView AuditList{"audit.list"};
inline constexpr QLatin1StringView InviteCreate{"invite.create"};
inline constexpr QLatin1StringView InviteList{"invite.list"};
inline constexpr QLatin1StringView InviteRevoke{"invite.revoke"};
inline constexpr QLatin1StringView ServerStatus{"server.status"};
inline constexpr QLatin1StringView RoomTopic{"room.topic"};
inline constexpr QLatin1StringView RoomKick{"room.kick"};
inline constexpr QLatin1StringView RoomMute{"room.mute"};
inline constexpr QLatin1StringView RoomUnmute{"room.unmute"};
inline constexpr QLatin1StringView MessageDelete{"message.delete"};
inline constexpr QLatin1StringView MessageEdit{"message.edit"};
inline constexpr QLatin1StringView UsersOnline{"users.online"};
inline constexpr QLatin1StringView SettingsUpdate{"settings.update"};
inline constexpr QLatin1StringView MessageSearch{"message.search"};
inline constexpr QLatin1StringView DmOpen{"dm.open"};
// Requests a bot connection makes (docs/protocol.md, "Bots").
inline constexpr QLatin1StringView BotLogin{"bot.login"};
inline constexpr QLatin1StringView BotAnnounce{"bot.announce"};
inline constexpr QLatin1StringView BotReply{"bot.reply"};
inline constexpr QLatin1StringView BotFail{"bot.fail"};
// Replies: the request's type with ReplySuffix.
inline constexpr QLatin1StringView HelloOk{"hello.ok"};
inline constexpr QLatin1StringView RegisterOk{"register.ok"};
inline constexpr QLatin1StringView LoginOk{"login.ok"};
inline constexpr QLatin1StringView ResumeOk{"resume.ok"};
inline constexpr QLatin1StringView LogoutOk{"logout.ok"};
inline constexpr QLatin1StringView ProfileGetOk{"profile.get.ok"};
inline constexpr QLatin1StringView ProfileUpdateOk{"profile.update.ok"};
inline constexpr QLatin1StringView RoomsListOk{"rooms.list.ok"};
inline constexpr QLatin1StringView RoomCreateOk{"room.create.ok"};
inline constexpr QLatin1StringView RoomJoinOk{"room.join.ok"};
inline constexpr QLatin1StringView RoomLeaveOk{"room.leave.ok"};
inline constexpr QLatin1StringView MessageSendOk{"message.send.ok"};
inline constexpr QLatin1StringView HistoryFetchOk{"history.fetch.ok"};
inline constexpr QLatin1StringView CommandsListOk{"commands.list.ok"};
inline constexpr QLatin1StringView QuoteGetOk{"quote.get.ok"};
inline constexpr QLatin1StringView WatchlistGetOk{"watchlist.get.ok"};
inline constexpr QLatin1StringView WatchlistAddOk{"watchlist.add.ok"};
inline constexpr QLatin1StringView WatchlistRemoveOk{"watchlist.remove.ok"};
inline constexpr QLatin1StringView AlertAddOk{"alert.add.ok"};
inline constexpr QLatin1StringView AlertRemoveOk{"alert.remove.ok"};
inline constexpr QLatin1StringView UserBanOk{"user.ban.ok"};
inline constexpr QLatin1StringView UserUnbanOk{"user.unban.ok"};
inline constexpr QLatin1StringView UserRoleOk{"user.role.ok"};
inline constexpr QLatin1StringView UserListOk{"user.list.ok"};
inline constexpr QLatin1StringView AuditListOk{"audit.list.ok"};
inline constexpr QLatin1StringView InviteCreateOk{"invite.create.ok"};
inline constexpr QLatin1StringView InviteListOk{"invite.list.ok"};
inline constexpr QLatin1StringView InviteRevokeOk{"invite.revoke.ok"};
inline constexpr QLatin1StringView ServerStatusOk{"server.status.ok"};
inline constexpr QLatin1StringView RoomTopicOk{"room.topic.ok"};
inline constexpr QLatin1StringView RoomKickOk{"room.kick.ok"};
inline constexpr QLatin1StringView RoomMuteOk{"room.mute.ok"};
inline constexpr QLatin1StringView RoomUnmuteOk{"room.unmute.ok"};
inline constexpr QLatin1StringView MessageDeleteOk{"message.delete.ok"};
inline constexpr QLatin1StringView MessageEditOk{"message.edit.ok"};
inline constexpr QLatin1StringView UsersOnlineOk{"users.online.ok"};
inline constexpr QLatin1StringView SettingsUpdateOk{"settings.update.ok"};
inline constexpr QLatin1StringView MessageSearchOk{"message.search.ok"};
inline constexpr QLatin1StringView DmOpenOk{"dm.open.ok"};
inline constexpr QLatin1StringView BotLoginOk{"bot.login.ok"};
inline constexpr QLatin1StringView BotAnnounceOk{"bot.announce.ok"};
inline constexpr QLatin1StringView BotReplyOk{"bot.reply.ok"};
inline constexpr QLatin1StringView BotFailOk{"bot.fail.ok"};
// Events (server -> client), never replies to a request.
inline constexpr QLatin1StringView Error{"error"};
inline constexpr QLatin1StringView MessageNew{"message.new"};
inline constexpr QLatin1StringView MessageDeleted{"message.deleted"};
inline constexpr QLatin1StringView MessageEdited{"message.edited"};
inline constexpr QLatin1StringView SettingsUpdated{"settings.updated"};
inline constexpr QLatin1StringView DmOpened{"dm.opened"};
inline constexpr QLatin1StringView CommandEvent{"command"};
inline constexpr QLatin1StringView BotMessage{"bot.message"};
inline constexpr QLatin1StringView Notice{"notice"};
inline constexpr QLatin1StringView MemberJoined{"member.joined"};
inline constexpr QLatin1StringView MemberLeft{"member.left"};
inline constexpr QLatin1StringView MemberMuted{"member.muted"};
inline constexpr QLatin1StringView MemberUnmuted{"member.unmuted"};
inline constexpr QLatin1StringView UserOnline{"user.online"};
inline constexpr QLatin1StringView UserOffline{"user.offline"};
inline constexpr QLatin1StringView UserUpdated{"user.updated"};
inline constexpr QLatin1StringView RoomCreated{"room.created"};
inline constexpr QLatin1StringView RoomUpdated{"room.updated"};
inline constexpr QLatin1StringView RoomRenamed{"room.renamed"};
inline constexpr QLatin1StringView RoomDeleted{"room.deleted"};
inline constexpr QLatin1StringView SessionEnded{"session.ended"};
inline constexpr QLatin1StringView WatchlistUpdated{"watchlist.updated"};
inline constexpr QLatin1StringView WatchlistPrices{"watchlist.prices"};
inline constexpr QLatin1StringView AlertTriggered{"alert.triggered"};
inline constexpr QLatin1StringView BotCommand{"bot.command"}; // to a bot connection
} // namespace Type

// Stable error codes. Clients translate these, so a code never changes its meaning.
enum class ErrorCode
{
    InvalidJson,
    NotAnObject,
    UnknownType,
    InvalidField,
    UnsupportedProtocol,
    NotLoggedIn,
    AlreadyLoggedIn,
    BadCredentials,
    InvalidToken,
    UsernameTaken,
    InvalidUsername,
    WeakPassword,
    InvalidDisplayName,
    UnknownRoom,
    InvalidRoomName,
    RoomExists,
    NotAMember,
    EmptyMessage,
    MessageTooLong,
    UnknownCommand,
    RateLimited,
    LoginTimeout,
    TooManyConnections,
    LimitReached,
    Forbidden,
    CommandTaken,
    UnknownUser,
    AccountDisabled,
    RegistrationClosed,
    InvalidInvite,
    UnknownMessage,
    Muted,
    EditExpired,
    InternalError,
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(QStringView name);

// Builds {"type": type, "id": id, ...fields}; the id is left out when null or undefined
// (events carry none).
QJsonObject makeFrame(const QString &type, const QJsonValue &id, const QJsonObject &fields = {});
QJsonObject makeError(ErrorCode code, const QString &message, const QJsonValue &id = {});

// The clock of every timestamp on the wire: UTC milliseconds since 1970.
inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Compact UTF-8 JSON, the form every frame travels in.
QByteArray serialize(const QJsonObject &frame);

} // namespace FinChat::Protocol
