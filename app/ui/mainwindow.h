#pragma once

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QSystemTrayIcon;

namespace FinChat::Client {
class ChatClient;
class MessageModel;
} // namespace FinChat::Client

namespace FinChat::Ui {

class LocalServer;
class MessageInput;

// Rooms on the left, the conversation in the middle, the room's members on the right, the
// input under the conversation and the connection state in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Client::ChatClient &client, LocalServer *localServer = nullptr,
               QWidget *parent = nullptr);

    QListView *roomView() const { return m_rooms; }
    QListView *messageView() const { return m_messages; }
    QListView *memberView() const { return m_members; }
    MessageInput *input() const { return m_input; }
    QLabel *connectionLabel() const { return m_connection; }
    QString currentRoom() const { return m_currentRoom; }
    // Shows a joined room; the focus goes to the input unless the person is moving through
    // the room list with the keyboard.
    void showRoom(const QString &room, bool focusInput = true);
    // Something the person should know that needs no answer, in the status bar for a while.
    void showNotice(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addLanguageMenu();
    void updateConnectionState();
    void onScrolled(int value);
    // Keeps the newest message in view from now until the reader scrolls up.
    void followNewest();
    void onMessagesInserted(const QModelIndex &parent, int first, int last);
    void onRoomActivated(const QModelIndex &index);
    void markCurrentRoom();
    void askToCreateRoom();
    void notifyMention(const QString &room, const QString &from, const QString &body);
    void showPreferredRoom();
    void askToLogInAgain(const QString &why);

    Client::ChatClient &m_client;
    QPointer<LocalServer> m_localServer;
    QListView *m_rooms;
    QListView *m_messages;
    QListView *m_members;
    QProgressBar *m_loadingOlder;
    MessageInput *m_input;
    QLabel *m_roomTitle;
    QLabel *m_connection;
    QLabel *m_hosting;
    QPushButton *m_leave;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_currentRoom;
    QPointer<Client::MessageModel> m_shownModel;
    bool m_followingNewest = true; // the reader is at the newest message
    bool m_olderRequested = false; // older messages asked for by scrolling to the top
};

} // namespace FinChat::Ui
