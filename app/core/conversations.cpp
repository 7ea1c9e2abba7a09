#include "core/conversations.h"

#include "core/membermodel.h"
#include "core/messagemodel.h"
#include "core/roomlistmodel.h"

namespace FinChat::Client {

Conversations::Conversations(QObject *parent)
    : QObject(parent)
    , m_rooms(new RoomListModel(this))
{}

bool Conversations::enter(const Protocol::User &user)
{
    const bool another = user.username != m_username;
    if (another) {
        qDeleteAll(m_messages);
        m_messages.clear();
        qDeleteAll(m_members);
        m_members.clear();
    }
    m_username = user.username;
    m_displayName = user.displayName;
    return another;
}

MessageModel *Conversations::messages(const QString &room)
{
    MessageModel *&model = m_messages[room];
    if (!model)
        model = new MessageModel(m_username, this);
    return model;
}

MemberModel *Conversations::members(const QString &room)
{
    MemberModel *&model = m_members[room];
    if (!model)
        model = new MemberModel(this);
    return model;
}

} // namespace FinChat::Client
