#include "ui/searchdialog.h"

#include "core/chatclient.h"
#include "core/errortext.h"
#include "core/roomlistmodel.h"
#include "ui/languages.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

namespace {
// A result shows this much of its message around the first word found.
constexpr qsizetype ShownContext = 160;
constexpr int PageSize = 20;
} // namespace

SearchDialog::SearchDialog(Client::ChatClient &client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_query(new QLineEdit(this))
    , m_scope(new QComboBox(this))
    , m_results(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_more(new QPushButton(tr("More results"), this))
{
    setObjectName(u"searchDialog"_s);
    setWindowTitle(tr("Search messages"));
    m_query->setObjectName(u"searchQuery"_s);
    m_query->setPlaceholderText(tr("Words to look for, then Enter"));
    m_query->setAccessibleName(tr("Search messages"));
    m_query->setMaxLength(static_cast<int>(Protocol::SearchQueryMaxLength));
    m_scope->setAccessibleName(tr("Where to search"));
    m_scope->addItem(tr("All my rooms"));
    for (const QString &room : client.joinedRooms())
        m_scope->addItem(client.rooms()->shownName(room), room);
    if (const int current = m_scope->findData(client.currentRoom()); current > 0)
        m_scope->setCurrentIndex(current);
    m_results->setAccessibleName(tr("Results, best first"));
    m_results->setWordWrap(true);
    m_results->setAlternatingRowColors(true);
    m_status->setWordWrap(true);
    m_more->setObjectName(u"moreResults"_s);
    m_more->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_query, &QLineEdit::returnPressed, this, &SearchDialog::search);
    connect(m_scope, &QComboBox::activated, this, [this] {
        if (!m_query->text().trimmed().isEmpty())
            search();
    });
    connect(m_more, &QPushButton::clicked, this, [this] { load(); });
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit resultChosen(item->data(Qt::UserRole).toString(),
                          item->data(Qt::UserRole + 1).toLongLong());
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_query, 1);
    top->addWidget(m_scope);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_more, 0, Qt::AlignLeft);
    layout->addWidget(buttons);
    resize(560, 460);
}

void SearchDialog::search()
{
    m_results->clear();
    m_more->hide();
    const QString room = m_scope->currentData().toString();
    m_searching = {m_query->text(), room.isEmpty() ? std::nullopt : std::optional(room), qint64(0),
                   qint64(PageSize)};
    load();
}

QCoro::Task<> SearchDialog::load()
{
    QPointer<SearchDialog> self(this);
    const quint64 generation = ++m_generation;
    const Protocol::MessageSearch request = m_searching;
    m_status->setText(tr("Searching…"));
    auto asking = m_client.ask(request);
    const auto answer = co_await asking;
    if (!self || generation != m_generation)
        co_return;
    if (!answer.ok()) {
        m_status->setText(Client::ErrorText::describe(answer.failure()));
        emit searched();
        co_return;
    }
    for (const Protocol::SearchHit &hit : answer->results)
        addResult(hit);
    // On from where the server's ranking left off, whatever it dropped on the way.
    m_searching.offset = request.offset.value_or(0) + PageSize;
    const int count = m_results->count();
    m_status->setText(count == 0
                          ? tr("Nothing found.")
                          : tr("Found: %n. Double-click a result to open it.", nullptr, count));
    m_more->setVisible(answer->hasMore && *m_searching.offset <= Protocol::MaxSearchOffset);
    emit searched();
}

QString SearchDialog::highlighted(const Protocol::SearchHit &hit)
{
    const QString &body = hit.message.body;
    // A long message shows around its first match, not its whole text.
    qsizetype from = 0;
    if (!hit.highlights.isEmpty() && body.size() > ShownContext)
        from = std::clamp<qsizetype>(hit.highlights.first().start - ShownContext / 4, 0,
                                     body.size() - ShownContext);
    const qsizetype to = std::min(body.size(), from + ShownContext);
    QString shown = from > 0 ? u"…"_s : QString();
    qsizetype at = from;
    for (const Protocol::TextRange &range : hit.highlights) {
        const qsizetype start = std::max<qsizetype>(range.start, at);
        const qsizetype end = std::min<qsizetype>(range.start + range.length, to);
        if (start >= end)
            continue;
        shown += body.mid(at, start - at).toHtmlEscaped() + u"<b>"_s +
                 body.mid(start, end - start).toHtmlEscaped() + u"</b>"_s;
        at = end;
    }
    shown += body.mid(at, to - at).toHtmlEscaped();
    if (to < body.size())
        shown += u"…"_s;
    return shown;
}

void SearchDialog::addResult(const Protocol::SearchHit &hit)
{
    const Protocol::Message &message = hit.message;
    const QString when = Languages::displayLocale().toString(
        QDateTime::fromMSecsSinceEpoch(message.timestamp).toLocalTime(), QLocale::ShortFormat);
    auto *item = new QListWidgetItem(m_results);
    item->setData(Qt::UserRole, message.room);
    item->setData(Qt::UserRole + 1, message.id);
    const QString where = m_client.rooms()->shownName(message.room);
    item->setData(Qt::AccessibleTextRole,
                  tr("%1 in %2, %3: %4").arg(message.displayName, where, when, message.body));
    auto *shown = new QLabel(u"<span style='color:gray'>%1 · %2 · %3</span><br>%4"_s.arg(
                                 where.toHtmlEscaped(), message.displayName.toHtmlEscaped(),
                                 when.toHtmlEscaped(), highlighted(hit)),
                             m_results);
    shown->setTextFormat(Qt::RichText);
    shown->setWordWrap(true);
    shown->setContentsMargins(4, 3, 4, 3);
    item->setSizeHint(shown->sizeHint());
    m_results->setItemWidget(item, shown);
}

} // namespace FinChat::Ui
