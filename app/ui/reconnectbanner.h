#pragma once

#include "ui/banner.h"

#include <QTimer>

class QPushButton;

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

// Above the conversation while the connection is lost: when the next try is, and a button
// to try now (the person often knows before the backoff does that the network is back).
// Hidden while online.
class ReconnectBanner : public Banner
{
    Q_OBJECT

public:
    explicit ReconnectBanner(Client::ChatClient &client, QWidget *parent = nullptr);

    QPushButton *retryButton() const { return m_retry; }

private:
    void update();

    Client::ChatClient &m_client;
    QPushButton *m_retry;
    QTimer m_countdown;
};

} // namespace FinChat::Ui
