#pragma once

#include <QObject>
#include <QString>

namespace FinChat::Ui {

// The session token at rest: in the system's keychain through QtKeychain (the Secret Service
// or KWallet on Linux, the Keychain on macOS, the Credential Manager on Windows), never in
// the settings file. Where no keychain answers, the token is not kept at all and the next
// start asks for the password; notKept() says so, once per run.
class TokenVault : public QObject
{
    Q_OBJECT

public:
    // service: the keychain entry's name; tests use one of their own.
    explicit TokenVault(QString service = QStringLiteral("FinChat"), QObject *parent = nullptr);

    // The kept token, or empty. Waits for the keychain on a local event loop, so it is for
    // main() before any window is shown.
    QString load();
    // Asynchronous; an empty token forgets.
    void store(const QString &token);

signals:
    void notKept(const QString &reason);

private:
    QString m_service;
    bool m_told = false;
};

} // namespace FinChat::Ui
