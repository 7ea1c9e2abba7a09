#pragma once

#include "startup/serverconfig.h"
#include "tls/certificatefactory.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace FinChat::Tls {

// The certificate the server presents: the administrator's own (a real or an internal CA's)
// when the config names one, else a self-signed one the server made at its first start and
// keeps in its data folder, so that clients who pinned it keep trusting it.
class ServerCertificate
{
public:
    static constexpr auto CertificateFileName = "finchat-certificate.pem";
    static constexpr auto KeyFileName = "finchat-key.pem";

    // Reads the configured files, or the generated pair, creating it when absent. Throws
    // CertificateError naming the file and what is wrong with it.
    static ServerCertificate load(const TlsSettings &settings);

    // For a server that listens with it.
    QSslConfiguration configuration() const;
    const QSslCertificate &certificate() const { return m_chain.constFirst(); }
    // True when load() made a new self-signed certificate.
    bool created() const { return m_created; }
    // Where it was read from, for the log.
    const QString &file() const { return m_file; }

private:
    static ServerCertificate loadConfigured(const TlsSettings &settings);
    static ServerCertificate loadGenerated(const QString &folder);

    QList<QSslCertificate> m_chain; // the server's own first, then its issuers
    QSslKey m_key;
    QString m_file;
    bool m_created = false;
};

} // namespace FinChat::Tls
