#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace FinChat {

// One WebSocket text message as the server puts it on the wire (RFC 6455, section 5.2): a
// single final frame, unmasked, as every frame from a server is, however long (QWebSocket
// cut messages over 512 KiB into several frames; RFC 6455 lets a sender do either). An event for
// many connections is made into one once, and the same bytes are written to each one's socket: no
// per-recipient UTF-8 conversion or framing.
class TextFrame
{
public:
    // The protocol's frame as JSON: serialised here, so the text is always valid UTF-8 (Qt's
    // JSON writer escapes what UTF-8 cannot hold), as a client requires of a text frame.
    explicit TextFrame(const QJsonObject &frame = {});

    // The whole frame: header and text.
    const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

} // namespace FinChat
