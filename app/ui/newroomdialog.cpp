#include "ui/newroomdialog.h"

#include "ui/tones.h"

#include "finchat/validation.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace FinChat::Ui {

NewRoomDialog::NewRoomDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_topic(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newRoomDialog"));
    setWindowTitle(tr("New room"));
    m_name->setPlaceholderText(tr("e.g. macro or fx-desk"));
    m_name->setMaxLength(Validation::RoomNameMaxLength);
    m_topic->setPlaceholderText(tr("optional: what the room is about"));
    m_topic->setMaxLength(Validation::TopicMaxLength);
    m_problem->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Topic"), m_topic);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &NewRoomDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

QString NewRoomDialog::name() const
{
    return Validation::normalizedRoomName(m_name->text().trimmed()).value_or(QString());
}

QString NewRoomDialog::topic() const
{
    return Validation::normalizedTopic(m_topic->text()).value_or(QString());
}

void NewRoomDialog::check()
{
    const bool empty = m_name->text().trimmed().isEmpty();
    const bool valid = !name().isEmpty();
    say(m_problem,
        empty || valid ? QString()
                       : tr("2 to 32 of a-z, 0-9, '_' and '-', starting with a letter or digit."),
        &Tones::error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

} // namespace FinChat::Ui
