#pragma once

#include <QHash>
#include <QString>
#include <QUrl>

namespace FinChat::Client {

// The certificates a person chose to trust, one per server (host and port), like SSH's
// known_hosts: trusted on first use, and a different one later is a warning, not a prompt.
// A certificate that a CA the system trusts vouches for needs no entry. Fingerprints are
// not secrets; they are kept in the app's settings.
class KnownServers
{
public:
    enum class Storage
    {
        Memory,     // for tests and tools
        AppSettings // QSettings of the application, across runs
    };

    explicit KnownServers(Storage storage = Storage::Memory);

    // The trusted certificate's SHA-256 fingerprint (fingerprintText()), or empty.
    QString trusted(const QUrl &server) const;
    void trust(const QUrl &server, const QString &fingerprint);

private:
    static QString key(const QUrl &server);

    Storage m_storage;
    QHash<QString, QString> m_memory;
};

} // namespace FinChat::Client
