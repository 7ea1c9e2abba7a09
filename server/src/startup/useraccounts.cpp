#include "startup/useraccounts.h"

#include "startup/admincommand.h"

#include "auth/passwordhasher.h"
#include "storage/storagethread.h"

#include "finchat/validation.h"

#include <QDateTime>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {

using AdminCommand::fail;

constexpr auto Usage = "usage: finchat-server user add NAME [DISPLAY NAME] | user passwd NAME | "
                       "user list";

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
               << (user.isBot ? "bot" : "person") << '\t'
               << QDateTime::fromMSecsSinceEpoch(user.createdAt, Qt::UTC).toString(Qt::ISODate)
               << Qt::endl;
    }
    return 0;
}

} // namespace

int manageUserAccounts(StorageThread &storage, const QStringList &arguments, QTextStream &input,
                       QTextStream &output, QTextStream &report)
{
    const QString action = arguments.value(0);
    if (action == "list"_L1 && arguments.size() == 1)
        return list(storage, output);
    if ((action != "add"_L1 && action != "passwd"_L1) || arguments.size() < 2 ||
        (action == "passwd"_L1 && arguments.size() > 2))
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

    if (action == "passwd"_L1) {
        if (!existing)
            return fail(
                report,
                u"there is no user %1 (finchat-server user add %1 creates one)"_s.arg(*name));
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
                  "password when it next connects (restart the server to drop connections "
                  "open now)"
               << Qt::endl;
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
    const auto created =
        storage.blocking([&](Storage &opened) { return opened.createUser(*name, *shown, *hash); });
    if (!created) // made by someone else in the meantime
        return fail(report, u"user %1 exists"_s.arg(*name));
    report << "created user " << *name << " (" << *shown << ")" << Qt::endl;
    return 0;
}

} // namespace FinChat
