#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace FinChat::Bench {

// The text that marks a FinChat frame of this type, built once per type: checking a frame then
// costs a substring search and no allocation.
class FrameType
{
public:
    explicit FrameType(QLatin1StringView type);
    bool matches(QStringView frame) const { return frame.contains(m_needle); }

private:
    QString m_needle;
};

// The servers the benchmark can drive. The reference relay speaks FinChat's protocol (the part
// of it the scenarios use); ngircd and nats-server are Debian's, measured side by side with
// FinChat in one run (issue 19), each in its own protocol.
enum class ServerKind
{
    FinChat,
    Ngircd,
    NatsServer
};

// How the benchmark speaks to one kind of server: what a client says to log in, join a room
// and send a message, and what the server's frames (or lines) mean. Frames are looked at as
// text, never parsed, so that the generator stays cheap per message.
//
// Where a protocol has no acknowledgement of a message (IRC, NATS), the client follows each
// message with a PING: the server answers it in order, after handling the message, so the
// PONG stands in for FinChat's message.send.ok and the senders' windows work alike.
class Dialect
{
public:
    // How the frames travel: FinChat's as WebSocket text messages; NATS's as a stream of
    // lines over WebSocket binary messages; IRC's as a stream of lines over TCP.
    enum class Transport
    {
        WebSocketText,
        WebSocketLines,
        TcpLines
    };

    virtual ~Dialect() = default;
    static const Dialect &of(ServerKind kind);

    virtual Transport transport() const = 0;
    // What a client says as soon as it is connected (empty: it waits for the server).
    virtual QByteArray greeting(const QString &username) const = 0;
    // One step of logging in with the account's name or token: the frame to answer (empty for
    // none), and whether this frame ends the login.
    struct LoginStep
    {
        QString reply;
        bool loggedIn = false;
    };
    virtual LoginStep login(QStringView frame, const QString &token) const = 0;
    // Whether a logged-in client must join a room to hear it (FinChat's accounts are members
    // of their rooms already).
    virtual bool joinsToHear() const = 0;
    virtual QString join(const QString &room) const = 0;
    virtual bool isJoined(QStringView frame) const = 0;
    virtual QString message(const QString &room, const QString &body) const = 0;
    virtual bool isAcknowledgement(QStringView frame) const = 0;
    virtual bool isRefusal(QStringView frame) const = 0;
    // Where the body of a benchmark message (which starts with 'b') delivered in this frame
    // starts; -1 when the frame delivers no such message.
    virtual qsizetype deliveredBody(QStringView frame) const = 0;
};

} // namespace FinChat::Bench
