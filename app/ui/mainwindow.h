#pragma once

#include "ui/moderationmenus.h"

#include <QMainWindow>
#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <qcoro/qcorotask.h>

class QLabel;
class QMenu;
class QModelIndex;
class QListView;
class QProgressBar;
class QPushButton;

namespace FinChat::Client {
class ChatClient;
class TickerRule;
class MessageModel;
} // namespace FinChat::Client

namespace FinChat::Ui {

class ServerAdminDialog;

class ComposeContext;
class NewDirectDialog;
class OnlineDialog;
class ProfileDialog;
class SearchDialog;
class DeskTray;
class LocalServer;
class MessageInput;
class RoomSection;

// Rooms and direct conversations on the left, the conversation in the middle, its members on
// the right, the input under the conversation and the connection state in the status bar.
// "Room" below means either: a direct conversation is a room of a few people.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Client::ChatClient &client, LocalServer *localServer = nullptr,
               QWidget *parent = nullptr);

    QListView *roomView() const { return m_rooms; }
    QListView *directView() const { return m_directs; }
    QListView *messageView() const { return m_messages; }
    QListView *memberView() const { return m_members; }
    MessageInput *input() const { return m_input; }
    ComposeContext *composeContext() const { return m_compose; }
    QLabel *connectionLabel() const { return m_connection; }
    // Over the conversation: "#general", or the people of a direct conversation.
    QLabel *roomTitle() const { return m_roomTitle; }
    QString currentRoom() const { return m_currentRoom; }
    DeskTray *tray() const { return m_tray; }
    // Shows a joined room; the focus goes to the input unless the person is moving through
    // the room list with the keyboard.
    void showRoom(const QString &room, bool focusInput = true);
    // Something the person should know that needs no answer, in the status bar for a while.
    void showNotice(const QString &text);
    // A room's menu (right click in the room list): what notifies, leave or join (a direct
    // conversation is neither left nor joined).
    QMenu *roomMenu(const QString &room);
    // A message's menu (right click): copy its text, open or copy each link in it, reply to
    // it, edit it (its author, in the edit window), delete it (its author, or a moderator).
    QMenu *messageMenu(const QModelIndex &index);
    // The server administration window, for moderators and admins (the FinChat menu's
    // "Server administration…"): opened, or brought up when open.
    ServerAdminDialog *openServerAdmin();
    // A member's menu (right click in the member list): their profile, a direct message to
    // them, and for moderators and admins what they may do to them.
    QMenu *memberMenu(const QModelIndex &index);
    // Someone's profile (the member menu's "View profile", or activating a member), in a
    // window of its own.
    ProfileDialog *openProfile(const QString &user);
    // The direct conversation with these people (usernames), opened the first time and
    // shown.
    QCoro::Task<> openDirect(QStringList users);
    // "New message…" under the direct conversations: whom to write to.
    NewDirectDialog *askWhomToWrite();
    // Everyone on the server now (the Go menu's "Who's online…").
    OnlineDialog *openOnlineList();
    // Searching the messages of one's rooms (the Go menu's "Search messages…", Ctrl+F).
    SearchDialog *openSearch();
    // Shows message `id` where it was written: its room, older pages loaded as needed,
    // scrolled to and marked.
    QCoro::Task<> showMessage(QString room, qint64 id);
    // The tooltip over a ticker chip: its quote, or that it is being asked for.
    void showQuoteTip(const QString &code);
    // Quits FinChat (the menu's Quit, Ctrl+Q, the tray's Quit), after asking when that would
    // disconnect people from the server this app hosts.
    void quit();

signals:
    // The person logged out: their token is no longer worth keeping.
    void loggedOut();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Which words are ticker chips: the default rule, or the settings tickers/pattern and
    // tickers/market.
    Client::TickerRule tickerRule() const;
    void addAppMenu();
    void addGoMenu();
    void openSettings();
    // Reply and Edit for a stored message.
    void addConversationActions(QMenu *menu, const QModelIndex &index);
    // Drops the reply or edit being typed (an edit's text with it).
    void cancelCompose();
    // Sends an edit; once stored the input gets back what was typed before it, and on a
    // refusal the edited text stays in the input.
    QCoro::Task<> saveEdit(qint64 id, QString text);
    // The input says so, and takes nothing, while the user is muted in the shown room.
    void showMuteState();
    QString notifySettingsGroup() const;
    void applyNotifySettings();
    void logOut();
    void showAbout();
    void openQuickSwitcher();
    // Shows a joined room, or joins it and shows it once joined.
    void goToRoom(const QString &room);
    void stepThroughRooms(int step);
    void onRoomListChanged();
    void updateUnreadBadge();
    // The shown room's title and topic, or for a direct conversation who can read it.
    void showRoomHeader();
    // A room list's section (rooms, or direct conversations) in its view, which shows a room
    // as it is activated and has the room menu.
    void setUpRoomList(QListView *view, RoomSection *section);
    int peopleHostedHereBesidesMe() const;
    void askToStopHosting(int people);
    void updateConnectionState();
    void onScrolled(int value);
    // Keeps the newest message in view from now until the reader scrolls up.
    void followNewest();
    void onMessagesInserted(const QModelIndex &parent, int first, int last);
    void onRoomActivated(const QModelIndex &index);
    void markCurrentRoom();
    // The "new messages" line above what arrived in the shown room since it was last read.
    void markWhatIsNew();
    void askToCreateRoom();
    void notifyMention(const QString &room, const QString &from, const QString &body);
    void showPreferredRoom();
    void askToLogInAgain(const QString &why);

    Client::ChatClient &m_client;
    QPointer<LocalServer> m_localServer;
    QListView *m_rooms;
    QListView *m_directs;
    RoomSection *m_roomSection;
    RoomSection *m_directSection;
    QListView *m_messages;
    QListView *m_members;
    QProgressBar *m_loadingOlder;
    MessageInput *m_input;
    ComposeContext *m_compose; // above the input: what is typed answers or replaces a message
    QString m_draft;           // what was in the input when an edit began
    QLabel *m_roomTitle;
    QLabel *m_roomTopic;
    QLabel *m_lengthNote; // under the input, when a message nears or passes the limit
    QLabel *m_connection;
    QLabel *m_notice; // showNotice(), for a while
    QTimer m_noticeTimer;
    QLabel *m_hosting;
    QPushButton *m_leave;
    DeskTray *m_tray;
    ModerationMenus m_moderation;
    QPointer<ServerAdminDialog> m_serverAdmin;
    QPointer<SearchDialog> m_search;
    QTimer m_muteEnds; // reopens the input when the shown room's mute runs out
    QSettings m_settings;
    QPoint m_quoteTipAt; // where the pointer rests on a ticker chip
    QString m_currentRoom;
    QString m_showWhenJoined; // asked for by the person, shown as soon as the join is done
    QPointer<Client::MessageModel> m_shownModel;
    bool m_followingNewest = true;    // the reader is at the newest message
    bool m_quitting = false;          // closing means quitting, not going to the tray
    bool m_stopHostingAgreed = false; // the person agreed to disconnect their guests
    bool m_toldAboutTray = false;     // "still running in the tray" said once
    bool m_olderRequested = false;    // older messages asked for by scrolling to the top
};

} // namespace FinChat::Ui
