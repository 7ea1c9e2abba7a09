#include "startup/invitecodes.h"

#include "startup/admincommand.h"

#include "auth/invitecode.h"
#include "storage/auditedchanges.h"
#include "storage/storagethread.h"

#include "finchat/protocol/requests.h"

#include <QDateTime>
#include <QTextStream>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {

using AdminCommand::fail;

constexpr auto Usage =
    "usage: finchat-server invite create [USES [DAYS]] | invite list | invite revoke ID";
constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;

// A whole number from minimum to maximum, or nullopt.
std::optional<qint64> wholeNumber(const QString &text, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

QString dateText(std::optional<qint64> ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODate) : u"never"_s;
}

int create(StorageThread &storage, const QStringList &arguments, QTextStream &output,
           QTextStream &report)
{
    const auto uses = wholeNumber(arguments.value(1, u"1"_s), 1, Protocol::MaxInviteUses);
    const auto days = wholeNumber(arguments.value(2, u"7"_s), 1, Protocol::MaxInviteHours / 24);
    if (!uses || !days)
        return fail(report, u"an invite makes 1 to %1 accounts and lasts 1 to %2 days"_s
                                .arg(Protocol::MaxInviteUses)
                                .arg(Protocol::MaxInviteHours / 24));
    const QString code = InviteCode::generate();
    const qint64 expiresAt = QDateTime::currentMSecsSinceEpoch() + *days * DayMs;
    const InviteRecord invite = storage.blocking([&](Storage &opened) {
        return opened.inTransaction([&] {
            return AuditedChanges::createInvite(opened, InviteCode::hash(code), std::nullopt, *uses,
                                                expiresAt);
        });
    });
    output << code << Qt::endl;
    report << "invite " << invite.id << ": " << InviteCode::summary(*uses, expiresAt)
           << "; the code is shown this once" << Qt::endl;
    return 0;
}

int list(StorageThread &storage, QTextStream &output)
{
    const QList<InviteRecord> invites =
        storage.blocking([](Storage &opened) { return opened.usableInvites(); });
    for (const InviteRecord &invite : invites) {
        output << invite.id << '\t' << invite.usesLeft << " left\t" << invite.used << " used\t"
               << "until " << dateText(invite.expiresAt) << '\t'
               << invite.createdBy.value_or(u"(command line)"_s) << Qt::endl;
    }
    return 0;
}

int revoke(StorageThread &storage, const QString &idText, QTextStream &report)
{
    const auto id = wholeNumber(idText, 1, std::numeric_limits<qint64>::max());
    if (!id)
        return fail(report, u"an invite is named by its number (finchat-server invite list)"_s);
    const bool revoked = storage.blocking([&](Storage &opened) {
        return opened.inTransaction(
            [&] { return AuditedChanges::revokeInvite(opened, *id, std::nullopt); });
    });
    if (!revoked)
        return fail(report,
                    u"no invite %1 can still be used (finchat-server invite list)"_s.arg(*id));
    report << "revoked invite " << *id << Qt::endl;
    return 0;
}

} // namespace

int manageInvites(StorageThread &storage, const QStringList &arguments, QTextStream &output,
                  QTextStream &report)
{
    const QString action = arguments.value(0);
    if (action == "create"_L1 && arguments.size() <= 3)
        return create(storage, arguments, output, report);
    if (action == "list"_L1 && arguments.size() == 1)
        return list(storage, output);
    if (action == "revoke"_L1 && arguments.size() == 2)
        return revoke(storage, arguments.at(1), report);
    return fail(report, QString::fromLatin1(Usage));
}

} // namespace FinChat
