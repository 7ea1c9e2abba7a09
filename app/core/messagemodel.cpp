#include "core/messagemodel.h"

#include <algorithm>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

MessageModel::MessageModel(QString ownUser, QObject *parent)
    : QAbstractListModel(parent)
    , m_ownUser(std::move(ownUser))
{}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size());
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ChatMessage &message = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return message.body;
    case IdRole:
        return message.id;
    case UserRole:
        return message.user;
    case DisplayNameRole:
        return message.displayName;
    case TimestampRole:
        return message.timestamp;
    case KindRole:
        return static_cast<int>(message.kind);
    case StatusRole:
        return static_cast<int>(message.status);
    case OwnRole:
        return !message.user.isEmpty() && message.user == m_ownUser;
    case DataRole:
        return message.data.toVariantMap();
    case ErrorRole:
        return message.error;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    return {{IdRole, "messageId"},  {UserRole, "user"},    {DisplayNameRole, "displayName"},
            {BodyRole, "body"},     {TimestampRole, "ts"}, {KindRole, "kind"},
            {StatusRole, "status"}, {OwnRole, "own"},      {DataRole, "data"},
            {ErrorRole, "error"}};
}

qint64 MessageModel::oldestId() const
{
    const auto stored = std::find_if(m_messages.cbegin(), m_messages.cend(),
                                     [](const ChatMessage &message) { return message.id != 0; });
    return stored == m_messages.cend() ? 0 : stored->id;
}

qint64 MessageModel::newestId() const
{
    qint64 newest = 0;
    for (const ChatMessage &message : m_messages)
        newest = std::max(newest, message.id);
    return newest;
}

void MessageModel::setLoadingOlder(bool loading)
{
    if (m_loadingOlder == loading)
        return;
    m_loadingOlder = loading;
    emit loadingOlderChanged(loading);
}

bool MessageModel::containsId(qint64 id) const
{
    return std::any_of(m_messages.cbegin(), m_messages.cend(),
                       [id](const ChatMessage &message) { return message.id == id; });
}

qsizetype MessageModel::rowOfNonce(const QString &nonce) const
{
    if (nonce.isEmpty())
        return -1;
    for (qsizetype row = 0; row < m_messages.size(); ++row) {
        const ChatMessage &message = m_messages.at(row);
        if (message.nonce == nonce && message.status != ChatMessage::Status::Sent)
            return row;
    }
    return -1;
}

void MessageModel::reset(const QList<ChatMessage> &latest, bool hasOlder)
{
    beginResetModel();
    QList<ChatMessage> unsent;
    std::copy_if(
        m_messages.cbegin(), m_messages.cend(), std::back_inserter(unsent),
        [](const ChatMessage &message) { return message.status != ChatMessage::Status::Sent; });
    m_messages = latest;
    m_messages.append(unsent);
    m_hasOlder = hasOlder;
    endResetModel();
}

void MessageModel::prependOlder(const QList<ChatMessage> &older, bool hasOlder)
{
    const qint64 oldest = oldestId();
    QList<ChatMessage> fresh;
    std::copy_if(
        older.cbegin(), older.cend(), std::back_inserter(fresh),
        [oldest](const ChatMessage &message) { return oldest == 0 || message.id < oldest; });
    m_hasOlder = hasOlder;
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, 0, static_cast<int>(fresh.size()) - 1);
    m_messages = fresh + m_messages;
    endInsertRows();
}

qsizetype MessageModel::insertionRow(const ChatMessage &message) const
{
    // Unsent messages stay last; a stored message goes before any with a larger id, so a
    // catch-up that arrives after newer live messages still lands in order.
    for (qsizetype row = 0; row < m_messages.size(); ++row) {
        const ChatMessage &existing = m_messages.at(row);
        if (existing.status != ChatMessage::Status::Sent ||
            (message.id != 0 && existing.id > message.id))
            return row;
    }
    return m_messages.size();
}

void MessageModel::append(const ChatMessage &message)
{
    if (message.id != 0 && containsId(message.id))
        return;
    // The server's copy of one of ours replaces the pending one.
    if (const qsizetype pending = message.user == m_ownUser ? rowOfNonce(message.nonce) : -1;
        pending >= 0) {
        beginRemoveRows({}, static_cast<int>(pending), static_cast<int>(pending));
        m_messages.removeAt(pending);
        endRemoveRows();
    }
    const int row = static_cast<int>(insertionRow(message));
    beginInsertRows({}, row, row);
    m_messages.insert(row, message);
    endInsertRows();
}

void MessageModel::addPending(const ChatMessage &message)
{
    ChatMessage pending = message;
    pending.status = ChatMessage::Status::Pending;
    const int row = static_cast<int>(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(pending);
    endInsertRows();
}

void MessageModel::markFailed(const QString &nonce, const QString &error)
{
    const qsizetype row = rowOfNonce(nonce);
    if (row < 0)
        return;
    m_messages[row].status = ChatMessage::Status::Failed;
    m_messages[row].error = error;
    const QModelIndex changed = index(static_cast<int>(row));
    emit dataChanged(changed, changed);
}

} // namespace FinChat::Client
