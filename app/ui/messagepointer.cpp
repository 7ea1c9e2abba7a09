#include "ui/messagepointer.h"

#include "ui/messagedelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>

namespace FinChat::Ui {

struct MessagePointer::Target
{
    QModelIndex index;
    MessageDelegate::Hit hit;
};

MessagePointer::MessagePointer(QAbstractItemView *view, MessageDelegate *delegate)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_delegate(delegate)
{
    m_viewport->setMouseTracking(true); // the pointer's shape follows what it is over
    m_viewport->installEventFilter(this);
    view->installEventFilter(this);
}

MessageDelegate::Hit MessagePointer::hitTest(const QModelIndex &index, QPoint point) const
{
    // The option the view paints the row with, as far as the delegate looks at it.
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.widget = m_view;
    option.font = m_view->font();
    option.rect = m_view->visualRect(index);
    return m_delegate->hitTest(option, index, point);
}

MessagePointer::Target MessagePointer::targetAt(QPoint point) const
{
    const QModelIndex index = m_view->indexAt(point);
    if (!index.isValid())
        return {};
    return {index, hitTest(index, point)};
}

bool MessagePointer::eventFilter(QObject *watched, QEvent *event)
{
    // Pointers are compared, nothing is called: the filter also sees the events sent while
    // the view is being destroyed, when it is no longer a view.
    if (watched == m_viewport) {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
            press(static_cast<QMouseEvent *>(event));
            break;
        case QEvent::MouseMove:
            move(static_cast<QMouseEvent *>(event));
            break;
        case QEvent::MouseButtonRelease:
            release(static_cast<QMouseEvent *>(event));
            break;
        case QEvent::ToolTip:
            return showTickerTip(static_cast<QHelpEvent *>(event));
        case QEvent::Leave:
            forgetTicker();
            break;
        default:
            break;
        }
    } else if (watched == m_view && event->type() == QEvent::KeyPress &&
               static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        return copySelection();
    }
    return QObject::eventFilter(watched, event);
}

void MessagePointer::press(const QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const Target target = targetAt(event->position().toPoint());
    m_pressedAt = event->position().toPoint();
    m_delegate->clearSelection();
    // A drag may start beside the text, in the bubble's margin, as in a text editor.
    m_anchorIndex = target.index;
    m_anchor = target.hit.position;
    m_viewport->update();
}

void MessagePointer::move(const QMouseEvent *event)
{
    const QPoint point = event->position().toPoint();
    if ((event->buttons() & Qt::LeftButton) && m_anchorIndex.isValid()) {
        // A selection stays within the message it started in, however far the drag goes.
        m_delegate->setSelection(m_anchorIndex, m_anchor, hitTest(m_anchorIndex, point).position);
        m_viewport->update();
        return;
    }
    const Target target = targetAt(point);
    if (target.hit.ticker != m_pointedTicker)
        m_pointedTicker.clear(); // moved off the chip: a late quote is not shown
    if (target.hit.link)
        m_viewport->setCursor(Qt::PointingHandCursor);
    else if (target.hit.inText)
        m_viewport->setCursor(Qt::IBeamCursor);
    else
        m_viewport->unsetCursor();
}

void MessagePointer::release(const QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPoint point = event->position().toPoint();
    const bool click = (point - m_pressedAt).manhattanLength() < QApplication::startDragDistance();
    m_anchorIndex = QPersistentModelIndex();
    if (!click)
        return;
    if (const Target target = targetAt(point); target.hit.link)
        emit linkActivated(*target.hit.link);
}

bool MessagePointer::showTickerTip(const QHelpEvent *event)
{
    const Target target = targetAt(event->pos());
    if (!target.hit.ticker) {
        m_pointedTicker.clear();
        return false; // the view shows the message's own tooltip
    }
    m_pointedTicker = *target.hit.ticker;
    emit tickerPointedAt(m_pointedTicker, event->globalPos());
    return true;
}

bool MessagePointer::copySelection()
{
    const QString selected = m_delegate->selectedText();
    if (selected.isEmpty())
        return false;
    QApplication::clipboard()->setText(selected);
    return true;
}

} // namespace FinChat::Ui
