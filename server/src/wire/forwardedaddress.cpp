#include "wire/forwardedaddress.h"

#include <QWebSocket>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {

QString normalised(QHostAddress address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        address = QHostAddress(v4);
    return address.toString();
}

} // namespace

std::optional<QList<ForwardedAddress::Subnet>>
ForwardedAddress::parseTrusted(const QString &setting)
{
    QList<Subnet> subnets;
    for (const QString &item : setting.split(u',', Qt::SkipEmptyParts)) {
        const QString text = item.trimmed();
        if (text.isEmpty())
            continue;
        if (text.contains(u'/')) {
            const Subnet subnet = QHostAddress::parseSubnet(text);
            if (subnet.first.isNull())
                return std::nullopt;
            subnets.append(subnet);
            continue;
        }
        const QHostAddress address(text);
        if (address.isNull())
            return std::nullopt;
        subnets.append({address, address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128});
    }
    return subnets;
}

QString ForwardedAddress::of(const QWebSocket &socket, const QList<Subnet> &trusted)
{
    const QHostAddress peer = socket.peerAddress();
    const bool fromProxy = std::any_of(trusted.cbegin(), trusted.cend(), [&](const Subnet &subnet) {
        return peer.isInSubnet(subnet) ||
               QHostAddress(normalised(peer)).isInSubnet(subnet); // ::ffff:10.0.0.5
    });
    if (!fromProxy)
        return normalised(peer);
    // Each proxy appends the address it was reached from: the last is the one our proxy saw.
    const QList<QByteArray> named = socket.request().rawHeader("X-Forwarded-For").split(',');
    const QHostAddress client(QString::fromLatin1(named.constLast().trimmed()));
    return client.isNull() ? normalised(peer) : normalised(client);
}

} // namespace FinChat
