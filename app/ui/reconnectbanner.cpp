#include "ui/reconnectbanner.h"

#include "core/chatclient.h"

#include <QPushButton>

namespace FinChat::Ui {

using Client::ChatClient;

ReconnectBanner::ReconnectBanner(ChatClient &client, QWidget *parent)
    : Banner(QStringLiteral("reconnectBanner"), parent)
    , m_client(client)
    , m_retry(addButton(tr("Retry now"), QStringLiteral("retryNowButton")))
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ReconnectBanner::update);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_client.retryNow();
        update();
    });
    connect(&client, &ChatClient::stateChanged, this, &ReconnectBanner::update);
    update();
}

void ReconnectBanner::update()
{
    const bool lost = m_client.state() == ChatClient::State::Reconnecting;
    setVisible(lost);
    if (!lost) {
        m_countdown.stop();
        return;
    }
    m_countdown.start();
    const int seconds = (m_client.nextTryIn() + 999) / 1000;
    setText(seconds > 0 ? tr("Connection lost. Trying again in %1 s… What you write is sent once "
                             "it is back.")
                              .arg(seconds)
                        : tr("Connection lost. Trying to reconnect… What you write is sent "
                             "once it is back."));
    m_retry->setEnabled(seconds > 0);
}

} // namespace FinChat::Ui
