#pragma once

#include <QString>

namespace FinChat::Client {

// The server sends stable error codes; people should read sentences in their language.
// Codes the server never sends ("unreachable", "timeout", "disconnected", "cancelled") are
// the client's own.
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
        RoomName,
        Message
    };

    static QString describe(const QString &code, const QString &serverMessage = {});
    // Which input the error is about, so a form can show it next to that field.
    static Field fieldFor(const QString &code);
};

} // namespace FinChat::Client
