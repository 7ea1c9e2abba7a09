#include "handlers/watchlistservice.h"

#include "handlers/marketcode.h"
#include "handlers/pricechecker.h"
#include "state/fanout.h"
#include "state/ratesharing.h"
#include "state/roomdirectory.h"
#include "storage/storagethread.h"
#include "wire/clientconnection.h"

#include "finchat/protocol/protocolerror.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimeZone>

namespace FinChat {

using namespace Qt::StringLiterals;
using Protocol::ErrorCode;

Q_LOGGING_CATEGORY(lcWatchlists, "finchat.server.watchlists")

namespace {
constexpr qsizetype MaxCodesPerCommand = 5;

QString codeOf(const QString &text)
{
    const auto code = normalizedMarketCode(text);
    if (!code)
        throw ProtocolError(ErrorCode::InvalidField,
                            u"'%1' is not a market code such as aapl.us"_s.arg(text.left(24)));
    return *code;
}

// "aapl.us", or several joined with '+', ',' or spaces.
QStringList codesOf(const QString &argument, const QString &usage)
{
    static const QRegularExpression separators(u"[+,\\s]+"_s);
    const QStringList words = argument.split(separators, Qt::SkipEmptyParts);
    if (words.isEmpty() || words.size() > MaxCodesPerCommand)
        throw ProtocolError(ErrorCode::InvalidField, usage);
    QStringList codes;
    for (const QString &word : words)
        codes.append(codeOf(word));
    return codes;
}

QString money(double price)
{
    return u'$' + priceText(price);
}

QString condition(const Protocol::PriceAlert &alert)
{
    return u"%1 %2 %3"_s.arg(alert.code.toUpper(),
                             alert.direction == "above"_L1 ? u"at or above"_s : u"at or below"_s,
                             money(alert.price));
}

// The watched codes in one line, each with its latest price when there is one.
QString codesLine(const QList<Protocol::WatchedCode> &codes)
{
    if (codes.isEmpty())
        return u"Your watchlist is empty; add a code with /watch=aapl.us."_s;
    QStringList entries;
    for (const Protocol::WatchedCode &entry : codes) {
        const QJsonValue close = entry.quote ? entry.quote->value("close"_L1) : QJsonValue();
        entries.append(close.isDouble()
                           ? u"%1 %2"_s.arg(entry.code.toUpper(), money(close.toDouble()))
                           : entry.code.toUpper());
    }
    return u"Watchlist: "_s + entries.join(u", "_s);
}

QString listing(const Protocol::Watchlist &watchlist)
{
    QStringList lines{codesLine(watchlist.codes)};
    if (watchlist.alerts.isEmpty())
        lines.append(u"No price alerts; set one with /alert=aapl.us>250."_s);
    for (const Protocol::PriceAlert &alert : watchlist.alerts) {
        QString line = u"#%1 %2"_s.arg(alert.id).arg(condition(alert));
        if (alert.room)
            line += u" (told in #%1)"_s.arg(*alert.room);
        if (alert.triggeredAt) {
            const QDateTime at =
                QDateTime::fromMSecsSinceEpoch(*alert.triggeredAt, QTimeZone::utc());
            line += u" \u2014 fired %1 UTC at %2"_s.arg(at.toString(u"yyyy-MM-dd HH:mm"_s),
                                                        money(alert.triggeredPrice.value_or(0)));
        } else {
            line += u" \u2014 armed"_s;
        }
        lines.append(line);
    }
    return lines.join(u'\n');
}

// A watchlist request's reply: the watchlist after the change. The handlers check the request
// at once (their errors come before any work) and return this.
template<typename Reply>
QCoro::Task<Reply> answer(QCoro::Task<Protocol::Watchlist> change)
{
    Protocol::Watchlist watchlist = co_await change;
    co_return Reply{std::move(watchlist)};
}

const QList<CommandInfo> &allCommands()
{
    static const QList<CommandInfo> all{
        {u"watch"_s, u"/watch=CODE"_s, u"Adds CODE to your watchlist (just /watch shows it)"_s},
        {u"unwatch"_s, u"/unwatch=CODE"_s, u"Takes CODE off your watchlist"_s},
        {u"alert"_s, u"/alert=CODE>PRICE or /alert=CODE<PRICE"_s,
         u"Tells you once when CODE's price reaches PRICE (add ,room to tell this room too)"_s},
        {u"unalert"_s, u"/unalert=ID"_s, u"Removes price alert ID"_s},
        {u"alerts"_s, u"/alerts"_s, u"Lists your watchlist and price alerts"_s},
    };
    return all;
}

const CommandInfo &info(QStringView name)
{
    const QList<CommandInfo> &all = allCommands();
    static const CommandInfo none;
    const auto found = std::find_if(
        all.cbegin(), all.cend(), [&](const CommandInfo &command) { return command.name == name; });
    return found != all.cend() ? *found : none;
}
} // namespace

WatchlistService::WatchlistService(const ServerContext &context, PriceChecker &prices,
                                   QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_prices(prices)
{
    m_alertRate.share(context.rates, u"alerts"_s);
}

void WatchlistService::requireQuotes() const
{
    if (!m_prices.hasQuotes())
        throw ProtocolError(ErrorCode::UnknownCommand, u"no bot on this server gives quotes"_s);
}

template<typename Change>
QCoro::Task<Protocol::Watchlist> WatchlistService::change(qint64 user, Change work)
{
    auto stored = m_context.write([user, work = std::move(work)](Storage &storage) {
        work(storage); // throws what it refuses: nothing of it is stored then
        return storage.watchlistOf(user);
    });
    const WatchlistRecord record = co_await stored;
    Protocol::Watchlist watchlist = m_prices.describe(record);
    m_context.fanout.toUser(user, Protocol::WatchlistUpdated{watchlist});
    co_return watchlist;
}

QCoro::Task<Protocol::Watchlist> WatchlistService::watchlistOf(qint64 user)
{
    auto read = m_context.read([user](Storage &storage) { return storage.watchlistOf(user); });
    const WatchlistRecord record = co_await read;
    co_return m_prices.describe(record);
}

QCoro::Task<Protocol::Watchlist> WatchlistService::watch(qint64 user, QString code)
{
    auto changing = change(user, [user, code](Storage &storage) {
        if (storage.addWatched(user, code, MaxWatchedCodes) == Storage::Listing::Full)
            throw ProtocolError(
                ErrorCode::LimitReached,
                u"your watchlist holds %1 codes; unwatch one first"_s.arg(MaxWatchedCodes));
    });
    Protocol::Watchlist watchlist = co_await changing;
    m_prices.checkSoon(code); // its price, in a moment rather than at the next check
    co_return watchlist;
}

QCoro::Task<Protocol::Watchlist> WatchlistService::unwatch(qint64 user, QString code)
{
    return change(user, [user, code](Storage &storage) { storage.removeWatched(user, code); });
}

QCoro::Task<Protocol::Watchlist> WatchlistService::arm(qint64 user, AlertRecord alert)
{
    alert.userId = user;
    // A fired alert frees its place: without this an alert set at a price already reached,
    // in a room, could announce itself there again and again.
    if (!m_alertRate.tryConsume(user, Protocol::nowMs()))
        throw ProtocolError(
            ErrorCode::RateLimited,
            u"you set %1 price alerts within the hour; wait a while"_s.arg(AlertsPerHour));
    auto changing = change(user, [alert](Storage &storage) {
        if (!storage.addAlert(alert, MaxArmedAlerts))
            throw ProtocolError(
                ErrorCode::LimitReached,
                u"you have %1 price alerts waiting; remove one first"_s.arg(MaxArmedAlerts));
    });
    Protocol::Watchlist watchlist = co_await changing;
    m_prices.checkSoon(alert.code);
    co_return watchlist;
}

QCoro::Task<Protocol::Watchlist> WatchlistService::disarm(qint64 user, qint64 alertId)
{
    return change(user, [user, alertId](Storage &storage) {
        if (!storage.removeAlert(user, alertId))
            throw ProtocolError(ErrorCode::InvalidField,
                                u"you have no price alert #%1"_s.arg(alertId));
    });
}

QCoro::Task<Protocol::WatchlistGetOk> WatchlistService::get(Request request, Protocol::WatchlistGet)
{
    requireQuotes();
    return answer<Protocol::WatchlistGetOk>(watchlistOf(request.connection()->user().id));
}

QCoro::Task<Protocol::WatchlistAddOk> WatchlistService::add(Request request,
                                                            Protocol::WatchlistAdd fields)
{
    requireQuotes();
    return answer<Protocol::WatchlistAddOk>(
        watch(request.connection()->user().id, codeOf(fields.code)));
}

QCoro::Task<Protocol::WatchlistRemoveOk> WatchlistService::remove(Request request,
                                                                  Protocol::WatchlistRemove fields)
{
    requireQuotes();
    return answer<Protocol::WatchlistRemoveOk>(
        unwatch(request.connection()->user().id, codeOf(fields.code)));
}

QCoro::Task<Protocol::AlertAddOk> WatchlistService::addAlert(Request request,
                                                             Protocol::AlertAdd fields)
{
    requireQuotes();
    const qint64 user = request.connection()->user().id;
    AlertRecord alert;
    alert.code = codeOf(fields.code);
    if (fields.direction != "above"_L1 && fields.direction != "below"_L1)
        throw ProtocolError(ErrorCode::InvalidField, u"direction: \"above\" or \"below\""_s);
    alert.above = fields.direction == "above"_L1;
    if (!(fields.price > 0))
        throw ProtocolError(ErrorCode::InvalidField, u"price: a price above 0"_s);
    alert.price = fields.price;
    if (fields.room) {
        const RoomRecord *room = m_context.rooms.findFor(fields.room->toLower(), user);
        if (!room)
            throw ProtocolError(ErrorCode::UnknownRoom, u"there is no such room"_s);
        if (!m_context.rooms.isMember(room->id, user))
            throw ProtocolError(ErrorCode::NotAMember, u"join %1 first"_s.arg(room->name));
        alert.roomId = room->id;
    }
    return answer<Protocol::AlertAddOk>(arm(user, alert));
}

QCoro::Task<Protocol::AlertRemoveOk> WatchlistService::removeAlert(Request request,
                                                                   Protocol::AlertRemove fields)
{
    requireQuotes();
    return answer<Protocol::AlertRemoveOk>(disarm(request.connection()->user().id, fields.alert));
}

QList<CommandInfo> WatchlistService::commands() const
{
    if (!m_prices.hasQuotes())
        return {};
    return allCommands();
}

QStringList WatchlistService::reservedNames() const
{
    QStringList names;
    for (const CommandInfo &command : allCommands())
        names.append(command.name);
    return names;
}

void WatchlistService::run(const CommandCall &call)
{
    answerCommand(call);
}

QCoro::Task<> WatchlistService::answerCommand(CommandCall call)
{
    QString text;
    try {
        auto awaited = commandReply(call);
        text = co_await awaited;
    } catch (const Abandoned &) {
        co_return; // the server stopped meanwhile
    } catch (const ProtocolError &error) {
        text = error.message();
    } catch (const std::exception &error) {
        qCWarning(lcWatchlists) << "a watchlist command failed:" << error.what();
        text = u"Your watchlist could not be changed just now; nothing was saved. Try again."_s;
    }
    m_context.fanout.toUser(call.sender.id, Protocol::Notice{call.room, text, std::nullopt,
                                                             std::nullopt, std::nullopt});
}

QCoro::Task<QString> WatchlistService::commandReply(const CommandCall &call)
{
    const qint64 user = call.sender.id;
    const QString &name = call.invocation.name;
    const QString argument = call.invocation.argument.trimmed();
    const QString usage = u"Usage: "_s + info(name).usage;

    if (name == "alerts"_L1 || (name == "watch"_L1 && argument.isEmpty())) {
        auto awaited = watchlistOf(user);
        const Protocol::Watchlist watchlist = co_await awaited;
        co_return listing(watchlist);
    }
    if (name == "watch"_L1 || name == "unwatch"_L1) {
        const bool adding = name == "watch"_L1;
        const QStringList codes = codesOf(argument, usage);
        Protocol::Watchlist watchlist;
        for (const QString &code : codes) {
            auto awaited = adding ? watch(user, code) : unwatch(user, code);
            watchlist = co_await awaited;
        }
        co_return u"%1 %2.\n"_s.arg(adding ? u"Watching"_s : u"No longer watching"_s,
                                    codes.join(u", "_s).toUpper()) +
            codesLine(watchlist.codes);
    }
    if (name == "unalert"_L1) {
        bool ok = false;
        const qint64 id = QString(argument).remove(u'#').toLongLong(&ok);
        if (!ok || id <= 0)
            throw ProtocolError(ErrorCode::InvalidField, usage);
        auto removing = disarm(user, id);
        co_await removing;
        co_return u"Price alert #%1 removed."_s.arg(id);
    }
    // alert: CODE>PRICE or CODE<PRICE, and ",room" to tell the room too.
    static const QRegularExpression rule(
        u"\\A([^<>,\\s]+)\\s*([<>])=?\\s*\\$?(\\d{1,12}(?:\\.\\d{1,8})?)\\s*(,\\s*room)?\\z"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = rule.match(argument);
    if (!match.hasMatch() || !(match.captured(3).toDouble() > 0))
        throw ProtocolError(ErrorCode::InvalidField,
                            usage + u", for example /alert=aapl.us>250 (add ,room to tell "
                                    "this room too)"_s);
    AlertRecord alert;
    alert.code = codeOf(match.captured(1));
    alert.above = match.captured(2) == u">"_s;
    alert.price = match.captured(3).toDouble();
    if (match.hasCaptured(4))
        alert.roomId = call.roomId;
    auto awaited = arm(user, alert);
    const Protocol::Watchlist watchlist = co_await awaited;
    const Protocol::PriceAlert &armed = watchlist.alerts.first(); // newest first
    co_return u"Price alert #%1: you will be told once when %2%3."_s.arg(armed.id).arg(
        condition(armed), alert.roomId ? u", and so will #%1"_s.arg(call.room) : QString());
}

} // namespace FinChat
