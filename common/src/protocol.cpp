#include "finchat/protocol.h"

#include <QJsonDocument>

#include <array>
#include <utility>

namespace FinChat::Protocol {

namespace {

using namespace Qt::StringLiterals;

constexpr std::array ErrorNames{
    std::pair{ErrorCode::InvalidJson, "invalid_json"_L1},
    std::pair{ErrorCode::NotAnObject, "not_an_object"_L1},
    std::pair{ErrorCode::UnknownType, "unknown_type"_L1},
    std::pair{ErrorCode::InvalidField, "invalid_field"_L1},
    std::pair{ErrorCode::UnsupportedProtocol, "unsupported_protocol"_L1},
    std::pair{ErrorCode::NotLoggedIn, "not_logged_in"_L1},
    std::pair{ErrorCode::AlreadyLoggedIn, "already_logged_in"_L1},
    std::pair{ErrorCode::BadCredentials, "bad_credentials"_L1},
    std::pair{ErrorCode::InvalidToken, "invalid_token"_L1},
    std::pair{ErrorCode::UsernameTaken, "username_taken"_L1},
    std::pair{ErrorCode::InvalidUsername, "invalid_username"_L1},
    std::pair{ErrorCode::WeakPassword, "weak_password"_L1},
    std::pair{ErrorCode::InvalidDisplayName, "invalid_display_name"_L1},
    std::pair{ErrorCode::UnknownRoom, "unknown_room"_L1},
    std::pair{ErrorCode::InvalidRoomName, "invalid_room_name"_L1},
    std::pair{ErrorCode::RoomExists, "room_exists"_L1},
    std::pair{ErrorCode::NotAMember, "not_a_member"_L1},
    std::pair{ErrorCode::EmptyMessage, "empty_message"_L1},
    std::pair{ErrorCode::MessageTooLong, "message_too_long"_L1},
    std::pair{ErrorCode::UnknownCommand, "unknown_command"_L1},
    std::pair{ErrorCode::RateLimited, "rate_limited"_L1},
    std::pair{ErrorCode::LoginTimeout, "login_timeout"_L1},
    std::pair{ErrorCode::TooManyConnections, "too_many_connections"_L1},
    std::pair{ErrorCode::LimitReached, "limit_reached"_L1},
    std::pair{ErrorCode::Forbidden, "forbidden"_L1},
    std::pair{ErrorCode::CommandTaken, "command_taken"_L1},
    std::pair{ErrorCode::UnknownUser, "unknown_user"_L1},
    std::pair{ErrorCode::AccountDisabled, "account_disabled"_L1},
    std::pair{ErrorCode::RegistrationClosed, "registration_closed"_L1},
    std::pair{ErrorCode::InvalidInvite, "invalid_invite"_L1},
    std::pair{ErrorCode::UnknownMessage, "unknown_message"_L1},
    std::pair{ErrorCode::Muted, "muted"_L1},
    std::pair{ErrorCode::EditExpired, "edit_expired"_L1},
    std::pair{ErrorCode::InternalError, "internal_error"_L1},
};

constexpr std::array RoleNames{
    std::pair{Role::Member, "member"_L1},
    std::pair{Role::Moderator, "moderator"_L1},
    std::pair{Role::Admin, "admin"_L1},
};

} // namespace

QLatin1StringView roleName(Role role)
{
    return RoleNames.at(static_cast<std::size_t>(role)).second;
}

std::optional<Role> roleFromName(QStringView name)
{
    for (const auto &[role, candidate] : RoleNames) {
        if (name == candidate)
            return role;
    }
    return std::nullopt;
}

QString errorCodeName(ErrorCode code)
{
    for (const auto &[candidate, name] : ErrorNames) {
        if (candidate == code)
            return name;
    }
    return u"internal_error"_s;
}

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    for (const auto &[code, candidate] : ErrorNames) {
        if (name == candidate)
            return code;
    }
    return std::nullopt;
}

QJsonObject makeFrame(const QString &type, const QJsonValue &id, const QJsonObject &fields)
{
    QJsonObject frame = fields;
    frame.insert(TypeKey, type);
    if (!id.isUndefined() && !id.isNull())
        frame.insert(IdKey, id);
    return frame;
}

QJsonObject makeError(ErrorCode code, const QString &message, const QJsonValue &id)
{
    QJsonObject error{{u"code"_s, errorCodeName(code)}, {u"message"_s, message}};
    // Errors always carry the id member, null when the request had none, so a client can
    // tell "this failed request" from "some request".
    error.insert(IdKey, id.isUndefined() ? QJsonValue(QJsonValue::Null) : id);
    error.insert(TypeKey, QString(Type::Error));
    return error;
}

QByteArray serialize(const QJsonObject &frame)
{
    return QJsonDocument(frame).toJson(QJsonDocument::Compact);
}

} // namespace FinChat::Protocol
