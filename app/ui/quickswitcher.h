#pragma once

#include <QDialog>

class QAbstractItemModel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace FinChat::Ui {

// Ctrl+K: type part of a room's name, Enter goes there (joining it if need be), as in Slack's
// and Telegram's quick switchers. Up and Down move through the matches without leaving the
// field; Escape closes.
class QuickSwitcher : public QDialog
{
    Q_OBJECT

public:
    // rooms: the RoomListModel; its NameRole is what is matched and chosen.
    explicit QuickSwitcher(QAbstractItemModel *rooms, QWidget *parent = nullptr);

    QLineEdit *filterField() const { return m_filter; }
    QListView *matchView() const { return m_matches; }

signals:
    void roomChosen(const QString &room);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseCurrent();

    QLineEdit *m_filter;
    QListView *m_matches;
    QSortFilterProxyModel *m_proxy;
};

} // namespace FinChat::Ui
