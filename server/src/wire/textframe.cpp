#include "wire/textframe.h"

#include "finchat/protocol.h"

namespace FinChat {

namespace {
constexpr char FinalTextFrame = static_cast<char>(0x81); // FIN, opcode 1 (text)
constexpr quint64 LongestOneByteLength = 125;
constexpr quint64 LongestTwoByteLength = 0xffff;
constexpr char TwoByteLength = 126;
constexpr char EightByteLength = 127;

// The length in `bytes` bytes, most significant first.
void appendLength(QByteArray &frame, quint64 length, int bytes)
{
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8)
        frame.append(static_cast<char>((length >> shift) & 0xff));
}
} // namespace

TextFrame::TextFrame(const QJsonObject &frame)
{
    const QByteArray utf8 = Protocol::serialize(frame);
    const auto length = static_cast<quint64>(utf8.size());
    m_bytes.reserve(utf8.size() + 10);
    m_bytes.append(FinalTextFrame);
    if (length <= LongestOneByteLength) {
        m_bytes.append(static_cast<char>(length)); // no mask bit: a server's frame
    } else if (length <= LongestTwoByteLength) {
        m_bytes.append(TwoByteLength);
        appendLength(m_bytes, length, 2);
    } else {
        m_bytes.append(EightByteLength);
        appendLength(m_bytes, length, 8);
    }
    m_bytes.append(utf8);
}

} // namespace FinChat
