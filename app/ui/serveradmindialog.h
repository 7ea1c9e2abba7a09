#pragma once

#include <QDialog>

class QLabel;
class QTabWidget;

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

// The server as its moderators and admins run it, in one window: the people on it (roles,
// bans), and for admins invites, the audit log and how the server is doing. Everything is
// asked of the server (user.list, invite.*, audit.list, server.status), which judges again;
// a refusal or a lost connection shows at the bottom.
class ServerAdminDialog : public QDialog
{
    Q_OBJECT

public:
    ServerAdminDialog(Client::ChatClient &client, QWidget *parent = nullptr);

    QTabWidget *pages() const { return m_pages; }
    // Shows why the last request failed; empty clears it.
    void showProblem(const QString &text);

private:
    QTabWidget *m_pages;
    QLabel *m_problem;
};

} // namespace FinChat::Ui
