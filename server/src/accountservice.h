#pragma once

#include "ratelimiter.h"
#include "request.h"
#include "servercontext.h"

#include <QJsonObject>
#include <QObject>
#include <QThreadPool>

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
    QJsonObject resume(const Request &request);
    QJsonObject logout(const Request &request);
    QJsonObject profile(const Request &request);
    QCoro::Task<QJsonObject> updateProfile(Request request);

    // A socket closed: the user may have gone offline.
    void connectionClosed(ClientConnection *connection);

private:
    QJsonObject startSession(ClientConnection *connection, const Author &user,
                             const QByteArray &tokenHash);
    void endSession(ClientConnection *connection);
    void joinDefaultRoom(const Author &user);
    void renameEverywhere(const Author &user, const QString &displayName);

    ServerContext m_context;
    QThreadPool m_hashingPool;
    WindowCounter m_failedLogins;
    WindowCounter m_registrations;
};

} // namespace FinChat
