#pragma once

#include <QModelIndex>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QListWidget;

namespace FinChat::Client {
class Watchlist;
}

namespace FinChat::Ui {

// The side panel with the user's watchlist and price alerts: each watched code with its
// latest price and the day's range, a field to add a code, and the alerts, armed or fired.
// Right-click (or the Menu key) on a code sets an alert or removes it; Delete removes the
// selected code or alert.
class WatchlistPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WatchlistPanel(Client::Watchlist &watchlist, QWidget *parent = nullptr);

    // Opens the question for an alert on `code` (above or below a price); not modal.
    void askForAlert(const QString &code, bool above);

    // What a row of the watchlist shows: the code, its price, and under them the day's
    // range and the time of the quote (or that no price came yet).
    struct Lines
    {
        QString code;
        QString price;
        QString detail;
    };
    static Lines linesFor(const QModelIndex &index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showAlerts();
    void showCodeMenu(const QPoint &at);
    void showAlertMenu(const QPoint &at);
    void removeSelected(QObject *list);

    Client::Watchlist &m_watchlist;
    QLineEdit *m_add;
    QListView *m_codes;
    QListWidget *m_alerts;
    QLabel *m_problem;
    QString m_currentCode; // across a reset of the list
};

} // namespace FinChat::Ui
