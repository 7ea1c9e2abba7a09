#include "core/errortext.h"

#include <QCoreApplication>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

using Protocol::ErrorCode;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("FinChat::Client::ErrorText", text);
}

QString codeName(const Failure &failure)
{
    if (const auto code = failure.code())
        return Protocol::errorCodeName(*code);
    return QString::number(static_cast<int>(failure.reason()));
}

struct Known
{
    const char *text;
    ErrorText::Field field;
};

// Every server code the client words itself: the sentence, and the input it is about.
// Codes not listed show the server's own (English) message.
const QHash<ErrorCode, Known> &serverCodes()
{
    using Field = ErrorText::Field;
    static const QHash<ErrorCode, Known> table{
        {ErrorCode::BadCredentials,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Wrong username or password."),
          Field::Password}},
        {ErrorCode::UsernameTaken,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "That name is taken."), Field::Username}},
        {ErrorCode::InvalidUsername,
         {QT_TRANSLATE_NOOP(
              "FinChat::Client::ErrorText",
              "Use 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit."),
          Field::Username}},
        {ErrorCode::WeakPassword,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Use at least 8 characters."),
          Field::Password}},
        {ErrorCode::InvalidDisplayName,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Use 1 to 64 characters on one line."),
          Field::DisplayName}},
        {ErrorCode::RateLimited,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Too many attempts; wait a moment."),
          Field::None}},
        {ErrorCode::InvalidToken,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "Your session has ended; please log in again."),
          Field::None}},
        {ErrorCode::RegistrationClosed,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "This server takes no new accounts. Ask its administrator for one."),
          Field::Server}},
        {ErrorCode::InvalidInvite,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "Ask the server's administrator for a valid invite code."),
          Field::Invite}},
        {ErrorCode::AccountDisabled,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "This account is disabled. Ask the server's administrator."),
          Field::Username}},
        {ErrorCode::LimitReached,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "The list is full; remove something from it first."),
          Field::None}},
        {ErrorCode::UnknownRoom,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "There is no such room."), Field::None}},
        {ErrorCode::RoomExists,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "A room with that name exists."),
          Field::RoomName}},
        {ErrorCode::InvalidRoomName,
         {QT_TRANSLATE_NOOP(
              "FinChat::Client::ErrorText",
              "Use 2 to 32 letters, digits, '_' or '-', starting with a letter or digit."),
          Field::RoomName}},
        {ErrorCode::NotAMember,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Join the room first."), Field::None}},
        {ErrorCode::EmptyMessage,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The message is empty."), Field::None}},
        {ErrorCode::MessageTooLong,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The message is too long."),
          Field::Message}},
        {ErrorCode::Muted,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "A moderator muted you in this room for now."),
          Field::None}},
        {ErrorCode::EditExpired,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "This message can no longer be edited."),
          Field::None}},
        {ErrorCode::UnknownMessage,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "That message is no longer there."),
          Field::None}},
        {ErrorCode::Forbidden,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "You may not do that here; ask a moderator or an administrator."),
          Field::None}},
        {ErrorCode::UnknownCommand,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "There is no such command; type /help to see them."),
          Field::None}},
        {ErrorCode::UnsupportedProtocol,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "The server runs an incompatible version of FinChat."),
          Field::Server}},
        {ErrorCode::TooManyConnections,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "The server has too many connections from here."),
          Field::Server}},
    };
    return table;
}

// The client's own reasons.
const QHash<Failure::Reason, Known> &localReasons()
{
    using Field = ErrorText::Field;
    using Reason = Failure::Reason;
    static const QHash<Reason, Known> table{
        {Reason::Unreachable,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Cannot reach the server at %1."),
          Field::Server}},
        {Reason::Timeout,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The server did not answer in time."),
          Field::Server}},
        {Reason::Disconnected,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "The connection was lost."),
          Field::None}},
        {Reason::Cancelled,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText", "Cancelled."), Field::None}},
        {Reason::UnknownCertificate,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "This server's certificate is not trusted yet. Compare its "
                            "fingerprint with the server's administrator before trusting it."),
          Field::Server}},
        {Reason::ChangedCertificate,
         {QT_TRANSLATE_NOOP("FinChat::Client::ErrorText",
                            "This server's certificate has changed since you last connected. "
                            "Someone may be intercepting the connection."),
          Field::Server}},
    };
    return table;
}

const Known *knownText(const Failure &failure)
{
    if (failure.reason() == Failure::Reason::Server) {
        const auto code = failure.code();
        const auto it = code ? serverCodes().constFind(*code) : serverCodes().constEnd();
        return it == serverCodes().constEnd() ? nullptr : &*it;
    }
    const auto it = localReasons().constFind(failure.reason());
    return it == localReasons().constEnd() ? nullptr : &*it;
}
} // namespace

QString ErrorText::describe(const Failure &failure)
{
    if (const Known *known = knownText(failure)) {
        return failure.is(Failure::Reason::Unreachable) ? tr(known->text).arg(failure.message())
                                                        : tr(known->text);
    }
    return failure.message().isEmpty() ? tr("Something went wrong (%1).").arg(codeName(failure))
                                       : failure.message();
}

QString ErrorText::describe(Protocol::ErrorCode code)
{
    return describe(Failure::fromServer(Protocol::Error::of(code, {})));
}

ErrorText::Field ErrorText::fieldFor(const Failure &failure)
{
    const Known *known = knownText(failure);
    return known ? known->field : Field::None;
}

} // namespace FinChat::Client
