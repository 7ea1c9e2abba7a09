#pragma once

#include "finchat/protocol/events.h"

#include <QString>

#include <optional>

namespace FinChat::Client {

// Why a request, a login or a connection did not succeed: an error the server answered
// with (its stable code), or a reason of the client's own.
class Failure
{
public:
    enum class Reason
    {
        Server,       // the server answered with an error; see code()
        Unreachable,  // no connection could be made; message() is the server's address
        Timeout,      // no answer in time
        Disconnected, // the connection was lost before the answer
        Cancelled,    // the person stopped it
        BadAnswer,    // the server's answer did not read as the protocol says
        // The server's certificate is neither vouched for by a CA the system trusts nor
        // trusted by the person yet; message() is its SHA-256 fingerprint.
        UnknownCertificate,
        // Not the certificate the person trusted for this server before: a renewed one, or
        // someone in the middle; message() is the new fingerprint.
        ChangedCertificate,
    };

    static Failure fromServer(const Protocol::Error &error)
    {
        return {Reason::Server, error.knownCode(), error.message};
    }
    static Failure local(Reason reason, QString detail = {})
    {
        return {reason, std::nullopt, std::move(detail)};
    }

    Reason reason() const { return m_reason; }
    // The server's code; empty for local reasons and for a code this build does not know.
    std::optional<Protocol::ErrorCode> code() const { return m_code; }
    // The server's message (English, for logs), or the detail of a local reason.
    const QString &message() const { return m_message; }
    bool is(Protocol::ErrorCode code) const { return m_reason == Reason::Server && m_code == code; }
    bool is(Reason reason) const { return m_reason == reason; }
    bool isCertificateProblem() const
    {
        return m_reason == Reason::UnknownCertificate || m_reason == Reason::ChangedCertificate;
    }

private:
    Failure(Reason reason, std::optional<Protocol::ErrorCode> code, QString message)
        : m_reason(reason)
        , m_code(code)
        , m_message(std::move(message))
    {}

    Reason m_reason;
    std::optional<Protocol::ErrorCode> m_code;
    QString m_message;
};

// The answer to one request: the typed reply, or the failure.
template<typename Reply>
class Answer
{
public:
    Answer(Reply reply)
        : m_reply(std::move(reply))
    {}
    Answer(Failure failure)
        : m_failure(std::move(failure))
    {}

    bool ok() const { return m_reply.has_value(); }
    const Reply &reply() const { return *m_reply; }
    const Reply *operator->() const { return &*m_reply; }
    // Only when !ok().
    const Failure &failure() const { return *m_failure; }

private:
    std::optional<Reply> m_reply;
    std::optional<Failure> m_failure;
};

} // namespace FinChat::Client
