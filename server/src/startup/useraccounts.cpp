#include "startup/useraccounts.h"

#include "startup/admincommand.h"

#include "auth/passwordhasher.h"
#include "storage/auditedchanges.h"
#include "storage/storagethread.h"

#include "finchat/validation.h"

#include <QDateTime>
#include <QHash>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {

using AdminCommand::fail;

constexpr auto Usage =
    "usage: finchat-server user add NAME [DISPLAY NAME] | user passwd NAME | "
    "user role NAME admin|moderator|member | user disable NAME | user enable NAME | user list";

// How a change made here reaches connections open now: the server rereads on SIGHUP.
constexpr auto ReachesOpenConnections =
    "a running server closes connections open now when it is reloaded (systemctl reload "
    "finchat-server, or SIGHUP)";

// Keeps a typed password off the screen while it is read from a terminal.
class EchoOff
{
public:
    EchoOff()
    {
#ifdef Q_OS_UNIX
        m_active = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
#endif
    }
    ~EchoOff()
    {
#ifdef Q_OS_UNIX
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#endif
    }
    static bool onTerminal()
    {
#ifdef Q_OS_UNIX
        return ::isatty(STDIN_FILENO);
#else
        return false;
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
#ifdef Q_OS_UNIX
    termios m_saved{};
    bool m_active = false;
#endif
};

// The new password's Argon2id hash, or nullopt (said in `report`) when it is unusable.
std::optional<QString> readNewPassword(const QString &username, QTextStream &input,
                                       QTextStream &report)
{
    const auto ask = [&](const char *prompt) {
        report << prompt << username << ": " << Qt::flush;
        const EchoOff echoOff;
        const QString line = input.readLine(Validation::PasswordMaxUtf16Length + 1);
        report << Qt::endl;
        return line;
    };
    const QString password = ask("new password for ");
    // Typed unseen, a typo would set a password nobody knows: a person types it twice.
    if (EchoOff::onTerminal() && ask("the same password again for ") != password) {
        fail(report, u"the two passwords differ; nothing changed"_s);
        return std::nullopt;
    }
    if (!Validation::isValidPassword(password)) {
        fail(report, u"a password is %1 to %2 characters"_s.arg(Validation::PasswordMinLength)
                         .arg(Validation::PasswordMaxLength));
        return std::nullopt;
    }
    return PasswordHasher::hash(password);
}

int list(StorageThread &storage, QTextStream &output)
{
    const QList<UserRecord> users =
        storage.blocking([](Storage &opened) { return opened.users(); });
    for (const UserRecord &user : users) {
        output << user.username << '\t' << user.displayName << '\t'
               << (user.isBot ? "bot"_L1 : Protocol::roleName(user.role)) << '\t'
               << (user.isDisabled() ? "disabled" : "enabled") << '\t'
               << QDateTime::fromMSecsSinceEpoch(user.createdAt, Qt::UTC).toString(Qt::ISODate)
               << Qt::endl;
    }
    return 0;
}

// user role, user disable and user enable: one change and its audit line, in one transaction
// (AuditedChanges). Returns whether anything changed.
template<typename Change>
bool changeAccount(StorageThread &storage, Change change)
{
    return storage.blocking(
        [&](Storage &opened) { return opened.inTransaction([&] { return change(opened); }); });
}

int setRole(StorageThread &storage, const UserRecord &user, const QString &roleName,
            QTextStream &report)
{
    const auto role = Protocol::roleFromName(roleName);
    if (!role)
        return fail(report, u"a role is admin, moderator or member, not '%1'"_s.arg(roleName));
    const bool changed = changeAccount(storage, [&](Storage &opened) {
        return AuditedChanges::setRole(opened, user, *role, std::nullopt);
    });
    report << user.username << (changed ? " is now " : " already is ") << roleName
           << (changed ? "; they see it when they next log in" : "") << Qt::endl;
    return 0;
}

int setDisabled(StorageThread &storage, const UserRecord &user, bool disabled, QTextStream &report)
{
    const auto action = disabled ? Protocol::AuditAction::Disable : Protocol::AuditAction::Enable;
    const bool changed = changeAccount(storage, [&](Storage &opened) {
        return AuditedChanges::setDisabled(opened, user, disabled, std::nullopt, action, QString());
    });
    if (!changed)
        report << user.username << " already is " << (disabled ? "disabled" : "enabled")
               << Qt::endl;
    else if (disabled)
        report << "disabled " << user.username << ": they cannot log in and their saved sessions "
               << "are ended; " << ReachesOpenConnections << Qt::endl;
    else
        report << "enabled " << user.username << ": they can log in again" << Qt::endl;
    return 0;
}

} // namespace

int manageUserAccounts(StorageThread &storage, const QStringList &arguments, QTextStream &input,
                       QTextStream &output, QTextStream &report)
{
    const QString action = arguments.value(0);
    if (action == "list"_L1 && arguments.size() == 1)
        return list(storage, output);
    static const QHash<QString, qsizetype> fixedArity{
        {u"passwd"_s, 2}, {u"role"_s, 3}, {u"disable"_s, 2}, {u"enable"_s, 2}};
    const bool known = action == "add"_L1 || fixedArity.contains(action);
    if (!known || arguments.size() < 2 ||
        arguments.size() != fixedArity.value(action, arguments.size()))
        return fail(report, QString::fromLatin1(Usage));

    const auto name = Validation::normalizedUsername(arguments.at(1));
    if (!name)
        return fail(report, u"a username is 3 to 32 of a-z, 0-9, '.', '_', '-', starting with a "
                            "letter or digit"_s);
    const auto existing =
        storage.blocking([&](Storage &opened) { return opened.userByName(*name); });
    if (existing && existing->isBot)
        return fail(report,
                    u"%1 is a bot (finchat-server bot token %1 gives it a new token)"_s.arg(*name));

    if (action != "add"_L1 && !existing)
        return fail(report,
                    u"there is no user %1 (finchat-server user add %1 creates one)"_s.arg(*name));
    if (action == "role"_L1)
        return setRole(storage, *existing, arguments.at(2), report);
    if (action == "disable"_L1 || action == "enable"_L1)
        return setDisabled(storage, *existing, action == "disable"_L1, report);
    if (action == "passwd"_L1) {
        const auto hash = readNewPassword(*name, input, report);
        if (!hash)
            return 1;
        storage.blocking([&](Storage &opened) {
            // A forgotten or stolen password: no saved session outlives it. Both or neither.
            opened.inTransaction([&] {
                opened.setPasswordHash(existing->id, *hash);
                opened.deleteSessionsOfUser(existing->id);
            });
        });
        report << "new password for " << *name
               << "; their saved sessions are ended: a device logs in again with the new "
                  "password when it next connects; "
               << ReachesOpenConnections << Qt::endl;
        return 0;
    }

    if (existing)
        return fail(
            report,
            u"user %1 exists (finchat-server user passwd %1 sets a new password)"_s.arg(*name));
    const auto shown = AdminCommand::displayNameAfter(arguments.mid(2), *name, report);
    if (!shown)
        return 1;
    const auto hash = readNewPassword(*name, input, report);
    if (!hash)
        return 1;
    const auto created = storage.blocking([&](Storage &opened) {
        return opened.inTransaction([&] { return opened.createPerson(*name, *shown, *hash); });
    });
    if (!created) // made by someone else in the meantime
        return fail(report, u"user %1 exists"_s.arg(*name));
    report << "created user " << *name << " (" << *shown << "), "
           << Protocol::roleName(created->role) << Qt::endl;
    return 0;
}

} // namespace FinChat
