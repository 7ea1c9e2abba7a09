#include "core/messagemodel.h"

#include "core/highlighter.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 RunGapMs = 5 * 60 * 1000; // a pause longer than this starts a new run

QDateTime localTime(const ChatMessage &message)
{
    return QDateTime::fromMSecsSinceEpoch(message.timestamp).toLocalTime();
}

QDate localDay(const ChatMessage &message)
{
    return localTime(message).date();
}

// Day and time in the reader's language, for a tooltip or a screen reader.
QString fullTime(const ChatMessage &message)
{
    const QLocale locale;
    const QDateTime when = localTime(message);
    return locale.toString(when.date(), QLocale::LongFormat) + u' ' +
           locale.toString(when.time(), QLocale::ShortFormat);
}

// What a screen reader says for a message: who, when, what.
QString spoken(const ChatMessage &message)
{
    switch (message.kind) {
    case ChatMessage::Kind::Bot:
        return MessageModel::tr("%1 (bot), %2: %3")
            .arg(message.displayName, fullTime(message), message.body);
    case ChatMessage::Kind::Command:
        return MessageModel::tr("%1 asked, %2: %3")
            .arg(message.displayName, fullTime(message), message.body);
    case ChatMessage::Kind::Notice:
        return MessageModel::tr("Only you can see this, %1: %2")
            .arg(fullTime(message), message.body);
    case ChatMessage::Kind::Activity:
        return MessageModel::tr("%1: %2").arg(fullTime(message), message.body);
    case ChatMessage::Kind::Message:
        break;
    }
    if (message.deleted)
        return MessageModel::tr("%1, %2: this message was deleted")
            .arg(message.displayName, fullTime(message));
    QString text =
        MessageModel::tr("%1, %2: %3").arg(message.displayName, fullTime(message), message.body);
    if (message.status == ChatMessage::Status::Pending)
        text += MessageModel::tr(" (sending)");
    else if (message.status == ChatMessage::Status::Failed)
        text += MessageModel::tr(" (not sent: %1)").arg(message.error);
    return text;
}
} // namespace

MessageModel::MessageModel(QString ownUser, const Highlighter *highlighter, QObject *parent)
    : QAbstractListModel(parent)
    , m_ownUser(std::move(ownUser))
    , m_highlighter(highlighter)
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
    case DeletedRole:
        return message.deleted;
    case EditedRole:
        return message.edited.has_value();
    case ReplyRole:
        return message.reply ? QVariant(Protocol::toJson(*message.reply).toVariantMap())
                             : QVariant();
    case StartsDayRole:
        return index.row() == 0 || localDay(m_messages.at(index.row() - 1)) != localDay(message);
    case ContinuesRole:
        return continuesRun(index.row());
    case FirstUnreadRole:
        return index.row() == firstUnreadRow();
    case HighlightRole:
        return m_highlighter && m_highlighter->highlights(message);
    case Qt::ToolTipRole:
        return fullTime(message);
    case Qt::AccessibleTextRole:
        return spoken(message);
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

std::optional<Protocol::Quote> MessageModel::quoteOf(qint64 id) const
{
    const auto found = std::find_if(m_messages.cbegin(), m_messages.cend(),
                                    [id](const ChatMessage &message) { return message.id == id; });
    if (found == m_messages.cend())
        return std::nullopt;
    return Protocol::Quote{id, found->user, found->displayName, found->body, found->deleted};
}

int MessageModel::rowOfId(qint64 id) const
{
    const auto found = std::find_if(m_messages.cbegin(), m_messages.cend(),
                                    [id](const ChatMessage &message) { return message.id == id; });
    return found == m_messages.cend() ? -1 : static_cast<int>(found - m_messages.cbegin());
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

bool MessageModel::continuesRun(int row) const
{
    if (row == 0 || row == firstUnreadRow())
        return false;
    const ChatMessage &previous = m_messages.at(row - 1);
    const ChatMessage &message = m_messages.at(row);
    const bool chat =
        message.kind == ChatMessage::Kind::Message || message.kind == ChatMessage::Kind::Bot;
    return chat && previous.kind == message.kind && previous.user == message.user &&
           message.timestamp - previous.timestamp <= RunGapMs &&
           localDay(previous) == localDay(message);
}

int MessageModel::firstUnreadRow() const
{
    if (m_firstUnreadRow != -2)
        return m_firstUnreadRow;
    m_firstUnreadRow = -1;
    for (int row = 0; m_unreadSince != 0 && row < rowCount(); ++row) {
        const ChatMessage &message = m_messages.at(row);
        if (message.user != m_ownUser && message.timestamp >= m_unreadSince) {
            m_firstUnreadRow = row;
            break;
        }
    }
    return m_firstUnreadRow;
}

void MessageModel::markUnread(int count)
{
    qint64 since = 0;
    for (qsizetype row = m_messages.size() - 1; row >= 0 && count > 0; --row) {
        if (m_messages.at(row).user != m_ownUser) {
            since = m_messages.at(row).timestamp;
            --count;
        }
    }
    if (since == m_unreadSince)
        return;
    m_unreadSince = since;
    m_firstUnreadRow = -2;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1));
}

void MessageModel::refreshHighlights()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {HighlightRole});
}

void MessageModel::clearUnreadMark()
{
    markUnread(0);
}

void MessageModel::neighbourChanged(int row)
{
    if (row >= 0 && row < rowCount())
        emit dataChanged(index(row), index(row));
}

void MessageModel::setLoadingOlder(bool loading)
{
    if (m_loadingOlder == loading)
        return;
    m_loadingOlder = loading;
    emit loadingOlderChanged(loading);
}

void MessageModel::markDeleted(qint64 id)
{
    const auto found = std::find_if(m_messages.cbegin(), m_messages.cend(),
                                    [id](const ChatMessage &message) { return message.id == id; });
    if (found == m_messages.cend()) {
        updateQuotesOf(id, {}, true); // an older message, quoted by one shown
        return;
    }
    ChatMessage tombstone = *found;
    tombstone.deleted = true;
    tombstone.body.clear();
    tombstone.data = {};
    update(tombstone);
}

void MessageModel::update(const ChatMessage &stored)
{
    updateQuotesOf(stored.id, stored.body, stored.deleted);
    const auto found =
        std::find_if(m_messages.begin(), m_messages.end(),
                     [&stored](const ChatMessage &message) { return message.id == stored.id; });
    if (found == m_messages.end() ||
        (found->body == stored.body && found->deleted == stored.deleted &&
         found->edited == stored.edited && found->reply == stored.reply))
        return;
    found->body = stored.body;
    found->deleted = stored.deleted;
    found->edited = stored.edited;
    found->reply = stored.reply;
    found->data = stored.deleted ? QJsonObject() : found->data;
    const QModelIndex changed = index(static_cast<int>(found - m_messages.begin()));
    emit dataChanged(changed, changed);
}

void MessageModel::updateQuotesOf(qint64 id, const QString &body, bool deleted)
{
    for (int row = 0; row < rowCount(); ++row) {
        std::optional<Protocol::Quote> &quote = m_messages[row].reply;
        if (!quote || quote->id != id || (quote->body == body && quote->deleted == deleted))
            continue;
        quote->body = body;
        quote->deleted = deleted;
        emit dataChanged(index(row), index(row), {ReplyRole});
    }
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
    m_firstUnreadRow = -2; // before the views ask again
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
    m_firstUnreadRow = -2; // before the views ask again
    endInsertRows();
    neighbourChanged(static_cast<int>(fresh.size()));
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
        m_firstUnreadRow = -2; // before the views ask again
        endRemoveRows();
        neighbourChanged(static_cast<int>(pending));
    }
    const int row = static_cast<int>(insertionRow(message));
    beginInsertRows({}, row, row);
    m_messages.insert(row, message);
    m_firstUnreadRow = -2; // before the views ask again
    endInsertRows();
    neighbourChanged(row + 1);
}

void MessageModel::addPending(const ChatMessage &message)
{
    ChatMessage pending = message;
    pending.status = ChatMessage::Status::Pending;
    const int row = static_cast<int>(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(pending);
    m_firstUnreadRow = -2; // before the views ask again
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
