#include "finchat/protocol.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace FinChat::Protocol;
using namespace Qt::StringLiterals;

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

    void replyTypes()
    {
        QCOMPARE(replyType(u"login"), u"login.ok"_s);
        QCOMPARE(replyType(u"message.send"), u"message.send.ok"_s);
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
