#pragma once

#include "storage/records.h"

namespace FinChat {

class Storage;

// Who may do what (docs/protocol.md, "Roles"), judged inside the storage work that acts on
// it, on the accounts as stored at that moment. Each throws ProtocolError (forbidden,
// unknown_user), which undoes a write's changes and reaches the client.
namespace Permissions {

// The account asking, as stored now: enabled and at least minimum.
UserRecord actingAccount(const Storage &storage, qint64 actorId, Protocol::Role minimum);
// The person the actor names: not a bot, not themself.
UserRecord namedPerson(const Storage &storage, const UserRecord &actor, const QString &name);
// The same, and of a lower role than the actor's: nobody bans or kicks their equal (an admin
// is demoted before a ban).
UserRecord personBelow(const Storage &storage, const UserRecord &actor, const QString &name);

} // namespace Permissions
} // namespace FinChat
