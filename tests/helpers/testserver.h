#pragma once

#include "chatserver.h"
#include "serverconfig.h"
#include "storage.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace FinChat::Testing {

// A real ChatServer on a loopback port over a real SQLite file in a temporary folder.
class TestServer
{
public:
    explicit TestServer(ServerLimits limits = {});
    ~TestServer();

    // Stops the server and starts a new one on the same database file (a new port).
    void restart();
    void stop();

    QUrl url() const;
    QString databasePath() const;
    ChatServer &server() { return *m_server; }
    Storage &storage() { return *m_storage; }

private:
    void start();

    QTemporaryDir m_folder;
    ServerLimits m_limits;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<ChatServer> m_server;
};

} // namespace FinChat::Testing
