#pragma once

#include <QCoreApplication>
#include <QMouseEvent>
#include <QWidget>

#include <optional>

namespace FinChat::Testing {

// Sends `widget` a mouse event at `at`, as the window system would.
inline void sendMouse(QWidget *widget, QEvent::Type type, QPoint at, Qt::MouseButton button,
                      Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(at), QPointF(widget->mapToGlobal(at)), button, buttons,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &event);
}

// The first point of `area` (row by row, every few pixels) where the pointer over `widget`
// takes `shape`: how a person finds a link or the start of a text by moving the mouse.
inline std::optional<QPoint> findPointer(QWidget *widget, const QRect &area, Qt::CursorShape shape)
{
    for (int y = area.top(); y <= area.bottom(); y += 2) {
        for (int x = area.left(); x <= area.right(); x += 2) {
            sendMouse(widget, QEvent::MouseMove, {x, y}, Qt::NoButton, Qt::NoButton);
            if (widget->cursor().shape() == shape)
                return QPoint(x, y);
        }
    }
    return std::nullopt;
}

// Presses the left button at `from`, drags to `to` and lets go there.
inline void drag(QWidget *widget, QPoint from, QPoint to)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

} // namespace FinChat::Testing
