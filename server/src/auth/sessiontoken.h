#pragma once

#include <QByteArray>
#include <QString>

namespace FinChat {

// Login tokens: 256 random bits, handed to the client as base64url. The server keeps only
// their SHA-256; a fast hash is enough because the token is random, not chosen by a person.
class SessionToken
{
public:
    static QString generate();
    static QByteArray hash(const QString &token);
};

} // namespace FinChat
