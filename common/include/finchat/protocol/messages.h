#pragma once

#include "finchat/protocol/events.h"
#include "finchat/protocol/requests.h"

// The whole typed protocol: include this one header.
namespace FinChat::Protocol {

// A typed message as a frame: {"type": M::Type, "id": id, ...its fields}.
template<Described M>
QJsonObject frame(const M &message, const QJsonValue &id = {})
{
    return makeFrame(QString(M::Type), id, toJson(message));
}

// The frame as the text of one WebSocket message.
template<Described M>
QString frameText(const M &message, const QJsonValue &id = {})
{
    return QString::fromUtf8(serialize(frame(message, id)));
}

template<typename... Types>
struct TypeList
{
    // Calls visit.template operator()<T>() for every T, in order.
    template<typename Visitor>
    static void forEach(Visitor &&visit)
    {
        (visit.template operator()<Types>(), ...);
    }
};

// Every request (each with its Reply) and every event: what docs/protocol.md must describe.
using Requests =
    TypeList<Hello, Register, Login, Resume, Logout, ProfileGet, ProfileUpdate, RoomsList,
             RoomCreate, RoomJoin, RoomLeave, HistoryFetch, MessageSend, CommandsList, QuoteGet,
             WatchlistGet, WatchlistAdd, WatchlistRemove, AlertAdd, AlertRemove, UserBan, UserUnban,
             UserRole, UserList, AuditList, InviteCreate, InviteList, InviteRevoke, ServerStatus,
             RoomTopic, RoomKick, RoomMute, RoomUnmute, MessageDelete, MessageEdit, UsersOnline,
             SettingsUpdate, MessageSearch, DmOpen, BotLogin, BotAnnounce, BotReply, BotFail>;
using Events = TypeList<ServerHello, MessageNew, MessageDeleted, MessageEdited, SettingsUpdated,
                        DmOpened, CommandEvent, BotMessage, Notice, MemberJoined, MemberLeft,
                        MemberMuted, MemberUnmuted, UserOnline, UserOffline, UserUpdated,
                        RoomCreated, RoomUpdated, RoomRenamed, RoomDeleted, SessionEnded,
                        WatchlistUpdated, WatchlistPrices, AlertTriggered, BotCommand, Error>;

} // namespace FinChat::Protocol
