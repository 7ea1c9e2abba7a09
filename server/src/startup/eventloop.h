#pragma once

namespace FinChat {

// Gives the main thread the server's event loop, before the QCoreApplication is made: on
// Linux epoll (EpollEventDispatcher), unless FINCHAT_EVENT_LOOP=poll asks for Qt's own;
// elsewhere Qt's own. The tests of the server start the same way, so they test what runs.
void chooseEventLoop();

} // namespace FinChat
