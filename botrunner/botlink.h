#pragma once

#include "finchat/botmanifest.h"
#include "finchat/botplugin.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>
#include <QWebSocket>

#include <chrono>

namespace FinChat::BotRunner {

// One plugin served to the server as its bot account: logs in with the account's token,
// announces the plugin's commands, hands each bot.command to the plugin, and sends its
// answers back as bot.reply or bot.fail. When the connection drops it reconnects, waiting
// longer after each failure (0.5 s doubling to 30 s, with jitter so that many runners do not
// come back at once; the waits start over only after a connection that served a minute). The
// server fails what the plugin had not answered when the connection dropped, so an answer
// for a request of an earlier connection is dropped, never sent to the new one. A ping every
// 20 s finds a connection that died without a word.
class BotLink : public QObject, public BotContext
{
    Q_OBJECT

public:
    BotLink(BotManifest manifest, BotPlugin *plugin, QString tokenFile, QVariantMap settings,
            QUrl server, QSslConfiguration tls, QObject *parent = nullptr);
    ~BotLink() override;

    const BotManifest &manifest() const { return m_manifest; }
    void start();

    // BotContext: any thread.
    void reply(quint64 requestId, const QString &text, const QJsonObject &data) override;
    void fail(quint64 requestId, const QString &reason) override;
    QString setting(const QString &key) const override;

signals:
    // Announced and answering: for logs and tests.
    void serving();

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onCommand(const QJsonObject &frame);
    void onError(const QJsonObject &frame);
    void checkAlive();
    void send(const QJsonObject &frame);
    void retryLater();
    // Runs work on this object's thread: a plugin may answer from a thread of its own.
    template<typename Work>
    void onOwnThread(Work work);

    BotManifest m_manifest;
    BotPlugin *m_plugin;
    QString m_tokenFile;
    QVariantMap m_settings;
    QUrl m_server;
    QWebSocket m_socket;
    QTimer m_retry;
    QTimer m_keepAlive;
    bool m_awaitingPong = false;
    std::chrono::milliseconds m_backoff;
    QElapsedTimer m_servingSince; // invalid while not serving
    qint64 m_nextFrameId = 1;
    qint64 m_loginId = 0;
    qint64 m_announceId = 0;
    // The requests of this connection that the plugin has not answered yet: the id the plugin
    // was given (this runner's own, never reused) and the server's. The server's ids start
    // over when it restarts, so the plugin never sees them: a late answer to a request of an
    // earlier connection cannot match a new one.
    QHash<quint64, qint64> m_open;
    quint64 m_nextRequestId = 1;
    bool m_wasConnecting = false;
    bool m_stopping = false;
};

} // namespace FinChat::BotRunner
