#pragma once

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include <optional>
#include <stdexcept>

namespace FinChat::Tls {

// A certificate and its private key.
struct Identity
{
    QSslCertificate certificate;
    QSslKey key;
};

// What a new certificate says about itself.
struct CertificateRequest
{
    QString commonName;
    QStringList dnsNames;          // subjectAltName DNS entries
    QList<QHostAddress> addresses; // subjectAltName IP entries
    int validDays = 3650;
    bool authority = false; // a CA that signs others, rather than a server certificate
};

class CertificateError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Makes X.509 certificates with an EC P-256 key, through OpenSSL's libcrypto: Qt cannot
// create certificates, and its TLS backend on Linux is OpenSSL already, so this adds no
// library to the process. Throws CertificateError when OpenSSL fails.
namespace CertificateFactory {
// Signed by its own key: what the server makes at first start.
Identity selfSigned(const CertificateRequest &request);
// Signed by an authority made with selfSigned({.authority = true}): an internal CA.
Identity signedBy(const CertificateRequest &request, const Identity &issuer);
// True when the key is the private half of the certificate's public key.
bool keyMatches(const QSslCertificate &certificate, const QSslKey &key);
} // namespace CertificateFactory

} // namespace FinChat::Tls
