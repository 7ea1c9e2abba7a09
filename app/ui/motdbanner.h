#pragma once

#include "ui/banner.h"

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

// The site's message of the day, above the conversation from the moment of logging in until
// the person dismisses it. It shows again when an admin changes it, not at every reconnect.
class MotdBanner : public Banner
{
    Q_OBJECT

public:
    explicit MotdBanner(Client::ChatClient &client, QWidget *parent = nullptr);

private:
    void update();

    Client::ChatClient &m_client;
    QString m_dismissed; // the text the person closed
};

} // namespace FinChat::Ui
