#include "errortext.h"

#include <QCoreApplication>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("FinChat::Client::ErrorText", text);
}
} // namespace

QString ErrorText::describe(const QString &code, const QString &serverMessage)
{
    static const QHash<QString, const char *> texts{
        {u"bad_credentials"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Wrong username or password.")},
        {u"username_taken"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "That name is taken.")},
        {u"invalid_username"_s,
         QT_TRANSLATE_NOOP(
             "FinChat::Client::ErrorText",
             "Use 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit.")},
        {u"weak_password"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Use at least 8 characters.")},
        {u"invalid_display_name"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Use 1 to 64 characters on one line.")},
        {u"rate_limited"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Too many attempts; wait a moment.")},
        {u"invalid_token"_s, QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                                               "Your session has ended; please log in again.")},
        {u"unreachable"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Cannot reach the server at %1.")},
        {u"timeout"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The server did not answer in time.")},
        {u"disconnected"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The connection was lost.")},
        {u"cancelled"_s, QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Cancelled.")},
        {u"unknown_room"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "There is no such room.")},
        {u"room_exists"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "A room with that name exists.")},
        {u"invalid_room_name"_s,
         QT_TRANSLATE_NOOP(
             "FinChat::Client::ErrorText",
             "Use 2 to 32 letters, digits, '_' or '-', starting with a letter or digit.")},
        {u"not_a_member"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Join the room first.")},
        {u"empty_message"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The message is empty.")},
        {u"message_too_long"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The message is too long.")},
        {u"unknown_command"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                           "There is no such command; type /help to see them.")},
        {u"unsupported_protocol"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                           "The server runs an incompatible version of FinChat.")},
        {u"too_many_connections"_s,
         QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                           "The server has too many connections from here.")},
    };
    const auto text = texts.constFind(code);
    if (text != texts.constEnd())
        return code == "unreachable"_L1 ? tr(*text).arg(serverMessage) : tr(*text);
    return serverMessage.isEmpty() ? tr("Something went wrong (%1).").arg(code) : serverMessage;
}

ErrorText::Field ErrorText::fieldFor(const QString &code)
{
    static const QHash<QString, Field> fields{
        {u"bad_credentials"_s, Field::Password},
        {u"weak_password"_s, Field::Password},
        {u"username_taken"_s, Field::Username},
        {u"invalid_username"_s, Field::Username},
        {u"invalid_display_name"_s, Field::DisplayName},
        {u"unreachable"_s, Field::Server},
        {u"timeout"_s, Field::Server},
        {u"unsupported_protocol"_s, Field::Server},
        {u"too_many_connections"_s, Field::Server},
        {u"room_exists"_s, Field::RoomName},
        {u"invalid_room_name"_s, Field::RoomName},
        {u"message_too_long"_s, Field::Message},
    };
    return fields.value(code, Field::None);
}

} // namespace FinChat::Client
