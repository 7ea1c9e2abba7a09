#include "handlers/settingsservice.h"

#include "cluster/clusterbus.h"
#include "handlers/permissions.h"
#include "state/fanout.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"
#include "wire/wireformat.h"

#include "finchat/validation.h"

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {

// What changed, for the audit log: never the text itself, which may be long.
QString describeChange(const SiteSettingsRecord &before, const SiteSettingsRecord &after)
{
    QStringList changes;
    if (after.motd != before.motd)
        changes.append(after.motd.isEmpty() ? u"message of the day removed"_s
                                            : u"message of the day changed"_s);
    if (after.editMinutes != before.editMinutes)
        changes.append(u"edit window %1 minutes"_s.arg(after.editMinutes));
    return changes.join(u"; "_s);
}

} // namespace

SettingsService::SettingsService(ServerContext context)
    : m_context(context)
{}

QCoro::Task<Protocol::SettingsUpdateOk> SettingsService::update(Request request,
                                                                Protocol::SettingsUpdate fields)
{
    if (!fields.motd && !fields.editMinutes)
        throw invalidField("motd"_L1, u"or 'editMinutes' is required"_s);
    std::optional<QString> motd;
    if (fields.motd) {
        motd = Validation::normalizedMotd(*fields.motd);
        if (!motd)
            throw invalidField("motd"_L1,
                               u"must be at most %1 characters, without control "
                               "characters but line breaks"_s.arg(Validation::MotdMaxLength));
    }
    struct Updated
    {
        SiteSettingsRecord settings;
        QString by;
        bool changed = false;
    };
    // Judged and stored in one write, on the account and the settings as stored then.
    auto updating = m_context.write([actorId = request.connection()->user().id, motd,
                                     editMinutes = fields.editMinutes](Storage &storage) {
        const UserRecord actor =
            Permissions::actingAccount(storage, actorId, Protocol::Role::Admin);
        const SiteSettingsRecord before = storage.siteSettings();
        SiteSettingsRecord after = before;
        after.motd = motd.value_or(before.motd);
        after.editMinutes = editMinutes.value_or(before.editMinutes);
        const QString change = describeChange(before, after);
        if (!change.isEmpty()) {
            storage.setSiteSettings(after);
            storage.addAuditEntry({.actor = actor.username,
                                   .action = QString(Protocol::AuditAction::Settings),
                                   .target = actor.username,
                                   .detail = change});
        }
        return Updated{after, actor.username, !change.isEmpty()};
    });
    const Updated updated = co_await updating;
    m_context.settings = updated.settings;
    const Protocol::SiteSettings settings = WireFormat::settings(updated.settings);
    if (updated.changed) {
        m_context.cluster.settingsChanged();
        m_context.fanout.toEveryone(Protocol::SettingsUpdated{settings, updated.by});
    }
    co_return Protocol::SettingsUpdateOk{settings};
}

QCoro::Task<> SettingsService::reload()
{
    auto reading = m_context.read([](Storage &storage) { return storage.siteSettings(); });
    try {
        m_context.settings = co_await reading;
    } catch (const Abandoned &) {
        // the server stopped
    } catch (const std::exception &error) {
        qWarning() << "cannot read the site's settings again; the ones held stay:" << error.what();
    }
}

} // namespace FinChat
