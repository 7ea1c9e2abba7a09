#pragma once

#include <QSslCertificate>
#include <QString>

namespace FinChat {

// How a certificate's SHA-256 fingerprint is written everywhere a person compares it: the
// server's log, the app's trust question and its status bar. 32 bytes as uppercase hex
// pairs joined by colons, as OpenSSL and browsers print them.
QString fingerprintText(const QSslCertificate &certificate);

// fingerprintText() as two halves of 16 pairs joined by separator (a line break), so that
// people compare it in chunks and it fits a dialog or the status bar.
QString fingerprintInTwo(const QString &text, QStringView separator);

} // namespace FinChat
