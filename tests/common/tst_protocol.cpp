#include "finchat/protocol.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
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

    void everyTypeAndCodeIsDocumented()
    {
        // docs/protocol.md is how third parties learn the protocol: nothing may be missing.
        QFile header(QStringLiteral(FINCHAT_SOURCE_DIR "/common/include/finchat/protocol.h"));
        QFile document(QStringLiteral(FINCHAT_SOURCE_DIR "/docs/protocol.md"));
        QVERIFY(header.open(QIODevice::ReadOnly) && document.open(QIODevice::ReadOnly));
        const QString docs = QString::fromUtf8(document.readAll());
        static const QRegularExpression typeConstant(
            u"QLatin1StringView \\w+\\{\"([a-z.]+)\"\\}"_s);
        int types = 0;
        for (auto match = typeConstant.globalMatch(QString::fromUtf8(header.readAll()));
             match.hasNext();) {
            const QString type = match.next().captured(1);
            if (type == "type"_L1 || type == "id"_L1 || type == ".ok"_L1)
                continue;
            ++types;
            QVERIFY2(docs.contains(u'`' + type + u'`'), qPrintable(type));
        }
        QVERIFY(types >= 20);
        for (int i = 0; i <= static_cast<int>(ErrorCode::InternalError); ++i) {
            const QString code = errorCodeName(static_cast<ErrorCode>(i));
            QVERIFY2(docs.contains(u'`' + code + u'`'), qPrintable(code));
        }
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
