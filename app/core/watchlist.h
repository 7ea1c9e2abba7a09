#pragma once

#include "finchat/protocol/messages.h"

#include <QAbstractListModel>

#include <qcoro/qcorotask.h>

namespace FinChat::Client {

class ServerLink;

// The user's watchlist and price alerts, as the server keeps them: the codes as a list model
// (each with the latest price a check saw), the alerts beside it. It follows the server's
// watchlist.updated and watchlist.prices events, so other devices' changes and fresh prices
// show at once; a price alert that fires is handed on as alertTriggered.
class Watchlist : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        CodeRole = Qt::UserRole + 1, // "aapl.us"
        QuoteRole,                   // the latest quote (QJsonObject), empty before a check
    };

    explicit Watchlist(ServerLink *link, QObject *parent = nullptr);

    // Whether the server keeps watchlists (it has a bot that gives quotes).
    bool isAvailable() const { return m_available; }
    const QList<Protocol::PriceAlert> &alerts() const { return m_alerts; }

    // Asks the server for `username`'s list; on login and after each reconnect. Another user
    // than before starts from an empty list.
    void refresh(const QString &username);
    // Nobody's list: logged out.
    void clear();
    void add(const QString &code);
    void remove(const QString &code);
    void addAlert(const QString &code, bool above, double price);
    void removeAlert(qint64 id);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void availabilityChanged(bool available);
    void alertsChanged();
    // A price alert of the user's own fired (announced in a room, it shows there too).
    void alertTriggered(const QString &text);
    // A change was refused (a full list, a bad code, offline): the reason, for the person.
    void changeFailed(const QString &text);

private:
    template<Protocol::Described Request>
    QCoro::Task<> change(Request request);
    QCoro::Task<> load();
    void onEvent(const QJsonObject &event);
    // What the server sent, shown; take() also marks watchlists available.
    void take(const Protocol::Watchlist &watchlist);
    void show(const Protocol::Watchlist &watchlist);
    void updatePrices(const QList<Protocol::WatchedCode> &codes);
    void setAvailable(bool available);

    ServerLink *m_link;
    QString m_username;
    bool m_available = false;
    QList<Protocol::WatchedCode> m_codes;
    QList<Protocol::PriceAlert> m_alerts;
};

} // namespace FinChat::Client
