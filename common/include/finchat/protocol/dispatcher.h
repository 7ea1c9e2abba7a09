#pragma once

#include "finchat/protocol/messages.h"

#include <QHash>
#include <QJsonObject>

#include <functional>

namespace FinChat::Protocol {

// Routes frames by their "type" to handlers of the typed message: a handler registered with
// on<MessageNew>(...) gets a MessageNew, already validated. Both ends use it: the server for
// requests (Result is the answer, Context the request's connection and id), the client for
// events. fromJson's ProtocolError reaches the caller of dispatch(), which answers or logs it.
template<typename Result, typename... Context>
class Dispatcher
{
public:
    using Handler = std::function<Result(const QJsonObject &fields, Context... context)>;

    template<Described Message, typename Callable>
    void on(Callable handler)
    {
        m_handlers.insert(QString(Message::Type),
                          [handler = std::move(handler)](const QJsonObject &fields,
                                                         Context... context) -> Result {
                              return handler(fromJson<Message>(fields), context...);
                          });
    }

    // Null for a type nobody registered.
    const Handler *find(const QString &type) const
    {
        const auto it = m_handlers.constFind(type);
        return it == m_handlers.constEnd() ? nullptr : &*it;
    }

private:
    QHash<QString, Handler> m_handlers;
};

} // namespace FinChat::Protocol
