#pragma once

#include "core/chatserver.h"
#include "storage/storagethread.h"

#include <QTemporaryDir>
#include <QWebSocket>

#include <memory>

namespace FinChat::Fuzzing {

// A real server (ChatServer on a loopback port over a real SQLite file) and a real client
// that is logged in and a member of #general and of a room of its own, so that input reaches
// every handler, not only the ones open before login.
class FuzzHarness
{
public:
    FuzzHarness();
    ~FuzzHarness();

    // Sends one text frame on the logged-in connection and runs the event loop until the
    // server answers it, closes the socket, or a short while passes. Afterwards the client
    // is connected and logged in again, whatever the frame did.
    void deliver(const QString &frame);
    // Sends a frame on a fresh connection and closes it before the answer: the server must
    // cope with a client that leaves mid-request.
    void deliverAndLeave(const QString &frame);
    // True when a new client can still connect, log in and post: the server is healthy.
    bool serverServes();

    qint64 answers() const { return m_answers; }
    qint64 reconnects() const { return m_reconnects; }

private:
    void connectClient();
    bool waitFor(const std::function<bool()> &done, int timeoutMs);
    QString callAndWait(QWebSocket &socket, const QString &frame);

    QTemporaryDir m_folder;
    std::unique_ptr<StorageThread> m_storage;
    std::unique_ptr<ChatServer> m_server;
    std::unique_ptr<QWebSocket> m_client;
    QString m_token;
    bool m_answered = false;
    qint64 m_answers = 0;
    qint64 m_reconnects = 0;
};

} // namespace FinChat::Fuzzing
