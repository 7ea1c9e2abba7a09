#pragma once

#include <QDialog>

#include <qcoro/qcorotask.h>

class QLabel;
class QListWidget;

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

// Who is on the server now (users.online), whatever room they are in; activating someone
// opens their profile.
class OnlineDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OnlineDialog(Client::ChatClient &client, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }

signals:
    void loaded();
    void profileWanted(const QString &user);

private:
    QCoro::Task<> load();

    Client::ChatClient &m_client;
    QListWidget *m_list;
    QLabel *m_count;
};

} // namespace FinChat::Ui
