#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace FinChat::Ui {

// FinChat's place in the system tray: the unread count on its icon, the window brought back
// by a click on the icon or on a notification, and a menu to show the window or quit. While
// the desktop has a tray, closing the window leaves FinChat running there, so notifications
// keep coming; without one, closing quits as usual.
class DeskTray : public QObject
{
    Q_OBJECT

public:
    explicit DeskTray(QWidget &window);
    ~DeskTray() override;

    // Whether the desktop shows tray icons (asked once at start; tests set it).
    bool isAvailable() const { return m_available; }
    void setAvailable(bool available);

    // Messages nobody has read yet, in every room; 0 shows the plain icon.
    void setUnreadCount(int count);
    int unreadCount() const { return m_unread; }
    QIcon currentIcon() const;
    QString toolTip() const;
    QMenu *menu() const { return m_menu; }
    QAction *quitAction() const { return m_quit; }

    // A notification; clicking it shows the window at that room.
    void notify(const QString &title, const QString &body, const QString &room);
    // What a click on the icon, on a notification or on "Show FinChat" does.
    void bringBackWindow();

signals:
    void quitRequested();
    void roomRequested(const QString &room);

private:
    void refresh();

    QPointer<QWidget> m_window;
    QIcon m_plainIcon;
    QMenu *m_menu;
    QAction *m_quit;
    QSystemTrayIcon *m_icon;
    bool m_available = false;
    int m_unread = 0;
    QString m_notifiedRoom;
};

} // namespace FinChat::Ui
