#include "handlers/directservice.h"

#include "handlers/permissions.h"
#include "state/fanout.h"
#include "state/onlineusers.h"
#include "state/ratesharing.h"
#include "state/roomdirectory.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"
#include "wire/wireformat.h"

#include "finchat/validation.h"

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;

namespace {
constexpr int NewConversationsPerHour = 30;
constexpr std::chrono::hours ConversationWindow{1};

struct Opened
{
    Storage::Opened opened;
    QList<Author> members;
};
} // namespace

DirectService::DirectService(ServerContext context)
    : m_context(context)
    , m_newConversations(NewConversationsPerHour, ConversationWindow)
{
    m_newConversations.share(context.rates, u"conversations"_s);
}

QCoro::Task<Protocol::DmOpenOk> DirectService::open(Request request, Protocol::DmOpen fields)
{
    const Author opener = request.connection()->user();
    QStringList others;
    for (const QString &given : std::as_const(fields.users)) {
        const auto name = Validation::normalizedUsername(given);
        if (!name)
            throw ProtocolError(ErrorCode::UnknownUser, u"there is no user called %1"_s.arg(given));
        if (*name != opener.username && !others.contains(*name))
            others.append(*name);
    }
    if (others.isEmpty() || others.size() > Protocol::MaxDirectOthers)
        throw invalidField("users"_L1,
                           u"names 1 to %1 people besides you"_s.arg(Protocol::MaxDirectOthers));
    const bool mayCreate = !m_newConversations.isFull(opener.username, Protocol::nowMs());
    // Judged and made in one write, on the accounts as stored then.
    auto opening = m_context.write([openerId = opener.id, others, mayCreate](Storage &storage) {
        const UserRecord self =
            Permissions::actingAccount(storage, openerId, Protocol::Role::Member);
        QList<qint64> memberIds{self.id};
        for (const QString &name : others) {
            const std::optional<UserRecord> other = storage.userByName(name);
            if (!other || other->isBot || other->isDisabled())
                throw ProtocolError(ErrorCode::UnknownUser,
                                    u"there is nobody called %1 to write to"_s.arg(name));
            memberIds.append(other->id);
        }
        const std::optional<Storage::Opened> opened =
            storage.openDirect(memberIds, self.id, mayCreate);
        if (!opened)
            throw ProtocolError(ErrorCode::RateLimited,
                                u"you started too many new conversations; wait a while"_s);
        return Opened{*opened, storage.roomMembers(opened->room.id)};
    });
    const Opened opened = co_await opening;
    const RoomRecord &room = opened.opened.room;
    Protocol::DmOpenOk reply{WireFormat::room(room), {}};
    for (const Author &member : opened.members)
        reply.members.append(WireFormat::member(member, m_context.online.isOnline(member.id)));
    if (opened.opened.created) {
        m_newConversations.record(opener.username, Protocol::nowMs());
        m_context.rooms.addRoom(room);
        for (const Author &member : opened.members)
            m_context.rooms.addMember(room.id, member.id);
        m_context.fanout.toRoom(room.id,
                                Protocol::DmOpened{reply.room, reply.members, opener.username});
    }
    co_return reply;
}

} // namespace FinChat
