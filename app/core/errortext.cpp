#include "errortext.h"

#include <QCoreApplication>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("FinChat::Client::ErrorText", text);
}

struct Known
{
    const char *text;
    ErrorText::Field field;
};

// Every code the client words itself: the sentence, and the input it is about.
const QHash<QString, Known> &knownCodes()
{
    using Field = ErrorText::Field;
    static const QHash<QString, Known> table{
        {u"bad_credentials"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Wrong username or password."),
          Field::Password}},
        {u"username_taken"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "That name is taken."), Field::Username}},
        {u"invalid_username"_s,
         {QT_TRANSLATE_NOOP(
              "FinChat::Client::ErrorText",
              "Use 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit."),
          Field::Username}},
        {u"weak_password"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Use at least 8 characters."),
          Field::Password}},
        {u"invalid_display_name"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Use 1 to 64 characters on one line."),
          Field::DisplayName}},
        {u"rate_limited"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Too many attempts; wait a moment."),
          Field::None}},
        {u"invalid_token"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "Your session has ended; please log in again."),
          Field::None}},
        {u"unreachable"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Cannot reach the server at %1."),
          Field::Server}},
        {u"timeout"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The server did not answer in time."),
          Field::Server}},
        {u"disconnected"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The connection was lost."),
          Field::None}},
        {u"cancelled"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Cancelled."), Field::None}},
        {u"unknown_room"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "There is no such room."), Field::None}},
        {u"room_exists"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "A room with that name exists."),
          Field::RoomName}},
        {u"invalid_room_name"_s,
         {QT_TRANSLATE_NOOP(
              "FinChat::Client::ErrorText",
              "Use 2 to 32 letters, digits, '_' or '-', starting with a letter or digit."),
          Field::RoomName}},
        {u"not_a_member"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Join the room first."), Field::None}},
        {u"empty_message"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The message is empty."), Field::None}},
        {u"message_too_long"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The message is too long."),
          Field::Message}},
        {u"unknown_command"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "There is no such command; type /help to see them."),
          Field::None}},
        {u"unsupported_protocol"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "The server runs an incompatible version of FinChat."),
          Field::Server}},
        {u"too_many_connections"_s,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "The server has too many connections from here."),
          Field::Server}},
    };
    return table;
}
} // namespace

QString ErrorText::describe(const QString &code, const QString &serverMessage)
{
    const auto known = knownCodes().constFind(code);
    if (known != knownCodes().constEnd())
        return code == "unreachable"_L1 ? tr(known->text).arg(serverMessage) : tr(known->text);
    return serverMessage.isEmpty() ? tr("Something went wrong (%1).").arg(code) : serverMessage;
}

ErrorText::Field ErrorText::fieldFor(const QString &code)
{
    const auto known = knownCodes().constFind(code);
    return known == knownCodes().constEnd() ? Field::None : known->field;
}

} // namespace FinChat::Client
