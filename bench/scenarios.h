#pragma once

#include "benchserver.h"
#include "stats.h"

#include <QString>

namespace FinChat::Bench {

struct Options
{
    ServerSetup server;
    int receivers = 100;
    int senders = 10;
    int messages = 2000;
    int window = 32;
    int rate = 2000;
    int seconds = 10;
    int connections = 10'000;
    int inFlight = 8; // connections of the idle scenario logging in at once
    int historyMessages = 1'000'000;
    int historyQueries = 500;
    int botClients = 100;
    int botDelayMs = 50;
    int logins = 40;
};

Report fanOut(const Options &options);
Report fixedRateLatency(const Options &options);
Report idleConnections(const Options &options);
Report history(const Options &options);
Report bot(const Options &options);
Report logins(const Options &options);

} // namespace FinChat::Bench
