#pragma once

#include "auth/hashingqueue.h"
#include "core/servercontext.h"
#include "startup/serverconfig.h"
#include "state/ratelimiter.h"
#include "wire/request.h"

#include "finchat/protocol/requests.h"

#include <QObject>

#include <functional>

#include <qcoro/qcorotask.h>

namespace FinChat {

class ClientConnection;
struct Author;

// register, login, resume, logout and profile.update, plus presence as
// connections log in and out. Password hashing runs on a small thread pool so that a login
// never stalls the event loop that delivers everybody's messages.
class AccountService : public QObject
{
    Q_OBJECT

public:
    AccountService(ServerContext context, Registration registration, QObject *parent = nullptr);
    ~AccountService() override;

    QCoro::Task<Protocol::RegisterOk> registerUser(Request request, Protocol::Register fields);
    QCoro::Task<Protocol::LoginOk> login(Request request, Protocol::Login fields);
    QCoro::Task<Protocol::ResumeOk> resume(Request request, Protocol::Resume fields);
    QCoro::Task<Protocol::LogoutOk> logout(Request request, Protocol::Logout fields);
    QCoro::Task<Protocol::ProfileUpdateOk> updateProfile(Request request,
                                                         Protocol::ProfileUpdate fields);

    // A socket closed: the user may have gone offline.
    void connectionClosed(ClientConnection *connection);
    // The account's display name or role changed (committed): every connection of the user
    // and their peers learn it.
    void announceUserUpdate(const Author &user);
    // The same on this server's connections only: another server announced it.
    void updateConnectionsOf(const Author &user);
    // The account's sessions were deleted (a ban): its connections are told why and closed.
    void endSessionsOf(qint64 userId, QLatin1StringView reason, const QString &message);
    // Closes the connections whose session is gone from the database or whose account is
    // disabled: what the command line did (user passwd, user disable) reaches them. Only the
    // user's, when another server said which user's sessions ended.
    QCoro::Task<> closeEndedSessions(std::optional<qint64> onlyUserId = std::nullopt);
    // Who may register from now on (the configuration was reloaded).
    void setRegistration(Registration registration) { m_registration = registration; }
    // The server is stopping: password work not yet started is dropped.
    void stop() { m_hashing.stop(); }

private:
    Protocol::SessionInfo startSession(ClientConnection *connection, const Author &user,
                                       const QByteArray &tokenHash);
    void endSession(ClientConnection *connection);
    // Tells the connection why its session ended, logs it out and closes it.
    void endRevokedSession(ClientConnection *connection, QLatin1StringView reason,
                           const QString &message);
    // Tokens of the user were revoked: every other connection still using one is told why,
    // logged out and closed.
    void closeRevoked(qint64 userId, const std::function<bool(const QByteArray &)> &isRevoked,
                      QLatin1StringView reason, const QString &message,
                      const ClientConnection *except);
    // A new member is in the room (committed): the directory and the room learn of it.
    void announceJoin(qint64 roomId, const Author &user);

    QCoro::Task<> changePassword(const Request &request, const Author &user,
                                 const QString &oldPassword, const QString &newPassword);

    // A password check may start: the throttle for this key has room and so has the
    // hashing queue. The attempt counts as failed until it succeeds.
    HashingQueue::Ticket admitPasswordCheck(const Request &request, const QString &throttleKey,
                                            const QString &refusal);
    HashingQueue::Ticket admitHashing(const Request &request);

    // The invite code's hash (empty: none is needed), or refuses: the server takes no new
    // accounts, or needs a code and this is none.
    QByteArray admitRegistration(const std::optional<QString> &invite, const QString &address);
    ProtocolError refusedInvite(const QString &address, const QString &message);

    ServerContext m_context;
    Registration m_registration;
    HashingQueue m_hashing;
    WindowCounter m_failedLogins;
    WindowCounter m_registrations;
};

} // namespace FinChat
