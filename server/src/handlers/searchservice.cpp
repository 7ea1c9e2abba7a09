#include "handlers/searchservice.h"

#include "handlers/roomservice.h"
#include "state/ratesharing.h"
#include "state/roomdirectory.h"
#include "storage/searchquery.h"
#include "storage/storage.h"
#include "wire/clientconnection.h"
#include "wire/wireformat.h"

#include "finchat/validation.h"

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {
constexpr int DefaultSearchPage = 20;
} // namespace

SearchService::SearchService(ServerContext context, const RoomService &rooms)
    : m_context(context)
    , m_rooms(rooms)
    , m_searches(context.limits.messageBurst, context.limits.messageWindow)
{
    m_searches.share(context.rates, u"searches"_s);
}

QCoro::Task<Protocol::MessageSearchOk> SearchService::search(Request request,
                                                             Protocol::MessageSearch fields)
{
    if (Validation::codePointCount(fields.query) > Protocol::SearchQueryMaxLength)
        throw invalidField("query"_L1,
                           u"is at most %1 characters"_s.arg(Protocol::SearchQueryMaxLength));
    const QStringList words = SearchQuery::words(fields.query);
    if (words.isEmpty())
        throw invalidField("query"_L1, u"holds no word to look for"_s);
    std::optional<qint64> roomId;
    if (fields.room)
        roomId = m_rooms.memberRoom(request, *fields.room).id;
    if (!m_searches.tryConsume(request.connection()->user().id, Protocol::nowMs()))
        throw ProtocolError(Protocol::ErrorCode::RateLimited,
                            u"you are searching too fast; wait a few seconds"_s);
    const auto limit = static_cast<int>(fields.limit.value_or(DefaultSearchPage));
    const auto offset = static_cast<int>(fields.offset.value_or(0));
    // One more than asked says whether more results follow.
    auto searching = m_context.read(
        [userId = request.connection()->user().id, words, roomId, offset, limit](Storage &storage) {
            return storage.searchMessages(userId, words, roomId, offset, limit + 1);
        });
    QList<Storage::Found> found = co_await searching;
    Protocol::MessageSearchOk reply{{}, found.size() > limit};
    if (reply.hasMore)
        found.removeLast();
    for (const Storage::Found &hit : std::as_const(found)) {
        const RoomRecord *room = m_context.rooms.findById(hit.message.roomId);
        if (!room) // deleted meanwhile
            continue;
        Protocol::SearchHit shown{WireFormat::message(hit.message, room->name), {}};
        for (const auto &[start, length] : hit.matches)
            shown.highlights.append({start, length});
        reply.results.append(std::move(shown));
    }
    co_return reply;
}

} // namespace FinChat
