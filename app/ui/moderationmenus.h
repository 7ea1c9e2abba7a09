#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QMenu;
class QModelIndex;
class QWidget;

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

// What moderators and admins may do from a room's messages and its member list: deleting a
// message, removing someone from the room, muting, banning, and (admins) roles. An action is
// offered only where the server would allow it (the rank rule of docs/protocol.md, "Roles");
// the server judges again, and a refusal shows as a notice. Authors may delete their own
// messages whatever their role. Nobody moderates a direct conversation: there, authors
// delete their own messages and nothing else is offered.
class ModerationMenus
{
    Q_DECLARE_TR_FUNCTIONS(FinChat::Ui::ModerationMenus)

public:
    ModerationMenus(Client::ChatClient &client, QWidget *parent);

    // Adds "Delete message" for a message of `room` the user may delete.
    void addMessageActions(QMenu *menu, const QString &room, const QModelIndex &message);
    // Adds what the user may do to this member of `room`; false when nothing.
    bool addMemberActions(QMenu *menu, const QString &room, const QString &user, bool isBot);

private:
    bool outranks(const QString &room, const QString &user) const;
    void addMuteActions(QMenu *menu, const QString &room, const QString &user);
    void addRoleActions(QMenu *menu, const QString &user, const QString &room);
    void confirmDeletion(qint64 id);
    // Asks for a reason before a removal or ban, and acts with it unless the person cancels.
    void askReason(const QString &title, const QString &question,
                   std::function<void(const QString &)> act);

    Client::ChatClient &m_client;
    QWidget *m_parent;
};

} // namespace FinChat::Ui
