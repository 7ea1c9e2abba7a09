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
        BotRole,
        StandingRole, // "admin", "moderator", or empty for a member
        LabelRole,    // the name with what the member is beyond a member: "Alice (admin)"
    };

    struct Member
    {
        QString user;
        QString displayName;
        bool online = false;
        bool bot = false;
        QString standing; // Protocol::User::role; empty for a member
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void reset(const QList<Protocol::Member> &members);
    void upsert(const Protocol::Member &member);
    void remove(const QString &user);
    void setOnline(const QString &user, bool online);
    // A user.updated: a new display name or role.
    void updateUser(const Protocol::User &user);
    const QList<Member> &members() const { return m_members; }
    bool contains(const QString &user) const { return rowOf(user) >= 0; }
    // The member's display name; the username itself when they are not listed.
    QString shownName(const QString &user) const;
    // What the user may do as far as this room's list knows (a member when not listed).
    Protocol::Role roleOf(const QString &user) const;

private:
    static QString label(const Member &member);
    qsizetype rowOf(const QString &user) const;
    void changed(qsizetype row);

    QList<Member> m_members;
};

} // namespace FinChat::Client
