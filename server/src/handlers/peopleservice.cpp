#include "handlers/peopleservice.h"

#include "state/onlineusers.h"
#include "state/roomdirectory.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"
#include "wire/wireformat.h"

#include "finchat/validation.h"

#include <algorithm>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;

PeopleService::PeopleService(ServerContext context)
    : m_context(context)
{}

QCoro::Task<Protocol::ProfileGetOk> PeopleService::profile(Request request,
                                                           Protocol::ProfileGet fields)
{
    const qint64 askerId = request.connection()->user().id;
    std::optional<QString> username;
    if (fields.username) {
        username = Validation::normalizedUsername(*fields.username);
        if (!username)
            throw ProtocolError(ErrorCode::UnknownUser, u"there is no such user"_s);
    }
    auto reading = m_context.read([askerId, username](Storage &storage) {
        return username ? storage.userByName(*username) : storage.userById(askerId);
    });
    const std::optional<UserRecord> user = co_await reading;
    if (!user)
        throw ProtocolError(ErrorCode::UnknownUser,
                            u"nobody is called %1"_s.arg(username.value_or(QString())));
    co_return Protocol::ProfileGetOk{WireFormat::user(user->author()), user->createdAt,
                                     m_context.online.isOnline(user->id), user->bio,
                                     sharedRooms(askerId, user->id)};
}

QStringList PeopleService::sharedRooms(qint64 userId, qint64 otherId) const
{
    QSet<qint64> shared = m_context.rooms.roomsOf(userId);
    shared.intersect(m_context.rooms.roomsOf(otherId));
    QStringList names;
    for (qint64 roomId : std::as_const(shared)) {
        if (const RoomRecord *room = m_context.rooms.findById(roomId); room && !room->direct)
            names.append(room->name);
    }
    names.sort();
    return names;
}

Protocol::UsersOnlineOk PeopleService::online(Request, Protocol::UsersOnline fields) const
{
    const QString after = fields.after.value_or(QString());
    QList<Author> page;
    for (const Author &user : m_context.online.everyone()) {
        if (user.username > after)
            page.append(user);
    }
    const auto limit = fields.limit.value_or(Protocol::MaxOnlinePage);
    const bool hasMore = page.size() > limit;
    const auto byName = [](const Author &a, const Author &b) {
        return a.username < b.username;
    };
    const auto end = page.begin() + std::min(page.size(), limit);
    std::partial_sort(page.begin(), end, page.end(), byName);
    Protocol::UsersOnlineOk reply{{}, hasMore};
    for (auto it = page.begin(); it != end; ++it)
        reply.users.append(WireFormat::user(*it));
    return reply;
}

} // namespace FinChat
