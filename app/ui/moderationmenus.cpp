#include "ui/moderationmenus.h"

#include "core/chatclient.h"
#include "core/chatmessage.h"
#include "core/membermodel.h"
#include "core/messagemodel.h"
#include "core/roomlistmodel.h"

#include <QActionGroup>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;
using Client::ChatMessage;
using Client::MessageModel;
using Protocol::Role;

ModerationMenus::ModerationMenus(Client::ChatClient &client, QWidget *parent)
    : m_client(client)
    , m_parent(parent)
{}

bool ModerationMenus::outranks(const QString &room, const QString &user) const
{
    if (m_client.rooms()->isDirect(room))
        return false; // nobody moderates a direct conversation (docs/protocol.md, "dm.open")
    const Role mine = m_client.myRole(room);
    return mine >= Role::Moderator && mine > m_client.members(room)->roleOf(user);
}

void ModerationMenus::addMessageActions(QMenu *menu, const QString &room,
                                        const QModelIndex &message)
{
    const qint64 id = message.data(MessageModel::IdRole).toLongLong();
    const auto kind = static_cast<ChatMessage::Kind>(message.data(MessageModel::KindRole).toInt());
    if (id == 0 || kind != ChatMessage::Kind::Message ||
        message.data(MessageModel::DeletedRole).toBool())
        return;
    const QString author = message.data(MessageModel::UserRole).toString();
    if (author != m_client.username() && !outranks(room, author))
        return;
    menu->addSeparator();
    QAction *remove =
        menu->addAction(tr("Delete message…"), m_parent, [this, id] { confirmDeletion(id); });
    remove->setObjectName(u"deleteMessage"_s);
}

bool ModerationMenus::addMemberActions(QMenu *menu, const QString &room, const QString &user,
                                       bool isBot)
{
    // Admins change any other account's role, another admin's too; the rest needs a higher
    // rank.
    const bool above = outranks(room, user);
    const bool admin = m_client.myRole(room) == Role::Admin;
    // Nothing in a direct conversation, roles included: those belong to a room's list or the
    // administration window, not to a private talk.
    if (isBot || user == m_client.username() || (!above && !admin) ||
        m_client.rooms()->isDirect(room))
        return false;
    const QString name = m_client.members(room)->shownName(user);
    menu->addSeparator();
    if (admin)
        addRoleActions(menu, user, room);
    if (!above)
        return true;
    addMuteActions(menu, room, user);
    menu->addSeparator();
    QAction *kick = menu->addAction(tr("Remove from #%1…").arg(room), m_parent, [=, this] {
        askReason(tr("Remove %1").arg(name),
                  tr("Remove %1 from #%2? They may join again. Reason (optional, shown to the "
                     "room):")
                      .arg(name, room),
                  [this, room, user](const QString &reason) {
                      m_client.removeFromRoom(room, user, reason);
                  });
    });
    kick->setObjectName(u"removeFromRoom"_s);
    QAction *ban = menu->addAction(tr("Ban from the server…"), m_parent, [=, this] {
        askReason(tr("Ban %1").arg(name),
                  tr("Ban %1 from this server? They are logged out everywhere and cannot log "
                     "in until unbanned. Reason (optional, shown to them):")
                      .arg(name),
                  [this, user](const QString &reason) { m_client.ban(user, reason); });
    });
    ban->setObjectName(u"ban"_s);
    return true;
}

void ModerationMenus::addMuteActions(QMenu *menu, const QString &room, const QString &user)
{
    QMenu *mute = menu->addMenu(tr("Mute in #%1").arg(room));
    mute->setObjectName(u"mute"_s);
    const std::pair<int, QString> spans[] = {{10, tr("For 10 minutes")},
                                             {60, tr("For 1 hour")},
                                             {24 * 60, tr("For 1 day")},
                                             {7 * 24 * 60, tr("For 1 week")}};
    for (const auto &[minutes, label] : spans) {
        QAction *action = mute->addAction(label, m_parent, [this, room, user, minutes] {
            m_client.mute(room, user, minutes, QString());
        });
        action->setObjectName(u"mute%1"_s.arg(minutes));
    }
    QAction *lift = menu->addAction(tr("Lift mute"), m_parent,
                                    [this, room, user] { m_client.unmute(room, user); });
    lift->setObjectName(u"unmute"_s);
}

void ModerationMenus::addRoleActions(QMenu *menu, const QString &user, const QString &room)
{
    QMenu *roles = menu->addMenu(tr("Role"));
    roles->setObjectName(u"role"_s);
    auto *group = new QActionGroup(roles);
    const Role current = m_client.members(room)->roleOf(user);
    const std::pair<Role, QString> choices[] = {{Role::Member, tr("Member")},
                                                {Role::Moderator, tr("Moderator")},
                                                {Role::Admin, tr("Admin")}};
    for (const auto &[role, label] : choices) {
        QAction *action =
            roles->addAction(label, m_parent, [this, user, role] { m_client.setRole(user, role); });
        action->setObjectName(u"role_"_s + Protocol::roleName(role));
        action->setCheckable(true);
        action->setChecked(role == current);
        group->addAction(action);
    }
}

// Window-modal and answered through a signal, not a nested event loop: the conversation goes
// on updating while the moderator thinks.
void ModerationMenus::confirmDeletion(qint64 id)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete message"),
                                tr("Delete this message for everyone? Its text is gone for good; "
                                   "the room shows that a message was deleted."),
                                QMessageBox::NoButton, m_parent);
    box->setObjectName(u"deleteMessageQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"deleteMessageButton"_s);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    QObject::connect(box, &QMessageBox::finished, m_parent, [this, box, remove, id] {
        if (box->clickedButton() == remove)
            m_client.deleteMessage(id);
    });
    box->open();
}

void ModerationMenus::askReason(const QString &title, const QString &question,
                                std::function<void(const QString &)> act)
{
    auto *dialog = new QInputDialog(m_parent);
    dialog->setObjectName(u"reasonQuestion"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(question);
    QObject::connect(dialog, &QInputDialog::textValueSelected, m_parent, std::move(act));
    dialog->open();
}

} // namespace FinChat::Ui
