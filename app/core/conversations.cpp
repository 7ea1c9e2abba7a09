#include "core/conversations.h"

#include <QDateTime>

#include "core/membermodel.h"
#include "core/messagemodel.h"
#include "core/roomlistmodel.h"

namespace FinChat::Client {

using namespace Qt::StringLiterals;

Conversations::Conversations(QObject *parent)
    : QObject(parent)
    , m_rooms(new RoomListModel(this))
{}

bool Conversations::enter(const QString &server, const Protocol::User &user)
{
    // The same name on another server is another person, with other rooms of the same names.
    const bool another = user.username != m_username || server != m_server;
    if (another) {
        qDeleteAll(m_messages);
        m_messages.clear();
        qDeleteAll(m_members);
        m_members.clear();
        m_mutedUntil.clear();
        m_rooms->clear(); // its direct conversations, and its unread counts, are not this one's
    }
    m_server = server;
    m_username = user.username;
    m_displayName = user.displayName;
    m_highlighter.setUsername(user.username);
    return another;
}

std::optional<qint64> Conversations::mutedUntil(const QString &room) const
{
    const auto until = m_mutedUntil.constFind(room);
    if (until == m_mutedUntil.constEnd() || *until <= QDateTime::currentMSecsSinceEpoch())
        return std::nullopt;
    return *until;
}

void Conversations::setMutedUntil(const QString &room, std::optional<qint64> until)
{
    if (m_mutedUntil.value(room) == until.value_or(0))
        return;
    if (until)
        m_mutedUntil.insert(room, *until);
    else
        m_mutedUntil.remove(room);
    emit muteChanged(room);
}

MessageModel *Conversations::messages(const QString &room)
{
    MessageModel *&model = m_messages[room];
    if (!model)
        model = new MessageModel(m_username, &m_highlighter, this);
    return model;
}

void Conversations::setHighlightWords(const QStringList &words)
{
    m_highlighter.setWords(words);
    for (MessageModel *model : std::as_const(m_messages))
        model->refreshHighlights();
}

MemberModel *Conversations::members(const QString &room)
{
    MemberModel *&model = m_members[room];
    if (!model)
        model = new MemberModel(this);
    return model;
}

void Conversations::showDirect(const QString &room, const QList<Protocol::Member> &members)
{
    this->members(room)->reset(members);
    refreshDirect(room);
}

void Conversations::refreshDirectWith(const QString &user)
{
    for (const QString &room : m_rooms->directRooms()) {
        if (members(room)->contains(user))
            refreshDirect(room);
    }
}

void Conversations::refreshDirect(const QString &room)
{
    QStringList others;
    int online = 0;
    for (const MemberModel::Member &member : members(room)->members()) {
        if (member.user == m_username)
            continue;
        others.append(member.displayName);
        online += member.online ? 1 : 0;
    }
    std::sort(others.begin(), others.end(), [](const QString &left, const QString &right) {
        return left.compare(right, Qt::CaseInsensitive) < 0;
    });
    m_rooms->upsertDirect(room, others.isEmpty() ? m_displayName : others.join(u", "_s), online);
}

void Conversations::setSettings(const Protocol::SiteSettings &settings)
{
    m_settings = settings;
    emit settingsChanged();
}

} // namespace FinChat::Client
