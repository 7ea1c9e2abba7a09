#include "tls/servercertificate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSysInfo>

namespace FinChat::Tls {

using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw CertificateError(
            u"cannot read %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString())
                .toStdString());
    return file.readAll();
}

QList<QSslCertificate> readChain(const QString &path)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(readFile(path), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        throw CertificateError(
            u"%1 holds no PEM certificate"_s.arg(QDir::toNativeSeparators(path)).toStdString());
    return chain;
}

QSslKey readKey(const QString &path)
{
    const QByteArray pem = readFile(path);
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        if (QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey); !key.isNull())
            return key;
    }
    throw CertificateError(
        u"%1 holds no unencrypted PEM private key (EC or RSA)"_s.arg(QDir::toNativeSeparators(path))
            .toStdString());
}

// Created with its permissions from the start (the key must never be readable by others,
// not even for a moment) and O_EXCL, under a temporary name, then renamed into place.
void writeNewFile(const QString &path, const QByteArray &bytes,
                  QFileDevice::Permissions permissions)
{
    const QString partial = path + u".new"_s;
    QFile::remove(partial); // left by a start that was interrupted
    QFile file(partial);
    const bool written = file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) &&
                         file.write(bytes) == bytes.size() && file.flush();
    const QString error = file.errorString();
    file.close();
    if (!written || !QFile::rename(partial, path)) {
        QFile::remove(partial);
        throw CertificateError(
            u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), error).toStdString());
    }
}

// What a self-signed certificate names: this machine's host name, localhost and loopback,
// and the addresses it has now (a client that pins the fingerprint does not need them).
CertificateRequest thisMachine()
{
    CertificateRequest request;
    const QString host = QSysInfo::machineHostName();
    static const QRegularExpression dnsName(u"^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$"_s);
    const bool usableHost = dnsName.match(host).hasMatch();
    request.commonName = usableHost ? host : u"FinChat server"_s;
    request.dnsNames.append(u"localhost"_s);
    if (usableHost && host != "localhost"_L1)
        request.dnsNames.append(host);
    const auto addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : addresses) {
        if (address.isLoopback() || !address.scopeId().isEmpty())
            continue; // loopback is added below once; link-local ones carry a scope
        request.addresses.append(address);
    }
    request.addresses.append(QHostAddress(QHostAddress::LocalHost));
    request.addresses.append(QHostAddress(QHostAddress::LocalHostIPv6));
    return request;
}

} // namespace

ServerCertificate ServerCertificate::load(const TlsSettings &settings)
{
    if (!settings.certificateFile.isEmpty() || !settings.keyFile.isEmpty())
        return loadConfigured(settings);
    return loadGenerated(settings.generatedFolder);
}

ServerCertificate ServerCertificate::loadConfigured(const TlsSettings &settings)
{
    if (settings.certificateFile.isEmpty() || settings.keyFile.isEmpty())
        throw CertificateError("tls/certificate and tls/key are set together, or neither");
    ServerCertificate loaded;
    loaded.m_chain = readChain(settings.certificateFile);
    loaded.m_key = readKey(settings.keyFile);
    loaded.m_file = settings.certificateFile;
    if (!CertificateFactory::keyMatches(loaded.certificate(), loaded.m_key))
        throw CertificateError(u"the key in %1 does not belong to the certificate in %2"_s
                                   .arg(QDir::toNativeSeparators(settings.keyFile),
                                        QDir::toNativeSeparators(settings.certificateFile))
                                   .toStdString());
    return loaded;
}

ServerCertificate ServerCertificate::loadGenerated(const QString &folder)
{
    if (folder.isEmpty())
        throw CertificateError("no certificate configured and no data folder to make one in");
    const QDir dir(folder);
    TlsSettings files;
    files.certificateFile = dir.filePath(QString::fromLatin1(CertificateFileName));
    files.keyFile = dir.filePath(QString::fromLatin1(KeyFileName));
    if (QFileInfo::exists(files.certificateFile)) {
        // Without its key it is damage to report, not to paper over with a new pair that
        // every client would then see as a changed certificate.
        return loadConfigured(files);
    }
    // A key alone was left by a first start cut short before the certificate was written;
    // no client has seen a certificate for it, so a new pair replaces it.
    QFile::remove(files.keyFile);
    if (!QDir().mkpath(folder))
        throw CertificateError(
            u"cannot create %1"_s.arg(QDir::toNativeSeparators(folder)).toStdString());
    const Identity identity = CertificateFactory::selfSigned(thisMachine());
    writeNewFile(files.keyFile, identity.key.toPem(),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    writeNewFile(files.certificateFile, identity.certificate.toPem(),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                     QFileDevice::ReadOther);
    ServerCertificate created;
    created.m_chain = {identity.certificate};
    created.m_key = identity.key;
    created.m_file = files.certificateFile;
    created.m_created = true;
    return created;
}

QSslConfiguration ServerCertificate::configuration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(m_chain);
    configuration.setPrivateKey(m_key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients have no certificates
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

} // namespace FinChat::Tls
