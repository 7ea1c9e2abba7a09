#include "ui/reconnectbanner.h"

#include "core/chatclient.h"
#include "ui/tones.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace FinChat::Ui {

using Client::ChatClient;

ReconnectBanner::ReconnectBanner(ChatClient &client, QWidget *parent)
    : QFrame(parent)
    , m_client(client)
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry now"), this))
{
    setObjectName(QStringLiteral("reconnectBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    const Tones tones(tinted);
    tinted.setColor(QPalette::Window, tones.bubble(Tones::Bubble::Bot));
    tinted.setColor(QPalette::WindowText, tones.text());
    setPalette(tinted);
    m_text->setWordWrap(true);
    m_retry->setObjectName(QStringLiteral("retryNowButton"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ReconnectBanner::update);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_client.retryNow();
        update();
    });
    connect(&client, &ChatClient::stateChanged, this, &ReconnectBanner::update);
    update();
}

QString ReconnectBanner::text() const
{
    return m_text->text();
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
    m_text->setText(seconds > 0
                        ? tr("Connection lost. Trying again in %1 s… What you write is sent once "
                             "it is back.")
                              .arg(seconds)
                        : tr("Connection lost. Trying to reconnect… What you write is sent "
                             "once it is back."));
    m_retry->setEnabled(seconds > 0);
}

} // namespace FinChat::Ui
