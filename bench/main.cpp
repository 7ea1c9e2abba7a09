#include "scenarios.h"
#include "startup/eventloop.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <sys/resource.h>

#include <functional>
#include <map>

using namespace FinChat::Bench;
using namespace Qt::StringLiterals;

namespace {

// Ten thousand connections need more file descriptors than the usual soft limit of 1024;
// the server, started from here, inherits the raised limit.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    // The generator polls thousands of sockets too: on the server's loop it does not cost
    // in proportion to them (epoll on Linux; FINCHAT_EVENT_LOOP=poll for Qt's own).
    FinChat::chooseEventLoop();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"finchat-bench"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Load and latency benchmark for finchat-server. Scenarios: fanout, latency, idle, history, bot, logins, all."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"scenario"_s, u"Which scenario to run (default: all)."_s);
    Options options;
    const auto integer = [&](const QString &name, const QString &help, int value) {
        QCommandLineOption option(name, help + u" (default %1)"_s.arg(value), u"n"_s);
        parser.addOption(option);
        return option;
    };
    const auto receiversOption =
        integer(u"receivers"_s, u"Receivers in the room"_s, options.receivers);
    const auto sendersOption = integer(u"senders"_s, u"Senders in the room"_s, options.senders);
    const auto messagesOption = integer(u"messages"_s, u"Messages per sender"_s, options.messages);
    const auto windowOption =
        integer(u"window"_s, u"Messages a sender has in flight"_s, options.window);
    const auto rateOption =
        integer(u"rate"_s, u"Messages per second in the latency scenario"_s, options.rate);
    const auto secondsOption =
        integer(u"seconds"_s, u"Length of the latency scenario"_s, options.seconds);
    const auto connectionsOption =
        integer(u"connections"_s, u"Idle connections"_s, options.connections);
    const auto inFlightOption =
        integer(u"in-flight"_s, u"Idle connections logging in at once"_s, options.inFlight);
    const auto historyMessagesOption =
        integer(u"history-messages"_s, u"Messages stored for the history scenario"_s,
                options.historyMessages);
    const auto botClientsOption =
        integer(u"bot-clients"_s, u"Clients asking the stock bot at once"_s, options.botClients);
    const auto loginsOption = integer(u"logins"_s, u"Logins in the login flood"_s, options.logins);
    const QCommandLineOption serverBinary(
        u"server-binary"_s, u"The finchat-server to start (default: beside this program)"_s,
        u"path"_s);
    parser.addOption(serverBinary);
    const QCommandLineOption durabilityOption(
        u"durability"_s, u"The server's durability: full or normal (default full)"_s, u"mode"_s,
        u"full"_s);
    parser.addOption(durabilityOption);
    const QCommandLineOption plaintextOption(
        u"plaintext"_s, u"Plain WebSocket (ws://) instead of TLS, as servers before TLS spoke"_s);
    parser.addOption(plaintextOption);
    const QCommandLineOption referenceOption(
        u"reference"_s,
        u"Run fanout, latency and idle first against the reference relay (finchat-bench-relay "
        "beside this program: QtWebSockets alone, no JSON, no database), then against "
        "finchat-server, whose figures then carry their ratio to the relay's (*_vs_reference)"_s);
    parser.addOption(referenceOption);
    const QCommandLineOption againstOption(
        u"against"_s,
        u"Run fanout, latency and idle first against these other servers, found on the PATH "
        "(Debian's packages ngircd and nats-server): a comma-separated list of ngircd and nats "
        "(IRC over TCP, NATS over plain WebSocket: add --plaintext to compare like with like); "
        "finchat-server's figures then carry their ratio to each (*_vs_ngircd, *_vs_nats)"_s,
        u"servers"_s);
    parser.addOption(againstOption);
    const QCommandLineOption postgresOption(
        u"postgres"_s,
        u"Run on PostgreSQL: the <uri> of a cluster's database (postgresql://user@host/postgres) "
        "on which each run makes a database of its own, dropped afterwards (default: SQLite)"_s,
        u"uri"_s);
    parser.addOption(postgresOption);
    const auto serversOption =
        integer(u"servers"_s,
                u"Servers on the one database, clients spread across them (needs --postgres)"_s,
                options.server.servers);
    parser.process(app);
    options.server.durability = parser.value(durabilityOption);
    options.server.plaintext = parser.isSet(plaintextOption);
    options.server.postgresCluster = parser.value(postgresOption);
    if (parser.isSet(serversOption))
        options.server.servers = std::max(1, parser.value(serversOption).toInt());

    const auto read = [&](const QCommandLineOption &option, int &target) {
        if (parser.isSet(option))
            target = parser.value(option).toInt();
    };
    read(receiversOption, options.receivers);
    read(sendersOption, options.senders);
    read(messagesOption, options.messages);
    read(windowOption, options.window);
    read(rateOption, options.rate);
    read(secondsOption, options.seconds);
    read(connectionsOption, options.connections);
    read(inFlightOption, options.inFlight);
    options.inFlight = std::max(1, options.inFlight);
    read(historyMessagesOption, options.historyMessages);
    read(botClientsOption, options.botClients);
    read(loginsOption, options.logins);
    options.server.binary =
        parser.isSet(serverBinary)
            ? parser.value(serverBinary)
            : QDir(QCoreApplication::applicationDirPath()).filePath(u"finchat-server"_s);
    raiseFileLimit();

    const std::map<QString, std::function<Report(const Options &)>> scenarios{
        {u"fanout"_s, fanOut},
        {u"latency"_s, fixedRateLatency},
        {u"idle"_s, idleConnections},
        {u"history"_s, history},
        {u"bot"_s, bot},
        {u"logins"_s, logins},
    };
    // The relay greets, resumes, joins and relays; the other scenarios need FinChat itself.
    const QStringList ReferenceScenarios{u"fanout"_s, u"latency"_s, u"idle"_s};
    const QString chosen = parser.positionalArguments().value(0, u"all"_s);
    const QStringList order{u"fanout"_s,  u"latency"_s, u"idle"_s,
                            u"history"_s, u"bot"_s,     u"logins"_s};
    if (chosen != "all"_L1 && !scenarios.contains(chosen)) {
        qCritical("unknown scenario %s", qPrintable(chosen));
        return 2;
    }
    // The servers each reference scenario runs against before finchat-server, by the name
    // their figures carry.
    std::vector<std::pair<QString, ServerSetup>> references;
    const std::map<QString, std::pair<ServerKind, QString>> others{
        {u"ngircd"_s, {ServerKind::Ngircd, u"ngircd"_s}},
        {u"nats"_s, {ServerKind::NatsServer, u"nats-server"_s}},
    };
    for (const QString &other : parser.value(againstOption).split(u',', Qt::SkipEmptyParts)) {
        const auto known = others.find(other);
        if (known == others.end()) {
            qCritical("unknown server %s (ngircd or nats)", qPrintable(other));
            return 2;
        }
        ServerSetup setup = options.server;
        setup.kind = known->second.first;
        // Debian installs both daemons in /usr/sbin, which a user's PATH often lacks.
        setup.binary = QStandardPaths::findExecutable(known->second.second);
        if (setup.binary.isEmpty())
            setup.binary =
                QStandardPaths::findExecutable(known->second.second, {u"/usr/sbin"_s, u"/sbin"_s});
        if (setup.binary.isEmpty()) {
            qCritical("%s is not installed (apt install %s)", qPrintable(known->second.second),
                      qPrintable(known->second.second));
            return 2;
        }
        references.emplace_back(other, setup);
    }
    if (parser.isSet(referenceOption)) {
        ServerSetup relay = options.server;
        relay.binary =
            QDir(QCoreApplication::applicationDirPath()).filePath(u"finchat-bench-relay"_s);
        references.emplace_back(u"reference"_s, relay);
    }
    int status = 0;
    for (const QString &name : order) {
        if (chosen != "all"_L1 && chosen != name)
            continue;
        QList<Report> reports;
        if (ReferenceScenarios.contains(name)) {
            for (const auto &[referenceName, setup] : references) {
                Options onReference = options;
                onReference.server = setup;
                reports.append(scenarios.at(name)(onReference));
                reports.last().figures.insert(u"server"_s, referenceName);
            }
        }
        Report finChat = scenarios.at(name)(options);
        if (!reports.isEmpty()) {
            finChat.figures.insert(u"server"_s, u"finchat"_s);
            for (const Report &reference : std::as_const(reports))
                finChat.addRatiosAgainst(reference,
                                         reference.figures.value(u"server"_s).toString());
        }
        reports.append(finChat);
        for (const Report &report : std::as_const(reports)) {
            report.print();
            // Speed is reported, never judged here; a lost or mangled message is a failure.
            for (const auto *key : {"lost", "duplicated", "out_of_order"}) {
                if (report.figures.value(QLatin1StringView(key)).toDouble() > 0)
                    status = 1;
            }
        }
    }
    return status;
}
