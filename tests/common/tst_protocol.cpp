#include "finchat/protocol.h"
#include "finchat/protocol/dispatcher.h"
#include "finchat/protocol/messages.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace FinChat::Protocol;
using namespace Qt::StringLiterals;

namespace {
QString protocolDocument()
{
    QFile document(QStringLiteral(FINCHAT_SOURCE_DIR "/docs/protocol.md"));
    if (!document.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(document.readAll());
}
} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT

private slots:
    void errorCodesHaveUniqueStableNames()
    {
        QSet<QString> names;
        for (int i = 0; i <= static_cast<int>(ErrorCode::InternalError); ++i) {
            const auto code = static_cast<ErrorCode>(i);
            const QString name = errorCodeName(code);
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QCOMPARE(errorCodeFromName(name), std::optional(code));
        }
        QCOMPARE(errorCodeName(ErrorCode::RateLimited), u"rate_limited"_s);
        QCOMPARE(errorCodeName(ErrorCode::BadCredentials), u"bad_credentials"_s);
        QVERIFY(!errorCodeFromName(u"no_such_code"_s));
    }

    void everyTypeAndCodeIsDocumented()
    {
        // docs/protocol.md is how third parties learn the protocol: nothing may be missing.
        const QString docs = protocolDocument();
        QVERIFY(!docs.isEmpty());
        const auto documented = [&](QLatin1StringView type) {
            return docs.contains(u'`' + type + u'`') ||
                   docs.contains(u"\"type\": \""_s + type + u'"');
        };
        int types = 0;
        Requests::forEach([&]<typename Request>() {
            QVERIFY2(documented(Request::Type), Request::Type.data());
            QVERIFY2(documented(Request::Reply::Type), Request::Reply::Type.data());
            QCOMPARE(QString(Request::Type + ReplySuffix), QString(Request::Reply::Type));
            types += 2;
        });
        Events::forEach([&]<typename Event>() {
            QVERIFY2(documented(Event::Type), Event::Type.data());
            ++types;
        });
        QCOMPARE(types, 2 * 43 + 26); // 43 requests with their replies, 26 events
        for (int i = 0; i <= static_cast<int>(ErrorCode::InternalError); ++i) {
            const QString code = errorCodeName(static_cast<ErrorCode>(i));
            QVERIFY2(docs.contains(u'`' + code + u'`'), qPrintable(code));
        }
        for (const QLatin1StringView code :
             {NoticeCode::BotTimeout, NoticeCode::BotFailed, NoticeCode::BotUnavailable,
              SessionEndReason::PasswordChanged, SessionEndReason::LoggedOut,
              SessionEndReason::Banned, SessionEndReason::Revoked, AuditAction::Ban,
              AuditAction::Unban, AuditAction::RoleChange, AuditAction::Disable,
              AuditAction::Enable, AuditAction::InviteCreated, AuditAction::InviteRevoked,
              AuditAction::Topic, AuditAction::Kick, Registration::Open, Registration::Invite,
              Registration::Closed})
            QVERIFY2(docs.contains(u'`' + code + u'`'), code.data());
    }

    void everyDocumentedExampleParsesAsItsType()
    {
        // Each one-line JSON example in the docs is read with the type it names: the prose
        // and the types cannot drift apart without this failing.
        QHash<QString, std::function<void(const QJsonObject &)>> readers;
        const auto add = [&]<typename Message>() {
            readers.insert(QString(Message::Type),
                           [](const QJsonObject &json) { fromJson<Message>(json); });
        };
        Requests::forEach([&]<typename Request>() {
            add.template operator()<Request>();
            add.template operator()<typename Request::Reply>();
        });
        Events::forEach([&]<typename Event>() {
            if (Event::Type != Type::Hello) // the client's hello is the request
                add.template operator()<Event>();
        });
        int examples = 0;
        const QStringList lines = protocolDocument().split(u'\n');
        for (const QString &line : lines) {
            const qsizetype brace = line.indexOf(u'{');
            if (brace < 0)
                continue;
            const QJsonObject json = QJsonDocument::fromJson(line.mid(brace).toUtf8()).object();
            const QString type = json.value(u"type"_s).toString();
            if (!readers.contains(type))
                continue;
            try {
                readers.value(type)(json);
            } catch (const ProtocolError &error) {
                QFAIL(qPrintable(u"%1: %2"_s.arg(line, error.message())));
            }
            ++examples;
        }
        QVERIFY2(examples >= 25, qPrintable(QString::number(examples)));
    }

    void typedMessagesRoundTrip()
    {
        const RoomJoinOk joined{
            {u"fx"_s, u"Currencies"_s},
            {{Message{7, u"fx"_s, u"alice"_s, u"Alice"_s, u"EURUSD?"_s, 1763800000123, u"n-1"_s,
                      false}},
             true},
            {Member{{u"alice"_s, u"Alice"_s, false, u"moderator"_s}, true},
             Member{{u"stockbot"_s, u"Stock bot"_s, true, std::nullopt}, false}}};
        const QJsonObject json = frame(joined, 3);
        QCOMPARE(json.value(u"type"_s).toString(), u"room.join.ok"_s);
        QCOMPARE(json.value(u"id"_s).toInt(), 3);
        const QJsonObject member = json.value(u"members"_s).toArray().at(1).toObject();
        QCOMPARE(member.value(u"user"_s).toString(), u"stockbot"_s);
        QCOMPARE(member.value(u"bot"_s).toBool(), true);
        QVERIFY(!json.value(u"members"_s).toArray().at(0).toObject().contains(u"bot"_s));
        // A role is written only when the member has one beyond member.
        QCOMPARE(json.value(u"members"_s).toArray().at(0).toObject().value(u"role"_s),
                 u"moderator"_s);
        QVERIFY(!member.contains(u"role"_s));
        const auto back = fromJson<RoomJoinOk>(json);
        QCOMPARE(back.page.messages.at(0).nonce, std::optional(u"n-1"_s));
        QCOMPARE(back.page.messages.at(0).timestamp, 1763800000123);
        QVERIFY(back.page.hasMore);
        QCOMPARE(back.members.at(1).user.bot, true);
        QCOMPARE(back.members.at(0).online, true);
        QCOMPARE(toJson(back), toJson(joined));
    }

    void invalidFieldsAreNamed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing") << u"{}"_s << u"room"_s;
        QTest::newRow("null where a string belongs") << u"{\"room\":null}"_s << u"room"_s;
        QTest::newRow("number for a string") << u"{\"room\":5}"_s << u"room"_s;
        QTest::newRow("lone surrogate") << u"{\"room\":\"\\ud800\"}"_s << u"room"_s;
        QTest::newRow("NUL") << u"{\"room\":\"a\\u0000b\"}"_s << u"room"_s;
        QTest::newRow("too long") << u"{\"room\":\"%1\"}"_s.arg(QString(300, u'x')) << u"room"_s;
        QTest::newRow("fraction") << u"{\"room\":\"fx\",\"before\":1.5}"_s << u"before"_s;
        QTest::newRow("out of range") << u"{\"room\":\"fx\",\"limit\":101}"_s << u"limit"_s;
        QTest::newRow("string for a number")
            << u"{\"room\":\"fx\",\"limit\":\"5\"}"_s << u"limit"_s;
    }

    void invalidFieldsAreNamed()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
        try {
            fromJson<HistoryFetch>(object);
            QFAIL("accepted");
        } catch (const ProtocolError &error) {
            QCOMPARE(error.code(), ErrorCode::InvalidField);
            QVERIFY2(error.message().contains(u'\'' + field + u'\''), qPrintable(error.message()));
        }
    }

    void optionalFieldsMayBeNullOrMissing()
    {
        const auto fetch = fromJson<HistoryFetch>(
            QJsonDocument::fromJson(R"({"room":"fx","before":null})").object());
        QCOMPARE(fetch.room, u"fx"_s);
        QVERIFY(!fetch.before && !fetch.limit);
    }

    void dispatcherHandsOverTypedMessages()
    {
        Dispatcher<QString, int> dispatcher;
        dispatcher.on<RoomJoin>(
            [](const RoomJoin &join, int id) { return u"%1:%2"_s.arg(join.room).arg(id); });
        QVERIFY(!dispatcher.find(u"room.leave"_s));
        const auto *handler = dispatcher.find(u"room.join"_s);
        QVERIFY(handler);
        QCOMPARE((*handler)(QJsonObject{{u"room"_s, u"fx"_s}}, 4), u"fx:4"_s);
        QVERIFY_THROWS_EXCEPTION(ProtocolError, (*handler)(QJsonObject{}, 4));
    }

    void errorsAlwaysCarryAnId()
    {
        const QJsonObject anonymous = makeError(ErrorCode::InvalidJson, u"bad"_s);
        QVERIFY(anonymous.contains(u"id"_s));
        QVERIFY(anonymous.value(u"id"_s).isNull());
        const QJsonObject echoed = makeError(ErrorCode::UnknownRoom, u"no"_s, 7);
        QCOMPARE(echoed.value(u"id"_s).toInt(), 7);
        QCOMPARE(echoed.value(u"type"_s).toString(), u"error"_s);
        QCOMPARE(echoed.value(u"code"_s).toString(), u"unknown_room"_s);
    }

    void framesSerialiseCompactly()
    {
        const QByteArray json = serialize(makeFrame(u"hello"_s, {}, {{u"protocol"_s, Version}}));
        QVERIFY(!json.contains('\n'));
        const QJsonObject back = QJsonDocument::fromJson(json).object();
        QCOMPARE(back.value(u"type"_s).toString(), u"hello"_s);
        QVERIFY(!back.contains(u"id"_s));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
