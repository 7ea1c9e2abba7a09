#pragma once

#include "ui/landiscovery.h"

#include <QDialog>

#include <qcoro/qcorotask.h>

class QCheckBox;
class QLabel;
class QListWidget;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSettings;
class QSpinBox;

namespace FinChat::Client {
class ChatClient;
class Failure;
} // namespace FinChat::Client

namespace FinChat::Ui {

class LocalServer;

// First start: which server, who you are, and "Log in" or "Create account" — or host a
// server on this computer. Errors appear next to the field they are about; connecting shows
// progress and can be cancelled. The last server and username are remembered, never the
// password (the session token goes to the keychain: TokenVault).
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    // discoveryPort: where servers on the LAN announce themselves (LanAnnouncer).
    ConnectDialog(Client::ChatClient &client, LocalServer &localServer, QSettings &settings,
                  QWidget *parent = nullptr, quint16 discoveryPort = LanAnnouncer::DefaultPort);

    // For tests and for people who like the keyboard.
    QLineEdit *hostField() const { return m_host; }
    QSpinBox *portField() const { return m_port; }
    QLineEdit *usernameField() const { return m_username; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *displayNameField() const { return m_displayName; }
    QLineEdit *inviteField() const { return m_invite; }
    QCheckBox *hostLocallyBox() const { return m_hostLocally; }
    QPushButton *logInButton() const { return m_logIn; }
    QPushButton *createAccountButton() const { return m_createAccount; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *serverError() const { return m_serverError; }
    QLabel *usernameError() const { return m_usernameError; }
    QLabel *passwordError() const { return m_passwordError; }
    QLabel *inviteError() const { return m_inviteError; }
    // The servers heard on the local network; choosing one fills in the server fields.
    QListWidget *nearbyServers() const { return m_nearby; }

    // Why the person is asked to log in (again): shown above the fields.
    void showNotice(const QString &text);

    void reject() override;

private:
    QCoro::Task<> attempt(bool createAccount);
    void setBusy(bool busy, const QString &status = {});
    void clearErrors();
    void showError(const Client::Failure &failure);
    void updateHostFields();
    void listNearbyServers();

    Client::ChatClient &m_client;
    LocalServer &m_localServer;
    QSettings &m_settings;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_displayName;
    QLineEdit *m_invite;
    LanDiscovery *m_discovery;
    QListWidget *m_nearby;
    QCheckBox *m_hostLocally;
    QLabel *m_serverError;
    QLabel *m_usernameError;
    QLabel *m_passwordError;
    QLabel *m_inviteError;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_logIn;
    QPushButton *m_createAccount;
    QPushButton *m_cancel;
    bool m_busy = false;
};

} // namespace FinChat::Ui
