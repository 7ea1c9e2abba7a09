#include "wire/lanannouncer.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {
constexpr int Version = 1;
constexpr qsizetype MaxDatagram = 1024;
constexpr qsizetype MaxName = 64;
} // namespace

LanAnnouncer::LanAnnouncer(std::function<Announcement()> describe, QList<QHostAddress> targets,
                           quint16 port, QObject *parent)
    : QObject(parent)
    , m_describe(std::move(describe))
    , m_targets(std::move(targets))
    , m_port(port)
{
    m_timer.setInterval(Interval);
    connect(&m_timer, &QTimer::timeout, this, &LanAnnouncer::announce);
}

void LanAnnouncer::start()
{
    announce();
    m_timer.start();
}

void LanAnnouncer::stop()
{
    m_timer.stop();
}

void LanAnnouncer::announce()
{
    const QByteArray datagram = encode(m_describe());
    // A network without broadcast (or without the route) only means nobody hears it.
    for (const QHostAddress &target : std::as_const(m_targets))
        m_socket.writeDatagram(datagram, target, m_port);
}

QByteArray LanAnnouncer::encode(const Announcement &announcement)
{
    return QJsonDocument(QJsonObject{{u"finchat"_s, Version},
                                     {u"name"_s, announcement.name.left(MaxName)},
                                     {u"port"_s, announcement.port},
                                     {u"tls"_s, announcement.tls},
                                     {u"fingerprint"_s, announcement.fingerprint}})
        .toJson(QJsonDocument::Compact);
}

std::optional<LanAnnouncer::Announcement> LanAnnouncer::decode(const QByteArray &datagram)
{
    if (datagram.size() > MaxDatagram)
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(datagram).object();
    const int port = json.value(u"port"_s).toInt();
    if (json.value(u"finchat"_s).toInt() != Version || port <= 0 || port > 65535 ||
        !json.value(u"name"_s).isString() || !json.value(u"tls"_s).isBool())
        return std::nullopt;
    return Announcement{json.value(u"name"_s).toString().left(MaxName), static_cast<quint16>(port),
                        json.value(u"tls"_s).toBool(),
                        json.value(u"fingerprint"_s).toString().left(200)};
}

} // namespace FinChat
