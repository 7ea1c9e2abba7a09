#include "core/knownservers.h"

#include <QSettings>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

KnownServers::KnownServers(Storage storage)
    : m_storage(storage)
{}

QString KnownServers::key(const QUrl &server)
{
    // Percent-encoded: QSettings keys must not hold '/', and IPv6 hosts hold ':'.
    // Without a port, QWebSocket connects where the scheme says, as a browser would.
    const int port = server.port(server.scheme() == "ws"_L1 ? 80 : 443);
    const QString hostAndPort = u"%1:%2"_s.arg(server.host().toLower()).arg(port);
    return u"knownServers/"_s + QString::fromLatin1(QUrl::toPercentEncoding(hostAndPort));
}

QString KnownServers::trusted(const QUrl &server) const
{
    if (m_storage == Storage::AppSettings)
        return QSettings().value(key(server)).toString();
    return m_memory.value(key(server));
}

void KnownServers::trust(const QUrl &server, const QString &fingerprint)
{
    if (m_storage == Storage::AppSettings)
        QSettings().setValue(key(server), fingerprint);
    else
        m_memory.insert(key(server), fingerprint);
}

} // namespace FinChat::Client
