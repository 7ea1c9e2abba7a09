#pragma once

#include "finchat/protocol/shapes.h"
#include <QAbstractListModel>

#include <QList>

namespace FinChat::Client {

// The members of one room and whether each is online, kept current by presence events.
class MemberModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        UserRole = Qt::UserRole + 1,
        DisplayNameRole,
        OnlineRole,
        BotRole
    };

    struct Member
    {
        QString user;
        QString displayName;
        bool online = false;
        bool bot = false;
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void reset(const QList<Protocol::Member> &members);
    void upsert(const Protocol::Member &member);
    void remove(const QString &user);
    void setOnline(const QString &user, bool online);
    void setDisplayName(const QString &user, const QString &displayName);
    const QList<Member> &members() const { return m_members; }

private:
    qsizetype rowOf(const QString &user) const;
    void changed(qsizetype row);

    QList<Member> m_members;
};

} // namespace FinChat::Client
