#include "startup/eventloop.h"

#include <QCoreApplication>

#ifdef Q_OS_LINUX
#include "wire/epolleventdispatcher.h"
#endif

namespace FinChat {

void chooseEventLoop()
{
#ifdef Q_OS_LINUX
    if (qEnvironmentVariable("FINCHAT_EVENT_LOOP") != QLatin1StringView("poll"))
        QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
#endif
}

} // namespace FinChat
