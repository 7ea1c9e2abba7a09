#include "ui/desktray.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWidget>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

namespace {
constexpr int BadgeCanvas = 64;

// The icon with a red disc and the count at its top right, as docks and trays show it.
QIcon withBadge(const QIcon &icon, int count)
{
    QPixmap canvas(BadgeCanvas, BadgeCanvas);
    canvas.fill(Qt::transparent);
    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::Antialiasing);
    icon.paint(&painter, canvas.rect());
    const QRect disc(BadgeCanvas * 3 / 8, 0, BadgeCanvas * 5 / 8, BadgeCanvas * 5 / 8);
    painter.setPen(QPen(Qt::white, 3));
    painter.setBrush(QColor(0xd9, 0x30, 0x25));
    painter.drawEllipse(disc.adjusted(2, 2, -2, -2));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(count > 99 ? 16 : 24);
    painter.setFont(font);
    painter.drawText(disc, Qt::AlignCenter, count > 99 ? u"99+"_s : QString::number(count));
    return QIcon(canvas);
}
} // namespace

DeskTray::DeskTray(QWidget &window)
    : QObject(&window)
    , m_window(&window)
    , m_plainIcon(QApplication::windowIcon())
    , m_menu(new QMenu(&window))
    , m_icon(new QSystemTrayIcon(this))
{
    QAction *show = m_menu->addAction(tr("Show FinChat"));
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("Quit FinChat"));
    connect(show, &QAction::triggered, this, &DeskTray::bringBackWindow);
    connect(m_quit, &QAction::triggered, this, &DeskTray::quitRequested);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    bringBackWindow();
            });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] {
        bringBackWindow();
        if (!m_notifiedRoom.isEmpty())
            emit roomRequested(m_notifiedRoom);
    });
    setAvailable(QSystemTrayIcon::isSystemTrayAvailable());
    refresh();
}

DeskTray::~DeskTray() = default;

void DeskTray::setAvailable(bool available)
{
    m_available = available;
    m_icon->setVisible(available);
}

void DeskTray::setUnreadCount(int count)
{
    if (count == m_unread)
        return;
    m_unread = count;
    refresh();
}

QIcon DeskTray::currentIcon() const
{
    return m_icon->icon();
}

QString DeskTray::toolTip() const
{
    return m_icon->toolTip();
}

void DeskTray::refresh()
{
    m_icon->setIcon(m_unread > 0 ? withBadge(m_plainIcon, m_unread) : m_plainIcon);
    m_icon->setToolTip(m_unread > 0 ? tr("FinChat — %n unread", nullptr, m_unread) : tr("FinChat"));
}

void DeskTray::notify(const QString &title, const QString &body, const QString &room)
{
    m_notifiedRoom = room;
    if (!m_available)
        return;
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    // Freedesktop notification servers read markup in the body: anyone's words must not be.
    m_icon->showMessage(title.toHtmlEscaped(), body.toHtmlEscaped());
#else
    m_icon->showMessage(title, body);
#endif
}

void DeskTray::bringBackWindow()
{
    if (!m_window)
        return;
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace FinChat::Ui
