#pragma once

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

// Above the conversation while the connection is lost: when the next try is, and a button
// to try now (the person often knows before the backoff does that the network is back).
// Hidden while online.
class ReconnectBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ReconnectBanner(Client::ChatClient &client, QWidget *parent = nullptr);

    QPushButton *retryButton() const { return m_retry; }
    QString text() const;

private:
    void update();

    Client::ChatClient &m_client;
    QLabel *m_text;
    QPushButton *m_retry;
    QTimer m_countdown;
};

} // namespace FinChat::Ui
