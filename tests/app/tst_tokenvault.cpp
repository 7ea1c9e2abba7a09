#include "ui/tokenvault.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace FinChat::Ui;
using namespace Qt::StringLiterals;

// The session token at rest, through the real QtKeychain. ctest runs this twice: once inside
// its own D-Bus session with a real Secret Service (gnome-keyring, tests/app/with-keychain.sh;
// FINCHAT_EXPECT_KEYCHAIN=1), once with no session bus at all (=0), where the token must not
// be kept anywhere.
class TestTokenVault : public QObject
{
    Q_OBJECT

private:
    static bool expectKeychain() { return qEnvironmentVariableIntValue("FINCHAT_EXPECT_KEYCHAIN"); }
    // A service name of this run's own, so runs never see each other's entries.
    static QString service()
    {
        return u"FinChat-test-%1"_s.arg(QCoreApplication::applicationPid());
    }
    // Waits until the vault's asynchronous store has finished (a load queues behind it).
    static void settle() { QTest::qWait(500); }

    // No file where the app or a keychain keeps data holds the token in the clear: the
    // scratch home of the keychain run (its keyring file included), or the app's settings
    // and data folders.
    static bool tokenInAnyFile(const QByteArray &token)
    {
        const QStringList folders =
            expectKeychain()
                ? QStringList{QDir::homePath()}
                : QStringList{
                      QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                      QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)};
        for (const QString &folder : folders) {
            QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile file(files.next());
                if (file.size() < 1024 * 1024 && file.open(QIODevice::ReadOnly) &&
                    file.readAll().contains(token))
                    return true;
            }
        }
        return false;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void storedTokenIsLoadedByTheNextStart()
    {
        if (!expectKeychain())
            QSKIP("needs the keychain run");
        const QString token = u"token-%1"_s.arg(QCoreApplication::applicationPid());
        {
            TokenVault vault(service());
            QSignalSpy notKept(&vault, &TokenVault::notKept);
            vault.store(token);
            settle();
            QCOMPARE(notKept.size(), 0);
        }
        TokenVault nextStart(service());
        QCOMPARE(nextStart.load(), token);
        QVERIFY(!tokenInAnyFile(token.toUtf8())); // gnome-keyring encrypts its file
        nextStart.store({});                      // forgotten: a session the server ended
        settle();
        QCOMPARE(TokenVault(service()).load(), QString());
    }

    void withoutAKeychainTheTokenIsNotKept()
    {
        if (expectKeychain())
            QSKIP("needs the run without a keychain");
        TokenVault vault(service());
        QSignalSpy notKept(&vault, &TokenVault::notKept);
        vault.store(u"a-session-token"_s);
        vault.store(u"another-session-token"_s);
        QVERIFY(notKept.wait(30'000));
        QCOMPARE(vault.load(), QString());
        settle();
        QCOMPARE(notKept.size(), 1); // said once, not per attempt
        QVERIFY(!tokenInAnyFile("a-session-token"));
    }
};

QTEST_GUILESS_MAIN(TestTokenVault)
#include "tst_tokenvault.moc"
