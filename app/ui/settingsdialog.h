#pragma once

#include <QDialog>

#include <qcoro/qcorotask.h>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSettings;

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

// Settings: how others see you, your password, what notifies you, the language, and logging
// out. Each part applies on its own button and says at once whether it worked.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(Client::ChatClient &client, QSettings &settings, QWidget *parent = nullptr);

    QLineEdit *displayNameField() const { return m_displayName; }
    QPushButton *saveNameButton() const { return m_saveName; }
    QLineEdit *oldPasswordField() const { return m_oldPassword; }
    QLineEdit *newPasswordField() const { return m_newPassword; }
    QLineEdit *repeatPasswordField() const { return m_repeatPassword; }
    QPushButton *changePasswordButton() const { return m_changePassword; }
    QLabel *profileStatus() const { return m_profileStatus; }
    QLineEdit *bioField() const { return m_bio; }
    QPushButton *saveBioButton() const { return m_saveBio; }
    QLabel *passwordStatus() const { return m_passwordStatus; }
    QLineEdit *keywordsField() const { return m_keywords; }
    QComboBox *languageChoice() const { return m_language; }
    QPushButton *logOutButton() const { return m_logOut; }

signals:
    void logOutRequested();
    // The words (besides one's name) that notify and highlight, as the person typed them.
    void keywordsChanged(const QStringList &keywords);

private:
    QCoro::Task<> saveDisplayName();
    QCoro::Task<> loadBio();
    QCoro::Task<> saveBio();
    QCoro::Task<> changePassword();

    Client::ChatClient &m_client;
    QSettings &m_settings;
    QLineEdit *m_displayName;
    QPushButton *m_saveName;
    QLabel *m_profileStatus;
    QLineEdit *m_bio;
    QPushButton *m_saveBio;
    QLineEdit *m_oldPassword;
    QLineEdit *m_newPassword;
    QLineEdit *m_repeatPassword;
    QPushButton *m_changePassword;
    QLabel *m_passwordStatus;
    QLineEdit *m_keywords;
    QComboBox *m_language;
    QPushButton *m_logOut;
};

} // namespace FinChat::Ui
