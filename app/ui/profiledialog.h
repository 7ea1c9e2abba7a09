#pragma once

#include "finchat/protocol/requests.h"

#include <QDialog>

#include <qcoro/qcorotask.h>

class QLabel;
class QPushButton;

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

// Someone's profile, as profile.get tells it: their name, role, whether they are here, since
// when they have an account, what they wrote about themselves, and the rooms both are in.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileDialog(Client::ChatClient &client, const QString &username, QWidget *parent = nullptr);

    // Every line shown, for tests and screen readers.
    QString shown() const;

    // "Send a direct message": shown for a person (not oneself, not a bot) once the profile
    // is in.
    QPushButton *writeButton() const { return m_write; }

signals:
    // The profile arrived (or the server said why not) and is shown.
    void loaded();
    // The person wants to write to this user in a direct conversation.
    void directMessageWanted(const QString &user);

private:
    QCoro::Task<> load(QString username);
    void present(const Protocol::ProfileGetOk &profile);

    Client::ChatClient &m_client;
    QLabel *m_name;
    QLabel *m_details;
    QLabel *m_bio;
    QLabel *m_rooms;
    QPushButton *m_write;
};

} // namespace FinChat::Ui
