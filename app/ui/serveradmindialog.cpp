#include "ui/serveradmindialog.h"

#include "ui/serveradminpages.h"

#include "core/chatclient.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

ServerAdminDialog::ServerAdminDialog(Client::ChatClient &client, QWidget *parent)
    : QDialog(parent)
    , m_pages(new QTabWidget(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Server administration"));
    setObjectName(u"serverAdminDialog"_s);
    resize(760, 480);
    const bool admin = client.myRole() == Protocol::Role::Admin;
    QList<AdminPage *> pages{new PeoplePage(client, *this, admin)};
    m_pages->addTab(pages.last(), tr("People"));
    // What only admins may ask for: a moderator would be refused every request of these.
    if (admin) {
        pages.append(new InvitesPage(client, *this));
        m_pages->addTab(pages.last(), tr("Invites"));
        pages.append(new AuditPage(client, *this));
        m_pages->addTab(pages.last(), tr("Audit log"));
        pages.append(new StatusPage(client, *this));
        m_pages->addTab(pages.last(), tr("Status"));
        pages.append(new SiteSettingsPage(client, *this));
        m_pages->addTab(pages.last(), tr("Settings"));
    }
    m_problem->setObjectName(u"adminProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    for (AdminPage *page : pages)
        page->refresh();
}

void ServerAdminDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

} // namespace FinChat::Ui
