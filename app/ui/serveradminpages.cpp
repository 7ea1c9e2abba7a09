#include "ui/serveradminpages.h"

#include "ui/serveradmindialog.h"

#include "core/chatclient.h"
#include "core/errortext.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;
using Protocol::Role;

namespace {

// A user.list answer holds at most 200 accounts; this many pages are shown at most.
constexpr int MaxPeoplePages = 50;

QString shortTime(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                              QLocale::ShortFormat);
}

QString roleText(const std::optional<QString> &role)
{
    const Role known = Protocol::roleFromName(role.value_or(QString())).value_or(Role::Member);
    switch (known) {
    case Role::Admin:
        return AdminPage::tr("admin");
    case Role::Moderator:
        return AdminPage::tr("moderator");
    case Role::Member:
        break;
    }
    return AdminPage::tr("member");
}

void addRow(QTableWidget *table, const QStringList &cells, const QVariant &key = {})
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        item->setData(Qt::UserRole, key);
        table->setItem(row, column, item);
    }
}

QPushButton *button(const QString &text, const QString &name, QWidget *parent)
{
    auto *made = new QPushButton(text, parent);
    made->setObjectName(name);
    return made;
}

} // namespace

AdminPage::AdminPage(Client::ChatClient &client, ServerAdminDialog &dialog)
    : QWidget(&dialog)
    , m_client(client)
    , m_dialog(dialog)
{}

template<typename Request>
QCoro::Task<std::optional<typename Request::Reply>> AdminPage::fetch(Request request)
{
    QPointer<AdminPage> self(this);
    const quint64 generation = ++m_generation;
    auto asking = m_client.ask(request);
    const auto answer = co_await asking;
    if (!self || generation != m_generation)
        co_return std::nullopt;
    if (!answer.ok()) {
        m_dialog.showProblem(Client::ErrorText::describe(answer.failure()));
        co_return std::nullopt;
    }
    m_dialog.showProblem(QString());
    co_return answer.reply();
}

QTableWidget *AdminPage::makeTable(const QStringList &headings, QWidget *parent)
{
    auto *table = new QTableWidget(0, static_cast<int>(headings.size()), parent);
    table->setHorizontalHeaderLabels(headings);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

PeoplePage::PeoplePage(Client::ChatClient &client, ServerAdminDialog &dialog, bool admin)
    : AdminPage(client, dialog)
    , m_table(
          makeTable({tr("Username"), tr("Name"), tr("Role"), tr("Online"), tr("Account")}, this))
{
    m_table->setAccessibleName(tr("People on this server"));
    auto *actions = new QHBoxLayout;
    QPushButton *ban = button(tr("Ban"), u"banButton"_s, this);
    QPushButton *unban = button(tr("Unban"), u"unbanButton"_s, this);
    QPushButton *refresh = button(tr("Refresh"), u"refreshPeople"_s, this);
    actions->addWidget(ban);
    actions->addWidget(unban);
    // The reason a ban needs is asked in the member list's menu; here a ban is quick, for
    // someone found by name.
    connect(ban, &QPushButton::clicked, this, [this] {
        if (const QString user = selectedUser(); !user.isEmpty())
            m_client.ban(user, QString());
    });
    connect(unban, &QPushButton::clicked, this, [this] {
        if (const QString user = selectedUser(); !user.isEmpty())
            m_client.unban(user);
    });
    if (admin) {
        m_role = new QComboBox(this);
        m_role->setObjectName(u"roleChoice"_s);
        m_role->setAccessibleName(tr("Role"));
        for (const Role role : {Role::Member, Role::Moderator, Role::Admin})
            m_role->addItem(roleText(QString(Protocol::roleName(role))), static_cast<int>(role));
        QPushButton *setRole = button(tr("Set role"), u"setRoleButton"_s, this);
        connect(setRole, &QPushButton::clicked, this, [this] {
            if (const QString user = selectedUser(); !user.isEmpty())
                m_client.setRole(user, static_cast<Role>(m_role->currentData().toInt()));
        });
        actions->addWidget(m_role);
        actions->addWidget(setRole);
    }
    actions->addStretch();
    actions->addWidget(refresh);
    connect(refresh, &QPushButton::clicked, this, &PeoplePage::refresh);
    // What was done shows once the server has done it.
    connect(&m_client, &Client::ChatClient::moderationDone, this, &PeoplePage::refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(actions);
}

void PeoplePage::refresh()
{
    load();
}

QString PeoplePage::selectedUser() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(Qt::UserRole).toString();
}

QCoro::Task<> PeoplePage::load()
{
    QList<Protocol::Account> accounts;
    std::optional<QString> after;
    for (int page = 0; page < MaxPeoplePages; ++page) {
        auto fetching = fetch(Protocol::UserList{after, std::nullopt});
        const auto answer = co_await fetching;
        if (!answer)
            co_return;
        accounts.append(answer->users);
        if (!answer->hasMore || answer->users.isEmpty())
            break;
        after = answer->users.last().user.username;
    }
    const QString kept = selectedUser();
    m_table->setRowCount(0);
    for (const Protocol::Account &account : accounts) {
        const Protocol::User &user = account.user;
        addRow(m_table,
               {user.username, user.displayName, user.bot ? tr("bot") : roleText(user.role),
                account.online ? tr("online") : QString(),
                account.banned ? tr("banned") : tr("enabled")},
               user.username);
        if (user.username == kept)
            m_table->selectRow(m_table->rowCount() - 1);
    }
    m_table->resizeColumnsToContents();
    emit loaded();
}

InvitesPage::InvitesPage(Client::ChatClient &client, ServerAdminDialog &dialog)
    : AdminPage(client, dialog)
    , m_table(makeTable(
          {tr("Invite"), tr("Uses left"), tr("Used"), tr("Valid until"), tr("Made by")}, this))
    , m_uses(new QSpinBox(this))
    , m_days(new QSpinBox(this))
    , m_code(new QLineEdit(this))
{
    m_table->setAccessibleName(tr("Invites that can still be used"));
    m_uses->setRange(1, static_cast<int>(Protocol::MaxInviteUses));
    m_uses->setAccessibleName(tr("Accounts it makes"));
    m_days->setRange(1, static_cast<int>(Protocol::MaxInviteHours / 24));
    m_days->setValue(7);
    m_days->setAccessibleName(tr("Days it is valid"));
    m_code->setReadOnly(true);
    m_code->setObjectName(u"newInviteCode"_s);
    m_code->setAccessibleName(tr("New invite code"));
    m_code->setPlaceholderText(tr("The new code"));
    auto *once = new QLabel(
        tr("A new code is shown here once: the server keeps only its fingerprint. Copy it now."),
        this);
    once->setWordWrap(true);
    QPushButton *make = button(tr("Make invite"), u"makeInvite"_s, this);
    QPushButton *copy = button(tr("Copy"), u"copyInvite"_s, this);
    QPushButton *revoke = button(tr("Revoke"), u"revokeInvite"_s, this);
    connect(make, &QPushButton::clicked, this, [this] { create(); });
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_code->text()); });
    connect(revoke, &QPushButton::clicked, this, [this] {
        if (const auto selected = m_table->selectedItems(); !selected.isEmpty())
            this->revoke(selected.first()->data(Qt::UserRole).toLongLong());
    });
    auto *making = new QHBoxLayout;
    making->addWidget(new QLabel(tr("Accounts:"), this));
    making->addWidget(m_uses);
    making->addWidget(new QLabel(tr("Days:"), this));
    making->addWidget(m_days);
    making->addWidget(make);
    making->addWidget(m_code, 1);
    making->addWidget(copy);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(making);
    layout->addWidget(once);
    layout->addWidget(m_table);
    layout->addWidget(revoke, 0, Qt::AlignLeft);
}

void InvitesPage::refresh()
{
    load();
}

QCoro::Task<> InvitesPage::load()
{
    auto fetching = fetch(Protocol::InviteList{});
    const auto answer = co_await fetching;
    if (!answer)
        co_return;
    m_table->setRowCount(0);
    for (const Protocol::Invite &invite : answer->invites)
        addRow(m_table,
               {QString::number(invite.id), QString::number(invite.usesLeft),
                QString::number(invite.used),
                invite.expiresAt ? shortTime(*invite.expiresAt) : tr("never"),
                invite.by.value_or(tr("the server"))},
               invite.id);
    m_table->resizeColumnsToContents();
    emit loaded();
}

QCoro::Task<> InvitesPage::create()
{
    auto fetching = fetch(Protocol::InviteCreate{m_uses->value(), qint64(m_days->value()) * 24});
    const auto answer = co_await fetching;
    if (!answer)
        co_return;
    m_code->setText(answer->code);
    m_code->selectAll();
    refresh();
}

QCoro::Task<> InvitesPage::revoke(qint64 id)
{
    auto fetching = fetch(Protocol::InviteRevoke{id});
    if (co_await fetching)
        refresh();
}

AuditPage::AuditPage(Client::ChatClient &client, ServerAdminDialog &dialog)
    : AdminPage(client, dialog)
    , m_table(makeTable({tr("When"), tr("By"), tr("Action"), tr("Whom"), tr("Detail")}, this))
    , m_older(button(tr("Older entries"), u"olderAudit"_s, this))
{
    m_table->setAccessibleName(tr("Audit log, newest first"));
    QPushButton *refresh = button(tr("Refresh"), u"refreshAudit"_s, this);
    connect(refresh, &QPushButton::clicked, this, &AuditPage::refresh);
    connect(m_older, &QPushButton::clicked, this, [this] { load(m_oldest); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_older);
    buttons->addStretch();
    buttons->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
}

void AuditPage::refresh()
{
    m_table->setRowCount(0);
    m_oldest.reset();
    load(std::nullopt);
}

QCoro::Task<> AuditPage::load(std::optional<qint64> before)
{
    // A page at a time: "Older entries" again before this answer would fetch it twice.
    m_older->setEnabled(false);
    auto fetching = fetch(Protocol::AuditList{before, std::nullopt});
    const auto answer = co_await fetching;
    if (!answer)
        co_return;
    for (const Protocol::AuditEntry &entry : answer->entries) {
        addRow(m_table, {shortTime(entry.at), entry.by.value_or(tr("the server")), entry.action,
                         entry.username, entry.detail});
        m_oldest = entry.id;
    }
    m_older->setEnabled(answer->hasMore);
    m_table->resizeColumnsToContents();
    emit loaded();
}

StatusPage::StatusPage(Client::ChatClient &client, ServerAdminDialog &dialog)
    : AdminPage(client, dialog)
    , m_form(new QFormLayout)
{
    QPushButton *refresh = button(tr("Refresh"), u"refreshStatus"_s, this);
    connect(refresh, &QPushButton::clicked, this, &StatusPage::refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch();
    layout->addWidget(refresh, 0, Qt::AlignRight);
}

void StatusPage::refresh()
{
    load();
}

QString StatusPage::shown() const
{
    QStringList lines;
    for (int row = 0; row < m_form->rowCount(); ++row) {
        const auto *label = m_form->itemAt(row, QFormLayout::LabelRole);
        const auto *value = m_form->itemAt(row, QFormLayout::FieldRole);
        if (label && value)
            lines.append(qobject_cast<QLabel *>(label->widget())->text() + u' ' +
                         qobject_cast<QLabel *>(value->widget())->text());
    }
    return lines.join(u'\n');
}

QCoro::Task<> StatusPage::load()
{
    auto fetching = fetch(Protocol::ServerStatus{});
    const auto answer = co_await fetching;
    if (!answer)
        co_return;
    const Protocol::ServerStatusOk &status = *answer;
    const QLocale locale;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const auto line = [this](const QString &label, const QString &value) {
        auto *shown = new QLabel(value, this);
        shown->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_form->addRow(label, shown);
    };
    line(tr("Version:"), status.version);
    line(tr("Running since:"), shortTime(status.startedAt));
    line(tr("Connections:"), locale.toString(status.connections));
    line(tr("People online:"), locale.toString(status.usersOnline));
    line(tr("Messages per second:"), locale.toString(status.messagesPerSecond, 'f', 2));
    line(tr("Messages since start:"), locale.toString(status.messagesSinceStart));
    line(tr("Database size:"), locale.formattedDataSize(status.databaseBytes));
    const QString registration = status.registration == Protocol::Registration::Invite
                                     ? tr("by invitation")
                                 : status.registration == Protocol::Registration::Closed
                                     ? tr("closed: accounts are made on the server")
                                     : tr("open to anyone who reaches the server");
    line(tr("Registration:"), registration);
    QStringList bots;
    for (const Protocol::BotState &bot : status.bots)
        bots.append(tr("%1 (%2, %3)")
                        .arg(bot.username, bot.kind, bot.available ? tr("answering") : tr("away")));
    line(tr("Bots:"), bots.isEmpty() ? tr("none") : bots.join(u", "_s));
    emit loaded();
}

SiteSettingsPage::SiteSettingsPage(Client::ChatClient &client, ServerAdminDialog &dialog)
    : AdminPage(client, dialog)
    , m_motd(new QPlainTextEdit(this))
    , m_editMinutes(new QSpinBox(this))
{
    m_motd->setObjectName(u"motdEdit"_s);
    m_motd->setAccessibleName(tr("Message of the day"));
    m_motd->setPlaceholderText(tr("Shown to everyone when they connect; empty shows nothing."));
    m_editMinutes->setObjectName(u"editMinutes"_s);
    m_editMinutes->setAccessibleName(tr("Minutes an author may edit a message"));
    m_editMinutes->setRange(0, static_cast<int>(Protocol::MaxEditMinutes));
    m_editMinutes->setSpecialValueText(tr("Editing is off"));
    m_editMinutes->setSuffix(tr(" minutes"));
    QPushButton *save = button(tr("Save"), u"saveSiteSettings"_s, this);
    connect(save, &QPushButton::clicked, this, [this] { this->save(); });
    auto *form = new QFormLayout;
    form->addRow(tr("Message of the day:"), m_motd);
    form->addRow(tr("Authors may edit messages for:"), m_editMinutes);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(save, 0, Qt::AlignRight);
}

void SiteSettingsPage::refresh()
{
    const Protocol::SiteSettings &settings = m_client.siteSettings();
    m_motd->setPlainText(settings.motd);
    m_editMinutes->setValue(static_cast<int>(settings.editMinutes));
}

QCoro::Task<> SiteSettingsPage::save()
{
    // Only what the admin changed: another admin's change to the rest meanwhile stands.
    const Protocol::SiteSettings &held = m_client.siteSettings();
    Protocol::SettingsUpdate change;
    if (m_motd->toPlainText() != held.motd)
        change.motd = m_motd->toPlainText();
    if (m_editMinutes->value() != held.editMinutes)
        change.editMinutes = m_editMinutes->value();
    if (!change.motd && !change.editMinutes) {
        emit saved();
        co_return;
    }
    auto saving = fetch(change);
    const auto answer = co_await saving;
    if (!answer)
        co_return;
    m_dialog.showProblem({});
    emit saved();
}

} // namespace FinChat::Ui
