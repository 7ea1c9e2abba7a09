#pragma once

#include "startup/eventloop.h"

#include <QCoreApplication>
#include <QTest>

// QTEST_GUILESS_MAIN on the server's own event loop (startup/eventloop.h): the suites of the
// server run on the loop finchat-server runs on (epoll on Linux; FINCHAT_EVENT_LOOP=poll gives
// Qt's own, which ctest also runs some suites on).
#define FINCHAT_SERVER_TEST_MAIN(TestObject)                                                       \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        FinChat::chooseEventLoop();                                                                \
        QCoreApplication app(argc, argv);                                                          \
        TestObject test;                                                                           \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
