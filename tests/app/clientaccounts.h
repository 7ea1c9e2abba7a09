#pragma once

#include "core/chatclient.h"

#include <QString>
#include <QUrl>

#include <qcoro/qcorotask.h>

namespace FinChat::Testing {

// Registers and logs in with the tests' usual password, and waits for the outcome.
inline Client::ChatClient::Result createAccount(Client::ChatClient &client, const QUrl &url,
                                                const QString &name)
{
    return QCoro::waitFor(client.createAccount(url, name, QStringLiteral("correct horse")));
}

} // namespace FinChat::Testing
