#include "core/catchup.h"

#include "core/chatmessage.h"
#include "core/conversations.h"
#include "core/errortext.h"
#include "core/membermodel.h"
#include "core/messagemodel.h"
#include "core/roomlistmodel.h"
#include "core/serverlink.h"
#include "core/unreadtracker.h"

#include <QPointer>

namespace FinChat::Client {

CatchUp::CatchUp(ServerLink &link, Conversations &conversations, UnreadTracker &unread,
                 QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_conversations(conversations)
    , m_unread(unread)
{}

void CatchUp::rememberShown()
{
    // A room not reloaded since an earlier drop keeps its mark: what it shows since came
    // live, with the gap before it still open.
    for (const QString &room : m_conversations.rooms()->joinedRooms()) {
        if (!m_shownBeforeDrop.contains(room))
            m_shownBeforeDrop.insert(room, m_conversations.messages(room)->newestId());
    }
}

QCoro::Task<bool> CatchUp::loadRoom(QString room)
{
    QPointer<CatchUp> self(this);
    m_joining.insert(room);
    auto joining = m_link.call(Protocol::RoomJoin{room});
    const auto joined = co_await joining;
    if (!self)
        co_return false;
    m_joining.remove(room);
    if (!joined.ok()) {
        emit requestFailed(ErrorText::describe(joined.failure()));
        co_return !joined.failure().is(Failure::Reason::Disconnected);
    }
    MessageModel *model = m_conversations.messages(room);
    QList<ChatMessage> latest = ChatMessage::fromStored(joined->page.messages);
    bool hasOlder = joined->page.hasMore;
    const qint64 known =
        m_shownBeforeDrop.contains(room) ? m_shownBeforeDrop.take(room) : model->newestId();
    if (known == 0) {
        model->reset(latest, hasOlder);
    } else {
        // Back from a disconnection: page back until the pages reach what is shown.
        while (hasOlder && !latest.isEmpty() && latest.first().id > known) {
            auto fetching = m_link.call(
                Protocol::HistoryFetch{room, latest.first().id, Protocol::MaxHistoryPage});
            const auto page = co_await fetching;
            if (!self || !page.ok())
                co_return false;
            latest = ChatMessage::fromStored(page->page.messages) + latest;
            hasOlder = page->page.hasMore;
        }
        for (const ChatMessage &message : std::as_const(latest)) {
            if (message.id <= known)
                model->update(message); // perhaps edited or deleted while this client was away
            else if (message.deleted)
                model->append(message); // its place, but nothing to read or be told of
            else if (message.id > known)
                m_unread.deliver(message);
        }
    }
    if (joined->room.direct) {
        m_conversations.showDirect(room, joined->members);
    } else {
        m_conversations.members(room)->reset(joined->members);
        m_conversations.rooms()->upsert(room, joined->room.topic);
    }
    m_conversations.setMutedUntil(room, joined->mutedUntil);
    m_conversations.rooms()->setJoined(room, true);
    emit roomJoined(room);
    co_return true;
}

QCoro::Task<> CatchUp::fetchOlder(QString room)
{
    auto loading = loadOlderPage(std::move(room), Protocol::DefaultHistoryPage);
    co_await loading;
}

QCoro::Task<bool> CatchUp::loadOlderPage(QString room, int limit)
{
    QPointer<CatchUp> self(this);
    QPointer<MessageModel> model = m_conversations.messages(room);
    if (model->isLoadingOlder() || !model->hasOlder())
        co_return false;
    model->setLoadingOlder(true);
    auto fetching = m_link.call(Protocol::HistoryFetch{room, model->oldestId(), limit});
    const auto page = co_await fetching;
    if (!self || !model)
        co_return false; // signed out meanwhile, or another account took over
    model->setLoadingOlder(false);
    if (!page.ok())
        co_return false;
    const QList<ChatMessage> older = ChatMessage::fromStored(page->page.messages);
    model->prependOlder(older, page->page.hasMore);
    emit olderLoaded(room, static_cast<int>(older.size()));
    co_return true;
}

QCoro::Task<bool> CatchUp::reveal(QString room, qint64 id)
{
    QPointer<CatchUp> self(this);
    QPointer<MessageModel> model = m_conversations.messages(room);
    for (int pages = 0; model && model->rowOfId(id) < 0 && pages < MaxRevealPages; ++pages) {
        auto loading = loadOlderPage(room, Protocol::MaxHistoryPage);
        const bool loaded = co_await loading;
        if (!self || !loaded)
            break;
    }
    co_return model && model->rowOfId(id) >= 0;
}

} // namespace FinChat::Client
