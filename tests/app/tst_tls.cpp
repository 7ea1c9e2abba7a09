#include "clientaccounts.h"
#include "core/chatclient.h"
#include "testcertificate.h"
#include "testserver.h"
#include "tls/certificatefactory.h"
#include "tls/servercertificate.h"

#include "finchat/fingerprint.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <qcoro/qcorotask.h>

using namespace FinChat;
using namespace FinChat::Client;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {

bool userExists(TestServer &server, const QString &username)
{
    return server.storage()
        .blocking([username](Storage &opened) { return opened.userByName(username); })
        .has_value();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

// Real TLS between the client core and the real server: trust on first use, pinning, a CA the
// system trusts, and plaintext only where configured.
class TestTls : public QObject
{
    Q_OBJECT

private slots:
    // The first connection stops before any credentials go out and tells the fingerprint;
    // once the person trusts it, the same server is accepted.
    void unknownCertificateIsAskedAboutThenTrusted()
    {
        QTemporaryDir folder;
        TestServer server(TestServer::makingItsOwnCertificateIn(folder));
        const QString fingerprint = fingerprintText(server.server().certificate());
        QVERIFY(server.url().scheme() == "wss"_L1);

        ChatClient client;
        const ChatClient::Result first = createAccount(client, server.url(), u"alice"_s);
        QVERIFY(!first.ok());
        QVERIFY(first.failure->is(Failure::Reason::UnknownCertificate));
        QCOMPARE(first.failure->message(), fingerprint);
        QCOMPARE(client.state(), ChatClient::State::Offline);
        QVERIFY(!userExists(server, u"alice"_s)); // the password never left the client

        client.knownServers().trust(server.url(), fingerprint);
        QVERIFY(createAccount(client, server.url(), u"alice"_s).ok());
        QCOMPARE(client.state(), ChatClient::State::Online);
    }

    // A server that shows another certificate than the one trusted is refused with the new
    // fingerprint, whether someone is in the middle or the server was renewed: the person
    // decides, with the administrator.
    void differentCertificateIsRefused()
    {
        QTemporaryDir folder;
        TestServer server(TestServer::makingItsOwnCertificateIn(folder));
        const QString presented = fingerprintText(server.server().certificate());
        ChatClient client;
        client.knownServers().trust(server.url(),
                                    fingerprintText(TestCertificate::identity().certificate));
        const ChatClient::Result refused = createAccount(client, server.url(), u"bob"_s);
        QVERIFY(!refused.ok());
        QVERIFY(refused.failure->is(Failure::Reason::ChangedCertificate));
        QCOMPARE(refused.failure->message(), presented);
        QVERIFY(!userExists(server, u"bob"_s));
    }

    // A server whose certificate a CA in the system's store signed (an internal CA here,
    // made by the test and added to the process's trusted CAs) is accepted without asking.
    void certificateFromATrustedCaIsAcceptedWithoutAsking()
    {
        Tls::CertificateRequest authorityRequest;
        authorityRequest.commonName = u"Example Corp internal CA"_s;
        authorityRequest.authority = true;
        const Tls::Identity authority = Tls::CertificateFactory::selfSigned(authorityRequest);
        Tls::CertificateRequest serverRequest;
        serverRequest.commonName = u"chat.example.internal"_s;
        serverRequest.addresses = {QHostAddress(QHostAddress::LocalHost)};
        const Tls::Identity signedByAuthority =
            Tls::CertificateFactory::signedBy(serverRequest, authority);

        QTemporaryDir folder;
        ServerConfig config;
        config.tls.certificateFile = folder.filePath(u"chain.pem"_s);
        config.tls.keyFile = folder.filePath(u"key.pem"_s);
        QVERIFY(writeFile(config.tls.certificateFile,
                          signedByAuthority.certificate.toPem() + authority.certificate.toPem()));
        QVERIFY(writeFile(config.tls.keyFile, signedByAuthority.key.toPem()));
        TestServer server(config);
        QCOMPARE(server.server().certificate(), signedByAuthority.certificate);

        // Not yet trusted: the person would be asked.
        ChatClient before;
        QVERIFY(createAccount(before, server.url(), u"carol"_s)
                    .failure->is(Failure::Reason::UnknownCertificate));

        QSslConfiguration system = QSslConfiguration::defaultConfiguration();
        system.addCaCertificate(authority.certificate);
        QSslConfiguration::setDefaultConfiguration(system);
        ChatClient client;
        const ChatClient::Result result = createAccount(client, server.url(), u"carol"_s);
        QVERIFY2(result.ok(), qPrintable(result.failure ? result.failure->message() : QString()));
    }

    // A first start cut short after writing the key but before the certificate leaves a
    // lone key: no client can have seen a certificate for it, so a new pair replaces it.
    // A certificate without its key is damage, reported rather than replaced.
    void loneKeyIsReplacedButALoneCertificateIsAnError()
    {
        QTemporaryDir folder;
        const QString keyFile =
            folder.filePath(QString::fromLatin1(Tls::ServerCertificate::KeyFileName));
        const QString certificateFile =
            folder.filePath(QString::fromLatin1(Tls::ServerCertificate::CertificateFileName));
        QVERIFY(writeFile(keyFile, "half of an interrupted first start"));
        TlsSettings settings;
        settings.generatedFolder = folder.path();
        const Tls::ServerCertificate made = Tls::ServerCertificate::load(settings);
        QVERIFY(made.created());
        QVERIFY(Tls::CertificateFactory::keyMatches(
            made.certificate(),
            Tls::ServerCertificate::load(settings).configuration().privateKey()));

        QVERIFY(QFile::remove(keyFile));
        QVERIFY_THROWS_EXCEPTION(Tls::CertificateError, Tls::ServerCertificate::load(settings));
        QVERIFY(QFile::exists(certificateFile)); // left for the administrator to look at
    }

    // The server speaks TLS only, unless its configuration says plaintext.
    void plaintextIsRefusedUnlessConfigured()
    {
        TestServer encrypted;
        QUrl plain = encrypted.url();
        plain.setScheme(u"ws"_s);
        ChatClient client;
        QVERIFY(createAccount(client, plain, u"dave"_s).failure->is(Failure::Reason::Unreachable));

        ServerConfig config;
        config.tls.plaintext = true;
        TestServer clear(config);
        QCOMPARE(clear.url().scheme(), u"ws"_s);
        QVERIFY(clear.server().certificate().isNull());
        QVERIFY(createAccount(client, clear.url(), u"dave"_s).ok());
    }

    // A logged-in client whose server comes back with another certificate stops: it does
    // not retry until the person, at the login dialog, decides about the new fingerprint.
    void changedCertificateOnReconnectEndsTheSession()
    {
        QTemporaryDir folder;
        TestServer server(TestServer::makingItsOwnCertificateIn(folder));
        ChatClient client;
        client.knownServers().trust(server.url(), fingerprintText(server.server().certificate()));
        QVERIFY(createAccount(client, server.url(), u"erin"_s).ok());

        QSignalSpy ended(&client, &ChatClient::sessionEnded);
        server.stop();
        QVERIFY(QFile::remove(
            QDir(folder.path())
                .filePath(QString::fromLatin1(Tls::ServerCertificate::CertificateFileName))));
        QVERIFY(
            QFile::remove(QDir(folder.path())
                              .filePath(QString::fromLatin1(Tls::ServerCertificate::KeyFileName))));
        server.start(); // makes a new certificate
        QVERIFY(ended.wait(20'000));
        QVERIFY(ended.first().first().toString().contains(u"changed"_s));
        QCOMPARE(client.state(), ChatClient::State::Offline);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
