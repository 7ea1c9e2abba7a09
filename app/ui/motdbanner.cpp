#include "ui/motdbanner.h"

#include "core/chatclient.h"

#include <QLabel>
#include <QPushButton>

namespace FinChat::Ui {

MotdBanner::MotdBanner(Client::ChatClient &client, QWidget *parent)
    : Banner(QStringLiteral("motdBanner"), parent)
    , m_client(client)
{
    label()->setTextFormat(Qt::PlainText); // an admin's words, shown as typed
    label()->setAccessibleName(tr("Message of the day"));
    connect(addButton(tr("Dismiss"), QStringLiteral("dismissMotd")), &QPushButton::clicked, this,
            [this] {
                m_dismissed = m_client.siteSettings().motd;
                update();
            });
    connect(&client, &Client::ChatClient::siteSettingsChanged, this, &MotdBanner::update);
    update();
}

void MotdBanner::update()
{
    const QString motd = m_client.siteSettings().motd;
    setText(motd);
    setVisible(!motd.isEmpty() && motd != m_dismissed);
}

} // namespace FinChat::Ui
