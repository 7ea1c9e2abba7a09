#include "finchat/fingerprint.h"

namespace FinChat {

QString fingerprintText(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString fingerprintInTwo(const QString &text, QStringView separator)
{
    const qsizetype half = text.size() / 2; // 47 characters, the colon between, 47 more
    return text.left(half) + separator + text.mid(half + 1);
}

} // namespace FinChat
