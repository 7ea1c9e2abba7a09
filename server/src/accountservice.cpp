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
#include <QtConcurrent/QtConcurrentRun>

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
    return request.string(key, Validation::PasswordMaxLength);
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
    , m_failedLogins(context.limits.failedLoginsPerMinute, std::chrono::minutes(1))
    , m_registrations(context.limits.registrationsPerHour, std::chrono::hours(1))
{
    // Each Argon2id hash holds 64 MiB while it runs: bound how many run at once.
    m_hashingPool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

AccountService::~AccountService()
{
    m_hashingPool.waitForDone();
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
    // Checked before hashing so that a taken name costs no Argon2 work.
    if (m_context.storage.userByName(*username))
        throw ProtocolError(ErrorCode::UsernameTaken, u"the username %1 is taken"_s.arg(*username));
    const QString address = request.connection()->peerAddress();
    if (m_registrations.isFull(address, nowMs()))
        throw ProtocolError(ErrorCode::RateLimited,
                            u"too many new accounts from this address; try again later"_s);
    m_registrations.record(address, nowMs());

    QPointer<AccountService> self(this);
    const QString hash =
        co_await QtConcurrent::run(&m_hashingPool, &PasswordHasher::hash, password);
    if (!self)
        co_return {};

    const auto userId = m_context.storage.createUser(*username, displayName, hash);
    if (!userId) // someone else took it while we were hashing
        throw ProtocolError(ErrorCode::UsernameTaken, u"the username %1 is taken"_s.arg(*username));
    const Author user{*userId, *username, displayName, false};
    joinDefaultRoom(user);
    co_return QJsonObject{{u"user"_s, WireFormat::user(user)}};
}

void AccountService::joinDefaultRoom(const Author &user)
{
    const RoomRecord *room = m_context.rooms.find(DefaultRoom);
    if (!room || !m_context.rooms.join(room->id, user.id))
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

    const auto user = username.isEmpty() ? std::nullopt : m_context.storage.userByName(username);
    const bool canLogIn = user && !user->isBot && !user->passwordHash.isEmpty();
    // Unknown users are checked against a decoy so that timing does not reveal who exists.
    const QString &hash = canLogIn ? user->passwordHash : PasswordHasher::decoyHash();

    QPointer<AccountService> self(this);
    const bool matches =
        co_await QtConcurrent::run(&m_hashingPool, &PasswordHasher::verify, hash, password);
    if (!self || !request.connection())
        co_return {};

    if (!canLogIn || !matches) {
        m_failedLogins.record(throttleKey, nowMs());
        throw ProtocolError(ErrorCode::BadCredentials, u"wrong username or password"_s);
    }
    m_failedLogins.clear(throttleKey);
    requireLoggedOut(request.connection()); // a second login on this socket may have won the race

    const QString token = SessionToken::generate();
    const QByteArray tokenHash = SessionToken::hash(token);
    m_context.storage.createSession(tokenHash, user->id);
    QJsonObject reply = startSession(request.connection(), authorOf(*user), tokenHash);
    reply.insert(u"token"_s, token);
    co_return reply;
}

QJsonObject AccountService::resume(const Request &request)
{
    requireLoggedOut(request.connection());
    const QByteArray tokenHash = SessionToken::hash(request.string("token"_L1, 256));
    const auto userId =
        m_context.storage.touchSession(tokenHash, m_context.limits.sessionLifetimeDays * MsPerDay);
    const auto user = userId ? m_context.storage.userById(*userId) : std::nullopt;
    if (!user)
        throw ProtocolError(ErrorCode::InvalidToken, u"the session has ended; log in again"_s);
    return startSession(request.connection(), authorOf(*user), tokenHash);
}

QJsonObject AccountService::logout(const Request &request)
{
    m_context.storage.deleteSession(request.connection()->tokenHash());
    endSession(request.connection());
    return {};
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

QJsonObject AccountService::profile(const Request &request)
{
    const auto user = m_context.storage.userById(request.connection()->user().id);
    if (!user)
        throw ProtocolError(ErrorCode::InternalError, u"the account no longer exists"_s);
    QJsonObject reply = WireFormat::user(authorOf(*user));
    reply.insert(u"createdAt"_s, user->createdAt);
    return reply;
}

QCoro::Task<QJsonObject> AccountService::updateProfile(Request request)
{
    const auto requestedName = request.optionalString("displayName"_L1, 256);
    const auto newPassword = request.optionalString("password"_L1, Validation::PasswordMaxLength);
    if (!requestedName && !newPassword)
        throw invalidField("displayName"_L1, u"or 'password' is required"_s);
    std::optional<QString> displayName;
    if (requestedName)
        displayName = requireDisplayName(*requestedName);
    const Author user = request.connection()->user();
    if (newPassword) {
        const QString oldPassword = requirePassword(request, "oldPassword"_L1);
        requireStrongPassword(*newPassword);
        const auto record = m_context.storage.userById(user.id);
        if (!record)
            throw ProtocolError(ErrorCode::InternalError, u"the account no longer exists"_s);

        QPointer<AccountService> self(this);
        const bool matches = co_await QtConcurrent::run(&m_hashingPool, &PasswordHasher::verify,
                                                        record->passwordHash, oldPassword);
        if (!self || !request.connection())
            co_return {};
        if (!matches)
            throw ProtocolError(ErrorCode::BadCredentials, u"the old password is wrong"_s);
        const QString hash =
            co_await QtConcurrent::run(&m_hashingPool, &PasswordHasher::hash, *newPassword);
        if (!self || !request.connection())
            co_return {};
        m_context.storage.setPasswordHash(user.id, hash);
        // A changed password signs out every other device; this one keeps its token.
        m_context.storage.deleteSessionsOfUserExcept(user.id, request.connection()->tokenHash());
    }
    if (displayName && *displayName != user.displayName)
        renameEverywhere(user, *displayName);
    Author updated = user;
    updated.displayName = displayName.value_or(user.displayName);
    co_return QJsonObject{{u"user"_s, WireFormat::user(updated)}};
}

void AccountService::renameEverywhere(const Author &user, const QString &displayName)
{
    m_context.storage.setDisplayName(user.id, displayName);
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
