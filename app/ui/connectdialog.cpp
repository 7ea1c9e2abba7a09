#include "ui/connectdialog.h"

#include "core/chatclient.h"
#include "core/errortext.h"
#include "ui/localserver.h"
#include "ui/trustquestion.h"

#include "finchat/protocol/requests.h"
#include "finchat/validation.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;
using Client::ChatClient;
using Client::ErrorText;
using Client::Failure;

namespace {
QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setStyleSheet(u"color: #c0392b;"_s);
    label->setWordWrap(true);
    label->hide();
    return label;
}

// A field with its error line under it.
QWidget *withError(QWidget *field, QLabel *error)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}
} // namespace

ConnectDialog::ConnectDialog(ChatClient &client, LocalServer &localServer, QSettings &settings,
                             QWidget *parent, quint16 discoveryPort)
    : QDialog(parent)
    , m_client(client)
    , m_localServer(localServer)
    , m_settings(settings)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_invite(new QLineEdit(this))
    , m_discovery(new LanDiscovery(discoveryPort, this))
    , m_nearby(new QListWidget(this))
    , m_hostLocally(new QCheckBox(tr("Host a server on this computer"), this))
    , m_serverError(errorLabel(this))
    , m_usernameError(errorLabel(this))
    , m_passwordError(errorLabel(this))
    , m_inviteError(errorLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_logIn(new QPushButton(tr("Log in"), this))
    , m_createAccount(new QPushButton(tr("Create account"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(tr("Connect to FinChat"));
    m_host->setPlaceholderText(tr("server name or address"));
    m_host->setText(settings.value(u"server/host"_s, u"localhost"_s).toString());
    m_port->setRange(1, 65535);
    m_port->setValue(settings.value(u"server/port"_s, Protocol::DefaultPort).toInt());
    m_username->setText(settings.value(u"user/name"_s).toString());
    m_password->setEchoMode(QLineEdit::Password);
    // Their labels sit beside a box holding the field and its error line, so a screen reader
    // would not find them by itself.
    m_host->setAccessibleName(tr("Server"));
    m_port->setAccessibleName(tr("Port"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setAccessibleName(tr("Password"));
    m_displayName->setPlaceholderText(tr("optional: how others see you"));
    m_displayName->setMaxLength(Validation::DisplayNameMaxLength);
    m_invite->setPlaceholderText(tr("only if the server asks for one"));
    m_invite->setAccessibleName(tr("Invite code"));
    m_invite->setMaxLength(static_cast<int>(Protocol::InviteCodeMaxLength));
    m_hostLocally->setChecked(settings.value(u"server/hostLocally"_s, false).toBool());
    m_hostLocally->setToolTip(
        tr("Runs a FinChat server inside this app; colleagues on your network can join it."));
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_status->hide();
    m_logIn->setDefault(true);

    auto *server = new QWidget(this);
    auto *serverRow = new QHBoxLayout(server);
    serverRow->setContentsMargins(0, 0, 0, 0);
    serverRow->addWidget(m_host, 1);
    serverRow->addWidget(new QLabel(tr("Port"), this));
    serverRow->addWidget(m_port);

    auto *form = new QFormLayout;
    m_nearby->setObjectName(u"nearbyServers"_s);
    m_nearby->setAccessibleName(tr("FinChat servers on your network"));
    m_nearby->setMaximumHeight(90);
    form->addRow(tr("Server"), withError(server, m_serverError));
    form->addRow(tr("Nearby"), m_nearby);
    form->addRow(QString(), m_hostLocally);
    form->addRow(tr("Username"), withError(m_username, m_usernameError));
    form->addRow(tr("Password"), withError(m_password, m_passwordError));
    form->addRow(tr("Your name"), m_displayName);
    form->addRow(tr("Invite code"), withError(m_invite, m_inviteError));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_logIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_createAccount, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(m_logIn, &QPushButton::clicked, this, [this] { attempt(false); });
    connect(m_createAccount, &QPushButton::clicked, this, [this] { attempt(true); });
    connect(m_cancel, &QPushButton::clicked, this, &ConnectDialog::reject);
    connect(m_hostLocally, &QCheckBox::toggled, this, &ConnectDialog::updateHostFields);
    updateHostFields();
    connect(m_discovery, &LanDiscovery::serversChanged, this, &ConnectDialog::listNearbyServers);
    const auto choose = [this](QListWidgetItem *item) {
        m_hostLocally->setChecked(false);
        m_host->setText(item->data(Qt::UserRole).toString());
        m_port->setValue(item->data(Qt::UserRole + 1).toInt());
    };
    connect(m_nearby, &QListWidget::itemClicked, this, choose);
    connect(m_nearby, &QListWidget::itemActivated, this, choose); // Enter, for the keyboard
    m_discovery->start();
    listNearbyServers();
    // The first empty field a person has to fill.
    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
}

void ConnectDialog::listNearbyServers()
{
    m_nearby->clear();
    for (const LanDiscovery::Server &server : m_discovery->servers()) {
        const QString address = server.address.toString();
        auto *item = new QListWidgetItem(
            tr("%1:%2 — %3").arg(address).arg(server.port).arg(server.name), m_nearby);
        item->setData(Qt::UserRole, address);
        item->setData(Qt::UserRole + 1, server.port);
        if (!server.fingerprint.isEmpty())
            item->setToolTip(
                tr("Certificate fingerprint: %1").arg(server.fingerprint.toHtmlEscaped()));
    }
    // Shown, with its label, only when there is something to choose.
    const bool any = m_nearby->count() > 0;
    m_nearby->setVisible(any);
    if (auto *form = findChild<QFormLayout *>(); form && form->labelForField(m_nearby))
        form->labelForField(m_nearby)->setVisible(any);
}

void ConnectDialog::updateHostFields()
{
    // Hosting here means connecting here.
    m_host->setEnabled(!m_hostLocally->isChecked());
    if (m_hostLocally->isChecked())
        m_host->setText(u"localhost"_s);
}

void ConnectDialog::reject()
{
    if (m_busy) {
        // Cancel stops the attempt, not the dialog.
        m_client.cancel();
        return;
    }
    QDialog::reject();
}

void ConnectDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    for (QWidget *input : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
                           static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_password),
                           static_cast<QWidget *>(m_displayName), static_cast<QWidget *>(m_invite),
                           static_cast<QWidget *>(m_hostLocally), static_cast<QWidget *>(m_logIn),
                           static_cast<QWidget *>(m_createAccount)})
        input->setEnabled(!busy);
    if (!busy)
        updateHostFields();
    m_progress->setVisible(busy);
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
}

void ConnectDialog::showNotice(const QString &text)
{
    m_serverError->setText(text);
    m_serverError->show();
}

void ConnectDialog::clearErrors()
{
    for (QLabel *label : {m_serverError, m_usernameError, m_passwordError, m_inviteError})
        label->hide();
}

void ConnectDialog::showError(const Failure &failure)
{
    // The address as the person typed it, not as it was resolved.
    const QString text = failure.is(Failure::Reason::Unreachable)
                             ? ErrorText::describe(Failure::local(
                                   Failure::Reason::Unreachable,
                                   u"%1:%2"_s.arg(m_host->text()).arg(m_port->value())))
                             : ErrorText::describe(failure);
    QLabel *label = m_serverError;
    switch (ErrorText::fieldFor(failure)) {
    case ErrorText::Field::Username:
        label = m_usernameError;
        break;
    case ErrorText::Field::Password:
        label = m_passwordError;
        break;
    case ErrorText::Field::Invite:
        label = m_inviteError;
        break;
    default:
        break;
    }
    label->setText(text);
    label->show();
}

QCoro::Task<> ConnectDialog::attempt(bool createAccount)
{
    QPointer<ConnectDialog> self(this);
    clearErrors();
    const QString username = m_username->text().trimmed();
    const QString password = m_password->text();
    if (username.isEmpty()) {
        m_usernameError->setText(tr("Enter a username."));
        m_usernameError->show();
        co_return;
    }
    if (password.isEmpty()) {
        m_passwordError->setText(tr("Enter a password."));
        m_passwordError->show();
        co_return;
    }

    QUrl url;
    url.setScheme(u"wss"_s);
    url.setHost(m_host->text().trimmed());
    url.setPort(m_port->value());
    if (m_hostLocally->isChecked()) {
        QString error;
        if (!m_localServer.start(static_cast<quint16>(m_port->value()), &error)) {
            m_serverError->setText(error);
            m_serverError->show();
            co_return;
        }
        url = m_localServer.trustedLocalUrl(m_client.knownServers());
    } else {
        m_localServer.stop();
    }

    setBusy(true, createAccount ? tr("Creating your account on %1…").arg(url.authority())
                                : tr("Connecting to %1…").arg(url.authority()));
    // Not a conditional expression around co_await: GCC 12 destroys its result too early.
    ChatClient::Result result;
    if (createAccount)
        result = co_await m_client.createAccount(url, username, password, m_displayName->text(),
                                                 m_invite->text());
    else
        result = co_await m_client.logIn(url, username, password);
    if (!self)
        co_return;
    setBusy(false);
    if (!result.ok() && result.failure->isCertificateProblem()) {
        // Nothing was sent yet: once the person trusts the certificate, the same attempt
        // starts over.
        const QString server = u"%1:%2"_s.arg(m_host->text().trimmed()).arg(m_port->value());
        const Failure failure = *result.failure;
        TrustQuestion::ask(this, server, failure,
                           [this, url, failure, createAccount](bool trusted) {
                               if (!trusted) {
                                   showError(failure);
                                   return;
                               }
                               m_client.knownServers().trust(url, failure.message());
                               attempt(createAccount);
                           });
        co_return;
    }
    if (!result.ok()) {
        if (!result.failure->is(Failure::Reason::Cancelled))
            showError(*result.failure);
        co_return;
    }
    m_settings.setValue(u"server/host"_s, m_host->text().trimmed());
    m_settings.setValue(u"server/port"_s, m_port->value());
    m_settings.setValue(u"server/hostLocally"_s, m_hostLocally->isChecked());
    m_settings.setValue(u"user/name"_s, username);
    m_settings.setValue(u"session/url"_s, url.toString());
    accept();
}

} // namespace FinChat::Ui
