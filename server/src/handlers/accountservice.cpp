#include "handlers/accountservice.h"

#include "auth/invitecode.h"
#include "auth/passwordhasher.h"
#include "auth/sessiontoken.h"
#include "cluster/clusterbus.h"
#include "state/fanout.h"
#include "state/onlineusers.h"
#include "state/ratesharing.h"
#include "state/roomdirectory.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"
#include "wire/wireformat.h"

#include "finchat/protocol/messages.h"
#include "finchat/validation.h"

#include <QPointer>
#include <QWebSocketProtocol>

#include <qcoro/qcorofuture.h>

#include <algorithm>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;
using Protocol::nowMs;

namespace {

void requireStrongPassword(const QString &password)
{
    if (!Validation::isValidPassword(password))
        throw ProtocolError(ErrorCode::WeakPassword, u"passwords need at least %1 characters"_s.arg(
                                                         Validation::PasswordMinLength));
}

QString requireDisplayName(const QString &requested)
{
    const auto normalized = Validation::normalizedDisplayName(requested);
    if (!normalized)
        throw ProtocolError(
            ErrorCode::InvalidDisplayName,
            u"display names are 1 to %1 characters, without control characters"_s.arg(
                Validation::DisplayNameMaxLength));
    return *normalized;
}

ProtocolError accountDisabled()
{
    return {ErrorCode::AccountDisabled,
            u"this account is disabled; ask the server's administrator"_s};
}

QString unusableInviteText()
{
    return u"this invite code is unknown, used up or expired; ask for a new one"_s;
}

} // namespace

AccountService::AccountService(ServerContext context, Registration registration, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_registration(registration)
    , m_hashing(context.limits.pendingHashesPerAddress, context.limits.pendingHashes)
    , m_failedLogins(context.limits.failedLoginsPerMinute, std::chrono::minutes(1))
    , m_registrations(context.limits.registrationsPerHour, std::chrono::hours(1))
{
    m_failedLogins.share(context.rates, u"failed-logins"_s);
    m_registrations.share(context.rates, u"registrations"_s);
}

AccountService::~AccountService() = default;

HashingQueue::Ticket AccountService::admitPasswordCheck(const Request &request,
                                                        const QString &throttleKey,
                                                        const QString &refusal)
{
    if (m_failedLogins.isFull(throttleKey, nowMs()))
        throw ProtocolError(ErrorCode::RateLimited, refusal);
    HashingQueue::Ticket ticket = admitHashing(request);
    // Counted as failed until it succeeds, so that pipelined guesses are refused before they
    // cost a hash rather than after.
    m_failedLogins.record(throttleKey, nowMs());
    return ticket;
}

HashingQueue::Ticket AccountService::admitHashing(const Request &request)
{
    auto ticket = m_hashing.admit(request.liveConnection()->peerAddress());
    if (!ticket)
        throw ProtocolError(ErrorCode::RateLimited,
                            u"the server is busy checking passwords; try again in a moment"_s);
    return std::move(*ticket);
}

QByteArray AccountService::admitRegistration(const std::optional<QString> &invite,
                                             const QString &address)
{
    switch (m_registration) {
    case Registration::Open:
        return {};
    case Registration::Closed:
        throw ProtocolError(ErrorCode::RegistrationClosed,
                            u"this server makes no accounts here; ask its administrator for one"_s);
    case Registration::Invite:
        break;
    }
    const QByteArray hash = invite ? InviteCode::hash(*invite) : QByteArray();
    if (hash.isEmpty())
        throw refusedInvite(address,
                            invite ? u"that is not an invite code; check it with whoever sent it"_s
                                   : u"this server registers by invitation: give an invite code"_s);
    return hash;
}

ProtocolError AccountService::refusedInvite(const QString &address, const QString &message)
{
    // Counted as a registration: a guess at a code costs what an account does.
    m_registrations.record(address, nowMs());
    return {ErrorCode::InvalidInvite, message};
}

QCoro::Task<Protocol::RegisterOk> AccountService::registerUser(Request request,
                                                               Protocol::Register fields)
{
    request.connection()->requireLoggedOut();
    const QString address = request.connection()->peerAddress();
    if (m_registrations.isFull(address, nowMs()))
        throw ProtocolError(ErrorCode::RateLimited,
                            u"too many new accounts from this address; try again later"_s);
    const QByteArray inviteHash = admitRegistration(fields.invite, address);
    const auto username = Validation::normalizedUsername(fields.username);
    if (!username)
        throw ProtocolError(
            ErrorCode::InvalidUsername,
            u"usernames are 3 to 32 of a-z, 0-9, '_', '.', '-', starting with a letter or digit"_s);
    const QString password = fields.password;
    requireStrongPassword(password);
    const QString displayName =
        fields.displayName ? requireDisplayName(*fields.displayName) : *username;
    // Counted now, before anything is awaited: registrations sent all at once cannot all pass
    // the check above. A taken name or a dead invite code costs one, as a new account does.
    m_registrations.record(address, nowMs());
    // Checked before hashing so that a taken name or a dead invite costs no Argon2 work.
    auto lookingUp = m_context.read([name = *username, inviteHash](Storage &storage) {
        return std::pair{storage.userByName(name).has_value(),
                         inviteHash.isEmpty() || storage.inviteUsable(inviteHash)};
    });
    const auto [taken, inviteUsable] = co_await lookingUp;
    if (!inviteUsable)
        throw ProtocolError(ErrorCode::InvalidInvite, unusableInviteText());
    if (taken)
        throw ProtocolError(ErrorCode::UsernameTaken, u"the username %1 is taken"_s.arg(*username));
    const HashingQueue::Ticket ticket = admitHashing(request);

    QPointer<AccountService> self(this);
    // Named, not a temporary of the co_await: GCC 12 destroys a closure temporary's result
    // twice when both live in the co_await's full-expression.
    const auto hashing = m_hashing.run(ticket, request.liveConnection()->closedFlag(),
                                       [password] { return PasswordHasher::hash(password); });
    const std::optional<QString> hash = co_await hashing;
    if (!self || !hash)
        throw Abandoned(); // the server stopped, or the client left before the hash started
    // Asked again: the registration mode may have been reloaded while the password hashed.
    const QByteArray usedInvite = admitRegistration(fields.invite, address);

    auto creating = m_context.write(
        [name = *username, displayName, hash = *hash, usedInvite](Storage &storage) {
            auto created = storage.createPerson(name, displayName, hash);
            // Used up by someone else while we were hashing: the account is not made (the
            // write's savepoint undoes it).
            if (created && !usedInvite.isEmpty() && !storage.useInvite(usedInvite))
                throw ProtocolError(ErrorCode::InvalidInvite, unusableInviteText());
            return created; // with the role it was given
        });
    const std::optional<UserRecord> created = co_await creating;
    if (!created) // someone else took it while we were hashing
        throw ProtocolError(ErrorCode::UsernameTaken, u"the username %1 is taken"_s.arg(*username));
    const Author user = created->author();
    if (const RoomRecord *defaultRoom = m_context.rooms.find(Protocol::DefaultRoom))
        announceJoin(defaultRoom->id, user);
    co_return Protocol::RegisterOk{WireFormat::user(user)};
}

void AccountService::announceJoin(qint64 roomId, const Author &user)
{
    m_context.rooms.addMember(roomId, user.id);
    const RoomRecord *room = m_context.rooms.findById(roomId);
    if (!room)
        return;
    m_context.fanout.toRoom(room->id,
                            Protocol::MemberJoined{room->name, WireFormat::member(user, false)});
}

QCoro::Task<Protocol::LoginOk> AccountService::login(Request request, Protocol::Login fields)
{
    request.connection()->requireLoggedOut();
    const QString password = fields.password;
    const QString username = Validation::normalizedUsername(fields.username).value_or(QString());
    const QString throttleKey =
        fields.username.toLower() + u'@' + request.connection()->peerAddress();
    const HashingQueue::Ticket ticket = admitPasswordCheck(
        request, throttleKey, u"too many failed logins; try again in a minute"_s);

    auto lookingUp = m_context.read([username](Storage &storage) {
        return username.isEmpty() ? std::nullopt : storage.userByName(username);
    });
    const std::optional<UserRecord> user = co_await lookingUp;
    const bool canLogIn = user && !user->isBot && !user->passwordHash.isEmpty();
    // Unknown users are checked against a decoy so that timing does not reveal who exists.
    const QString hash = canLogIn ? user->passwordHash : PasswordHasher::decoyHash();

    QPointer<AccountService> self(this);
    const auto checking =
        m_hashing.run(ticket, request.liveConnection()->closedFlag(),
                      [hash, password] { return PasswordHasher::verify(hash, password); });
    const std::optional<bool> matches = co_await checking;
    if (!self || !matches)
        throw Abandoned(); // the server stopped, or the client left
    if (!canLogIn || !*matches)
        throw ProtocolError(ErrorCode::BadCredentials, u"wrong username or password"_s);
    m_failedLogins.clear(throttleKey);
    // Said only to whoever knows the password, so it tells a stranger nothing.
    if (user->isDisabled())
        throw accountDisabled();

    request.liveConnection()->requireLoggedOut(); // no session for a client that has left
    const QString token = SessionToken::generate();
    const QByteArray tokenHash = SessionToken::hash(token);
    // A ban may have landed while the password was checked: the session is made only for an
    // account still enabled, in the same write that checks it.
    auto storing = m_context.write([tokenHash, userId = user->id](Storage &storage) {
        const std::optional<UserRecord> current = storage.userById(userId);
        if (!current || current->isDisabled())
            throw accountDisabled();
        storage.createSession(tokenHash, userId);
    });
    co_await storing;
    ClientConnection *connection = request.liveConnection();
    connection->requireLoggedOut(); // a second login on this socket may have won the race
    co_return Protocol::LoginOk{token, startSession(connection, user->author(), tokenHash)};
}

QCoro::Task<Protocol::ResumeOk> AccountService::resume(Request request, Protocol::Resume fields)
{
    request.connection()->requireLoggedOut();
    const QByteArray tokenHash = SessionToken::hash(fields.token);
    auto touching = m_context.write(
        [tokenHash, maxIdleMs = m_context.limits.sessionLifetimeMs()](Storage &storage) {
            const auto userId = storage.touchSession(tokenHash, maxIdleMs);
            return userId ? storage.userById(*userId) : std::nullopt;
        });
    const std::optional<UserRecord> user = co_await touching;
    if (!user)
        throw ProtocolError(ErrorCode::InvalidToken, u"the session has ended; log in again"_s);
    ClientConnection *connection = request.liveConnection();
    connection->requireLoggedOut();
    co_return Protocol::ResumeOk{startSession(connection, user->author(), tokenHash)};
}

QCoro::Task<Protocol::LogoutOk> AccountService::logout(Request request, Protocol::Logout)
{
    const QByteArray tokenHash = request.connection()->tokenHash();
    const qint64 userId = request.connection()->user().id;
    auto deleting =
        m_context.write([tokenHash](Storage &storage) { storage.deleteSession(tokenHash); });
    co_await deleting;
    // The same token may be in use on other connections (resumed elsewhere): they end too.
    closeRevoked(
        userId, [tokenHash](const QByteArray &hash) { return hash == tokenHash; },
        Protocol::SessionEndReason::LoggedOut, u"this session was logged out"_s,
        request.connection());
    endSession(request.liveConnection());
    co_return Protocol::LogoutOk{};
}

void AccountService::closeRevoked(qint64 userId,
                                  const std::function<bool(const QByteArray &)> &isRevoked,
                                  QLatin1StringView reason, const QString &message,
                                  const ClientConnection *except)
{
    m_context.cluster.sessionsEnded(userId); // the user's connections on other servers
    // A copy: ending a session takes the connection out of the online table.
    const QList<ClientConnection *> connections = m_context.online.connectionsOf(userId);
    for (ClientConnection *connection : connections) {
        if (connection != except && isRevoked(connection->tokenHash()))
            endRevokedSession(connection, reason, message);
    }
}

void AccountService::endRevokedSession(ClientConnection *connection, QLatin1StringView reason,
                                       const QString &message)
{
    connection->send(Protocol::frame(Protocol::SessionEnded{QString(reason), message}));
    endSession(connection);
    connection->closeWith(QWebSocketProtocol::CloseCodeNormal, message);
}

Protocol::SessionInfo AccountService::startSession(ClientConnection *connection, const Author &user,
                                                   const QByteArray &tokenHash)
{
    connection->logIn(user, tokenHash);
    if (m_context.online.add(user, connection)) {
        m_context.fanout.toPeersOf(user.id, Protocol::UserOnline{WireFormat::user(user)});
    }
    QStringList roomNames;
    for (qint64 roomId : m_context.rooms.roomsOf(user.id)) {
        if (const RoomRecord *room = m_context.rooms.findById(roomId))
            roomNames.append(room->name);
    }
    roomNames.sort();
    return {WireFormat::user(user), roomNames, WireFormat::settings(m_context.settings)};
}

void AccountService::endSession(ClientConnection *connection)
{
    if (!connection->isLoggedIn())
        return;
    const Author user = connection->user();
    connection->logOut();
    if (m_context.online.remove(user, connection)) {
        m_context.fanout.toPeersOf(user.id, Protocol::UserOffline{WireFormat::user(user)});
    }
}

void AccountService::connectionClosed(ClientConnection *connection)
{
    endSession(connection);
}

QCoro::Task<Protocol::ProfileUpdateOk> AccountService::updateProfile(Request request,
                                                                     Protocol::ProfileUpdate fields)
{
    if (!fields.displayName && !fields.password && !fields.bio)
        throw invalidField("displayName"_L1, u"or 'bio' or 'password' is required"_s);
    std::optional<QString> displayName;
    if (fields.displayName)
        displayName = requireDisplayName(*fields.displayName);
    std::optional<QString> bio;
    if (fields.bio) {
        bio = Validation::normalizedBio(*fields.bio);
        if (!bio)
            throw invalidField("bio"_L1, u"must be at most %1 characters, without control "
                                         "characters"_s.arg(Validation::BioMaxLength));
    }
    const Author user = request.connection()->user();
    if (fields.password) {
        if (!fields.oldPassword)
            throw invalidField("oldPassword"_L1, u"must be given, not null, with 'password'"_s);
        requireStrongPassword(*fields.password);
        QCoro::Task<> changing =
            changePassword(request, user, *fields.oldPassword, *fields.password);
        co_await changing;
    }
    if ((displayName && *displayName != user.displayName) || bio) {
        auto storing = m_context.write([userId = user.id, displayName, bio](Storage &storage) {
            if (displayName)
                storage.setDisplayName(userId, *displayName);
            if (bio)
                storage.setBio(userId, *bio);
        });
        co_await storing;
    }
    Author updated = user;
    updated.displayName = displayName.value_or(user.displayName);
    if (updated.displayName != user.displayName)
        announceUserUpdate(updated);
    co_return Protocol::ProfileUpdateOk{WireFormat::user(updated)};
}

QCoro::Task<> AccountService::changePassword(const Request &request, const Author &user,
                                             const QString &oldPassword, const QString &newPassword)
{
    const QString throttleKey = user.username + u'@' + request.connection()->peerAddress();
    const HashingQueue::Ticket ticket = admitPasswordCheck(
        request, throttleKey, u"too many wrong passwords; try again in a minute"_s);
    auto reading =
        m_context.read([userId = user.id](Storage &storage) { return storage.userById(userId); });
    const std::optional<UserRecord> record = co_await reading;
    if (!record)
        throw ProtocolError(ErrorCode::InternalError, u"the account no longer exists"_s);

    QPointer<AccountService> self(this);
    const auto checking = m_hashing.run(ticket, request.liveConnection()->closedFlag(),
                                        [hash = record->passwordHash, oldPassword] {
                                            return PasswordHasher::verify(hash, oldPassword);
                                        });
    const std::optional<bool> matches = co_await checking;
    if (!self || !matches)
        throw Abandoned();
    if (!*matches)
        throw ProtocolError(ErrorCode::BadCredentials, u"the old password is wrong"_s);
    m_failedLogins.clear(throttleKey);
    const auto hashing = m_hashing.run(ticket, request.liveConnection()->closedFlag(),
                                       [newPassword] { return PasswordHasher::hash(newPassword); });
    const std::optional<QString> hash = co_await hashing;
    if (!self || !hash)
        throw Abandoned();
    // A changed password signs out every other device, at once; this one keeps its token.
    const QByteArray kept = request.liveConnection()->tokenHash();
    auto storing = m_context.write([userId = user.id, hash = *hash, kept](Storage &storage) {
        storage.setPasswordHash(userId, hash);
        storage.deleteSessionsOfUserExcept(userId, kept);
    });
    co_await storing;
    closeRevoked(
        user.id, [kept](const QByteArray &token) { return token != kept; },
        Protocol::SessionEndReason::PasswordChanged,
        u"the password was changed on another device; log in again"_s, nullptr);
}

void AccountService::announceUserUpdate(const Author &user)
{
    updateConnectionsOf(user);
    m_context.cluster.userUpdated(user);
    m_context.fanout.toPeersOf(user.id, Protocol::UserUpdated{WireFormat::user(user)}, true);
}

void AccountService::updateConnectionsOf(const Author &user)
{
    m_context.online.updateUser(user);
    for (ClientConnection *connection : m_context.online.connectionsOf(user.id))
        connection->updateUser(user);
}

void AccountService::endSessionsOf(qint64 userId, QLatin1StringView reason, const QString &message)
{
    closeRevoked(
        userId, [](const QByteArray &) { return true; }, reason, message, nullptr);
}

QCoro::Task<> AccountService::closeEndedSessions(std::optional<qint64> onlyUserId)
{
    const auto personsOnline = [this, onlyUserId] {
        QList<ClientConnection *> found;
        const auto &online = m_context.online.all();
        for (auto it = online.cbegin(); it != online.cend(); ++it) {
            if (onlyUserId && it.key() != *onlyUserId)
                continue;
            for (ClientConnection *connection : it.value()) {
                if (!connection->user().isBot)
                    found.append(connection);
            }
        }
        return found;
    };
    QList<QByteArray> tokens;
    for (const ClientConnection *connection : personsOnline())
        tokens.append(connection->tokenHash());
    if (tokens.isEmpty())
        co_return;
    QPointer<AccountService> self(this);
    auto checking =
        m_context.read([tokens](Storage &storage) { return storage.liveSessions(tokens); });
    QSet<QByteArray> live;
    try {
        live = co_await checking;
    } catch (const Abandoned &) {
        co_return; // the server stopped
    } catch (const std::exception &error) {
        qWarning() << "cannot check the sessions of open connections; none is closed:"
                   << error.what();
        co_return;
    }
    if (!self)
        co_return;
    // Looked up again: connections came and went while storage answered. A token not
    // checked (a login since) stays.
    const QSet<QByteArray> checked(tokens.cbegin(), tokens.cend());
    for (ClientConnection *connection : personsOnline()) {
        const QByteArray &token = connection->tokenHash();
        if (checked.contains(token) && !live.contains(token))
            endRevokedSession(connection, Protocol::SessionEndReason::Revoked,
                              u"an administrator ended this session; log in again"_s);
    }
}

} // namespace FinChat
