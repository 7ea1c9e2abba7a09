#pragma once

#include <QString>

namespace FinChat {

// Argon2id through libsodium's crypto_pwhash_str, at its "interactive" cost. The encoded
// hash carries its own salt and parameters, so raising the cost later needs no migration:
// needsRehash() says when a stored hash is weaker than today's setting.
//
// Hashing costs tens of milliseconds and 64 MiB by design: call these off the event loop.
class PasswordHasher
{
public:
    // Throws std::runtime_error when libsodium cannot initialise or runs out of memory.
    static QString hash(const QString &password);
    static bool verify(const QString &encodedHash, const QString &password);
    static bool needsRehash(const QString &encodedHash);
    // A valid hash of a random password: verifying against it costs what a real verify
    // costs, so a login for an unknown user takes as long as a wrong password.
    static const QString &decoyHash();
};

} // namespace FinChat
