#include "testcertificate.h"

#include <QFile>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTemporaryDir>

namespace FinChat::Testing {

using namespace Qt::StringLiterals;

namespace {

struct Installed
{
    Tls::Identity identity;
    QTemporaryDir folder;

    Installed()
    {
        Tls::CertificateRequest request;
        request.commonName = u"localhost"_s;
        request.dnsNames = {u"localhost"_s};
        request.addresses = {QHostAddress(QHostAddress::LocalHost)};
        identity = Tls::CertificateFactory::selfSigned(request);
        write(u"certificate.pem"_s, identity.certificate.toPem());
        write(u"key.pem"_s, identity.key.toPem());
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.addCaCertificate(identity.certificate);
        QSslConfiguration::setDefaultConfiguration(trusting);
    }

    void write(const QString &name, const QByteArray &bytes) const
    {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write the test certificate");
    }
};

const Installed &installed()
{
    static const Installed once;
    return once;
}

} // namespace

const Tls::Identity &TestCertificate::identity()
{
    return installed().identity;
}

QString TestCertificate::certificateFile()
{
    return installed().folder.filePath(u"certificate.pem"_s);
}

QString TestCertificate::keyFile()
{
    return installed().folder.filePath(u"key.pem"_s);
}

void TestCertificate::applyTo(TlsSettings &settings)
{
    if (settings.plaintext || !settings.certificateFile.isEmpty() ||
        !settings.generatedFolder.isEmpty())
        return;
    settings.certificateFile = certificateFile();
    settings.keyFile = keyFile();
}

} // namespace FinChat::Testing
