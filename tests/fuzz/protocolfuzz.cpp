// finchat-protocol-fuzz: throws mutated frames at a real server for a bounded time.
//
//   finchat-protocol-fuzz CORPUS_DIR [--seconds N] [--seed S]
//
// Starts from the well-formed frames in CORPUS_DIR, and mutates them the way hostile clients
// do: a field becomes null, a number, an object, a huge or control-laden string, a lone
// surrogate; fields go missing or are added; types are swapped; the text is cut or its bytes
// flipped. Some frames are sent on a connection that closes before the answer. Built with
// ASan and UBSan (the asan preset), any memory error aborts the run. At the end a fresh
// client must still be served. It stops by itself and uses only the loopback address.

#include "fuzzharness.h"

#include "finchat/protocol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <cstdio>

using namespace FinChat::Fuzzing;
using namespace Qt::StringLiterals;
namespace Type = FinChat::Protocol::Type;

namespace {

class Mutator
{
public:
    explicit Mutator(quint32 seed)
        : m_random(seed)
    {}

    QString mutate(const QJsonObject &seed)
    {
        switch (pick(8)) {
        case 0:
            return textMutation(serialize(seed));
        default:
            return serialize(structuralMutation(seed));
        }
    }

private:
    int pick(int count) { return static_cast<int>(m_random.bounded(count)); }

    static QString serialize(const QJsonObject &frame)
    {
        return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
    }

    QJsonValue hostileValue()
    {
        switch (pick(16)) {
        case 0:
            return QJsonValue::Null;
        case 1:
            return 0;
        case 2:
            return -1;
        case 3:
            return 1e308;
        case 4:
            return 9007199254740993.0;
        case 5:
            return 0.5;
        case 6:
            return true;
        case 7:
            return QJsonArray{1, u"two"_s, QJsonValue::Null};
        case 8:
            return QJsonObject{{u"nested"_s, QJsonObject{{u"deeper"_s, 1}}}};
        case 9:
            return QString();
        case 10:
            return QString(70'000, u'a'); // over the frame limit once sent
        case 11:
            return QString(5000, u'b');
        case 12:
            return u"\u0000\u0001\u001b[31m\u202e"_s;
        case 13:
            return u"/stock=aapl.us"_s;
        case 14:
            return u"general"_s;
        default:
            return u"\U0001F4C8\U0001F4C9"_s.repeated(pick(300));
        }
    }

    QJsonObject structuralMutation(QJsonObject frame)
    {
        static const QStringList types{
            Type::Hello,       Type::Register,     Type::Login,         Type::Resume,
            Type::Logout,      Type::ProfileGet,   Type::ProfileUpdate, Type::RoomsList,
            Type::RoomCreate,  Type::RoomJoin,     Type::RoomLeave,     Type::HistoryFetch,
            Type::MessageSend, Type::CommandsList, Type::Error,         Type::MessageNew};
        static const QStringList fields{
            u"id"_s,          u"type"_s,  u"room"_s,     u"body"_s,     u"nonce"_s,
            u"name"_s,        u"topic"_s, u"username"_s, u"password"_s, u"oldPassword"_s,
            u"displayName"_s, u"token"_s, u"before"_s,   u"limit"_s,    u"protocol"_s};
        const int mutations = 1 + pick(3);
        for (int i = 0; i < mutations; ++i) {
            const QStringList keys = frame.keys();
            switch (pick(5)) {
            case 0:
                if (!keys.isEmpty())
                    frame.remove(keys.at(pick(static_cast<int>(keys.size()))));
                break;
            case 1:
                frame.insert(u"type"_s, types.at(pick(static_cast<int>(types.size()))));
                break;
            case 2:
                frame.insert(fields.at(pick(static_cast<int>(fields.size()))), hostileValue());
                break;
            default:
                if (!keys.isEmpty())
                    frame.insert(keys.at(pick(static_cast<int>(keys.size()))), hostileValue());
                break;
            }
        }
        return frame;
    }

    QString textMutation(QString text)
    {
        if (text.isEmpty())
            return text;
        switch (pick(4)) {
        case 0:
            return text.left(pick(static_cast<int>(text.size())));
        case 1: {
            // A JSON escape the structural mutations cannot write: a lone surrogate.
            const auto at = text.indexOf(u"\":\""_s);
            return at < 0 ? text : text.insert(at + 3, u"\\ud800"_s);
        }
        case 2: {
            for (int i = 0; i < 4; ++i) {
                const auto at = pick(static_cast<int>(text.size()));
                text[at] = QChar(static_cast<char16_t>(pick(128)));
            }
            return text;
        }
        default:
            return text.repeated(1 + pick(4));
        }
    }

    QRandomGenerator m_random;
};

QList<QJsonObject> readCorpus(const QString &folder)
{
    QList<QJsonObject> seeds;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            seeds.append(QJsonDocument::fromJson(file.readAll()).object());
    }
    return seeds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Throws mutated frames at a real FinChat server."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"corpus"_s, u"Folder of seed frames (*.json)."_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Run time (default 60)."_s, u"n"_s,
                                           u"60"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Random seed (default: from the clock)."_s,
                                        u"s"_s);
    parser.addOptions({secondsOption, seedOption});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const QList<QJsonObject> seeds = readCorpus(parser.positionalArguments().constFirst());
    if (seeds.isEmpty()) {
        std::fputs("finchat-protocol-fuzz: no seed frames\n", stderr);
        return 2;
    }
    const quint32 seed = parser.isSet(seedOption)
                             ? parser.value(seedOption).toUInt()
                             : static_cast<quint32>(QDateTime::currentMSecsSinceEpoch());
    std::printf("finchat-protocol-fuzz: seed %u, %d seeds, %d s\n", seed,
                static_cast<int>(seeds.size()), parser.value(secondsOption).toInt());

    FuzzHarness harness;
    Mutator mutator(seed);
    QRandomGenerator chooser(seed ^ 0x5eedu);
    qint64 frames = 0;
    qint64 leftMidRequest = 0;
    const QDeadlineTimer deadline(std::chrono::seconds(parser.value(secondsOption).toInt()));
    while (!deadline.hasExpired()) {
        const QJsonObject &base = seeds.at(chooser.bounded(static_cast<int>(seeds.size())));
        const QString frame = mutator.mutate(base);
        if (chooser.bounded(10) == 0) {
            harness.deliverAndLeave(frame);
            ++leftMidRequest;
        } else {
            harness.deliver(frame);
        }
        ++frames;
    }
    const bool healthy = harness.serverServes();
    std::printf("finchat-protocol-fuzz: %lld frames (%lld answered, %lld on connections that "
                "left mid-request), %lld reconnects; server %s\n",
                static_cast<long long>(frames), static_cast<long long>(harness.answers()),
                static_cast<long long>(leftMidRequest),
                static_cast<long long>(harness.reconnects()),
                healthy ? "still serves" : "NO LONGER SERVES");
    // The plain closing line CI reads: one run, passed or failed.
    std::printf("%d passed, %d failed\n", healthy ? 1 : 0, healthy ? 0 : 1);
    return healthy ? 0 : 1;
}
