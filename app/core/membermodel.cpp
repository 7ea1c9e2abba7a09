#include "core/membermodel.h"

namespace FinChat::Client {

using namespace Qt::StringLiterals;

namespace {
MemberModel::Member memberFrom(const Protocol::Member &member)
{
    return {member.user.username, member.user.displayName, member.online, member.user.bot,
            member.user.role.value_or(QString())};
}
} // namespace

int MemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_members.size());
}

QVariant MemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Member &member = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole:
        return member.displayName;
    case Qt::ToolTipRole:
    case UserRole:
        return member.user;
    case OnlineRole:
        return member.online;
    case BotRole:
        return member.bot;
    case StandingRole:
        return member.standing;
    case LabelRole:
        return label(member);
    case Qt::AccessibleTextRole: // the dot a sighted person sees, said in words
        return tr("%1, %2").arg(label(member), member.online ? tr("online") : tr("offline"));
    default:
        return {};
    }
}

qsizetype MemberModel::rowOf(const QString &user) const
{
    for (qsizetype row = 0; row < m_members.size(); ++row) {
        if (m_members.at(row).user == user)
            return row;
    }
    return -1;
}

void MemberModel::changed(qsizetype row)
{
    const QModelIndex at = index(static_cast<int>(row));
    emit dataChanged(at, at);
}

void MemberModel::reset(const QList<Protocol::Member> &members)
{
    beginResetModel();
    m_members.clear();
    for (const Protocol::Member &member : members)
        m_members.append(memberFrom(member));
    endResetModel();
}

void MemberModel::upsert(const Protocol::Member &joined)
{
    const Member member = memberFrom(joined);
    if (const qsizetype row = rowOf(member.user); row >= 0) {
        m_members[row] = member;
        changed(row);
        return;
    }
    // Keep the server's order: by username.
    const auto at = std::lower_bound(
        m_members.cbegin(), m_members.cend(), member.user,
        [](const Member &existing, const QString &user) { return existing.user < user; });
    const int row = static_cast<int>(at - m_members.cbegin());
    beginInsertRows({}, row, row);
    m_members.insert(row, member);
    endInsertRows();
}

void MemberModel::remove(const QString &user)
{
    const qsizetype row = rowOf(user);
    if (row < 0)
        return;
    beginRemoveRows({}, static_cast<int>(row), static_cast<int>(row));
    m_members.removeAt(row);
    endRemoveRows();
}

void MemberModel::setOnline(const QString &user, bool online)
{
    if (const qsizetype row = rowOf(user); row >= 0 && m_members.at(row).online != online) {
        m_members[row].online = online;
        changed(row);
    }
}

void MemberModel::updateUser(const Protocol::User &user)
{
    if (const qsizetype row = rowOf(user.username); row >= 0) {
        m_members[row].displayName = user.displayName;
        m_members[row].standing = user.role.value_or(QString());
        changed(row);
    }
}

QString MemberModel::shownName(const QString &user) const
{
    const qsizetype row = rowOf(user);
    return row < 0 ? user : m_members.at(row).displayName;
}

Protocol::Role MemberModel::roleOf(const QString &user) const
{
    const qsizetype row = rowOf(user);
    if (row < 0)
        return Protocol::Role::Member;
    return Protocol::roleFromName(m_members.at(row).standing).value_or(Protocol::Role::Member);
}

QString MemberModel::label(const Member &member)
{
    if (member.bot)
        return tr("%1 (bot)").arg(member.displayName);
    if (member.standing == Protocol::roleName(Protocol::Role::Admin))
        return tr("%1 (admin)").arg(member.displayName);
    if (member.standing == Protocol::roleName(Protocol::Role::Moderator))
        return tr("%1 (moderator)").arg(member.displayName);
    return member.displayName;
}

} // namespace FinChat::Client
