#pragma once

#include "core/failure.h"

#include <QString>

namespace FinChat::Client {

// The server sends stable error codes; people should read sentences in their language. The
// client's own reasons (unreachable, timeout, disconnected, cancelled) are worded here too.
class ErrorText
{
public:
    enum class Field
    {
        None,
        Server,
        Username,
        Password,
        DisplayName,
        Invite,
        RoomName,
        Message
    };

    static QString describe(const Failure &failure);
    static QString describe(Protocol::ErrorCode code);
    // Which input the error is about, so a form can show it next to that field.
    static Field fieldFor(const Failure &failure);
};

} // namespace FinChat::Client
