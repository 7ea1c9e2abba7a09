#include "ui/quickswitcher.h"

#include "core/roomlistmodel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace FinChat::Ui {

using Client::RoomListModel;

QuickSwitcher::QuickSwitcher(QAbstractItemModel *rooms, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_matches(new QListView(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Go to room"));
    setObjectName(QStringLiteral("quickSwitcher"));
    m_proxy->setSourceModel(rooms);
    m_proxy->setFilterRole(RoomListModel::TitleRole); // a direct conversation by its people
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setPlaceholderText(tr("Room or person"));
    m_filter->setAccessibleName(tr("Room to go to"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_matches->setModel(m_proxy);
    m_matches->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matches->setAccessibleName(tr("Matching rooms"));
    m_matches->setFocusPolicy(Qt::NoFocus); // the keys stay in the field
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_matches);
    resize(360, 300);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed().remove(QLatin1Char('#')));
        m_matches->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_filter, &QLineEdit::returnPressed, this, &QuickSwitcher::chooseCurrent);
    connect(m_matches, &QListView::activated, this, &QuickSwitcher::chooseCurrent);
    m_matches->setCurrentIndex(m_proxy->index(0, 0));
}

void QuickSwitcher::chooseCurrent()
{
    const QModelIndex current = m_matches->currentIndex();
    if (!current.isValid())
        return;
    emit roomChosen(current.data(RoomListModel::NameRole).toString());
    accept();
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int row = m_matches->currentIndex().row() + (key == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < m_proxy->rowCount())
                m_matches->setCurrentIndex(m_proxy->index(row, 0));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace FinChat::Ui
