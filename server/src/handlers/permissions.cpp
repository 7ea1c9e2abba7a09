#include "handlers/permissions.h"

#include "storage/storage.h"
#include "wire/request.h"

#include "finchat/validation.h"

namespace FinChat::Permissions {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;

UserRecord actingAccount(const Storage &storage, qint64 actorId, Protocol::Role minimum)
{
    const std::optional<UserRecord> actor = storage.userById(actorId);
    if (!actor || actor->isDisabled() || actor->role < minimum)
        throw ProtocolError(ErrorCode::Forbidden,
                            u"only a %1 may do this"_s.arg(Protocol::roleName(minimum)));
    return *actor;
}

UserRecord namedPerson(const Storage &storage, const UserRecord &actor, const QString &name)
{
    const QString username = Validation::normalizedUsername(name).value_or(QString());
    const std::optional<UserRecord> target =
        username.isEmpty() ? std::nullopt : storage.userByName(username);
    if (!target)
        throw ProtocolError(ErrorCode::UnknownUser, u"there is no user '%1'"_s.arg(name.left(64)));
    if (target->isBot)
        throw ProtocolError(ErrorCode::Forbidden,
                            u"bots are managed on the server (finchat-server bot ...)"_s);
    if (target->id == actor.id)
        throw ProtocolError(ErrorCode::Forbidden,
                            u"you cannot do this to yourself; ask another admin"_s);
    return *target;
}

UserRecord personBelow(const Storage &storage, const UserRecord &actor, const QString &name)
{
    const UserRecord target = namedPerson(storage, actor, name);
    if (target.role >= actor.role)
        throw ProtocolError(ErrorCode::Forbidden,
                            u"%1 is a %2; only a higher role may do this"_s.arg(
                                target.username, Protocol::roleName(target.role)));
    return target;
}

} // namespace FinChat::Permissions
