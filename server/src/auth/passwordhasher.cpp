#include "auth/passwordhasher.h"

#include <sodium.h>

#include <stdexcept>

namespace FinChat {

namespace {

void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium failed to initialise");
}

} // namespace

QString PasswordHasher::hash(const QString &password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(encoded, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("password hashing ran out of memory");
    return QString::fromLatin1(encoded);
}

bool PasswordHasher::verify(const QString &encodedHash, const QString &password)
{
    ensureSodium();
    const QByteArray encoded = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(encoded.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString &encodedHash)
{
    ensureSodium();
    const QByteArray encoded = encodedHash.toLatin1();
    return crypto_pwhash_str_needs_rehash(encoded.constData(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

const QString &PasswordHasher::decoyHash()
{
    static const QString decoy = [] {
        ensureSodium();
        unsigned char random[32];
        randombytes_buf(random, sizeof random);
        return hash(QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex()));
    }();
    return decoy;
}

} // namespace FinChat
