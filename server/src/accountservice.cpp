#include "accountservice.h"

#include "clientconnection.h"
#include "fanout.h"
#include "onlineusers.h"
#include "passwordhasher.h"
#include "roomdirectory.h"
#include "sessiontoken.h"
#include "storage.h"
#include "wireformat.h"

#include "finchat/validation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QPointer>

#include <qcoro/qcorofuture.h>

#include <algorithm>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;
namespace Type = Protocol::Type;

namespace {

constexpr auto DefaultRoom = "general"_L1;
constexpr qint64 MsPerDay = 24LL * 60 * 60 * 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void requireLoggedOut(const ClientConnection *connection)
{
    if (connection->isLoggedIn())
        throw ProtocolError(ErrorCode::AlreadyLoggedIn,
                            u"this connection is already logged in; log out first"_s);
}

QString requirePassword(const Request &request, QLatin1StringView key)
{
    return request.string(key, Validation::PasswordMaxUtf16Length);
}

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

Author authorOf(const UserRecord &user)
{
    return {user.id, user.username, user.displayName, user.isBot};
}

} // namespace

AccountService::AccountService(ServerContext context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_hashing(context.limits.pendingHashesPerAddress, context.limits.pendingHashes)
    , m_failedLogins(context.limits.failedLoginsPerMinute, std::chrono::minutes(1))
    , m_registrations(context.limits.registrationsPerHour, std::chrono::hours(1))
{}

AccountService::~AccountService() = default;

HashingQueue::Ticket AccountService::admitHashing(const Request &request)
{
    auto ticket = m_hashing.admit(request.liveConnection()->peerAddress());
    if (!ticket)
        throw ProtocolError(ErrorCode::RateLimited,
                            u"the server is busy checking passwords; try again in a moment"_s);
    return std::move(*ticket);
}

QCoro::Task<QJsonObject> AccountService::registerUser(Request request)
{
    requireLoggedOut(request.connection());
    const auto username = Validation::normalizedUsername(request.string("username"_L1, 256));
    if (!username)
        throw ProtocolError(
            ErrorCode::InvalidUsername,
            u"usernames are 3 to 32 of a-z, 0-9, '_', '.', '-', starting with a letter or digit"_s);
    const QString password = requirePassword(request, "password"_L1);
    requireStrongPassword(password);
    const auto requestedName = request.optionalString("displayName"_L1, 256);
    const QString displayName = requestedName ? requireDisplayName(*requestedName) : *username;
    const QString address = request.connection()->peerAddress();
    if (m_registrations.isFull(address, nowMs()))
        throw ProtocolError(ErrorCode::RateLimited,
                            u"too many new accounts from this address; try again later"_s);
    // Checked before hashing so that a taken name costs no Argon2 work.
    auto lookingUp = m_context.read(
        [name = *username](Storage &storage) { return storage.userByName(name).has_value(); });
    const bool taken = co_await lookingUp;
    if (taken)
        throw ProtocolError(ErrorCode::UsernameTaken, u"the username %1 is taken"_s.arg(*username));
    const HashingQueue::Ticket ticket = admitHashing(request);
    m_registrations.record(address, nowMs());

    QPointer<AccountService> self(this);
    // Named, not a temporary of the co_await: GCC 12 destroys a closure temporary's result
    // twice when both live in the co_await's full-expression.
    const auto hashing = m_hashing.run(ticket, request.liveConnection()->closedFlag(),
                                       [password] { return PasswordHasher::hash(password); });
    const std::optional<QString> hash = co_await hashing;
    if (!self || !hash)
        throw Abandoned(); // the server stopped, or the client left before the hash started

    const RoomRecord *defaultRoom = m_context.rooms.find(DefaultRoom);
    const qint64 defaultRoomId = defaultRoom ? defaultRoom->id : 0;
    auto creating = m_context.write(
        [name = *username, displayName, hash = *hash, defaultRoomId](Storage &storage) {
            const auto userId = storage.createUser(name, displayName, hash);
            if (userId && defaultRoomId != 0)
                storage.addMember(defaultRoomId, *userId);
            return userId;
        });
    const std::optional<qint64> userId = co_await creating;
    if (!userId) // someone else took it while we were hashing
        throw ProtocolError(ErrorCode::UsernameTaken, u"the username %1 is taken"_s.arg(*username));
    const Author user{*userId, *username, displayName, false};
    if (defaultRoomId != 0)
        announceJoin(defaultRoomId, user);
    co_return QJsonObject{{u"user"_s, WireFormat::user(user)}};
}

void AccountService::announceJoin(qint64 roomId, const Author &user)
{
    m_context.rooms.addMember(roomId, user.id);
    const RoomRecord *room = m_context.rooms.findById(roomId);
    if (!room)
        return;
    QJsonObject event = WireFormat::member(user, false);
    event.insert(u"room"_s, room->name);
    m_context.fanout.toRoom(room->id, Protocol::makeFrame(Type::MemberJoined, {}, event));
}

QCoro::Task<QJsonObject> AccountService::login(Request request)
{
    requireLoggedOut(request.connection());
    const QString rawUsername = request.string("username"_L1, 256);
    const QString password = requirePassword(request, "password"_L1);
    const QString username = Validation::normalizedUsername(rawUsername).value_or(QString());
    const QString throttleKey = rawUsername.toLower() + u'@' + request.connection()->peerAddress();
    if (m_failedLogins.isFull(throttleKey, nowMs()))
        throw ProtocolError(ErrorCode::RateLimited,
                            u"too many failed logins; try again in a minute"_s);
    const HashingQueue::Ticket ticket = admitHashing(request);
    // Counted as failed until it succeeds, so that pipelined guesses are refused before they
    // cost a hash rather than after.
    m_failedLogins.record(throttleKey, nowMs());

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

    requireLoggedOut(request.liveConnection()); // no session for a client that has left
    const QString token = SessionToken::generate();
    const QByteArray tokenHash = SessionToken::hash(token);
    auto storing = m_context.write([tokenHash, userId = user->id](Storage &storage) {
        storage.createSession(tokenHash, userId);
    });
    co_await storing;
    ClientConnection *connection = request.liveConnection();
    requireLoggedOut(connection); // a second login on this socket may have won the race
    QJsonObject reply = startSession(connection, authorOf(*user), tokenHash);
    reply.insert(u"token"_s, token);
    co_return reply;
}

QCoro::Task<QJsonObject> AccountService::resume(Request request)
{
    requireLoggedOut(request.connection());
    const QByteArray tokenHash = SessionToken::hash(request.string("token"_L1, 256));
    auto touching = m_context.write(
        [tokenHash, maxIdleMs = m_context.limits.sessionLifetimeDays * MsPerDay](Storage &storage) {
            const auto userId = storage.touchSession(tokenHash, maxIdleMs);
            return userId ? storage.userById(*userId) : std::nullopt;
        });
    const std::optional<UserRecord> user = co_await touching;
    if (!user)
        throw ProtocolError(ErrorCode::InvalidToken, u"the session has ended; log in again"_s);
    ClientConnection *connection = request.liveConnection();
    requireLoggedOut(connection);
    co_return startSession(connection, authorOf(*user), tokenHash);
}

QCoro::Task<QJsonObject> AccountService::logout(Request request)
{
    auto deleting = m_context.write([tokenHash = request.connection()->tokenHash()](
                                        Storage &storage) { storage.deleteSession(tokenHash); });
    co_await deleting;
    endSession(request.liveConnection());
    co_return QJsonObject{};
}

QJsonObject AccountService::startSession(ClientConnection *connection, const Author &user,
                                         const QByteArray &tokenHash)
{
    connection->logIn(user, tokenHash);
    if (m_context.online.add(user.id, connection)) {
        m_context.fanout.toUsers(m_context.rooms.peersOf(user.id),
                                 Protocol::makeFrame(Type::UserOnline, {}, WireFormat::user(user)));
    }
    QStringList roomNames;
    for (qint64 roomId : m_context.rooms.roomsOf(user.id)) {
        if (const RoomRecord *room = m_context.rooms.findById(roomId))
            roomNames.append(room->name);
    }
    roomNames.sort();
    return {{u"user"_s, WireFormat::user(user)},
            {u"rooms"_s, QJsonArray::fromStringList(roomNames)}};
}

void AccountService::endSession(ClientConnection *connection)
{
    if (!connection->isLoggedIn())
        return;
    const Author user = connection->user();
    connection->logOut();
    if (m_context.online.remove(user.id, connection)) {
        m_context.fanout.toUsers(
            m_context.rooms.peersOf(user.id),
            Protocol::makeFrame(Type::UserOffline, {}, WireFormat::user(user)));
    }
}

void AccountService::connectionClosed(ClientConnection *connection)
{
    endSession(connection);
}

QCoro::Task<QJsonObject> AccountService::profile(Request request)
{
    auto reading = m_context.read([userId = request.connection()->user().id](Storage &storage) {
        return storage.userById(userId);
    });
    const std::optional<UserRecord> user = co_await reading;
    if (!user)
        throw ProtocolError(ErrorCode::InternalError, u"the account no longer exists"_s);
    QJsonObject reply = WireFormat::user(authorOf(*user));
    reply.insert(u"createdAt"_s, user->createdAt);
    co_return reply;
}

QCoro::Task<QJsonObject> AccountService::updateProfile(Request request)
{
    const auto requestedName = request.optionalString("displayName"_L1, 256);
    const auto newPassword =
        request.optionalString("password"_L1, Validation::PasswordMaxUtf16Length);
    if (!requestedName && !newPassword)
        throw invalidField("displayName"_L1, u"or 'password' is required"_s);
    std::optional<QString> displayName;
    if (requestedName)
        displayName = requireDisplayName(*requestedName);
    const Author user = request.connection()->user();
    if (newPassword) {
        const QString oldPassword = requirePassword(request, "oldPassword"_L1);
        requireStrongPassword(*newPassword);
        QCoro::Task<> changing = changePassword(request, user, oldPassword, *newPassword);
        co_await changing;
    }
    if (displayName && *displayName != user.displayName) {
        auto renaming = m_context.write([userId = user.id, name = *displayName](Storage &storage) {
            storage.setDisplayName(userId, name);
        });
        co_await renaming;
        announceRename(user, *displayName);
    }
    Author updated = user;
    updated.displayName = displayName.value_or(user.displayName);
    co_return QJsonObject{{u"user"_s, WireFormat::user(updated)}};
}

QCoro::Task<> AccountService::changePassword(const Request &request, const Author &user,
                                             const QString &oldPassword, const QString &newPassword)
{
    const QString throttleKey = user.username + u'@' + request.connection()->peerAddress();
    if (m_failedLogins.isFull(throttleKey, nowMs()))
        throw ProtocolError(ErrorCode::RateLimited,
                            u"too many wrong passwords; try again in a minute"_s);
    const HashingQueue::Ticket ticket = admitHashing(request);
    m_failedLogins.record(throttleKey, nowMs());
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
    // A changed password signs out every other device; this one keeps its token.
    auto storing =
        m_context.write([userId = user.id, hash = *hash,
                         kept = request.liveConnection()->tokenHash()](Storage &storage) {
            storage.setPasswordHash(userId, hash);
            storage.deleteSessionsOfUserExcept(userId, kept);
        });
    co_await storing;
}

void AccountService::announceRename(const Author &user, const QString &displayName)
{
    for (ClientConnection *connection : m_context.online.connectionsOf(user.id))
        connection->setDisplayName(displayName);
    Author renamed = user;
    renamed.displayName = displayName;
    QSet<qint64> audience = m_context.rooms.peersOf(user.id);
    audience.insert(user.id);
    m_context.fanout.toUsers(audience,
                             Protocol::makeFrame(Type::UserUpdated, {}, WireFormat::user(renamed)));
}

} // namespace FinChat
