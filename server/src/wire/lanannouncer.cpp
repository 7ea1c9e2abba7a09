#include "wire/lanannouncer.h"

#include "startup/serverconfig.h"

#include "finchat/validation.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {
constexpr int Version = 1;
constexpr qsizetype MaxDatagram = 1024;
constexpr qsizetype MaxName = 64;
} // namespace

LanAnnouncer::LanAnnouncer(std::function<Announcement()> describe, QList<QHostAddress> targets,
                           quint16 port, const QHostAddress &from, QObject *parent)
    : QObject(parent)
    , m_describe(std::move(describe))
    , m_targets(std::move(targets))
    , m_port(port)
{
    m_timer.setInterval(Interval);
    connect(&m_timer, &QTimer::timeout, this, &LanAnnouncer::announce);
    if (!isAnyAddress(from))
        m_socket.bind(from, 0);
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
        !json.value(u"name"_s).isString() || !json.value(u"tls"_s).isBool() ||
        !json.value(u"fingerprint"_s).isString())
        return std::nullopt;
    // Anyone on the network can send one: a name is shown only if it is an ordinary name
    // (no control or direction characters to disguise it), a fingerprint only if it is one.
    const auto name = Validation::normalizedDisplayName(json.value(u"name"_s).toString());
    static const QRegularExpression sha256(u"^([0-9A-F]{2}:){31}[0-9A-F]{2}$"_s);
    const QString fingerprint = json.value(u"fingerprint"_s).toString();
    const bool tls = json.value(u"tls"_s).toBool();
    const auto disguising = [](QChar c) {
        return c.category() == QChar::Other_Format || c.category() == QChar::Other_Control;
    };
    if (!name || name->size() > MaxName || std::any_of(name->cbegin(), name->cend(), disguising) ||
        (tls ? !sha256.match(fingerprint).hasMatch() : !fingerprint.isEmpty()))
        return std::nullopt;
    return Announcement{*name, static_cast<quint16>(port), tls, fingerprint};
}

} // namespace FinChat
