#pragma once

#include "startup/serverconfig.h"
#include "tls/certificatefactory.h"

#include <QString>

namespace FinChat::Testing {

// The certificate test servers present unless a test asks for another: made once per test
// process for localhost and 127.0.0.1, written to a temporary folder, and trusted by the
// process's default TLS configuration as a certificate from a system CA would be, so real
// QWebSocket clients (TestClient, the app's client core) connect over TLS without questions.
// Tests of trust itself (tst_tls) use certificates this process does not trust.
namespace TestCertificate {
const Tls::Identity &identity();
QString certificateFile();
QString keyFile();
// Has the server present it, unless the settings say plaintext or name another certificate.
void applyTo(TlsSettings &settings);
} // namespace TestCertificate

} // namespace FinChat::Testing
