#include "ui/newdirectdialog.h"

#include "core/chatclient.h"
#include "core/membermodel.h"
#include "ui/tones.h"

#include "finchat/protocol/requests.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

NewDirectDialog::NewDirectDialog(Client::ChatClient &client, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_people(new QListWidget(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"newDirectDialog"_s);
    setWindowTitle(tr("New direct message"));
    auto *about = new QLabel(tr("Write to one person, or to a few at once (up to %1). Only "
                                "the people in a conversation can read it.")
                                 .arg(Protocol::MaxDirectOthers),
                             this);
    about->setWordWrap(true);
    m_filter->setPlaceholderText(tr("Find people"));
    m_filter->setAccessibleName(tr("Find people"));
    m_filter->setClearButtonEnabled(true);
    m_people->setAccessibleName(tr("People of your rooms"));
    m_problem->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start conversation"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(m_filter);
    layout->addWidget(m_people);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(380, 420);

    listPeople(client);
    connect(m_filter, &QLineEdit::textChanged, this, &NewDirectDialog::filter);
    connect(m_people, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        // In bold once ticked: some styles draw an empty box faintly on a dark palette.
        QFont font = item->font();
        font.setBold(item->checkState() == Qt::Checked);
        if (font != item->font())
            item->setFont(font); // changes the item again, with nothing more to do
        check();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

void NewDirectDialog::listPeople(Client::ChatClient &client)
{
    QHash<QString, QString> people; // username → display name
    for (const QString &room : client.joinedRooms()) {
        for (const Client::MemberModel::Member &member : client.members(room)->members()) {
            if (!member.bot && member.user != client.username())
                people.insert(member.user, member.displayName);
        }
    }
    for (auto person = people.cbegin(); person != people.cend(); ++person) {
        auto *item = new QListWidgetItem(person.value() == person.key()
                                             ? person.key()
                                             : tr("%1 (@%2)").arg(person.value(), person.key()),
                                         m_people);
        item->setData(Qt::UserRole, person.key());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_people->sortItems();
    if (people.isEmpty())
        say(m_problem, tr("Nobody shares a room with you yet."), &Tones::muted);
}

void NewDirectDialog::filter(const QString &text)
{
    for (int row = 0; row < m_people->count(); ++row) {
        QListWidgetItem *item = m_people->item(row);
        // Whoever is ticked stays in view: nobody is written to unseen.
        item->setHidden(item->checkState() != Qt::Checked &&
                        !item->text().contains(text.trimmed(), Qt::CaseInsensitive));
    }
}

QStringList NewDirectDialog::chosen() const
{
    QStringList users;
    for (int row = 0; row < m_people->count(); ++row) {
        if (m_people->item(row)->checkState() == Qt::Checked)
            users.append(m_people->item(row)->data(Qt::UserRole).toString());
    }
    return users;
}

void NewDirectDialog::check()
{
    const auto count = chosen().size();
    const bool tooMany = count > Protocol::MaxDirectOthers;
    if (tooMany)
        say(m_problem, tr("At most %1 people besides you.").arg(Protocol::MaxDirectOthers),
            &Tones::error);
    else if (m_people->count() > 0)
        say(m_problem, QString(), &Tones::muted);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(count > 0 && !tooMany);
}

} // namespace FinChat::Ui
