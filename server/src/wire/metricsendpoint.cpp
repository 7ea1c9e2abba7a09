#include "wire/metricsendpoint.h"

#include "wire/cappedtcpserver.h"

#include <QHttpServer>
#include <QHttpServerResponse>

namespace FinChat {

namespace {

// Prometheus label values escape backslash, double quote and newline.
QByteArray labelValue(const QString &value)
{
    QByteArray escaped = value.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return escaped;
}

class Exposition
{
public:
    void metric(const char *name, const char *type, const char *help)
    {
        m_text +=
            QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    }
    void sample(const char *name, double value, const QByteArray &labels = {})
    {
        m_text += name;
        if (!labels.isEmpty())
            m_text += '{' + labels + '}';
        m_text += ' ' + QByteArray::number(value, 'g', 15) + '\n';
    }
    QByteArray text() const { return m_text; }

private:
    QByteArray m_text;
};

} // namespace

MetricsEndpoint::MetricsEndpoint(Snapshot snapshot, QObject *parent)
    : QObject(parent)
    , m_snapshot(std::move(snapshot))
    , m_http(std::make_unique<QHttpServer>())
{
    m_http->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get, [this] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   prometheusText(m_snapshot()));
    });
}

MetricsEndpoint::~MetricsEndpoint() = default;

quint16 MetricsEndpoint::listen(const QHostAddress &address, quint16 port)
{
    auto *listener = new CappedTcpServer(CappedTcpServer::Caps{}, this);
    if (!listener->listen(address, port)) {
        delete listener;
        return 0;
    }
    m_http->bind(listener);
    return listener->serverPort();
}

QByteArray MetricsEndpoint::prometheusText(const Protocol::ServerStatusOk &status)
{
    Exposition out;
    out.metric("finchat_info", "gauge", "The server's version, as a label; always 1.");
    out.sample("finchat_info", 1, "version=\"" + labelValue(status.version) + '"');
    out.metric("finchat_start_time_seconds", "gauge", "When the server started, Unix time.");
    out.sample("finchat_start_time_seconds", static_cast<double>(status.startedAt) / 1000);
    out.metric("finchat_connections", "gauge", "Open sockets, logged in or not.");
    out.sample("finchat_connections", static_cast<double>(status.connections));
    out.metric("finchat_users_online", "gauge", "People logged in on at least one connection.");
    out.sample("finchat_users_online", static_cast<double>(status.usersOnline));
    out.metric("finchat_messages_stored_total", "counter", "Messages stored since the start.");
    out.sample("finchat_messages_stored_total", static_cast<double>(status.messagesSinceStart));
    out.metric("finchat_messages_per_second", "gauge",
               "Messages stored over the last minute, per second.");
    out.sample("finchat_messages_per_second", status.messagesPerSecond);
    out.metric("finchat_database_bytes", "gauge", "The database file and its write-ahead log.");
    out.sample("finchat_database_bytes", static_cast<double>(status.databaseBytes));
    out.metric("finchat_bot_available", "gauge", "1 while the bot answers, 0 while it is away.");
    for (const Protocol::BotState &bot : status.bots) {
        out.sample("finchat_bot_available", bot.available ? 1 : 0,
                   "bot=\"" + labelValue(bot.username) + "\",kind=\"" + labelValue(bot.kind) + '"');
    }
    return out.text();
}

} // namespace FinChat
