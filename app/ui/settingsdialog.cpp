#include "ui/settingsdialog.h"

#include "core/chatclient.h"
#include "core/errortext.h"
#include "ui/languages.h"
#include "ui/tones.h"

#include "finchat/validation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;
using Client::ChatClient;
using Client::ErrorText;

namespace {
QGroupBox *group(const QString &title, QLayout *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    box->setLayout(content);
    return box;
}

QLineEdit *passwordField(const QString &accessibleName, QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setEchoMode(QLineEdit::Password);
    field->setAccessibleName(accessibleName);
    field->setMaxLength(Validation::PasswordMaxLength);
    return field;
}
} // namespace

SettingsDialog::SettingsDialog(ChatClient &client, QSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_settings(settings)
    , m_displayName(new QLineEdit(client.displayName(), this))
    , m_saveName(new QPushButton(tr("Save name"), this))
    , m_profileStatus(new QLabel(this))
    , m_bio(new QLineEdit(this))
    , m_saveBio(new QPushButton(tr("Save"), this))
    , m_oldPassword(passwordField(tr("Current password"), this))
    , m_newPassword(passwordField(tr("New password"), this))
    , m_repeatPassword(passwordField(tr("New password again"), this))
    , m_changePassword(new QPushButton(tr("Change password"), this))
    , m_passwordStatus(new QLabel(this))
    , m_keywords(new QLineEdit(this))
    , m_language(new QComboBox(this))
    , m_logOut(new QPushButton(tr("Log out"), this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    m_displayName->setMaxLength(Validation::DisplayNameMaxLength);
    m_displayName->setAccessibleName(tr("Your name, as others see it"));
    for (QLabel *status : {m_profileStatus, m_passwordStatus}) {
        status->setWordWrap(true);
        status->hide();
    }

    auto *profile = new QFormLayout;
    profile->addRow(tr("Username"), new QLabel(client.username(), this));
    profile->addRow(tr("Your name"), m_displayName);
    profile->addRow(QString(), m_saveName);
    m_bio->setObjectName(u"bioField"_s);
    m_bio->setMaxLength(Validation::BioMaxLength);
    m_bio->setAccessibleName(tr("About you, on your profile"));
    m_bio->setPlaceholderText(tr("What others see on your profile"));
    m_saveBio->setObjectName(u"saveBio"_s);
    profile->addRow(tr("About you"), m_bio);
    profile->addRow(QString(), m_saveBio);
    profile->addRow(m_profileStatus);

    auto *password = new QFormLayout;
    password->addRow(tr("Current password"), m_oldPassword);
    password->addRow(tr("New password"), m_newPassword);
    password->addRow(tr("New password again"), m_repeatPassword);
    password->addRow(QString(), m_changePassword);
    password->addRow(m_passwordStatus);
    auto *passwordNote =
        new QLabel(tr("Changing it logs out your other devices; this one stays logged in."), this);
    passwordNote->setWordWrap(true);
    password->addRow(passwordNote);

    m_keywords->setText(settings.value(u"notifications/keywords"_s).toStringList().join(u", "));
    m_keywords->setPlaceholderText(tr("e.g. AAPL, NVDA, earnings"));
    m_keywords->setAccessibleName(tr("Words that notify you"));
    auto *notifications = new QFormLayout;
    auto *keywordsNote = new QLabel(tr("Messages with your name or one of these words are "
                                       "highlighted and notify you, unless the room is muted."),
                                    this);
    keywordsNote->setWordWrap(true);
    notifications->addRow(tr("Words"), m_keywords);
    notifications->addRow(keywordsNote);

    const QString chosen = settings.value(u"ui/language"_s).toString();
    m_language->addItem(tr("System language"), QString());
    for (const Languages::Language &language : Languages::available())
        m_language->addItem(language.nativeName, language.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(chosen)));
    m_language->setAccessibleName(tr("Language"));
    auto *languageForm = new QFormLayout;
    languageForm->addRow(tr("Language"), m_language);
    auto *languageNote = new QLabel(tr("Takes effect the next time FinChat starts."), this);
    languageForm->addRow(languageNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_logOut, QDialogButtonBox::ResetRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(group(tr("Profile"), profile, this));
    layout->addWidget(group(tr("Password"), password, this));
    layout->addWidget(group(tr("Notifications"), notifications, this));
    layout->addWidget(group(tr("Language"), languageForm, this));
    layout->addWidget(buttons);

    connect(m_saveName, &QPushButton::clicked, this, &SettingsDialog::saveDisplayName);
    connect(m_displayName, &QLineEdit::returnPressed, this, &SettingsDialog::saveDisplayName);
    connect(m_changePassword, &QPushButton::clicked, this, &SettingsDialog::changePassword);
    connect(m_saveBio, &QPushButton::clicked, this, &SettingsDialog::saveBio);
    connect(m_bio, &QLineEdit::returnPressed, this, &SettingsDialog::saveBio);
    loadBio();
    connect(m_keywords, &QLineEdit::editingFinished, this, [this] {
        QStringList words;
        for (const QString &word : m_keywords->text().split(u',', Qt::SkipEmptyParts))
            if (!word.trimmed().isEmpty())
                words.append(word.trimmed());
        m_settings.setValue(u"notifications/keywords"_s, words);
        emit keywordsChanged(words);
    });
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        m_settings.setValue(u"ui/language"_s, m_language->currentData().toString());
    });
    connect(m_logOut, &QPushButton::clicked, this, [this] {
        accept();
        emit logOutRequested();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QCoro::Task<> SettingsDialog::saveDisplayName()
{
    QPointer<SettingsDialog> self(this);
    const auto name = Validation::normalizedDisplayName(m_displayName->text());
    if (!name) {
        say(m_profileStatus, tr("A name is 1 to 64 characters, without control characters."),
            &Tones::error);
        co_return;
    }
    m_saveName->setEnabled(false);
    const ChatClient::Result result = co_await m_client.changeDisplayName(*name);
    if (!self)
        co_return;
    m_saveName->setEnabled(true);
    say(m_profileStatus,
        result.ok() ? tr("Saved: others now see you as %1.").arg(*name)
                    : ErrorText::describe(*result.failure),
        result.ok() ? &Tones::text : &Tones::error);
}

QCoro::Task<> SettingsDialog::loadBio()
{
    QPointer<SettingsDialog> self(this);
    m_saveBio->setEnabled(false); // until the bio held now is shown: nothing is overwritten
    auto asking = m_client.ask(Protocol::ProfileGet{});
    const auto profile = co_await asking;
    if (!self)
        co_return;
    if (profile.ok() && m_bio->text().isEmpty())
        m_bio->setText(profile->bio);
    m_saveBio->setEnabled(true);
}

QCoro::Task<> SettingsDialog::saveBio()
{
    QPointer<SettingsDialog> self(this);
    m_saveBio->setEnabled(false);
    auto saving = m_client.changeBio(m_bio->text());
    const ChatClient::Result result = co_await saving;
    if (!self)
        co_return;
    m_saveBio->setEnabled(true);
    say(m_profileStatus,
        result.ok() ? tr("Saved: your profile shows what you wrote.")
                    : ErrorText::describe(*result.failure),
        result.ok() ? &Tones::text : &Tones::error);
}

QCoro::Task<> SettingsDialog::changePassword()
{
    QPointer<SettingsDialog> self(this);
    if (m_newPassword->text() != m_repeatPassword->text()) {
        say(m_passwordStatus, tr("The new password and its repetition differ."), &Tones::error);
        co_return;
    }
    if (!Validation::isValidPassword(m_newPassword->text())) {
        say(m_passwordStatus,
            tr("A password is %1 to %2 characters.")
                .arg(Validation::PasswordMinLength)
                .arg(Validation::PasswordMaxLength),
            &Tones::error);
        co_return;
    }
    m_changePassword->setEnabled(false);
    const ChatClient::Result result =
        co_await m_client.changePassword(m_oldPassword->text(), m_newPassword->text());
    if (!self)
        co_return;
    m_changePassword->setEnabled(true);
    if (result.ok()) {
        for (QLineEdit *field : {m_oldPassword, m_newPassword, m_repeatPassword})
            field->clear();
    }
    say(m_passwordStatus,
        result.ok() ? tr("Password changed. Your other devices have been logged out.")
                    : ErrorText::describe(*result.failure),
        result.ok() ? &Tones::text : &Tones::error);
}

} // namespace FinChat::Ui
