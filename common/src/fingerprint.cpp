#include "finchat/fingerprint.h"

namespace FinChat {

QString fingerprintText(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

} // namespace FinChat
