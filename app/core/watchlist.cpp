#include "core/watchlist.h"

#include "core/errortext.h"
#include "core/serverlink.h"

#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWatchlist, "finchat.client.watchlist")

Watchlist::Watchlist(ServerLink *link, QObject *parent)
    : QAbstractListModel(parent)
    , m_link(link)
{
    connect(m_link, &ServerLink::eventReceived, this, &Watchlist::onEvent);
}

void Watchlist::refresh(const QString &username)
{
    if (username != m_username) {
        clear();
        m_username = username;
    }
    load();
}

void Watchlist::clear()
{
    m_username.clear();
    show({});
    setAvailable(false);
}

QCoro::Task<> Watchlist::load()
{
    QPointer<Watchlist> self(this);
    auto asking = m_link->call(Protocol::WatchlistGet{});
    const auto answer = co_await asking;
    if (!self)
        co_return;
    if (answer.ok()) {
        take(answer.reply().watchlist);
    } else if (answer.failure().code() == Protocol::ErrorCode::UnknownCommand) {
        setAvailable(false); // no bot on this server gives quotes
    }
    // Offline or a timeout: the next login or reconnect asks again.
}

template<Protocol::Described Request>
QCoro::Task<> Watchlist::change(Request request)
{
    QPointer<Watchlist> self(this);
    auto asking = m_link->call(request);
    const auto answer = co_await asking;
    if (!self)
        co_return;
    if (answer.ok())
        take(answer.reply().watchlist);
    else
        emit changeFailed(ErrorText::describe(answer.failure()));
}

void Watchlist::add(const QString &code)
{
    change(Protocol::WatchlistAdd{code.trimmed()});
}

void Watchlist::remove(const QString &code)
{
    change(Protocol::WatchlistRemove{code});
}

void Watchlist::addAlert(const QString &code, bool above, double price)
{
    change(Protocol::AlertAdd{code, above ? u"above"_s : u"below"_s, price, std::nullopt});
}

void Watchlist::removeAlert(qint64 id)
{
    change(Protocol::AlertRemove{id});
}

void Watchlist::onEvent(const QJsonObject &event)
{
    const QString type = event.value(Protocol::TypeKey).toString();
    try {
        if (type == Protocol::Type::WatchlistUpdated) {
            take(Protocol::fromJson<Protocol::WatchlistUpdated>(event).watchlist);
        } else if (type == Protocol::Type::WatchlistPrices)
            updatePrices(Protocol::fromJson<Protocol::WatchlistPrices>(event).codes);
        else if (type == Protocol::Type::AlertTriggered) {
            // Everyone in an alert's room hears of it there (EventRouter); its owner, here too.
            const auto fired = Protocol::fromJson<Protocol::AlertTriggered>(event);
            if (fired.owner.username == m_username)
                emit alertTriggered(fired.text);
        }
    } catch (const Protocol::ProtocolError &error) {
        qCWarning(lcWatchlist).noquote()
            << "ignored a malformed" << type << "event:" << error.message();
    }
}

void Watchlist::take(const Protocol::Watchlist &watchlist)
{
    show(watchlist);
    setAvailable(true); // the server keeps watchlists: it just sent one
}

void Watchlist::show(const Protocol::Watchlist &watchlist)
{
    QList<Protocol::WatchedCode> codes = watchlist.codes;
    // A price seen before stays until a fresher one comes: the server keeps only recent ones.
    for (Protocol::WatchedCode &entry : codes) {
        const auto known = std::find_if(m_codes.cbegin(), m_codes.cend(),
                                        [&](const auto &old) { return old.code == entry.code; });
        if (!entry.quote && known != m_codes.cend())
            entry.quote = known->quote;
    }
    const bool sameCodes =
        std::equal(m_codes.cbegin(), m_codes.cend(), codes.cbegin(), codes.cend(),
                   [](const auto &a, const auto &b) { return a.code == b.code; });
    if (sameCodes) { // prices at most: the rows (and what is selected) stay
        m_codes = codes;
        if (!m_codes.isEmpty())
            emit dataChanged(index(0), index(int(m_codes.size()) - 1));
    } else {
        beginResetModel();
        m_codes = codes;
        endResetModel();
    }
    const auto sameAlert = [](const Protocol::PriceAlert &a, const Protocol::PriceAlert &b) {
        return a.id == b.id && a.triggeredAt == b.triggeredAt;
    };
    if (!std::equal(m_alerts.cbegin(), m_alerts.cend(), watchlist.alerts.cbegin(),
                    watchlist.alerts.cend(), sameAlert)) {
        m_alerts = watchlist.alerts;
        emit alertsChanged();
    }
}

void Watchlist::updatePrices(const QList<Protocol::WatchedCode> &codes)
{
    for (const Protocol::WatchedCode &fresh : codes) {
        for (qsizetype row = 0; row < m_codes.size(); ++row) {
            if (m_codes.at(row).code == fresh.code && fresh.quote) {
                m_codes[row].quote = fresh.quote;
                const QModelIndex changed = index(int(row));
                emit dataChanged(changed, changed);
            }
        }
    }
}

void Watchlist::setAvailable(bool available)
{
    if (m_available == available)
        return;
    m_available = available;
    emit availabilityChanged(available);
}

int Watchlist::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_codes.size());
}

QVariant Watchlist::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Protocol::WatchedCode &entry = m_codes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.code.toUpper();
    case CodeRole:
        return entry.code;
    case QuoteRole:
        return entry.quote.value_or(QJsonObject());
    default:
        return {};
    }
}

QHash<int, QByteArray> Watchlist::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(CodeRole, "code");
    names.insert(QuoteRole, "quote");
    return names;
}

} // namespace FinChat::Client
