#include "ui/profiledialog.h"

#include "core/chatclient.h"
#include "core/errortext.h"
#include "ui/languages.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

ProfileDialog::ProfileDialog(Client::ChatClient &client, const QString &username, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_name(new QLabel(this))
    , m_details(new QLabel(tr("Asking the server…"), this))
    , m_bio(new QLabel(this))
    , m_rooms(new QLabel(this))
    , m_write(new QPushButton(tr("Send a direct message"), this))
{
    setObjectName(u"profileDialog"_s);
    setWindowTitle(tr("Profile of %1").arg(username));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setText(username);
    for (QLabel *label : {m_name, m_details, m_bio, m_rooms}) {
        label->setTextFormat(Qt::PlainText); // what people wrote about themselves: never markup
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_bio->hide();
    m_rooms->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_write, QDialogButtonBox::ActionRole);
    m_write->setObjectName(u"writeButton"_s);
    m_write->hide();
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_write, &QPushButton::clicked, this, [this, username] {
        emit directMessageWanted(username);
        accept();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_details);
    layout->addWidget(m_bio);
    layout->addWidget(m_rooms);
    layout->addWidget(buttons);
    setMinimumWidth(360);
    load(username);
}

QString ProfileDialog::shown() const
{
    QStringList lines;
    for (const QLabel *label : {m_name, m_details, m_bio, m_rooms}) {
        if (!label->isHidden())
            lines.append(label->text());
    }
    return lines.join(u'\n');
}

QCoro::Task<> ProfileDialog::load(QString username)
{
    QPointer<ProfileDialog> self(this);
    auto asking = m_client.ask(Protocol::ProfileGet{username});
    const auto answer = co_await asking;
    if (!self)
        co_return;
    if (answer.ok())
        present(answer.reply());
    else
        m_details->setText(Client::ErrorText::describe(answer.failure()));
    adjustSize(); // the wrapped lines may need more height than the first guess
    emit loaded();
}

void ProfileDialog::present(const Protocol::ProfileGetOk &profile)
{
    m_name->setText(profile.user.displayName);
    QStringList details{u"@"_s + profile.user.username};
    if (profile.user.bot)
        details.append(tr("bot"));
    else if (profile.user.role == Protocol::roleName(Protocol::Role::Admin))
        details.append(tr("admin"));
    else if (profile.user.role == Protocol::roleName(Protocol::Role::Moderator))
        details.append(tr("moderator"));
    details.append(profile.online ? tr("online") : tr("offline"));
    const QDate joined = QDateTime::fromMSecsSinceEpoch(profile.createdAt).toLocalTime().date();
    details.append(
        tr("here since %1").arg(Languages::displayLocale().toString(joined, QLocale::LongFormat)));
    m_details->setText(details.join(u" · "_s));
    m_bio->setText(profile.bio);
    m_bio->setVisible(!profile.bio.isEmpty());
    const bool own = profile.user.username == m_client.username();
    QStringList rooms;
    for (const QString &room : profile.rooms)
        rooms.append(u"#"_s + room);
    m_rooms->setText(rooms.isEmpty() ? tr("You share no room.")
                     : own           ? tr("Your rooms: %1").arg(rooms.join(u", "_s))
                                     : tr("Rooms you share: %1").arg(rooms.join(u", "_s)));
    m_rooms->setVisible(true);
    m_write->setVisible(!own && !profile.user.bot);
}

} // namespace FinChat::Ui
