#include "startup/botaccounts.h"

#include "startup/admincommand.h"

#include "auth/sessiontoken.h"
#include "storage/storagethread.h"

#include "finchat/validation.h"

#include <QDateTime>
#include <QTextStream>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {

using AdminCommand::fail;

constexpr auto Usage = "usage: finchat-server bot add NAME [DISPLAY NAME] | bot token NAME | "
                       "bot list";

// Gives the bot a new token, shown once: only its hash is stored.
int issueToken(StorageThread &storage, const QString &name, const QString &displayName,
               const QString &what, QTextStream &output, QTextStream &report)
{
    const QString token = SessionToken::generate();
    const auto bot = storage.blocking([&](Storage &opened) {
        return opened.setBotToken(name, displayName, SessionToken::hash(token));
    });
    if (!bot)
        return fail(report, u"%1 is a person's username"_s.arg(name));
    report << what << " bot " << bot->username << " (" << bot->displayName
           << "); its token follows, shown this once. Give it to the bot's program "
              "(finchat-botrunner's token file) and to nobody else."
           << Qt::endl;
    output << token << Qt::endl;
    return 0;
}

int list(StorageThread &storage, QTextStream &output)
{
    const QList<BotAccount> bots =
        storage.blocking([](Storage &opened) { return opened.botAccounts(); });
    for (const BotAccount &bot : bots) {
        const QString token =
            bot.tokenCreatedAt
                ? u"token of %1"_s.arg(QDateTime::fromMSecsSinceEpoch(*bot.tokenCreatedAt, Qt::UTC)
                                           .toString(Qt::ISODate))
                : u"no token (a plugin inside the server)"_s;
        output << bot.username << '\t' << bot.displayName << '\t' << token << Qt::endl;
    }
    return 0;
}

} // namespace

int manageBotAccounts(StorageThread &storage, const QStringList &arguments, QTextStream &output,
                      QTextStream &report)
{
    const QString action = arguments.value(0);
    if (action == "list"_L1 && arguments.size() == 1)
        return list(storage, output);
    if ((action != "add"_L1 && action != "token"_L1) || arguments.size() < 2 ||
        (action == "token"_L1 && arguments.size() > 2))
        return fail(report, QString::fromLatin1(Usage));

    const auto name = Validation::normalizedUsername(arguments.at(1));
    if (!name)
        return fail(report, u"a bot's name is 3 to 32 of a-z, 0-9, '.', '_', '-', starting with "
                            "a letter or digit"_s);
    const auto existing =
        storage.blocking([&](Storage &opened) { return opened.userByName(*name); });
    if (existing && !existing->isBot)
        return fail(report, u"%1 is a person's username"_s.arg(*name));
    if (action == "token"_L1) {
        if (!existing)
            return fail(report,
                        u"there is no bot %1 (finchat-server bot add %1 creates it)"_s.arg(*name));
        return issueToken(storage, *name, existing->displayName, u"new token for"_s, output,
                          report);
    }
    if (existing)
        return fail(
            report,
            u"bot %1 exists; finchat-server bot token %1 gives it a new token"_s.arg(*name));
    const auto shown = AdminCommand::displayNameAfter(arguments.mid(2), *name, report);
    if (!shown)
        return 1;
    return issueToken(storage, *name, *shown, u"created"_s, output, report);
}

} // namespace FinChat
