#pragma once

#include "core/chatmessage.h"

#include <QAbstractListModel>
#include <QList>

namespace FinChat::Client {

class Highlighter;

// One room's conversation for a view: stored messages in id order (which the server keeps
// equal to time order), then what arrived live. Stored messages are never listed twice,
// however often they arrive (live, in a join, in a catch-up).
class MessageModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        UserRole,
        DisplayNameRole,
        BodyRole,
        TimestampRole,
        KindRole,
        StatusRole,
        OwnRole,
        DataRole,
        ErrorRole,
        DeletedRole, // a tombstone: show that it was deleted, not a body
        EditedRole,  // its author changed it: say so
        // The message it answers, as a QVariantMap (id, user, displayName, body, deleted);
        // invalid when it answers none.
        ReplyRole,
        // For drawing a conversation as people expect: the first message of a day gets the
        // day's heading, a message that continues its author's run (same author and kind,
        // within five minutes) gets no header of its own, and the first message the reader
        // has not seen gets the "new messages" line.
        StartsDayRole,
        ContinuesRole,
        FirstUnreadRole,
        // Someone else's message that names the reader or a word they watch.
        HighlightRole,
    };

    // highlighter: what makes a message about the reader (HighlightRole); may be null.
    explicit MessageModel(QString ownUser, const Highlighter *highlighter = nullptr,
                          QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<ChatMessage> &messages() const { return m_messages; }
    // How a reply to the shown message `id` quotes it; nullopt when it is not shown.
    std::optional<Protocol::Quote> quoteOf(qint64 id) const;
    // The row of the stored message with this id; -1 when it is not shown.
    int rowOfId(qint64 id) const;
    qint64 oldestId() const;
    qint64 newestId() const;
    bool hasOlder() const { return m_hasOlder; }
    bool isLoadingOlder() const { return m_loadingOlder; }
    void setLoadingOlder(bool loading);

    // The room's latest page, replacing what was shown (pending messages stay).
    void reset(const QList<ChatMessage> &latest, bool hasOlder);
    void prependOlder(const QList<ChatMessage> &older, bool hasOlder);
    // Anything that happened: a stored message (deduplicated, and replacing the pending copy
    // with the same nonce), a bot reply, a command, a notice.
    void append(const ChatMessage &message);
    void addPending(const ChatMessage &message);
    void markFailed(const QString &nonce, const QString &error);
    // message.deleted: the message with this id (if shown) becomes a tombstone, and so do
    // the quotes of it in the replies shown.
    void markDeleted(qint64 id);
    // A stored message as it now is (message.edited, or read again after a reconnect): the
    // row with its id, if shown, and the quotes of it take its text, edit and deletion.
    void update(const ChatMessage &stored);

    // The last `count` messages from others are new to the reader: the "new messages" line
    // goes above the first of them, and stays there until cleared.
    void markUnread(int count);
    void clearUnreadMark();
    // The words that highlight changed: every row may look different.
    void refreshHighlights();

signals:
    void loadingOlderChanged(bool loading);

private:
    qsizetype rowOfNonce(const QString &nonce) const;
    qsizetype insertionRow(const ChatMessage &message) const;
    bool containsId(qint64 id) const;
    // The shown replies to message `id` quote it as it now is.
    void updateQuotesOf(qint64 id, const QString &body, bool deleted);
    bool continuesRun(int row) const;
    int firstUnreadRow() const;
    // Rows whose neighbour-dependent roles may have changed after rows changed at `row`.
    void neighbourChanged(int row);

    QString m_ownUser;
    const Highlighter *m_highlighter;
    QList<ChatMessage> m_messages;
    bool m_hasOlder = false;
    bool m_loadingOlder = false;
    qint64 m_unreadSince = 0; // timestamp of the first unread message; 0: no line
    // firstUnreadRow(), asked for every row drawn; recomputed after any change (-2).
    mutable int m_firstUnreadRow = -2;
};

} // namespace FinChat::Client
