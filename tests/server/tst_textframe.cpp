// The frames the server writes itself (TextFrame): the header for every length encoding, at
// each boundary of RFC 6455's section 5.2, and the text after it as the JSON writer made it.
// (That real clients read them is tst_messaging's framesOfEveryLengthArriveWhole.)

#include "wire/textframe.h"

#include "finchat/protocol.h"

#include <QStringDecoder>
#include <QTest>

using namespace FinChat;
using namespace Qt::StringLiterals;

class TestTextFrame : public QObject
{
    Q_OBJECT

private slots:
    void headerForEveryLength_data()
    {
        QTest::addColumn<int>("textLength");
        QTest::addColumn<QByteArray>("header");
        // {"a":"…"} is 8 bytes around the string.
        const auto bytes = [](std::initializer_list<int> values) {
            QByteArray header;
            for (int value : values)
                header.append(static_cast<char>(value));
            return header;
        };
        QTest::newRow("shortest") << 8 << bytes({0x81, 8});
        QTest::newRow("125: 7 bits") << 125 << bytes({0x81, 125});
        QTest::newRow("126: 16 bits") << 126 << bytes({0x81, 126, 0x00, 0x7e});
        QTest::newRow("65535: 16 bits") << 65535 << bytes({0x81, 126, 0xff, 0xff});
        QTest::newRow("65536: 64 bits")
            << 65536 << bytes({0x81, 127, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00});
        QTest::newRow("a megabyte") << (1 << 20) << bytes({0x81, 127, 0, 0, 0, 0, 0, 0x10, 0, 0});
    }

    void headerForEveryLength()
    {
        QFETCH(int, textLength);
        QFETCH(QByteArray, header);
        const QJsonObject json{{u"a"_s, QString(textLength - 8, u'x')}};
        const TextFrame frame(json);
        QVERIFY(frame.bytes().startsWith(header));
        QCOMPARE(frame.bytes().size(), header.size() + textLength);
        QCOMPARE(frame.bytes().sliced(header.size()), Protocol::serialize(json));
    }

    // What UTF-8 cannot hold never reaches a client as invalid UTF-8: a lone surrogate in a
    // string is written escaped.
    void textIsAlwaysValidUtf8()
    {
        const QJsonObject json{{u"body"_s, QString(u"é€📈"_s + QChar(0xd800) + u"x"_s)}};
        const QByteArray text = TextFrame(json).bytes().sliced(2); // a 7-bit length
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString decoded = utf8.decode(text);
        QVERIFY(!utf8.hasError());
        QVERIFY(decoded.contains(u"é€📈"_s));
    }
};

QTEST_GUILESS_MAIN(TestTextFrame)
#include "tst_textframe.moc"
