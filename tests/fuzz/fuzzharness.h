#pragma once

#include "core/chatserver.h"
#include "storage/storagethread.h"

#include <QTemporaryDir>
#include <QWebSocket>

#include <memory>

namespace FinChat::Fuzzing {

// A real server (ChatServer on a loopback port over a real SQLite file) and a real client
// that is logged in and a member of #general and of a room of its own, so that input reaches
// every handler, not only the ones open before login; and a bot connected over the wire that
// answers /fuzz, which gets the frames for bots (bot.*).
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
    void connectBot();
    // The socket whose answers end the wait in deliver() (the person's or the bot's).
    void listenForAnswers(QWebSocket &socket);
    bool waitFor(const std::function<bool()> &done, int timeoutMs);
    QString callAndWait(QWebSocket &socket, const QString &frame);

    QTemporaryDir m_folder;
    std::unique_ptr<StorageThread> m_storage;
    std::unique_ptr<ChatServer> m_server;
    std::unique_ptr<QWebSocket> m_client;
    std::unique_ptr<QWebSocket> m_bot;
    QString m_token;
    QString m_botToken;
    bool m_answered = false;
    qint64 m_answers = 0;
    qint64 m_reconnects = 0;
};

} // namespace FinChat::Fuzzing
