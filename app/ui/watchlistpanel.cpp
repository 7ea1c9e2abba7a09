#include "ui/watchlistpanel.h"

#include "core/watchlist.h"
#include "ui/languages.h"
#include "ui/tones.h"

#include <QDateTime>
#include <QIdentityProxyModel>
#include <QInputDialog>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;
using Client::Watchlist;

namespace {
constexpr int AlertIdRole = Qt::UserRole + 1;

// Two decimals, or up to four when the price has them (FX: 1.0843), in the reader's format.
QString price(double value)
{
    int decimals = 2;
    while (decimals < 4 && std::abs(value * std::pow(10.0, decimals) -
                                    std::round(value * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    return Languages::displayLocale().toString(value, 'f', decimals);
}

// A number the server sent on, as a finite double; nullopt for anything else.
std::optional<double> number(const QJsonObject &quote, QLatin1StringView key)
{
    const QJsonValue value = quote.value(key);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::nullopt;
    return value.toDouble();
}

// One watched code in two lines: the code and its price; under them, quieter, the day's
// range and when the price was quoted.
class WatchedCodeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        // As wide as the list makes it: the price is never cut, the code is elided instead.
        const int line = option.fontMetrics.height();
        return {1, 2 * line + line / 2};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        option.widget->style()->drawControl(QStyle::CE_ItemViewItem, &background, painter,
                                            option.widget);

        const bool selected = option.state & QStyle::State_Selected;
        const Tones tones(option.palette);
        const QColor text = selected ? option.palette.highlightedText().color() : tones.text();
        const QColor quiet = selected ? text : tones.muted();
        const WatchlistPanel::Lines lines = WatchlistPanel::linesFor(index);
        const QRect area = option.rect.adjusted(6, 2, -6, -2);
        const int line = option.fontMetrics.height();
        const QRect top(area.left(), area.top(), area.width(), line);
        const QRect bottom(area.left(), area.top() + line, area.width(), line);

        painter->save();
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(text);
        const QFontMetrics boldMetrics(bold);
        const int priceWidth = boldMetrics.horizontalAdvance(lines.price);
        painter->drawText(top, Qt::AlignRight | Qt::AlignVCenter, lines.price);
        painter->drawText(
            top.adjusted(0, 0, -priceWidth - boldMetrics.averageCharWidth(), 0),
            Qt::AlignLeft | Qt::AlignVCenter,
            boldMetrics.elidedText(lines.code, Qt::ElideRight,
                                   top.width() - priceWidth - boldMetrics.averageCharWidth()));
        painter->setFont(option.font);
        painter->setPen(quiet);
        painter->drawText(
            bottom, Qt::AlignLeft | Qt::AlignVCenter,
            option.fontMetrics.elidedText(lines.detail, Qt::ElideRight, bottom.width()));
        painter->restore();
    }
};

// The watchlist as the view shows it: each row's accessible text is what is painted.
class SpokenRows : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::AccessibleTextRole)
            return QIdentityProxyModel::data(index, role);
        const WatchlistPanel::Lines lines = WatchlistPanel::linesFor(index);
        return u"%1 %2, %3"_s.arg(lines.code, lines.price, lines.detail);
    }
};
} // namespace

WatchlistPanel::Lines WatchlistPanel::linesFor(const QModelIndex &index)
{
    const QJsonObject quote = index.data(Watchlist::QuoteRole).toJsonObject();
    Lines lines{index.data(Qt::DisplayRole).toString(), QString(), tr("waiting for a price…")};
    if (const auto close = number(quote, "close"_L1))
        lines.price = price(*close);
    const auto low = number(quote, "low"_L1);
    const auto high = number(quote, "high"_L1);
    if (low && high) {
        lines.detail = tr("day %1 – %2").arg(price(*low), price(*high));
        if (const auto at = number(quote, "quotedAt"_L1)) {
            // Today's quote says its time; an older one (a weekend, a holiday) its day.
            const QDateTime when = QDateTime::fromMSecsSinceEpoch(qint64(*at)).toLocalTime();
            const QLocale locale = Languages::displayLocale();
            lines.detail += u" · "_s + (when.date() == QDate::currentDate()
                                            ? locale.toString(when.time(), QLocale::ShortFormat)
                                            : locale.toString(when.date(), QLocale::ShortFormat));
        }
    }
    return lines;
}

WatchlistPanel::WatchlistPanel(Watchlist &watchlist, QWidget *parent)
    : QWidget(parent)
    , m_watchlist(watchlist)
    , m_add(new QLineEdit(this))
    , m_codes(new QListView(this))
    , m_alerts(new QListWidget(this))
    , m_problem(new QLabel(this))
{
    m_add->setPlaceholderText(tr("Add a code, e.g. aapl.us"));
    m_add->setAccessibleName(tr("Add to watchlist"));
    m_add->setMaxLength(20);
    // What a screen reader says of a row: the code, its price and its day, as painted.
    auto *spoken = new SpokenRows(this);
    spoken->setSourceModel(&m_watchlist);
    m_codes->setModel(spoken);
    m_codes->setItemDelegate(new WatchedCodeDelegate(m_codes));
    m_codes->setAccessibleName(tr("Watchlist"));
    m_codes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_codes->setContextMenuPolicy(Qt::CustomContextMenu);
    m_codes->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_codes->setUniformItemSizes(true);
    m_codes->installEventFilter(this);
    m_codes->viewport()->installEventFilter(this); // tooltips: the whole row in words
    m_alerts->setAccessibleName(tr("Price alerts"));
    m_alerts->setContextMenuPolicy(Qt::CustomContextMenu);
    m_alerts->setWordWrap(true);
    m_alerts->installEventFilter(this);
    m_problem->setObjectName(u"watchlistProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(heading(tr("Watchlist"), this));
    layout->addWidget(m_add);
    layout->addWidget(m_problem);
    layout->addWidget(m_codes, 3);
    layout->addWidget(heading(tr("Price alerts"), this));
    layout->addWidget(m_alerts, 1);

    connect(m_add, &QLineEdit::returnPressed, this, [this] {
        if (m_add->text().trimmed().isEmpty())
            return;
        m_problem->hide();
        m_watchlist.add(m_add->text());
        m_add->clear();
    });
    connect(&m_watchlist, &Watchlist::changeFailed, this, [this](const QString &text) {
        say(m_problem, text, &Tones::error);
        m_problem->show();
    });
    connect(&m_watchlist, &Watchlist::alertsChanged, this, &WatchlistPanel::showAlerts);
    // The list is rebuilt when codes come or go: the row one was on stays the current one.
    connect(&m_watchlist, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_currentCode = m_codes->currentIndex().data(Watchlist::CodeRole).toString();
    });
    connect(&m_watchlist, &QAbstractItemModel::modelReset, this, [this] {
        const QAbstractItemModel *rows = m_codes->model();
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, 0).data(Watchlist::CodeRole).toString() == m_currentCode)
                m_codes->setCurrentIndex(rows->index(row, 0));
        }
    });
    connect(&m_watchlist, &Watchlist::availabilityChanged, m_problem, &QWidget::hide);
    connect(m_codes, &QWidget::customContextMenuRequested, this, &WatchlistPanel::showCodeMenu);
    connect(m_alerts, &QWidget::customContextMenuRequested, this, &WatchlistPanel::showAlertMenu);
    showAlerts();
}

void WatchlistPanel::showAlerts()
{
    const QListWidgetItem *current = m_alerts->currentItem();
    const QVariant currentId = current ? current->data(AlertIdRole) : QVariant();
    m_alerts->clear();
    for (const Protocol::PriceAlert &alert : m_watchlist.alerts()) {
        const bool above = alert.direction == "above"_L1;
        QString text =
            u"%1 %2 %3"_s.arg(alert.code.toUpper(), above ? u"≥"_s : u"≤"_s, price(alert.price));
        if (alert.triggeredAt) {
            const QDateTime when = QDateTime::fromMSecsSinceEpoch(*alert.triggeredAt).toLocalTime();
            text = tr("✓ %1 — reached %2 at %3")
                       .arg(text, price(alert.triggeredPrice.value_or(0)),
                            Languages::displayLocale().toString(when, QLocale::ShortFormat));
        }
        auto *item = new QListWidgetItem(text, m_alerts);
        item->setData(AlertIdRole, alert.id);
        QString tip = above ? tr("Tells you once when %1 is at or above %2")
                            : tr("Tells you once when %1 is at or below %2");
        tip = tip.arg(alert.code.toUpper(), price(alert.price));
        if (alert.room)
            tip += u'\n' + tr("Also tells #%1").arg(*alert.room);
        item->setToolTip(tip);
        if (alert.triggeredAt)
            item->setForeground(Tones(palette()).muted());
        if (currentId.isValid() && currentId.toLongLong() == alert.id)
            m_alerts->setCurrentItem(item);
    }
    if (m_alerts->count() == 0) {
        auto *hint = new QListWidgetItem(
            tr("Right-click a code (or press the Menu key on it) to set one."), m_alerts);
        hint->setFlags(Qt::NoItemFlags);
        hint->setForeground(Tones(palette()).muted());
    }
}

void WatchlistPanel::showCodeMenu(const QPoint &at)
{
    // The Menu key asks for the current row, wherever the pointer is.
    const QModelIndex pointed = m_codes->indexAt(at);
    const QString code = (pointed.isValid() ? pointed : m_codes->currentIndex())
                             .data(Watchlist::CodeRole)
                             .toString();
    if (code.isEmpty())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Alert when above…"), this, [this, code] { askForAlert(code, true); });
    menu->addAction(tr("Alert when below…"), this, [this, code] { askForAlert(code, false); });
    menu->addSeparator();
    menu->addAction(tr("Remove from watchlist"), this, [this, code] { m_watchlist.remove(code); });
    menu->popup(m_codes->viewport()->mapToGlobal(at));
}

void WatchlistPanel::showAlertMenu(const QPoint &at)
{
    const QListWidgetItem *item =
        m_alerts->itemAt(at) ? m_alerts->itemAt(at) : m_alerts->currentItem();
    if (!item || !item->data(AlertIdRole).isValid())
        return;
    const qint64 id = item->data(AlertIdRole).toLongLong();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Remove alert"), this, [this, id] { m_watchlist.removeAlert(id); });
    menu->popup(m_alerts->viewport()->mapToGlobal(at));
}

void WatchlistPanel::askForAlert(const QString &code, bool above)
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Price alert"));
    dialog->setLabelText(above ? tr("Tell me once when %1 is at or above:").arg(code.toUpper())
                               : tr("Tell me once when %1 is at or below:").arg(code.toUpper()));
    dialog->setInputMode(QInputDialog::DoubleInput);
    dialog->setDoubleDecimals(4);
    dialog->setDoubleRange(0.0001, 1e12);
    for (int row = 0; row < m_watchlist.rowCount(); ++row) {
        const QModelIndex index = m_watchlist.index(row);
        if (index.data(Watchlist::CodeRole).toString() == code) {
            if (const auto close =
                    number(index.data(Watchlist::QuoteRole).toJsonObject(), "close"_L1))
                dialog->setDoubleValue(*close);
        }
    }
    connect(dialog, &QInputDialog::doubleValueSelected, this,
            [this, code, above](double value) { m_watchlist.addAlert(code, above, value); });
    dialog->open();
}

bool WatchlistPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ToolTip && watched == m_codes->viewport()) {
        const auto *help = static_cast<QHelpEvent *>(event);
        if (const QModelIndex index = m_codes->indexAt(help->pos()); index.isValid()) {
            const Lines lines = linesFor(index);
            QToolTip::showText(help->globalPos(),
                               u"%1 %2\n%3"_s.arg(lines.code, lines.price, lines.detail),
                               m_codes->viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Delete)) {
        removeSelected(watched);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void WatchlistPanel::removeSelected(QObject *list)
{
    if (list == m_codes) {
        const QString code = m_codes->currentIndex().data(Watchlist::CodeRole).toString();
        if (!code.isEmpty())
            m_watchlist.remove(code);
    } else if (const QListWidgetItem *item = m_alerts->currentItem();
               item && item->data(AlertIdRole).isValid()) {
        m_watchlist.removeAlert(item->data(AlertIdRole).toLongLong());
    }
}

} // namespace FinChat::Ui
