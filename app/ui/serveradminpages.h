#pragma once

#include "finchat/protocol/messages.h"

#include <QWidget>

#include <qcoro/qcorotask.h>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

class ServerAdminDialog;

// What every page of ServerAdminDialog shares: the client to ask, and where a failure shows.
class AdminPage : public QWidget
{
    Q_OBJECT

public:
    AdminPage(Client::ChatClient &client, ServerAdminDialog &dialog);
    // Asks the server again for what the page shows.
    virtual void refresh() = 0;

protected:
    // Asks the server: the reply, or nullopt when the request failed (said at the bottom of
    // the window), a later request of this page overtook it (answers never land out of
    // order), or the page is gone meanwhile; then the caller must not touch it.
    template<typename Request>
    QCoro::Task<std::optional<typename Request::Reply>> fetch(Request request);
    static QTableWidget *makeTable(const QStringList &headings, QWidget *parent);

    Client::ChatClient &m_client;
    ServerAdminDialog &m_dialog;

private:
    quint64 m_generation = 0;
};

// Every account (user.list): ban, unban, and for admins the role.
class PeoplePage : public AdminPage
{
    Q_OBJECT

public:
    PeoplePage(Client::ChatClient &client, ServerAdminDialog &dialog, bool admin);
    void refresh() override;
    QTableWidget *table() const { return m_table; }

signals:
    void loaded();

private:
    QCoro::Task<> load();
    QString selectedUser() const;

    QTableWidget *m_table;
    QComboBox *m_role = nullptr;
};

// Invite codes (invite.*): made, listed, revoked; a new code is shown once.
class InvitesPage : public AdminPage
{
    Q_OBJECT

public:
    InvitesPage(Client::ChatClient &client, ServerAdminDialog &dialog);
    void refresh() override;
    QTableWidget *table() const { return m_table; }
    QLineEdit *newCode() const { return m_code; }

signals:
    void loaded();

private:
    QCoro::Task<> load();
    QCoro::Task<> create();
    QCoro::Task<> revoke(qint64 id);

    QTableWidget *m_table;
    QSpinBox *m_uses;
    QSpinBox *m_days;
    QLineEdit *m_code;
};

// The audit log (audit.list), newest first, older on demand.
class AuditPage : public AdminPage
{
    Q_OBJECT

public:
    AuditPage(Client::ChatClient &client, ServerAdminDialog &dialog);
    void refresh() override;
    QTableWidget *table() const { return m_table; }

signals:
    void loaded();

private:
    QCoro::Task<> load(std::optional<qint64> before);

    QTableWidget *m_table;
    QPushButton *m_older;
    std::optional<qint64> m_oldest;
};

// How the server is doing (server.status).
class StatusPage : public AdminPage
{
    Q_OBJECT

public:
    StatusPage(Client::ChatClient &client, ServerAdminDialog &dialog);
    void refresh() override;
    QString shown() const; // every line, for tests and screen readers

signals:
    void loaded();

private:
    QCoro::Task<> load();

    QFormLayout *m_form;
};

// What admins set for the whole site (settings.update): the message of the day and how long
// authors may edit their messages. Shows the settings as the last login or change told them.
class SiteSettingsPage : public AdminPage
{
    Q_OBJECT

public:
    SiteSettingsPage(Client::ChatClient &client, ServerAdminDialog &dialog);
    void refresh() override;
    QPlainTextEdit *motd() const { return m_motd; }
    QSpinBox *editMinutes() const { return m_editMinutes; }

signals:
    void saved();

private:
    QCoro::Task<> save();

    QPlainTextEdit *m_motd;
    QSpinBox *m_editMinutes;
};

} // namespace FinChat::Ui
