#pragma once

#include "finchat/protocol/shapes.h"

#include <QHash>
#include <QObject>

#include "core/highlighter.h"

namespace FinChat::Client {

class MemberModel;
class MessageModel;
class RoomListModel;

// Who is logged in and what they see: the room list and, per room, its conversation and
// members. Another account logging in (another name, or the same name on another server)
// starts from nothing: no room of the previous one may show.
class Conversations : public QObject
{
    Q_OBJECT

public:
    explicit Conversations(QObject *parent = nullptr);

    // The logged-in user of `server` (its host and port); true when it is another account
    // than before, another server's included (all was cleared).
    bool enter(const QString &server, const Protocol::User &user);
    const QString &username() const { return m_username; }
    const QString &displayName() const { return m_displayName; }
    void setDisplayName(const QString &displayName) { m_displayName = displayName; }

    // What makes a message about the reader: their name and the words they watch.
    const Highlighter &highlighter() const { return m_highlighter; }
    void setHighlightWords(const QStringList &words);

    RoomListModel *rooms() const { return m_rooms; }
    // Created on first use.
    MessageModel *messages(const QString &room);
    MemberModel *members(const QString &room);
    QList<MemberModel *> allMembers() const { return m_members.values(); }

    // A direct conversation of this user's and who is in it (dm.open, dm.opened, room.join):
    // listed, and named after the others.
    void showDirect(const QString &room, const QList<Protocol::Member> &members);
    // Someone's name or presence changed: the titles of the direct conversations with them
    // follow.
    void refreshDirectWith(const QString &user);

    // Until when a moderator muted this user in the room (room.mute), if that is still to
    // come; as room.join and member.muted / member.unmuted said.
    std::optional<qint64> mutedUntil(const QString &room) const;
    void setMutedUntil(const QString &room, std::optional<qint64> until);

    // What the site's admins set (login, settings.updated).
    const Protocol::SiteSettings &settings() const { return m_settings; }
    void setSettings(const Protocol::SiteSettings &settings);

signals:
    void muteChanged(const QString &room);
    // The message of the day or the edit window changed, or a login told them.
    void settingsChanged();

private:
    void refreshDirect(const QString &room);

    Highlighter m_highlighter;
    RoomListModel *m_rooms;
    QHash<QString, MessageModel *> m_messages;
    QHash<QString, MemberModel *> m_members;
    QHash<QString, qint64> m_mutedUntil;
    QString m_server;
    QString m_username;
    QString m_displayName;
    Protocol::SiteSettings m_settings;
};

} // namespace FinChat::Client
