#include "clientaccounts.h"
#include "core/chatclient.h"
#include "core/links.h"
#include "core/membermodel.h"
#include "core/messagemodel.h"
#include "core/roomlistmodel.h"
#include "core/watchlist.h"
#include "pointing.h"
#include "stooqstandin.h"
#include "testclient.h"
#include "testserver.h"
#include "ui/composecontext.h"
#include "ui/connectdialog.h"
#include "ui/desktray.h"
#include "ui/localserver.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/messageinput.h"
#include "ui/motdbanner.h"
#include "ui/newdirectdialog.h"
#include "ui/newroomdialog.h"
#include "ui/onlinedialog.h"
#include "ui/profiledialog.h"
#include "ui/reconnectbanner.h"
#include "ui/searchdialog.h"
#include "ui/serveradmindialog.h"
#include "ui/serveradminpages.h"
#include "ui/settingsdialog.h"
#include "ui/watchlistpanel.h"

#include "finchat/fingerprint.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSysInfo>
#include <QSystemTrayIcon>
#include <QTableWidget>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolTip>
#include <QUdpSocket>

#include <qcoro/qcorotask.h>

using namespace FinChat;
using namespace FinChat::Client;
using namespace FinChat::Testing;
using namespace FinChat::Ui;
using namespace Qt::StringLiterals;

namespace {
QStringList shownBodies(const QListView *view)
{
    QStringList bodies;
    if (!view->model())
        return bodies;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        bodies.append(view->model()->index(row, 0).data(MessageModel::BodyRole).toString());
    return bodies;
}

// What a person types into the connect dialog for a server on this machine.
void fillIn(ConnectDialog &dialog, int port, const QString &username,
            const QString &password = u"correct horse"_s)
{
    dialog.hostField()->setText(u"127.0.0.1"_s);
    dialog.portField()->setValue(port);
    dialog.usernameField()->setText(username);
    dialog.passwordField()->setText(password);
}

// The window the keyboard types into, as when a person clicks it; false if it never is.
bool makeActive(QWidget &window)
{
    window.activateWindow();
    QApplication::setActiveWindow(&window);
    return QTest::qWaitForWindowActive(&window);
}

// Keys typed at whatever has the focus at each keystroke, as a keyboard does.
void typeAtFocus(QStringView text)
{
    for (const QChar typed : text)
        QTest::keyClick(QApplication::focusWidget(), typed.toLatin1());
}

// Someone else's messages, stored in #general before the test's reader looks.
void writeMessages(TestServer &server, int count)
{
    TestClient writer;
    QVERIFY(writer.connectAs(server.url(), u"writer"_s));
    for (int i = 1; i <= count; ++i)
        QCOMPARE(typeOf(writer.send(u"general"_s, u"m%1"_s.arg(i))), Type::MessageSendOk);
}

// Rooms the person creates (and so joins), one after another; false if one never comes.
bool createRooms(ChatClient &client, const QStringList &rooms)
{
    QSignalSpy joined(&client, &ChatClient::roomJoined);
    for (const QString &room : rooms) {
        client.createRoom(room);
        if (!joined.wait())
            return false;
    }
    return true;
}

// Another person, connected, in the given rooms; null if any step fails.
std::unique_ptr<TestClient> someoneIn(const TestServer &server, const QString &name,
                                      const QStringList &rooms)
{
    auto person = std::make_unique<TestClient>();
    if (!person->connectAs(server.url(), name))
        return nullptr;
    for (const QString &room : rooms)
        if (typeOf(person->request(u"room.join"_s, {{u"room"_s, room}})) != Type::RoomJoinOk)
            return nullptr;
    return person;
}

// FinChat > Settings…, once its dialog is up; null if it never comes.
SettingsDialog *openSettings(MainWindow &window)
{
    window.findChild<QAction *>(u"settingsAction"_s)->trigger();
    for (int tries = 0; tries < 50 && !window.findChild<SettingsDialog *>(); ++tries)
        QTest::qWait(20);
    return window.findChild<SettingsDialog *>();
}

// A UDP port nothing listens on right now.
quint16 freeUdpPort()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress::LocalHost, 0) ? probe.localPort() : 0;
}

// Until the views have laid out what changed: a list view in Adjust mode lays out again
// 100 ms after a resize, and rows that arrive are laid out from the event loop.
void waitForLayout()
{
    QTest::qWait(300);
}

// The certificate the hosted server made for itself, trusted from now on by TestClients, as
// colleagues who compared its fingerprint would.
QSslCertificate trustHostedCertificate(const LocalServer &local)
{
    QFile generated(QDir(QFileInfo(local.databasePath()).absolutePath())
                        .filePath(u"finchat-certificate.pem"_s));
    if (!generated.open(QIODevice::ReadOnly))
        return QSslCertificate();
    const QSslCertificate certificate(generated.readAll());
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.addCaCertificate(certificate);
    QSslConfiguration::setDefaultConfiguration(trusting);
    return certificate;
}

// Test mode keeps the hosted database under ~/.qttest, across runs: each test starts afresh.
bool forgetHostedDatabase(const LocalServer &local)
{
    return QDir(QFileInfo(local.databasePath()).absolutePath()).removeRecursively();
}

QMessageBox *openQuestion(const QString &name)
{
    QWidget *modal = QApplication::activeModalWidget();
    return modal && modal->objectName() == name ? qobject_cast<QMessageBox *>(modal) : nullptr;
}

// A fresh server hosted by this app, with `host` logged in to it; false if either fails.
bool hostWithAccount(LocalServer &local, ChatClient &host)
{
    QString error;
    if (!forgetHostedDatabase(local) || !local.start(0, &error)) {
        qWarning().noquote() << "cannot host:" << error;
        return false;
    }
    return createAccount(host, local.trustedLocalUrl(host.knownServers()), u"host"_s).ok();
}

// The trust question, once it is up; null until then.
QMessageBox *trustQuestion()
{
    return openQuestion(u"trustQuestion"_s);
}

// A member's row in the window's member list; invalid when they are not listed.
QModelIndex memberRow(const MainWindow &window, const QString &user)
{
    const QAbstractItemModel *members = window.memberView()->model();
    for (int row = 0; row < members->rowCount(); ++row) {
        if (members->index(row, 0).data(Client::MemberModel::UserRole) == user)
            return members->index(row, 0);
    }
    return {};
}

// alice (the server's admin: the first) and bob, a member, each in a window of their own.
struct AdminAndMember
{
    TestServer server;
    ChatClient alice;
    ChatClient bob;
    std::unique_ptr<MainWindow> window; // alice's
    std::unique_ptr<MainWindow> bobsWindow;

    bool start()
    {
        if (!createAccount(alice, server.url(), u"alice"_s).ok() ||
            !createAccount(bob, server.url(), u"bob"_s).ok())
            return false;
        window = std::make_unique<MainWindow>(alice);
        window->show();
        bobsWindow = std::make_unique<MainWindow>(bob);
        bobsWindow->show();
        return true;
    }
};
} // namespace

// Where QDesktopServices sends the links the app opens, instead of a browser.
class LinkCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls.append(url); }
};

// Someone reading #general, where 40 messages from someone else came first, in a window of
// the given size, laid out and at the newest message.
struct Reader
{
    TestServer server{TestServer::generousLimits()};
    ChatClient client;
    std::unique_ptr<MainWindow> window;

    Reader(const QString &name, QSize size)
    {
        writeMessages(server, 40);
        if (!createAccount(client, server.url(), name).ok())
            return;
        window = std::make_unique<MainWindow>(client);
        window->resize(size);
        window->show();
        QTRY_COMPARE(window->messageView()->model()->rowCount(), 40);
        waitForLayout();
    }
    bool isReady() const
    {
        return window && window->messageView()->verticalScrollBar()->maximum() > 0;
    }
};

// The widgets as a person uses them, offscreen, against a real server.
class TestWidgets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;
    std::unique_ptr<QSettings> m_settings;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(
            true); // the hosted server's database goes to a test folder
        m_settings = std::make_unique<QSettings>(m_settingsFolder.filePath(u"finchat.ini"_s),
                                                 QSettings::IniFormat);
    }

    void init()
    {
        m_settings->clear();
        QSettings().clear(); // the main window's own (in test mode, under ~/.qttest)
    }

    void typingAndEnterSendsToTheOtherPerson()
    {
        TestServer server;
        ChatClient alice, bob;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        MainWindow aliceWindow(alice);
        MainWindow bobWindow(bob);
        aliceWindow.show();
        bobWindow.show();
        QCOMPARE(aliceWindow.currentRoom(), u"general"_s);

        MessageInput *input = aliceWindow.input();
        input->setFocus();
        QTest::keyClicks(input, u"AAPL looks heavy"_s);
        QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier); // a second line, not a send
        QTest::keyClicks(input, u"into the close"_s);
        QCOMPARE(input->toPlainText(), u"AAPL looks heavy\ninto the close"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(input->toPlainText().isEmpty());

        QTRY_COMPARE(shownBodies(bobWindow.messageView()),
                     QStringList{u"AAPL looks heavy\ninto the close"_s});
        QTRY_COMPARE(shownBodies(aliceWindow.messageView()),
                     QStringList{u"AAPL looks heavy\ninto the close"_s});
        QVERIFY(bobWindow.messageView()
                    ->visualRect(bobWindow.messageView()->model()->index(0, 0))
                    .height() > 30);

        // Up brings back what was sent.
        QTest::keyClick(input, Qt::Key_Up);
        QCOMPARE(input->toPlainText(), u"AAPL looks heavy\ninto the close"_s);
        QTest::keyClick(input, Qt::Key_Down);
        QVERIFY(input->toPlainText().isEmpty());
        QVERIFY(aliceWindow.connectionLabel()->text().contains(u"alice"_s));
    }

    // Clicking the conversation (a bubble, the scrollbar) puts the focus there; what is typed
    // next must still reach the input and Enter send it, not vanish into the list.
    void typingAfterClickingTheConversationIsNotLost()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QVERIFY(makeActive(window));
        QListView *conversation = window.messageView();
        conversation->setFocus(Qt::MouseFocusReason); // as a click on a bubble does
        QCOMPARE(QApplication::focusWidget(), conversation);
        // A keyboard types into whatever has the focus now.
        typeAtFocus(u"not lost");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(shownBodies(conversation), QStringList{u"not lost"_s});
        QVERIFY(window.input()->toPlainText().isEmpty());
    }

    // Moving through the room list with the arrow keys shows each joined room it reaches,
    // and the focus stays in the list for the next key.
    void arrowKeysInTheRoomListChangeTheRoom()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QVERIFY(createRooms(alice, {u"macro"_s}));
        window.showRoom(u"general"_s);
        QVERIFY(makeActive(window));
        window.roomView()->setFocus();
        const int general = alice.rooms()->rowOf(u"general"_s);
        const int macro = alice.rooms()->rowOf(u"macro"_s);
        QTest::keyClick(window.roomView(), macro > general ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(window.currentRoom(), u"macro"_s);
        QVERIFY(window.roomView()->hasFocus());
        QTest::keyClick(window.roomView(), macro > general ? Qt::Key_Up : Qt::Key_Down);
        QCOMPARE(window.currentRoom(), u"general"_s);
    }

    // New room: a name checked as it is typed and a topic, shown under the room's name.
    void aNewRoomHasATopicEveryoneSees()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QPushButton *newRoom = nullptr;
        for (QPushButton *button : window.findChildren<QPushButton *>())
            if (button->text() == u"New room…"_s)
                newRoom = button;
        QVERIFY(newRoom);
        QTest::mouseClick(newRoom, Qt::LeftButton);
        NewRoomDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<NewRoomDialog *>()));
        auto *create = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        dialog->nameField()->setText(u"no spaces allowed"_s);
        QVERIFY(!create->isEnabled());
        dialog->nameField()->setText(u"macro"_s);
        QVERIFY(create->isEnabled());
        dialog->topicField()->setText(u"Rates, FX and central banks"_s);
        QTest::mouseClick(create, Qt::LeftButton);

        QTRY_COMPARE(window.currentRoom(), u"macro"_s);
        auto *topic = window.findChild<QLabel *>(u"roomTopic"_s);
        QTRY_COMPARE(topic->text(), u"Rates, FX and central banks"_s);
        QVERIFY(topic->isVisible());
        window.showRoom(u"general"_s);
        QVERIFY(!topic->isVisible() || topic->text() != u"Rates, FX and central banks"_s);
    }

    // Everything by keyboard: Ctrl+K finds and joins a room, Alt+Up/Down step through the
    // joined rooms, Page Up/Down in the input scroll the conversation.
    void theKeyboardGoesEverywhere()
    {
        TestServer server(TestServer::generousLimits());
        writeMessages(server, 40);
        TestClient bob;
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        QCOMPARE(typeOf(bob.request(u"room.create"_s, {{u"name"_s, u"fx-desk"_s}})),
                 Type::RoomCreateOk);
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.resize(900, 600);
        window.show();
        QVERIFY(makeActive(window));
        QTRY_VERIFY(alice.rooms()->rowOf(u"fx-desk"_s) >= 0);
        waitForLayout();

        QScrollBar *bar = window.messageView()->verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());
        QCOMPARE(QApplication::focusWidget(), window.input());
        QTest::keyClick(window.input(), Qt::Key_PageUp);
        QVERIFY(bar->value() < bar->maximum());
        QTest::keyClick(window.input(), Qt::Key_PageDown);
        QCOMPARE(bar->value(), bar->maximum());

        QTest::keyClick(window.input(), Qt::Key_K, Qt::ControlModifier);
        QWidget *switcher = nullptr;
        QTRY_VERIFY((switcher = QApplication::activeModalWidget()));
        QCOMPARE(switcher->objectName(), u"quickSwitcher"_s);
        QVERIFY(makeActive(*switcher)); // as the window manager does with a new dialog
        typeAtFocus(u"fx");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(window.currentRoom(), u"fx-desk"_s); // joined and shown
        QVERIFY(!QApplication::activeModalWidget());

        QVERIFY(makeActive(window)); // back from the dialog
        const QString before = window.currentRoom();
        QTest::keyClick(window.input(), Qt::Key_Down, Qt::AltModifier);
        QVERIFY(window.currentRoom() != before);
        QTest::keyClick(window.input(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(window.currentRoom(), before);
    }

    void scrollingToTheTopLoadsOlderMessagesInPlace()
    {
        TestServer server(TestServer::generousLimits());
        TestClient writer;
        QVERIFY(writer.connectAs(server.url(), u"writer"_s));
        for (int i = 1; i <= 120; ++i)
            QCOMPARE(typeOf(writer.send(u"general"_s, u"m%1"_s.arg(i))), Type::MessageSendOk);
        ChatClient reader;
        QVERIFY(createAccount(reader, server.url(), u"reader"_s).ok());
        MainWindow window(reader);
        window.resize(900, 600);
        window.show();
        QListView *view = window.messageView();
        QCOMPARE(view->model()->rowCount(), 50);
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
        QTRY_COMPARE(view->verticalScrollBar()->value(),
                     view->verticalScrollBar()->maximum()); // at the newest

        view->verticalScrollBar()->setValue(0); // the reader scrolls to the top
        QTRY_COMPARE(view->model()->rowCount(), 100);
        QCOMPARE(view->model()->index(0, 0).data(MessageModel::BodyRole).toString(), u"m21"_s);
        // What was at the top (m71, now row 50) stays in view; the view does not jump.
        QTRY_VERIFY(
            view->viewport()->rect().intersects(view->visualRect(view->model()->index(50, 0))));
        QVERIFY(!view->viewport()->rect().intersects(view->visualRect(view->model()->index(0, 0))));
    }

    // Sending is reading the newest: one's own message comes into view even when the reader
    // had scrolled up to look at something older.
    void ownMessageSentWhileScrolledUpComesIntoView()
    {
        Reader reader(u"reader"_s, QSize(900, 600));
        QVERIFY(reader.isReady());
        MainWindow &window = *reader.window;
        QListView *view = window.messageView();
        QScrollBar *bar = view->verticalScrollBar();
        bar->setValue(bar->maximum() / 2); // the reader looks further up
        waitForLayout();
        QVERIFY(bar->value() < bar->maximum());

        window.input()->setFocus();
        QTest::keyClicks(window.input(), u"mine"_s);
        QTest::keyClick(window.input(), Qt::Key_Return);
        QTRY_COMPARE(shownBodies(view).last(), u"mine"_s);
        waitForLayout();
        QCOMPARE(bar->value(), bar->maximum());
        const QRect newest =
            view->visualRect(view->model()->index(view->model()->rowCount() - 1, 0));
        QVERIFY(view->viewport()->rect().intersects(newest));
        QVERIFY(newest.bottom() <= view->viewport()->rect().bottom() + 1);
    }

    // A reader at the newest message stays there whatever the window's size does.
    void resizingKeepsTheNewestInView()
    {
        Reader reader(u"reader"_s, QSize(1100, 680));
        QVERIFY(reader.isReady());
        MainWindow &window = *reader.window;
        QScrollBar *bar = window.messageView()->verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());
        for (const QSize size : {QSize(800, 500), QSize(640, 420), QSize(1600, 1000)}) {
            window.resize(size);
            waitForLayout();
            QCOMPARE(bar->value(), bar->maximum());
        }
        // Scrolled up on purpose, the reader keeps their place instead.
        bar->setValue(bar->maximum() / 2);
        const int kept = bar->value();
        window.resize(1000, 700);
        waitForLayout();
        QVERIFY(bar->value() < bar->maximum());
        QVERIFY(qAbs(bar->value() - kept) < bar->maximum() / 2);
    }

    // Opening a room with unread messages shows the "new messages" line above the first.
    void openingARoomMarksWhereTheNewMessagesStart()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QVERIFY(createRooms(alice, {u"macro"_s}));
        const auto bob = someoneIn(server, u"bob"_s, {u"macro"_s});
        QVERIFY(bob);
        window.showRoom(u"macro"_s);
        QCOMPARE(typeOf(bob->send(u"macro"_s, u"read already"_s)), Type::MessageSendOk);
        QTRY_COMPARE(alice.messages(u"macro"_s)->rowCount(), 1);
        window.showRoom(u"general"_s);
        for (const QString &body : {u"new one"_s, u"new two"_s})
            QCOMPARE(typeOf(bob->send(u"macro"_s, body)), Type::MessageSendOk);
        QTRY_COMPARE(alice.messages(u"macro"_s)->rowCount(), 3);

        window.showRoom(u"macro"_s);
        const QAbstractItemModel *shown = window.messageView()->model();
        QVERIFY(!shown->index(0, 0).data(MessageModel::FirstUnreadRole).toBool());
        QVERIFY(shown->index(1, 0).data(MessageModel::FirstUnreadRole).toBool());
        // Answering means one has read them.
        window.input()->setFocus();
        QTest::keyClicks(window.input(), u"on it"_s);
        QTest::keyClick(window.input(), Qt::Key_Return);
        QVERIFY(!shown->index(1, 0).data(MessageModel::FirstUnreadRole).toBool());
    }

    // While the connection is lost a banner says when the next try is; "Retry now" does not
    // wait for the backoff.
    void retryNowReconnectsWithoutWaiting()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        auto *banner = window.findChild<ReconnectBanner *>();
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());

        server.stop();
        QTRY_COMPARE(alice.state(), ChatClient::State::Reconnecting);
        QVERIFY(banner->isVisible());
        // A few failed tries later the backoff has grown to seconds.
        QTRY_VERIFY_WITH_TIMEOUT(alice.nextTryIn() > 7000, 30'000);
        QTRY_VERIFY(banner->text().contains(u" s…"_s));
        QVERIFY(banner->retryButton()->isEnabled());

        server.start();
        QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
        // Well before the backoff's next try.
        QTRY_COMPARE_WITH_TIMEOUT(alice.state(), ChatClient::State::Online, 5000);
        QVERIFY(!banner->isVisible());
    }

    // After the connection comes back, the room on screen is still the one marked in the list.
    void theShownRoomStaysMarkedAfterAReconnect()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QVERIFY(createRooms(alice, {u"macro"_s}));
        window.showRoom(u"macro"_s);
        const auto marked = [&window] {
            return window.roomView()->currentIndex().data(RoomListModel::NameRole).toString();
        };
        QCOMPARE(marked(), u"macro"_s);

        server.stop();
        QTRY_COMPARE(alice.state(), ChatClient::State::Reconnecting);
        QSignalSpy caughtUp(&alice, &ChatClient::caughtUp);
        server.start();
        QVERIFY(caughtUp.wait(20'000));
        QCOMPARE(window.currentRoom(), u"macro"_s);
        QTRY_COMPARE(marked(), u"macro"_s);
    }

    // The input knows the server's limit: it counts near it, and past it says by how much
    // and keeps the text instead of sending what the server would refuse.
    void aTooLongMessageIsStoppedAtTheInput()
    {
        ServerLimits limits;
        limits.maxBodyLength = 100;
        TestServer server(limits);
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QCOMPARE(alice.maxBodyLength(), 100);
        MainWindow window(alice);
        window.show();
        auto *note = window.findChild<QLabel *>(u"lengthNote"_s);
        QVERIFY(note);
        MessageInput *input = window.input();
        input->setFocus();
        QTest::keyClicks(input, QString(95, u'a'));
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), u"95 / 100"_s);
        QTest::keyClicks(input, QString(25, u'b'));
        QVERIFY(note->text().contains(u"20"_s) && note->text().contains(u"100"_s));
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(input->toPlainText().size(), 120); // kept, not sent
        QTest::qWait(200);
        QVERIFY(shownBodies(window.messageView()).isEmpty());

        for (int i = 0; i < 20; ++i)
            QTest::keyClick(input, Qt::Key_Backspace);
        QTest::keyClick(input, Qt::Key_Return);
        QTRY_COMPARE(shownBodies(window.messageView()).size(), 1);
        QVERIFY(!note->isVisible());
    }

    void slashOffersTheCommands()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QTest::keyClicks(window.input(), u"/he"_s);
        QCompleter *completer = window.input()->completer();
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), u"/help"_s);
        QVERIFY(completer->popup()->isVisible());
        // Enter takes the highlighted command instead of sending what was typed so far.
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(window.input()->toPlainText(), u"/help"_s);
        QVERIFY(!completer->popup()->isVisible());
        QTest::keyClick(window.input(), Qt::Key_Return);
        QTRY_COMPARE(shownBodies(window.messageView()).size(),
                     2); // the command and the help notice
    }

    // Tab takes the highlighted command too, as the README says, and the focus stays in the
    // input (it used to jump to the next button, leaving "/d" to go out in a message).
    void tabTakesTheHighlightedCommand()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QVERIFY(makeActive(window));
        window.input()->setFocus();
        typeAtFocus(u"/he");
        QVERIFY(window.input()->completer()->popup()->isVisible());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(window.input()->toPlainText(), u"/help"_s);
        QTRY_COMPARE(QApplication::focusWidget(), window.input());
    }

    void wrongPasswordIsShownAtThePasswordField()
    {
        TestServer server;
        TestClient existing;
        QVERIFY(existing.connectAs(server.url(), u"dana"_s));
        ChatClient client;
        LocalServer local;
        ConnectDialog dialog(client, local, *m_settings);
        dialog.show();
        fillIn(dialog, server.url().port(), u"dana"_s, u"not her password"_s);
        QTest::mouseClick(dialog.logInButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog.passwordError()->isVisible());
        QCOMPARE(dialog.passwordError()->text(), u"Wrong username or password."_s);
        QVERIFY(!dialog.serverError()->isVisible());
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.logInButton()->isEnabled()); // ready to try again
        QVERIFY(!m_settings->contains(u"session/token"_s));

        // A taken name is shown at the username.
        dialog.usernameField()->setText(u"dana"_s);
        dialog.passwordField()->setText(u"correct horse"_s);
        QTest::mouseClick(dialog.createAccountButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog.usernameError()->isVisible());
        QCOMPARE(dialog.usernameError()->text(), u"That name is taken."_s);
    }

    void unreachableServerIsShownAtTheServerField()
    {
        ChatClient client;
        LocalServer local;
        ConnectDialog dialog(client, local, *m_settings);
        dialog.show();
        fillIn(dialog, 1, u"erin"_s);
        QTest::mouseClick(dialog.logInButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog.serverError()->isVisible());
        QVERIFY2(dialog.serverError()->text().contains(u"Cannot reach the server at 127.0.0.1:1"_s),
                 qPrintable(dialog.serverError()->text()));
    }

    void connectingCanBeCancelled()
    {
        // A server that accepts the connection and then never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ChatClient client;
        LocalServer local;
        ConnectDialog dialog(client, local, *m_settings);
        dialog.show();
        fillIn(dialog, silent.serverPort(), u"erin"_s);
        QTest::mouseClick(dialog.logInButton(), Qt::LeftButton);
        QVERIFY(!dialog.logInButton()->isEnabled()); // busy
        QTRY_VERIFY(silent.hasPendingConnections() || silent.nextPendingConnection());
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog.logInButton()->isEnabled());
        QVERIFY(dialog.isVisible()); // cancelling the attempt keeps the dialog
        QVERIFY(!dialog.serverError()->isVisible());
        QCOMPARE(client.state(), ChatClient::State::Offline);
    }

    // A server with a self-signed certificate: the dialog asks, showing the fingerprint,
    // and connects once the person trusts it; the answer is remembered for that server.
    // A new account can say how its owner wants to be called; others see that name.
    void aNewAccountCanGiveItsDisplayName()
    {
        TestServer server;
        ChatClient client;
        LocalServer local;
        ConnectDialog dialog(client, local, *m_settings);
        dialog.show();
        QVERIFY(makeActive(dialog));
        QCOMPARE(QApplication::focusWidget(), dialog.usernameField()); // nothing typed yet
        fillIn(dialog, server.url().port(), u"asmith"_s);
        dialog.displayNameField()->setText(u"Alice Smith"_s);
        QTest::mouseClick(dialog.createAccountButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(client.displayName(), u"Alice Smith"_s);
        TestClient bob;
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        client.sendMessage(u"general"_s, u"morning"_s);
        const QJsonObject seen = bob.waitForEvent(u"message.new"_s);
        QCOMPARE(seen.value(u"message"_s).toObject().value(u"displayName"_s).toString(),
                 u"Alice Smith"_s);
    }

    // On a server that registers by invitation, the dialog says so at the invite field, and a
    // code from an admin makes the account.
    void anInviteCodeMakesTheAccountWhereOneIsNeeded()
    {
        ServerConfig config;
        config.registration = Registration::Invite;
        TestServer server(config);
        TestClient admin;
        QVERIFY(admin.open(server.url()));
        server.addPerson(u"boss"_s);
        QCOMPARE(typeOf(admin.login(u"boss"_s, u"correct horse"_s)), Type::LoginOk);
        const QString code = admin.request(Type::InviteCreate).value(u"code"_s).toString();
        QVERIFY(!code.isEmpty());

        ChatClient client;
        LocalServer local;
        ConnectDialog dialog(client, local, *m_settings);
        dialog.show();
        fillIn(dialog, server.url().port(), u"newcomer"_s);
        QTest::mouseClick(dialog.createAccountButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog.inviteError()->isVisible());
        QVERIFY2(dialog.inviteError()->text().contains(u"invite code"_s),
                 qPrintable(dialog.inviteError()->text()));
        QVERIFY(dialog.isVisible());

        dialog.inviteField()->setText(u"  "_s + code.toUpper() + u" "_s); // as pasted
        QTest::mouseClick(dialog.createAccountButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.inviteError()->isVisible());
        QCOMPARE(client.username(), u"newcomer"_s);
    }

    // A notice in a small hosting window wraps instead of being cut off beside the hosting
    // details.
    void noticesFitASmallHostingWindow()
    {
        LocalServer local;
        ChatClient host;
        QVERIFY(hostWithAccount(local, host));
        MainWindow window(host, &local);
        window.resize(800, 500);
        window.show();
        const QString text =
            u"No keychain on this system: FinChat will ask for your password next time."_s;
        window.showNotice(text);
        waitForLayout();
        auto *notice = window.findChild<QLabel *>(u"notice"_s);
        QVERIFY(notice && notice->isVisible());
        QCOMPARE(notice->text(), text);
        const QRect needed = notice->fontMetrics().boundingRect(
            QRect(0, 0, notice->contentsRect().width(), 10'000), Qt::TextWordWrap, text);
        QVERIFY2(needed.height() <= notice->contentsRect().height(),
                 qPrintable(u"%1 px of text in %2 px"_s.arg(needed.height())
                                .arg(notice->contentsRect().height())));
        QVERIFY(notice->geometry().right() <= window.width());
    }

    // Servers announce themselves on the LAN; the connect dialog lists them, and choosing one
    // fills in where to connect. Anything else arriving on that port is ignored.
    void serversOnTheNetworkAreListed()
    {
        const quint16 discoveryPort = freeUdpPort();
        QVERIFY(discoveryPort != 0);
        ServerConfig config;
        config.announce = {true, {QHostAddress(QHostAddress::LocalHost)}, discoveryPort};
        TestServer server(config);
        ChatClient client;
        LocalServer local;
        ConnectDialog dialog(client, local, *m_settings, nullptr, discoveryPort);
        dialog.hostLocallyBox()->setChecked(true);
        dialog.show();
        QListWidget *nearby = dialog.nearbyServers();
        QVERIFY(!nearby->isVisible());

        // Junk, oversized, half-right and disguised announcements change nothing.
        const QByteArray fingerprint = QByteArray("AB:").repeated(31) + "AB";
        const auto fake = [&](const QByteArray &name, int port, bool tls = true,
                              const QByteArray &print = {}) {
            return QJsonDocument(QJsonObject{{u"finchat"_s, 1},
                                             {u"name"_s, QString::fromUtf8(name)},
                                             {u"port"_s, port},
                                             {u"tls"_s, tls},
                                             {u"fingerprint"_s, QString::fromLatin1(print)}})
                .toJson(QJsonDocument::Compact);
        };
        QUdpSocket stranger;
        for (const QByteArray &junk :
             {QByteArray("hello"), QByteArray(4000, '{'), fake("x", 99999, true, fingerprint),
              fake("no fingerprint", 7000), fake("plaintext", 7001, false),
              fake("desk \u202e0247:5.0.0.01", 7002, true, fingerprint),
              fake("two\nlines", 7003, true, fingerprint), fake("bad print", 7004, true, "AB")})
            stranger.writeDatagram(junk, QHostAddress::LocalHost, discoveryPort);

        QTRY_COMPARE_WITH_TIMEOUT(nearby->count(), 1, 10'000); // the next announcement
        QVERIFY(nearby->isVisible());
        QListWidgetItem *item = nearby->item(0);
        QVERIFY(item->text().contains(QSysInfo::machineHostName()));
        QVERIFY(item->text().contains(QString::number(server.url().port())));
        QVERIFY(item->toolTip().contains(fingerprintText(server.server().certificate())));
        // One machine cannot fill the list: a few entries per address at most.
        for (int port = 8000; port < 8040; ++port)
            stranger.writeDatagram(fake("flood", port, true, fingerprint), QHostAddress::LocalHost,
                                   discoveryPort);
        QTRY_COMPARE(nearby->count(), 4);
        QTest::qWait(200);
        QCOMPARE(nearby->count(), 4);
        item = nearby->findItems(QSysInfo::machineHostName(), Qt::MatchContains).value(0);
        QVERIFY(item);
        nearby->setCurrentItem(item);
        emit nearby->itemClicked(item);
        QVERIFY(!dialog.hostLocallyBox()->isChecked());
        QCOMPARE(dialog.hostField()->text(), u"127.0.0.1"_s);
        QCOMPARE(dialog.portField()->value(), server.url().port());

        dialog.usernameField()->setText(u"colleague"_s);
        dialog.passwordField()->setText(u"correct horse"_s);
        QTest::mouseClick(dialog.createAccountButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(client.serverUrl().port(), server.url().port());
    }

    void unknownCertificateIsTrustedByThePerson()
    {
        QTemporaryDir folder;
        TestServer server(TestServer::makingItsOwnCertificateIn(folder));
        const QString fingerprint = fingerprintText(server.server().certificate());
        ChatClient client;
        LocalServer local;
        ConnectDialog dialog(client, local, *m_settings);
        dialog.show();
        fillIn(dialog, server.url().port(), u"newcomer"_s);
        QTest::mouseClick(dialog.createAccountButton(), Qt::LeftButton);
        QTRY_VERIFY(trustQuestion() != nullptr);
        // Two lines of 16 pairs each.
        QVERIFY(trustQuestion()->text().contains(fingerprint.left(47)));
        QVERIFY(trustQuestion()->text().contains(fingerprint.mid(48)));
        QCOMPARE(trustQuestion()->defaultButton(), trustQuestion()->button(QMessageBox::Cancel));
        QTest::mouseClick(trustQuestion()->findChild<QPushButton *>(u"trustButton"_s),
                          Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(client.state(), ChatClient::State::Online);
        QCOMPARE(client.knownServers().trusted(server.url()), fingerprint);
    }

    // A certificate other than the trusted one: a warning whose safe answer is the default;
    // cancelling leaves the person at the dialog, told why.
    void changedCertificateWarnsAndCancelStaysOffline()
    {
        QTemporaryDir folder;
        TestServer server(TestServer::makingItsOwnCertificateIn(folder));
        ChatClient client;
        client.knownServers().trust(server.url(), u"AA:BB"_s);
        LocalServer local;
        ConnectDialog dialog(client, local, *m_settings);
        dialog.show();
        fillIn(dialog, server.url().port(), u"someone"_s);
        QTest::mouseClick(dialog.logInButton(), Qt::LeftButton);
        QTRY_VERIFY(trustQuestion() != nullptr);
        QCOMPARE(trustQuestion()->icon(), QMessageBox::Warning);
        QTest::mouseClick(trustQuestion()->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(dialog.serverError()->isVisible());
        QVERIFY(dialog.serverError()->text().contains(u"changed"_s));
        QCOMPARE(client.state(), ChatClient::State::Offline);
        QCOMPARE(client.knownServers().trusted(server.url()), u"AA:BB"_s);
    }

    // On a machine without a display (a server reached over SSH) --help and --version print,
    // instead of aborting for want of a display.
    void helpAndVersionNeedNoDisplay()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"DISPLAY"_s);
        environment.remove(u"WAYLAND_DISPLAY"_s);
        environment.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s); // what a desktop Linux uses
        for (const QString &option : {u"--help"_s, u"--version"_s}) {
            QProcess app;
            app.setProcessEnvironment(environment);
            app.start(QStringLiteral(FINCHAT_APP_BINARY), {option});
            QVERIFY(app.waitForFinished(20'000));
            QCOMPARE(app.exitStatus(), QProcess::NormalExit);
            QCOMPARE(app.exitCode(), 0);
            const QString printed = QString::fromUtf8(app.readAllStandardOutput());
            QVERIFY2(printed.contains(option == "--help"_L1 ? u"--host"_s : u"finchat 0."_s),
                     qPrintable(printed));
        }
    }

    // With a tray, closing the window leaves FinChat there; its icon, its menu and a click on
    // a notification bring the window back, and its Quit quits.
    void theTrayKeepsFinChatRunningAndBringsItBack()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        auto *window = new MainWindow(alice);
        window->setAttribute(Qt::WA_DeleteOnClose); // a window that really closes is gone
        QPointer<MainWindow> alive = window;
        window->show();
        DeskTray *tray = window->tray();
        tray->setAvailable(true); // as on a desktop with a tray (offscreen has none)
        auto *icon = tray->findChild<QSystemTrayIcon *>();
        QVERIFY(icon);

        QVERIFY(!window->close());
        QVERIFY(alive);
        QVERIFY(!window->isVisible());
        QCOMPARE(alice.state(), ChatClient::State::Online); // still there for notifications
        emit icon->activated(QSystemTrayIcon::Trigger);
        QVERIFY(window->isVisible());

        window->close();
        QVERIFY(!window->isVisible());
        const QList<QAction *> menu = tray->menu()->actions();
        QVERIFY(!menu.isEmpty());
        menu.first()->trigger(); // Show FinChat
        QVERIFY(window->isVisible());

        // A mention in another room, while the window is away: its notification's click shows
        // the window at that room.
        QVERIFY(createRooms(alice, {u"macro"_s}));
        window->showRoom(u"general"_s);
        window->close();
        const auto bob = someoneIn(server, u"bob"_s, {u"macro"_s});
        QVERIFY(bob);
        QSignalSpy mentioned(&alice, &ChatClient::notificationDue);
        QCOMPARE(typeOf(bob->send(u"macro"_s, u"@alice seen NVDA?"_s)), Type::MessageSendOk);
        QTRY_COMPARE(mentioned.count(), 1);
        emit icon->messageClicked();
        QVERIFY(window->isVisible());
        QCOMPARE(window->currentRoom(), u"macro"_s);

        tray->quitAction()->trigger();
        QTRY_VERIFY(!alive);
    }

    // The tray's icon counts what nobody has read yet, across rooms.
    void theTrayIconShowsTheUnreadCount()
    {
        QPixmap appIcon(64, 64);
        appIcon.fill(Qt::darkBlue);
        QApplication::setWindowIcon(QIcon(appIcon));
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QVERIFY(createRooms(alice, {u"macro"_s}));
        window.showRoom(u"general"_s);
        DeskTray *tray = window.tray();
        const QImage plain = tray->currentIcon().pixmap(64).toImage();
        QCOMPARE(tray->unreadCount(), 0);

        const auto bob = someoneIn(server, u"bob"_s, {u"macro"_s});
        QVERIFY(bob);
        for (const QString &body : {u"CPI at 8:30"_s, u"hot print"_s})
            QCOMPARE(typeOf(bob->send(u"macro"_s, body)), Type::MessageSendOk);
        QTRY_COMPARE(tray->unreadCount(), 2);
        QVERIFY(tray->toolTip().contains(u"2"_s));
        QVERIFY(tray->currentIcon().pixmap(64).toImage() != plain);

        window.showRoom(u"macro"_s); // read
        QTRY_COMPARE(tray->unreadCount(), 0);
        QCOMPARE(tray->currentIcon().pixmap(64).toImage(), plain);
        QApplication::setWindowIcon(QIcon());
    }

    // Quitting while colleagues use the chat this app hosts asks first; Cancel keeps them on.
    void quittingWhileHostingAsksFirst()
    {
        LocalServer local;
        ChatClient host;
        QVERIFY(hostWithAccount(local, host));
        trustHostedCertificate(local);
        auto *window = new MainWindow(host, &local);
        window->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<MainWindow> alive = window;
        window->show();

        // Alone on one's own server: quitting just quits.
        {
            MainWindow alone(host, &local);
            alone.show();
            QVERIFY(alone.close());
        }

        TestClient colleague;
        QVERIFY(colleague.connectAs(local.localUrl(), u"colleague"_s));
        window->quit();
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = openQuestion(u"stopHostingQuestion"_s)));
        QVERIFY(question->text().contains(u"connected now: 1"_s));
        QTest::keyClick(question, Qt::Key_Escape); // Cancel
        QVERIFY(alive && window->isVisible());
        QCOMPARE(typeOf(colleague.send(u"general"_s, u"still here"_s)), Type::MessageSendOk);

        window->quit();
        QTRY_VERIFY((question = openQuestion(u"stopHostingQuestion"_s)));
        QTest::mouseClick(question->findChild<QPushButton *>(u"stopHostingButton"_s),
                          Qt::LeftButton);
        QTRY_VERIFY(!alive);
    }

    // Settings: a new name others see at once, a password change that needs the old one.
    void settingsChangeTheNameAndThePassword()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        TestClient bob;
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        MainWindow window(alice);
        window.show();
        SettingsDialog *settings = openSettings(window);
        QVERIFY(settings);

        settings->displayNameField()->setText(u"Alice Smith"_s);
        QTest::mouseClick(settings->saveNameButton(), Qt::LeftButton);
        QTRY_VERIFY(settings->profileStatus()->text().contains(u"Alice Smith"_s));
        QCOMPARE(bob.waitForEvent(u"user.updated"_s).value(u"displayName"_s).toString(),
                 u"Alice Smith"_s);
        QCOMPARE(alice.displayName(), u"Alice Smith"_s);

        settings->oldPasswordField()->setText(u"not my password"_s);
        settings->newPasswordField()->setText(u"battery staple"_s);
        settings->repeatPasswordField()->setText(u"battery staple"_s);
        QTest::mouseClick(settings->changePasswordButton(), Qt::LeftButton);
        QTRY_VERIFY(settings->passwordStatus()->isVisible());
        QTRY_VERIFY(settings->changePasswordButton()->isEnabled());
        QVERIFY(!settings->passwordStatus()->text().contains(u"changed"_s));

        settings->oldPasswordField()->setText(u"correct horse"_s);
        settings->newPasswordField()->setText(u"battery staple"_s);
        settings->repeatPasswordField()->setText(u"battery staple"_s);
        QTest::mouseClick(settings->changePasswordButton(), Qt::LeftButton);
        QTRY_VERIFY(settings->passwordStatus()->text().contains(u"changed"_s));
        QVERIFY(settings->oldPasswordField()->text().isEmpty());
        QCOMPARE(alice.state(), ChatClient::State::Online); // this device stays logged in
        TestClient laptop;
        QVERIFY(laptop.open(server.url()));
        QCOMPARE(typeOf(laptop.login(u"alice"_s, u"battery staple"_s)), Type::LoginOk);
    }

    // Logging out ends the session on the server and brings back the login dialog.
    void loggingOutAsksToLogInAgain()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        const QString token = alice.token();
        LocalServer notHosting;
        auto *window = new MainWindow(alice, &notHosting);
        window->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<MainWindow> alive = window;
        window->show();
        QSignalSpy loggedOut(window, &MainWindow::loggedOut);
        SettingsDialog *settings = openSettings(*window);
        QVERIFY(settings);
        bool askedToLogIn = false;
        // The login dialog runs its own loop: answer it from inside (closing it quits).
        QTimer answerer;
        connect(&answerer, &QTimer::timeout, this, [&] {
            if (auto *login = qobject_cast<ConnectDialog *>(QApplication::activeModalWidget())) {
                askedToLogIn = true;
                login->close();
            }
        });
        answerer.start(50);
        QTest::mouseClick(settings->logOutButton(), Qt::LeftButton);
        QTRY_VERIFY(askedToLogIn);
        QTRY_VERIFY(!alive);
        QCOMPARE(loggedOut.count(), 1);
        QCOMPARE(alice.state(), ChatClient::State::Offline);
        TestClient stolen; // the old token is worthless now
        QVERIFY(stolen.open(server.url()));
        QCOMPARE(typeOf(stolen.request(u"resume"_s, {{u"token"_s, token}})), Type::Error);
    }

    void aboutSaysWhichFinChatThisIs()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QCoreApplication::setApplicationVersion(u"9.8.7"_s);
        window.findChild<QAction *>(u"aboutAction"_s)->trigger();
        QMessageBox *about = nullptr;
        QTRY_VERIFY((about = openQuestion(u"aboutBox"_s)));
        QVERIFY(about->text().contains(u"9.8.7"_s));
        QVERIFY(about->text().contains(QString::fromLatin1(qVersion())));
        about->close();
    }

    // Each room notifies as the person chose: by default their name and watched words (set
    // in Settings), every message, or nothing; muted rooms stay out of the tray's count.
    void eachRoomNotifiesAsChosen()
    {
        TestServer server(TestServer::generousLimits());
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QVERIFY(createRooms(alice, {u"macro"_s, u"fx"_s}));
        window.showRoom(u"general"_s);
        const auto bob = someoneIn(server, u"bob"_s, {u"macro"_s, u"fx"_s});
        QVERIFY(bob);

        SettingsDialog *settings = openSettings(window);
        QVERIFY(settings);
        settings->keywordsField()->setText(u"NVDA, earnings"_s);
        emit settings->keywordsField()->editingFinished();
        settings->close();

        QSignalSpy notified(&alice, &ChatClient::notificationDue);
        const auto say = [&](const QString &room, const QString &body) {
            const int before = alice.messages(room)->rowCount();
            QCOMPARE(typeOf(bob->send(room, body)), Type::MessageSendOk);
            QTRY_COMPARE(alice.messages(room)->rowCount(), before + 1);
        };
        say(u"macro"_s, u"NVDA after the bell"_s); // a watched word
        QCOMPARE(notified.count(), 1);
        QVERIFY(alice.messages(u"macro"_s)->index(0).data(MessageModel::HighlightRole).toBool());
        say(u"macro"_s, u"lunch?"_s);
        QCOMPARE(notified.count(), 1);
        QCOMPARE(window.tray()->unreadCount(), 2);

        window.roomMenu(u"macro"_s)->findChild<QAction *>(u"notifyMuted"_s)->trigger();
        say(u"macro"_s, u"@alice NVDA!"_s);
        QCOMPARE(notified.count(), 1);
        QCOMPARE(window.tray()->unreadCount(), 0); // muted rooms do not count

        window.roomMenu(u"fx"_s)->findChild<QAction *>(u"notifyAll"_s)->trigger();
        say(u"fx"_s, u"EURUSD quiet"_s);
        QCOMPARE(notified.count(), 2);
        QCOMPARE(notified.last().at(0).toString(), u"fx"_s);

        // Kept for the next start: another client, logged in afresh, reads them back.
        ChatClient later;
        QVERIFY(QCoro::waitFor(later.logIn(server.url(), u"alice"_s, u"correct horse"_s)).ok());
        MainWindow again(later);
        QCOMPARE(later.rooms()->notify(u"macro"_s), RoomListModel::Notify::Muted);
        QVERIFY(again.roomMenu(u"fx"_s)->findChild<QAction *>(u"notifyAll"_s)->isChecked());
        // Another server's rooms start from the default, whatever their names.
        TestServer elsewhere;
        QVERIFY(QCoro::waitFor(later.createAccount(elsewhere.url(), u"alice"_s, u"correct horse"_s))
                    .ok());
        MainWindow there(later);
        QCOMPARE(later.rooms()->notify(u"macro"_s), RoomListModel::Notify::Mentions);
    }

    // A message's text can be copied, and its links opened (a click, or its menu).
    void messagesCanBeCopiedAndTheirLinksOpened()
    {
        const auto urlsIn = [](const QString &text) {
            QList<QUrl> urls;
            for (const Client::Link &link : Client::linksIn(text))
                urls.append(link.url);
            return urls;
        };
        QCOMPARE(
            urlsIn(u"see https://stooq.com/q/?s=aapl.us, and (http://x.org/a)."_s),
            (QList<QUrl>{QUrl(u"https://stooq.com/q/?s=aapl.us"_s), QUrl(u"http://x.org/a"_s)}));
        QVERIFY(urlsIn(u"no link: stooq.com"_s).isEmpty());
        QCOMPARE(urlsIn(u"see https://en.wikipedia.org/wiki/Bond_(finance)."_s),
                 QList<QUrl>{QUrl(u"https://en.wikipedia.org/wiki/Bond_(finance)"_s)});
        QCOMPARE(urlsIn(u"https://stooq.com/q/?s=aapl.us\u00a0next"_s),
                 QList<QUrl>{QUrl(u"https://stooq.com/q/?s=aapl.us"_s)});
        QCOMPARE(Client::linksIn(u"see https://x.org/a."_s).first().start, 4);
        QCOMPARE(Client::linksIn(u"see https://x.org/a."_s).first().length, 15);

        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        const QString body = u"chart: https://stooq.com/q/?s=nvda.us"_s;
        alice.sendMessage(u"general"_s, body);
        QTRY_COMPARE(shownBodies(window.messageView()), QStringList{body});
        const QModelIndex message = window.messageView()->model()->index(0, 0);

        std::unique_ptr<QMenu> menu(window.messageMenu(message));
        menu->findChild<QAction *>(u"copyText"_s)->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), body);
        menu->findChild<QAction *>(u"copyLink"_s)->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"https://stooq.com/q/?s=nvda.us"_s);

        LinkCatcher opened;
        QDesktopServices::setUrlHandler(u"https"_s, &opened, "open");
        QWidget *viewport = window.messageView()->viewport();
        const auto link = findPointer(viewport, window.messageView()->visualRect(message),
                                      Qt::PointingHandCursor);
        QVERIFY(link);
        QTest::mouseClick(viewport, Qt::LeftButton, {}, *link);
        menu->findChild<QAction *>(u"openLink"_s)->trigger();
        QDesktopServices::unsetUrlHandler(u"https"_s);
        QCOMPARE(opened.urls, (QList<QUrl>(2, QUrl(u"https://stooq.com/q/?s=nvda.us"_s))));
    }

    // Reply and Edit from a message's menu, the edit window and the message of the day set in
    // the administration window.
    void repliesAndEditsFromTheMessageMenu()
    {
        AdminAndMember people;
        QVERIFY(people.start());
        ChatClient &bob = people.bob;
        MainWindow &window = *people.window;
        MainWindow &bobsWindow = *people.bobsWindow;
        bob.sendMessage(u"general"_s, u"NVDA reports tonight"_s);
        QTRY_COMPARE(shownBodies(window.messageView()), QStringList{u"NVDA reports tonight"_s});
        QTRY_VERIFY(bobsWindow.messageView()->model()->index(0, 0).data(MessageModel::IdRole) != 0);
        const auto rowOf = [](const MainWindow &shown, int row) {
            return shown.messageView()->model()->index(row, 0);
        };

        // alice answers bob's message from its menu; she may not edit it.
        std::unique_ptr<QMenu> onBobs(window.messageMenu(rowOf(window, 0)));
        QVERIFY(!onBobs->findChild<QAction *>(u"editMessage"_s));
        onBobs->findChild<QAction *>(u"replyToMessage"_s)->trigger();
        QVERIFY(window.composeContext()->isVisible());
        QVERIFY(window.composeContext()->text().contains(u"NVDA reports tonight"_s));
        QTest::keyClicks(window.input(), u"after the close?"_s);
        QTest::keyClick(window.input(), Qt::Key_Return);
        QVERIFY(!window.composeContext()->isVisible());
        QTRY_COMPARE(shownBodies(bobsWindow.messageView()).size(), 2);
        QTRY_COMPARE(
            rowOf(bobsWindow, 1).data(MessageModel::ReplyRole).toMap().value(u"body"_s).toString(),
            u"NVDA reports tonight"_s);
        QVERIFY(
            MessageDelegate::quoteLine(rowOf(bobsWindow, 1).data(MessageModel::ReplyRole).toMap())
                .endsWith(u": NVDA reports tonight"_s));

        // bob edits his: the input takes its text, Enter saves, and both windows follow,
        // the quote in alice's reply too.
        std::unique_ptr<QMenu> onOwn(bobsWindow.messageMenu(rowOf(bobsWindow, 0)));
        onOwn->findChild<QAction *>(u"editMessage"_s)->trigger();
        QCOMPARE(bobsWindow.input()->toPlainText(), u"NVDA reports tonight"_s);
        QVERIFY(bobsWindow.composeContext()->editing().has_value());
        bobsWindow.input()->selectAll();
        QTest::keyClicks(bobsWindow.input(), u"NVDA reports tomorrow"_s);
        QTest::keyClick(bobsWindow.input(), Qt::Key_Return);
        QTRY_COMPARE(shownBodies(window.messageView()).first(), u"NVDA reports tomorrow"_s);
        QVERIFY(rowOf(window, 0).data(MessageModel::EditedRole).toBool());
        QTRY_COMPARE(
            rowOf(window, 1).data(MessageModel::ReplyRole).toMap().value(u"body"_s).toString(),
            u"NVDA reports tomorrow"_s);
        QCOMPARE(shownBodies(bobsWindow.messageView()).size(), 2); // an edit adds nothing

        // Escape drops an edit: the message keeps its text, the input empties.
        std::unique_ptr<QMenu> again(bobsWindow.messageMenu(rowOf(bobsWindow, 0)));
        again->findChild<QAction *>(u"editMessage"_s)->trigger();
        QTest::keyClicks(bobsWindow.input(), u" or never"_s);
        QTest::keyClick(bobsWindow.input(), Qt::Key_Escape);
        QVERIFY(!bobsWindow.composeContext()->isVisible());
        QCOMPARE(bobsWindow.input()->toPlainText(), QString());
        QCOMPARE(shownBodies(bobsWindow.messageView()).first(), u"NVDA reports tomorrow"_s);

        // bob was typing something else when he began another edit; meanwhile alice, the
        // admin, turns editing off and sets a message of the day in the administration
        // window. His edit is refused: its text stays to be fixed, and Escape brings back
        // what he had been typing. He is no longer offered Edit, and sees the message of
        // the day until he dismisses it.
        QTest::keyClicks(bobsWindow.input(), u"half a thought"_s);
        std::unique_ptr<QMenu> late(bobsWindow.messageMenu(rowOf(bobsWindow, 0)));
        late->findChild<QAction *>(u"editMessage"_s)->trigger();
        auto *motd = bobsWindow.findChild<MotdBanner *>();
        QVERIFY(motd && !motd->isVisible());
        auto *page = window.openServerAdmin()->findChild<SiteSettingsPage *>();
        QVERIFY(page);
        QCOMPARE(page->editMinutes()->value(), 24 * 60);
        page->motd()->setPlainText(u"Markets close early on Friday."_s);
        page->editMinutes()->setValue(0);
        QSignalSpy saved(page, &SiteSettingsPage::saved);
        QTest::mouseClick(page->findChild<QPushButton *>(u"saveSiteSettings"_s), Qt::LeftButton);
        QVERIFY(saved.wait());
        QTRY_COMPARE(bob.siteSettings().editMinutes, 0);
        QSignalSpy refused(&bob, &ChatClient::requestFailed);
        bobsWindow.input()->selectAll();
        QTest::keyClicks(bobsWindow.input(), u"NVDA reports never"_s);
        QTest::keyClick(bobsWindow.input(), Qt::Key_Return);
        QTRY_COMPARE(refused.count(), 1);
        QTRY_COMPARE(bobsWindow.input()->toPlainText(), u"NVDA reports never"_s);
        QVERIFY(bobsWindow.composeContext()->editing().has_value());
        QTest::keyClick(bobsWindow.input(), Qt::Key_Escape);
        QCOMPARE(bobsWindow.input()->toPlainText(), u"half a thought"_s);
        QCOMPARE(shownBodies(window.messageView()).first(), u"NVDA reports tomorrow"_s);
        QTRY_VERIFY(motd->isVisible());
        QCOMPARE(motd->text(), u"Markets close early on Friday."_s);
        std::unique_ptr<QMenu> closed(bobsWindow.messageMenu(rowOf(bobsWindow, 0)));
        QVERIFY(!closed->findChild<QAction *>(u"editMessage"_s));
        QVERIFY(closed->findChild<QAction *>(u"replyToMessage"_s));
        QTest::mouseClick(motd->findChild<QPushButton *>(u"dismissMotd"_s), Qt::LeftButton);
        QVERIFY(!motd->isVisible());

        // bob deletes his message, a member deleting his own: after he confirms, both see its
        // place without its text, and alice's reply quotes it as deleted.
        std::unique_ptr<QMenu> deleting(bobsWindow.messageMenu(rowOf(bobsWindow, 0)));
        deleting->findChild<QAction *>(u"deleteMessage"_s)->trigger();
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = openQuestion(u"deleteMessageQuestion"_s)));
        QTest::mouseClick(question->findChild<QPushButton *>(u"deleteMessageButton"_s),
                          Qt::LeftButton);
        QTRY_VERIFY(rowOf(window, 0).data(MessageModel::DeletedRole).toBool());
        QTRY_VERIFY(rowOf(bobsWindow, 0).data(MessageModel::DeletedRole).toBool());
        QCOMPARE(shownBodies(window.messageView()).first(), QString());
        QTRY_VERIFY(
            rowOf(window, 1).data(MessageModel::ReplyRole).toMap().value(u"deleted"_s).toBool());
        std::unique_ptr<QMenu> onTombstone(bobsWindow.messageMenu(rowOf(bobsWindow, 0)));
        QVERIFY(!onTombstone->findChild<QAction *>(u"replyToMessage"_s));
        QVERIFY(!onTombstone->findChild<QAction *>(u"deleteMessage"_s));
    }

    void profilesAndWhoIsOnline()
    {
        TestServer server;
        ChatClient alice, bob, carol;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        QVERIFY(createAccount(carol, server.url(), u"carol"_s).ok());
        MainWindow window(alice);
        window.show();
        MainWindow bobsWindow(bob);
        bobsWindow.show();

        // bob writes about himself in his settings; it is kept on the server.
        SettingsDialog *settings = openSettings(bobsWindow);
        QVERIFY(settings);
        QTRY_VERIFY(settings->saveBioButton()->isEnabled()); // what is held now was read
        settings->bioField()->setText(u"Rates and FX, mostly."_s);
        QTest::mouseClick(settings->saveBioButton(), Qt::LeftButton);
        QTRY_COMPARE(settings->profileStatus()->text(),
                     u"Saved: your profile shows what you wrote."_s);
        settings->close();

        // alice opens it from the member list: his name, that he is here, his words, and
        // only the rooms both are in.
        carol.createRoom(u"carols-desk"_s);
        QTRY_COMPARE(window.memberView()->model()->rowCount(), 3);
        std::unique_ptr<QMenu> onBob(window.memberMenu(memberRow(window, u"bob"_s)));
        onBob->findChild<QAction *>(u"viewProfile"_s)->trigger();
        ProfileDialog *profile = nullptr;
        QTRY_VERIFY((profile = window.findChild<ProfileDialog *>()));
        QTRY_VERIFY(profile->shown().contains(u"@bob"_s));
        const QString shown = profile->shown();
        QVERIFY2(shown.contains(u"@bob"_s) && shown.contains(u"online"_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"Rates and FX, mostly."_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"Rooms you share: #general"_s), qPrintable(shown));
        QVERIFY2(!shown.contains(u"carols-desk"_s), qPrintable(shown));
        profile->close();

        // Who's online lists everyone here; activating someone opens their profile.
        OnlineDialog *online = window.openOnlineList();
        QSignalSpy listed(online, &OnlineDialog::loaded);
        QVERIFY(listed.wait());
        QStringList names;
        for (int row = 0; row < online->list()->count(); ++row)
            names.append(online->list()->item(row)->data(Qt::UserRole).toString());
        QCOMPARE(names, (QStringList{u"alice"_s, u"bob"_s, u"carol"_s}));
        QSignalSpy wanted(online, &OnlineDialog::profileWanted);
        emit online->list()->itemActivated(online->list()->item(2));
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(wanted.first().first().toString(), u"carol"_s);
    }

    void directMessagesFromTheMemberListAProfileAndNewMessage()
    {
        AdminAndMember people;
        QVERIFY(people.start());
        MainWindow &window = *people.window; // alice's
        MainWindow &bobsWindow = *people.bobsWindow;
        QSignalSpy bobNotified(&people.bob, &ChatClient::notificationDue);

        // alice writes to bob from #general's member list: the conversation opens, named
        // after him, under "Direct messages"; it cannot be left.
        QTRY_VERIFY(memberRow(window, u"bob"_s).isValid());
        std::unique_ptr<QMenu> onBob(window.memberMenu(memberRow(window, u"bob"_s)));
        onBob->findChild<QAction *>(u"messageMember"_s)->trigger();
        QTRY_VERIFY(window.currentRoom().startsWith(u"dm:"_s));
        const QString dm = window.currentRoom();
        QCOMPARE(window.roomTitle()->text(), u"bob"_s);
        QCOMPARE(window.directView()->model()->rowCount(), 1);
        QCOMPARE(window.directView()->currentIndex().data(RoomListModel::NameRole).toString(), dm);
        QVERIFY(!window.roomView()->currentIndex().isValid());
        QCOMPARE(window.roomView()->model()->rowCount(), 1); // #general alone
        QVERIFY(!window.findChild<QPushButton *>(u"leaveButton"_s)->isEnabled());
        std::unique_ptr<QMenu> onDm(window.roomMenu(dm));
        QStringList offered;
        for (const QAction *action : onDm->actions()) {
            if (!action->isSeparator())
                offered.append(action->objectName());
        }
        QCOMPARE(offered, (QStringList{u"notifyAll"_s, u"notifyMentions"_s, u"notifyMuted"_s}));
        // Nobody is offered a direct message to themself; in the conversation, the admin is
        // offered no moderation of bob.
        std::unique_ptr<QMenu> onSelf(window.memberMenu(memberRow(window, u"alice"_s)));
        QVERIFY(!onSelf->findChild<QAction *>(u"messageMember"_s));
        std::unique_ptr<QMenu> onBobHere(window.memberMenu(memberRow(window, u"bob"_s)));
        for (const QString &moderation : {u"mute"_s, u"removeFromRoom"_s, u"ban"_s, u"role"_s})
            QVERIFY2(!onBobHere->findChild<QObject *>(moderation), qPrintable(moderation));
        QTest::keyClicks(window.input(), u"can you cover my book at 3?"_s);
        QTest::keyClick(window.input(), Qt::Key_Return);

        // bob, reading #general, sees it listed with the count and is notified.
        QTRY_COMPARE(bobsWindow.directView()->model()->index(0, 0).data().toString(),
                     u"alice (1)"_s);
        QCOMPARE(bobsWindow.currentRoom(), u"general"_s);
        QTRY_COMPARE(bobsWindow.tray()->unreadCount(), 1);
        QTRY_COMPARE(bobNotified.count(), 1);

        // From alice's profile, "Send a direct message" takes him to it, read.
        ProfileDialog *profile = bobsWindow.openProfile(u"alice"_s);
        QTRY_VERIFY(profile->writeButton()->isVisible());
        QTest::mouseClick(profile->writeButton(), Qt::LeftButton);
        QTRY_COMPARE(bobsWindow.currentRoom(), dm);
        QCOMPARE(bobsWindow.roomTitle()->text(), u"alice"_s);
        QCOMPARE(shownBodies(bobsWindow.messageView()),
                 QStringList{u"can you cover my book at 3?"_s});
        QTRY_COMPARE(bobsWindow.tray()->unreadCount(), 0);
        // One's own profile offers no such button.
        ProfileDialog *own = bobsWindow.openProfile(u"bob"_s);
        QSignalSpy ownLoaded(own, &ProfileDialog::loaded);
        QVERIFY(ownLoaded.wait());
        QVERIFY(!own->writeButton()->isVisible());
        own->close();

        // "New message…" lists the people of his rooms but himself; ticking two opens a
        // group, named after both.
        ChatClient carol;
        QVERIFY(createAccount(carol, people.server.url(), u"carol"_s).ok());
        bobsWindow.showRoom(u"general"_s);
        QTRY_VERIFY(memberRow(bobsWindow, u"carol"_s).isValid());
        NewDirectDialog *whom = bobsWindow.askWhomToWrite();
        QStringList listed;
        for (int row = 0; row < whom->people()->count(); ++row)
            listed.append(whom->people()->item(row)->data(Qt::UserRole).toString());
        QCOMPARE(listed, (QStringList{u"alice"_s, u"carol"_s}));
        QPushButton *start = whom->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!start->isEnabled());
        whom->filterField()->setText(u"CAR"_s);
        QVERIFY(whom->people()->item(0)->isHidden()); // alice
        QVERIFY(!whom->people()->item(1)->isHidden());
        whom->people()->item(1)->setCheckState(Qt::Checked);
        whom->filterField()->setText(u"ali"_s); // carol, ticked, stays in view
        QVERIFY(!whom->people()->item(0)->isHidden());
        QVERIFY(!whom->people()->item(1)->isHidden());
        whom->people()->item(0)->setCheckState(Qt::Checked);
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY(bobsWindow.currentRoom().startsWith(u"dm:"_s) &&
                    bobsWindow.currentRoom() != dm);
        QCOMPARE(bobsWindow.roomTitle()->text(), u"alice, carol"_s);
        QTRY_COMPARE(bobsWindow.directView()->model()->rowCount(), 2);
        QTRY_COMPARE(window.directView()->model()->rowCount(), 2);
        QTRY_VERIFY(carol.rooms()->isDirect(bobsWindow.currentRoom()));

        // alice renames herself: both of bob's conversations are retitled and change places,
        // and he stays where he is, with nothing of the other marked read.
        const QString group = bobsWindow.currentRoom();
        people.alice.sendMessage(dm, u"still there?"_s);
        QTRY_COMPARE(people.bob.rooms()->unread(dm), 1);
        QSignalSpy moved(people.bob.rooms(), &QAbstractItemModel::rowsMoved);
        QSignalSpy removed(people.bob.rooms(), &QAbstractItemModel::rowsRemoved);
        QVERIFY(QCoro::waitFor(people.alice.changeDisplayName(u"Zoe"_s)).ok());
        QTRY_COMPARE(people.bob.rooms()->shownName(group), u"carol, Zoe"_s);
        QTRY_COMPARE(people.bob.rooms()->shownName(dm), u"Zoe"_s);
        QCOMPARE(people.bob.rooms()->directRooms(), (QStringList{group, dm}));
        QCOMPARE(bobsWindow.currentRoom(), group);
        QCOMPARE(bobsWindow.directView()->currentIndex().data(RoomListModel::NameRole).toString(),
                 group);
        QCOMPARE(bobsWindow.roomTitle()->text(), u"carol, Zoe"_s);
        QCOMPARE(people.bob.rooms()->unread(dm), 1);
        // Moved, not taken out and put back: a view keeps the row current and selected.
        QVERIFY(moved.count() > 0);
        QCOMPARE(removed.count(), 0);
    }

    void searchFindsAMessageAndOpensItInPlace()
    {
        TestServer server(TestServer::generousLimits());
        TestClient bob;
        QVERIFY(bob.connectAs(server.url(), u"bob"_s));
        const qint64 wanted = bob.send(u"general"_s, u"TSLA <deliveries> beat, again"_s)
                                  .value(u"message"_s)[u"id"_s]
                                  .toInteger();
        for (int i = 1; i <= 120; ++i) // more than a join shows, and than a page
            QVERIFY(!bob.send(u"general"_s, u"filler %1"_s.arg(i)).isEmpty());
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        QTRY_COMPARE(window.messageView()->model()->rowCount(), Protocol::JoinHistorySize);
        QVERIFY(alice.messages(u"general"_s)->rowOfId(wanted) < 0);

        SearchDialog *search = window.openSearch();
        QSignalSpy searched(search, &SearchDialog::searched);
        QTest::keyClicks(search->queryField(), u"deliver"_s);
        QTest::keyClick(search->queryField(), Qt::Key_Return);
        QVERIFY(searched.wait());
        QCOMPARE(search->results()->count(), 1);
        const auto *shown =
            qobject_cast<QLabel *>(search->results()->itemWidget(search->results()->item(0)));
        QVERIFY(shown);
        // Its words in bold, everything else the person's text, escaped.
        QVERIFY2(shown->text().contains(u"TSLA &lt;<b>deliveries</b>&gt; beat, again"_s),
                 qPrintable(shown->text()));

        // Opening it loads the older pages it is in and shows it in the middle of the view.
        emit search->results()->itemActivated(search->results()->item(0));
        QTRY_VERIFY(alice.messages(u"general"_s)->rowOfId(wanted) >= 0);
        const QModelIndex row =
            window.messageView()->model()->index(alice.messages(u"general"_s)->rowOfId(wanted), 0);
        QTRY_VERIFY(window.messageView()->viewport()->rect().intersects(
            window.messageView()->visualRect(row)));

        // Nothing found says so; a query without words is refused, and said.
        search->queryField()->setText(u"nvda"_s);
        search->search();
        QVERIFY(searched.wait());
        QCOMPARE(search->results()->count(), 0);
        search->queryField()->setText(u"***"_s);
        search->search();
        QVERIFY(searched.wait());
        QCOMPARE(search->results()->count(), 0);
    }

    // A moderator deletes, mutes and removes from the conversation and the member list; a
    // member is offered only the deletion of their own messages.
    void moderatorsActFromTheMenus()
    {
        AdminAndMember people;
        QVERIFY(people.start());
        ChatClient &alice = people.alice;
        ChatClient &bob = people.bob;
        MainWindow &window = *people.window;
        MainWindow &bobsWindow = *people.bobsWindow;
        bob.sendMessage(u"general"_s, u"buy my course"_s);
        QTRY_COMPARE(shownBodies(window.messageView()), QStringList{u"buy my course"_s});
        alice.sendMessage(u"general"_s, u"house rules"_s);
        const QStringList both{u"buy my course"_s, u"house rules"_s};
        QTRY_COMPARE(shownBodies(window.messageView()), both);
        QTRY_COMPARE(shownBodies(bobsWindow.messageView()), both);
        QTRY_COMPARE(window.memberView()->model()->rowCount(), 2);
        QTRY_COMPARE(bobsWindow.memberView()->model()->rowCount(), 2);
        const auto offers = [](QMenu *menu, const QString &action) {
            return menu && menu->findChild<QAction *>(action) != nullptr;
        };

        // bob, a member: his own message only, and nothing on anyone in the list.
        {
            QAbstractItemModel *shown = bobsWindow.messageView()->model();
            std::unique_ptr<QMenu> own(bobsWindow.messageMenu(shown->index(0, 0)));
            std::unique_ptr<QMenu> others(bobsWindow.messageMenu(shown->index(1, 0)));
            QVERIFY(offers(own.get(), u"deleteMessage"_s));
            QVERIFY(!offers(others.get(), u"deleteMessage"_s));
            std::unique_ptr<QMenu> onAlice(
                bobsWindow.memberMenu(memberRow(bobsWindow, u"alice"_s)));
            QVERIFY(offers(onAlice.get(), u"viewProfile"_s));
            for (const QString &moderation : {u"mute"_s, u"removeFromRoom"_s, u"ban"_s, u"role"_s})
                QVERIFY2(!onAlice->findChild<QObject *>(moderation), qPrintable(moderation));
        }

        // alice, the admin, deletes bob's message after confirming: a tombstone for both.
        std::unique_ptr<QMenu> onMessage(
            window.messageMenu(window.messageView()->model()->index(0, 0)));
        onMessage->findChild<QAction *>(u"deleteMessage"_s)->trigger();
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = openQuestion(u"deleteMessageQuestion"_s)));
        QTest::mouseClick(question->findChild<QPushButton *>(u"deleteMessageButton"_s),
                          Qt::LeftButton);
        const auto deleted = [](const MainWindow &shown) {
            return shown.messageView()
                ->model()
                ->index(0, 0)
                .data(MessageModel::DeletedRole)
                .toBool();
        };
        QTRY_VERIFY(deleted(bobsWindow));
        QTRY_VERIFY(deleted(window));
        QCOMPARE(shownBodies(bobsWindow.messageView()).first(), QString());

        // Then mutes him for ten minutes, and removes him with a reason.
        std::unique_ptr<QMenu> onBob(window.memberMenu(memberRow(window, u"bob"_s)));
        QVERIFY(onBob);
        for (const QString &action :
             {u"mute10"_s, u"unmute"_s, u"removeFromRoom"_s, u"ban"_s, u"role_moderator"_s})
            QVERIFY2(offers(onBob.get(), action), qPrintable(action));
        onBob->findChild<QAction *>(u"mute10"_s)->trigger();
        QTRY_VERIFY(shownBodies(bobsWindow.messageView()).last().contains(u"muted you"_s));
        // Bob's input says so, and takes nothing, until a moderator lifts it.
        QTRY_VERIFY(bobsWindow.input()->isReadOnly());
        QVERIFY(bobsWindow.input()->placeholderText().startsWith(
            u"A moderator muted you in this room until "_s));
        onBob->findChild<QAction *>(u"unmute"_s)->trigger();
        QTRY_VERIFY(!bobsWindow.input()->isReadOnly());
        onBob->findChild<QAction *>(u"mute10"_s)->trigger();
        QTRY_VERIFY(bobsWindow.input()->isReadOnly());
        onBob->findChild<QAction *>(u"removeFromRoom"_s)->trigger();
        QInputDialog *reason = nullptr;
        QTRY_VERIFY((reason = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())));
        QCOMPARE(reason->objectName(), u"reasonQuestion"_s);
        reason->setTextValue(u"spam"_s);
        reason->accept();
        QTRY_VERIFY(!bob.joinedRooms().contains(u"general"_s));
        QTRY_VERIFY(bobsWindow.findChild<QLabel *>(u"notice"_s)
                        ->text()
                        .contains(u"alice removed you from this room. Reason: spam"_s));
        QTRY_VERIFY(shownBodies(window.messageView()).last().contains(u"removed bob"_s));
    }

    // The server administration window: people banned, unbanned and promoted; an invite made
    // and revoked; the audit log and the status read; a moderator sees the people only.
    void theServerIsAdministeredFromItsWindow()
    {
        TestServer server;
        ChatClient alice, bob;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok()); // the first: admin
        QVERIFY(createAccount(bob, server.url(), u"bob"_s).ok());
        server.addPerson(u"carol"_s);
        MainWindow window(alice);
        window.show();
        QTRY_COMPARE(alice.myRole(), Protocol::Role::Admin);
        ServerAdminDialog *dialog = window.openServerAdmin();
        QCOMPARE(dialog->pages()->count(), 5); // People, Invites, Audit log, Status, Settings
        auto *people = qobject_cast<PeoplePage *>(dialog->pages()->widget(0));
        const auto cell = [](QTableWidget *table, int row, int column) {
            const QTableWidgetItem *item = table->item(row, column);
            return item ? item->text() : QString();
        };
        QTRY_COMPARE(people->table()->rowCount(), 3);
        QCOMPARE(cell(people->table(), 0, 2), u"admin"_s);
        QCOMPARE(cell(people->table(), 2, 0), u"carol"_s);
        QCOMPARE(cell(people->table(), 2, 4), u"enabled"_s);

        people->table()->selectRow(2);
        people->findChild<QPushButton *>(u"banButton"_s)->click();
        QTRY_COMPARE(cell(people->table(), 2, 4), u"banned"_s);
        people->findChild<QPushButton *>(u"unbanButton"_s)->click();
        QTRY_COMPARE(cell(people->table(), 2, 4), u"enabled"_s);
        people->table()->selectRow(1); // bob
        auto *role = people->findChild<QComboBox *>(u"roleChoice"_s);
        role->setCurrentIndex(role->findData(static_cast<int>(Protocol::Role::Moderator)));
        people->findChild<QPushButton *>(u"setRoleButton"_s)->click();
        QTRY_COMPARE(cell(people->table(), 1, 2), u"moderator"_s);
        QTRY_COMPARE(bob.myRole(), Protocol::Role::Moderator);

        auto *invites = qobject_cast<InvitesPage *>(dialog->pages()->widget(1));
        invites->findChild<QPushButton *>(u"makeInvite"_s)->click();
        QTRY_VERIFY(QRegularExpression(u"\\A[a-z2-7]{5}(-[a-z2-7]{5}){3}\\z"_s)
                        .match(invites->newCode()->text())
                        .hasMatch());
        QTRY_COMPARE(invites->table()->rowCount(), 1);
        invites->table()->selectRow(0);
        invites->findChild<QPushButton *>(u"revokeInvite"_s)->click();
        QTRY_COMPARE(invites->table()->rowCount(), 0);

        auto *audit = qobject_cast<AuditPage *>(dialog->pages()->widget(2));
        audit->refresh();
        QTRY_COMPARE(cell(audit->table(), 0, 2), u"uninvite"_s);
        QCOMPARE(cell(audit->table(), 0, 1), u"alice"_s);
        QCOMPARE(cell(audit->table(), 1, 2), u"invite"_s);
        QCOMPARE(cell(audit->table(), 2, 2), u"role"_s);

        auto *status = qobject_cast<StatusPage *>(dialog->pages()->widget(3));
        status->refresh();
        QTRY_VERIFY2(status->shown().contains(u"People online: 2"_s), qPrintable(status->shown()));

        // bob, now a moderator: the people, nothing only admins may ask for.
        MainWindow bobsWindow(bob);
        QCOMPARE(bobsWindow.openServerAdmin()->pages()->count(), 1);
    }

    // Resting the pointer on $AAPL in a message shows its latest quote, asked through the
    // server from the real stock bot (and a local stooq), once for any number of hovers.
    void aTickerShowsItsQuoteOnHover()
    {
        StooqStandIn stooq;
        QVERIFY(stooq.listen());
        stooq.setAnswer(u"aapl.us"_s, {200, StooqStandIn::fixture(u"quote-aapl.us.csv"_s)});
        stooq.setHistory(u"aapl.us"_s,
                         {200, StooqStandIn::fixture(u"history-aapl.us-daily.csv"_s)});
        ServerConfig config = TestServer::withStockBot(stooq.baseUrl(), {{u"cache_seconds"_s, 0}});
        TestServer server(config);
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        alice.sendMessage(u"general"_s, u"$AAPL into the close"_s);
        QTRY_COMPARE(shownBodies(window.messageView()), QStringList{u"$AAPL into the close"_s});

        QWidget *viewport = window.messageView()->viewport();
        const QRect row =
            window.messageView()->visualRect(window.messageView()->model()->index(0, 0));
        // Where the chip is, as a person finds it: the pointer rests there and a tooltip
        // comes. The real pointer is put there too, so that Qt's own tooltip events agree.
        const auto hoverTheChip = [&]() -> std::optional<QPoint> {
            for (int y = row.top(); y <= row.bottom(); y += 2) {
                for (int x = row.left(); x <= row.right(); x += 3) {
                    QHelpEvent tip(QEvent::ToolTip, {x, y}, viewport->mapToGlobal(QPoint(x, y)));
                    QCoreApplication::sendEvent(viewport, &tip);
                    if (QToolTip::isVisible() && QToolTip::text().contains(u"AAPL"_s))
                        return QPoint(x, y);
                }
            }
            return std::nullopt;
        };
        const auto chip = hoverTheChip();
        QVERIFY(chip);
        QTest::mouseMove(viewport, *chip);
        QTRY_VERIFY(viewport->underMouse());
        // The answer replaces "asking…" in the tooltip showing.
        QTRY_VERIFY2(QToolTip::text().contains(u"$229.87"_s), qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(u"▲ +1.77 (+0.78%)"_s));
        QCOMPARE(stooq.requestsFor(u"aapl.us"_s), 1);

        QToolTip::hideText();
        QVERIFY(hoverTheChip());
        QVERIFY2(QToolTip::text().contains(u"$229.87"_s), qPrintable(QToolTip::text())); // kept
        QCOMPARE(stooq.requestsFor(u"aapl.us"_s), 1);
        QToolTip::hideText();
    }

    // The watchlist panel, against the real server, the real stock bot and a local stooq: a
    // code typed in shows with its price once a check priced it; an alert set from the panel
    // fires once, shown in the status bar and marked as fired; Delete takes a code off.
    void theWatchlistShowsPricesAndAlerts()
    {
        StooqStandIn stooq;
        QVERIFY(stooq.listen());
        stooq.setAnswer(u"aapl.us"_s, {200, StooqStandIn::fixture(u"quote-aapl.us.csv"_s)});
        ServerConfig config = TestServer::withStockBot(stooq.baseUrl(), {{u"cache_seconds"_s, 0}});
        config.limits.priceCheckInterval = std::chrono::milliseconds(400);
        TestServer server(config);
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        auto *panel = window.findChild<WatchlistPanel *>();
        QVERIFY(panel);
        QTRY_VERIFY(panel->isVisible()); // the server keeps watchlists: it has a quote bot

        QLineEdit *add = nullptr;
        for (auto *field : panel->findChildren<QLineEdit *>())
            add = field->accessibleName() == u"Add to watchlist"_s ? field : add;
        QVERIFY(add);
        add->setFocus();
        QTest::keyClicks(add, u"AAPL.US"_s);
        QTest::keyClick(add, Qt::Key_Return);
        QVERIFY(add->text().isEmpty());
        QAbstractItemModel *codes = alice.watchlist();
        QTRY_COMPARE(codes->rowCount(), 1);
        const auto lines = [&] {
            return WatchlistPanel::linesFor(codes->index(0, 0));
        };
        QCOMPARE(lines().code, u"AAPL.US"_s);
        QTRY_COMPARE(lines().price, u"229.87"_s); // priced by a check, pushed by the server
        QVERIFY2(lines().detail.startsWith(u"day 226.90 – 230.75 · "_s),
                 qPrintable(lines().detail));

        // A bad code is refused where it was typed, and the list keeps what it had.
        QTest::keyClicks(add, u"not a code"_s);
        QTest::keyClick(add, Qt::Key_Return);
        auto *problem = panel->findChild<QLabel *>(u"watchlistProblem"_s);
        QTRY_VERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"market code"_s), qPrintable(problem->text()));
        QCOMPARE(codes->rowCount(), 1);

        // An alert at or above 200: AAPL.US is at 229.87, so the next check fires it.
        panel->askForAlert(u"aapl.us"_s, true);
        auto *question = panel->findChild<QInputDialog *>();
        QVERIFY(question);
        QCOMPARE(question->doubleValue(), 229.87); // the price shown is offered
        question->setDoubleValue(200);
        question->accept();
        auto *alerts = panel->findChild<QListWidget *>();
        QTRY_VERIFY2(alerts->count() == 1 && alerts->item(0)->text().startsWith(
                                                 u"✓ AAPL.US ≥ 200.00 — reached 229.87"_s),
                     qPrintable(alerts->item(0)->text()));
        auto *notice = window.findChild<QLabel *>(u"notice"_s);
        QTRY_COMPARE(notice->text(),
                     u"AAPL.US rose to $229.87, at or above $200.00 (alert by alice)"_s);

        // Delete on the selected code takes it off the list, on the server too.
        auto *list = panel->findChild<QListView *>();
        list->setFocus();
        list->setCurrentIndex(codes->index(0, 0));
        QTest::keyClick(list, Qt::Key_Delete);
        QTRY_COMPARE(codes->rowCount(), 0);
        TestClient check;
        QVERIFY(check.open(server.url()));
        QCOMPARE(typeOf(check.login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);
        QVERIFY(check.request(Type::WatchlistGet)[u"codes"_s].toArray().isEmpty());

        // An alert set for #general (by alice, on another device) is shown there, to everyone,
        // with its quote; its owner hears of it in the status bar too.
        QVERIFY(check.send(u"general"_s, u"/alert=aapl.us<300,room"_s).contains(u"command"_s));
        const QString announced =
            u"AAPL.US fell to $229.87, at or below $300.00 (alert by alice)"_s;
        QTRY_VERIFY(shownBodies(window.messageView()).contains(announced));
        const QModelIndex row = window.messageView()->model()->index(
            int(shownBodies(window.messageView()).indexOf(announced)), 0);
        QCOMPARE(
            row.data(MessageModel::DataRole).toJsonObject()[u"quotes"_s][0][u"close"_s].toDouble(),
            229.87);
        QTRY_COMPARE(notice->text(), announced);
    }

    // The watchlist shown is the logged-in user's: logging out empties it, and on a server
    // without a bot that gives quotes (which keeps no watchlists) it stays empty and hidden.
    void theWatchlistIsTheLoggedInUsers()
    {
        StooqStandIn stooq;
        QVERIFY(stooq.listen());
        TestServer withBot(TestServer::withStockBot(stooq.baseUrl()));
        ChatClient client;
        QVERIFY(createAccount(client, withBot.url(), u"alice"_s).ok());
        Client::Watchlist *watchlist = client.watchlist();
        QTRY_VERIFY(watchlist->isAvailable());
        watchlist->add(u"aapl.us"_s);
        watchlist->addAlert(u"aapl.us"_s, true, 1e6);
        QTRY_COMPARE(watchlist->rowCount(), 1);
        QTRY_COMPARE(watchlist->alerts().size(), 1);

        client.logOut();
        QCOMPARE(watchlist->rowCount(), 0);
        QVERIFY(watchlist->alerts().isEmpty());
        QVERIFY(!watchlist->isAvailable());

        TestServer withoutBot;
        QVERIFY(createAccount(client, withoutBot.url(), u"bob"_s).ok());
        MainWindow window(client);
        window.show();
        QVERIFY(!window.findChild<WatchlistPanel *>()->isVisible());
        QCOMPARE(watchlist->rowCount(), 0);
    }

    // A screen reader names every control one can reach, and says who wrote each message.
    void everyControlHasAnAccessibleName()
    {
        TestServer server;
        ChatClient alice;
        QVERIFY(createAccount(alice, server.url(), u"alice"_s).ok());
        MainWindow window(alice);
        window.show();
        alice.sendMessage(u"general"_s, u"hello"_s);
        QTRY_COMPARE(shownBodies(window.messageView()).size(), 1);
        SettingsDialog *settings = openSettings(window);
        QVERIFY(settings);
        LocalServer local;
        ConnectDialog connect(alice, local, *m_settings);
        connect.show();
        QStringList unnamed;
        for (QWidget *top : {static_cast<QWidget *>(&window), static_cast<QWidget *>(settings),
                             static_cast<QWidget *>(&connect)}) {
            for (QWidget *widget : top->findChildren<QWidget *>()) {
                // A spin box's own line edit is part of the spin box for a screen reader.
                if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisible() ||
                    qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
                    continue;
                QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
                if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u' ' +
                                   widget->objectName());
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", ")));
        const QString spoken =
            window.messageView()->model()->index(0, 0).data(Qt::AccessibleTextRole).toString();
        QVERIFY(spoken.contains(u"alice"_s) && spoken.contains(u"hello"_s));
        const QString member =
            window.memberView()->model()->index(0, 0).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(member.contains(u"online"_s), qPrintable(member));
        settings->close();
    }

    void hostingLocallyBringsUpAServerOthersCanJoin()
    {
        ChatClient client;
        LocalServer local;
        QVERIFY(forgetHostedDatabase(local));
        ConnectDialog dialog(client, local, *m_settings);
        dialog.hostLocallyBox()->setChecked(true);
        QVERIFY(!dialog.hostField()->isEnabled());
        dialog.usernameField()->setText(u"host"_s);
        dialog.passwordField()->setText(u"correct horse"_s);
        QTest::mouseClick(dialog.createAccountButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(local.isRunning());
        QCOMPARE(client.state(), ChatClient::State::Online);
        // The token is a secret: the keychain's (TokenVault), never the settings file's.
        QVERIFY(!m_settings->contains(u"session/token"_s));
        QCOMPARE(m_settings->value(u"session/url"_s).toUrl(), local.localUrl());
        QVERIFY(m_settings->value(u"server/hostLocally"_s).toBool());

        MainWindow window(client, &local);
        window.show();
        // A colleague joins the hosted server and talks.
        // Hosting is encrypted; the colleague trusts the certificate whose fingerprint the
        // status bar shows.
        QCOMPARE(local.localUrl().scheme(), u"wss"_s);
        QVERIFY(!local.fingerprint().isEmpty());
        bool shown = false;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
            shown = shown || label->text().contains(fingerprintInTwo(local.fingerprint(), u"\n"));
        QVERIFY(shown);
        QCOMPARE(fingerprintText(trustHostedCertificate(local)), local.fingerprint());
        TestClient colleague;
        QVERIFY(colleague.connectAs(local.localUrl(), u"colleague"_s));
        QCOMPARE(typeOf(colleague.send(u"general"_s, u"hello from across the office"_s)),
                 Type::MessageSendOk);
        QTRY_VERIFY(shownBodies(window.messageView()).contains(u"hello from across the office"_s));
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
