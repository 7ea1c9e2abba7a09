#include "ui/onlinedialog.h"

#include "core/chatclient.h"
#include "core/errortext.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

namespace {
// users.online pages hold 200; a list longer than this is more than a person reads.
constexpr int MaxPages = 10;
} // namespace

OnlineDialog::OnlineDialog(Client::ChatClient &client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_list(new QListWidget(this))
    , m_count(new QLabel(this))
{
    setObjectName(u"onlineDialog"_s);
    setWindowTitle(tr("Who's online"));
    m_list->setAccessibleName(tr("People online now"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *refresh = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    connect(refresh, &QPushButton::clicked, this, [this] { load(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit profileWanted(item->data(Qt::UserRole).toString());
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(320, 420);
    load();
}

QCoro::Task<> OnlineDialog::load()
{
    QPointer<OnlineDialog> self(this);
    QList<Protocol::User> everyone;
    std::optional<QString> after;
    bool more = true;
    for (int page = 0; page < MaxPages && more; ++page) {
        auto asking = m_client.ask(Protocol::UsersOnline{after, std::nullopt});
        const auto answer = co_await asking;
        if (!self)
            co_return;
        if (!answer.ok()) {
            m_count->setText(Client::ErrorText::describe(answer.failure()));
            emit loaded();
            co_return;
        }
        everyone.append(answer->users);
        more = answer->hasMore && !answer->users.isEmpty();
        if (more)
            after = answer->users.last().username;
    }
    m_list->clear();
    for (const Protocol::User &user : std::as_const(everyone)) {
        auto *item = new QListWidgetItem(u"%1  (@%2)"_s.arg(user.displayName, user.username));
        item->setData(Qt::UserRole, user.username);
        m_list->addItem(item);
    }
    m_count->setText(
        more ? tr("More than %n people are online.", nullptr, static_cast<int>(everyone.size()))
             : tr("%n people are online.", nullptr, static_cast<int>(everyone.size())));
    emit loaded();
}

} // namespace FinChat::Ui
