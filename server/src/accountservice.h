#pragma once

#include "hashingqueue.h"
#include "ratelimiter.h"
#include "request.h"
#include "servercontext.h"

#include <QJsonObject>
#include <QObject>

#include <qcoro/qcorotask.h>

namespace FinChat {

class ClientConnection;
struct Author;

// register, login, resume, logout, profile.get and profile.update, plus presence as
// connections log in and out. Password hashing runs on a small thread pool so that a login
// never stalls the event loop that delivers everybody's messages.
class AccountService : public QObject
{
    Q_OBJECT

public:
    explicit AccountService(ServerContext context, QObject *parent = nullptr);
    ~AccountService() override;

    QCoro::Task<QJsonObject> registerUser(Request request);
    QCoro::Task<QJsonObject> login(Request request);
    QCoro::Task<QJsonObject> resume(Request request);
    QCoro::Task<QJsonObject> logout(Request request);
    QCoro::Task<QJsonObject> profile(Request request);
    QCoro::Task<QJsonObject> updateProfile(Request request);

    // A socket closed: the user may have gone offline.
    void connectionClosed(ClientConnection *connection);
    // The server is stopping: password work not yet started is dropped.
    void stop() { m_hashing.stop(); }

private:
    QJsonObject startSession(ClientConnection *connection, const Author &user,
                             const QByteArray &tokenHash);
    void endSession(ClientConnection *connection);
    // A new member is in the room (committed): the directory and the room learn of it.
    void announceJoin(qint64 roomId, const Author &user);
    // A new display name is committed: every connection of the user and their peers learn it.
    void announceRename(const Author &user, const QString &displayName);
    QCoro::Task<> changePassword(const Request &request, const Author &user,
                                 const QString &oldPassword, const QString &newPassword);

    HashingQueue::Ticket admitHashing(const Request &request);

    ServerContext m_context;
    HashingQueue m_hashing;
    WindowCounter m_failedLogins;
    WindowCounter m_registrations;
};

} // namespace FinChat
