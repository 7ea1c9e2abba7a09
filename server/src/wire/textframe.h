#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace FinChat {

// One WebSocket text message as the server puts it on the wire (RFC 6455, section 5.2): a
// single final frame, unmasked, as every frame from a server is. An event for many
// connections is made into one once, and the same bytes are written to each one's socket:
// no per-recipient UTF-8 conversion or framing.
class TextFrame
{
public:
    // utf8: the message's text (a serialised JSON frame).
    explicit TextFrame(QByteArrayView utf8);

    // The whole frame: header and text.
    const QByteArray &bytes() const { return m_bytes; }
    // The text alone.
    QByteArrayView text() const { return QByteArrayView(m_bytes).sliced(m_headerSize); }

private:
    QByteArray m_bytes;
    qsizetype m_headerSize = 0;
};

} // namespace FinChat
