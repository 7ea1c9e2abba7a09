#pragma once

#include "ui/messagedelegate.h"

#include <QObject>
#include <QPersistentModelIndex>
#include <QPoint>
#include <QUrl>

class QAbstractItemView;
class QHelpEvent;
class QMouseEvent;

namespace FinChat::Ui {

// The mouse over a conversation, as over text anywhere else: a link under the pointer shows
// a pointing hand and opens with a click; dragging over a message's text selects it (within
// that message) and Ctrl+C copies the selection; over text the pointer is an I-beam. Resting
// on a ticker chip asks for its quote (tickerPointedAt), instead of the message's tooltip.
class MessagePointer : public QObject
{
    Q_OBJECT

public:
    MessagePointer(QAbstractItemView *view, MessageDelegate *delegate);

    // The ticker the pointer rests on since its tooltip was asked for; empty once it moved
    // off it.
    QString pointedTicker() const { return m_pointedTicker; }
    void forgetTicker() { m_pointedTicker.clear(); }

signals:
    void linkActivated(const QUrl &url);
    void tickerPointedAt(const QString &code, const QPoint &globalPosition);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Target;
    MessageDelegate::Hit hitTest(const QModelIndex &index, QPoint point) const;
    Target targetAt(QPoint point) const;
    void press(const QMouseEvent *event);
    void move(const QMouseEvent *event);
    void release(const QMouseEvent *event);
    bool copySelection();
    bool showTickerTip(const QHelpEvent *event);

    QAbstractItemView *m_view;
    QWidget *m_viewport;
    MessageDelegate *m_delegate;
    QPersistentModelIndex m_anchorIndex; // the message a drag started in
    qsizetype m_anchor = 0;
    QPoint m_pressedAt;
    QString m_pointedTicker;
};

} // namespace FinChat::Ui
