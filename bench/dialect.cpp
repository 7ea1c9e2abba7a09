#include "dialect.h"

#include "finchat/protocol/messages.h"

namespace FinChat::Bench {

using namespace Qt::StringLiterals;
namespace Type = Protocol::Type;

FrameType::FrameType(QLatin1StringView type)
    : m_needle(u"\"type\":\""_s + type + u'"')
{}

namespace {

// FinChat's own protocol, which the reference relay speaks too: an account resumes its
// session with its token, and is a member of its rooms already.
class FinChatDialect final : public Dialect
{
public:
    Transport transport() const override { return Transport::WebSocketText; }
    QByteArray greeting(const QString &) const override { return {}; }
    LoginStep login(QStringView frame, const QString &token) const override
    {
        if (m_hello.matches(frame))
            return {Protocol::frameText(Protocol::Resume{token}), false};
        return {{}, m_resumeOk.matches(frame)};
    }
    bool joinsToHear() const override { return false; }
    QString join(const QString &room) const override
    {
        return Protocol::frameText(Protocol::RoomJoin{room});
    }
    bool isJoined(QStringView frame) const override { return m_joinOk.matches(frame); }
    QString message(const QString &room, const QString &body) const override
    {
        return Protocol::frameText(Protocol::MessageSend{room, body, {}});
    }
    bool isAcknowledgement(QStringView frame) const override { return m_sendOk.matches(frame); }
    bool isRefusal(QStringView frame) const override { return m_error.matches(frame); }
    qsizetype deliveredBody(QStringView frame) const override
    {
        if (!m_messageNew.matches(frame))
            return -1;
        static constexpr QStringView Marker = u"\"body\":\"b";
        const qsizetype at = frame.indexOf(Marker);
        return at < 0 ? -1 : at + Marker.size() - 1;
    }

private:
    FrameType m_hello{Type::Hello};
    FrameType m_resumeOk{Type::ResumeOk};
    FrameType m_joinOk{Type::RoomJoinOk};
    FrameType m_sendOk{Type::MessageSendOk};
    FrameType m_messageNew{Type::MessageNew};
    FrameType m_error{Type::Error};
};

// IRC as ngircd speaks it (RFC 2812): NICK and USER log in (001 welcomes), JOIN #room joins
// (366 ends the names list), PRIVMSG sends, and the others get
// ":nick!user@host PRIVMSG #room :body".
class IrcDialect final : public Dialect
{
public:
    Transport transport() const override { return Transport::TcpLines; }
    QByteArray greeting(const QString &username) const override
    {
        return u"NICK %1\r\nUSER %1 0 * :%1\r\n"_s.arg(username).toUtf8();
    }
    LoginStep login(QStringView frame, const QString &) const override
    {
        return {{}, numeric(frame) == u"001"};
    }
    bool joinsToHear() const override { return true; }
    QString join(const QString &room) const override { return u"JOIN #%1\r\n"_s.arg(room); }
    bool isJoined(QStringView frame) const override { return numeric(frame) == u"366"; }
    QString message(const QString &room, const QString &body) const override
    {
        return u"PRIVMSG #%1 :%2\r\nPING :sent\r\n"_s.arg(room, body);
    }
    bool isAcknowledgement(QStringView frame) const override { return frame.contains(u" PONG "); }
    bool isRefusal(QStringView frame) const override
    {
        const QStringView code = numeric(frame);
        return code.startsWith(u'4') || code.startsWith(u'5'); // ERR_* replies
    }
    qsizetype deliveredBody(QStringView frame) const override
    {
        const qsizetype command = frame.indexOf(u" PRIVMSG ");
        if (command < 0)
            return -1;
        const qsizetype text = frame.indexOf(u" :b", command);
        return text < 0 ? -1 : text + 2;
    }

private:
    // The numeric reply's code in ":server NNN target ...", or empty.
    static QStringView numeric(QStringView frame)
    {
        const qsizetype space = frame.indexOf(u' ');
        if (!frame.startsWith(u':') || space < 0 || frame.size() < space + 5 ||
            frame.at(space + 4) != u' ')
            return {};
        const QStringView code = frame.mid(space + 1, 3);
        for (QChar digit : code) {
            if (!digit.isDigit())
                return {};
        }
        return code;
    }
};

// NATS's client protocol over nats-server's WebSocket listener: CONNECT logs in (without
// echo: a sender does not hear itself), SUB joins a subject, PUB sends, and the subscribers get
// "MSG subject sid size" followed by the body on a line of its own.
class NatsDialect final : public Dialect
{
public:
    Transport transport() const override { return Transport::WebSocketLines; }
    QByteArray greeting(const QString &) const override
    {
        return R"(CONNECT {"verbose":false,"pedantic":false,"echo":false})"
               "\r\nPING\r\n";
    }
    LoginStep login(QStringView frame, const QString &) const override
    {
        return {{}, isPong(frame)};
    }
    bool joinsToHear() const override { return true; }
    QString join(const QString &room) const override { return u"SUB %1 1\r\nPING\r\n"_s.arg(room); }
    bool isJoined(QStringView frame) const override { return isPong(frame); }
    QString message(const QString &room, const QString &body) const override
    {
        return u"PUB %1 %2\r\n%3\r\nPING\r\n"_s.arg(room).arg(body.toUtf8().size()).arg(body);
    }
    bool isAcknowledgement(QStringView frame) const override { return isPong(frame); }
    bool isRefusal(QStringView frame) const override { return frame.startsWith(u"-ERR"); }
    qsizetype deliveredBody(QStringView frame) const override
    {
        return frame.startsWith(u'b') ? 0 : -1;
    }

private:
    static bool isPong(QStringView frame) { return frame == u"PONG"; }
};

} // namespace

const Dialect &Dialect::of(ServerKind kind)
{
    static const FinChatDialect finChat;
    static const IrcDialect irc;
    static const NatsDialect nats;
    switch (kind) {
    case ServerKind::Ngircd:
        return irc;
    case ServerKind::NatsServer:
        return nats;
    case ServerKind::FinChat:
        break;
    }
    return finChat;
}

} // namespace FinChat::Bench
