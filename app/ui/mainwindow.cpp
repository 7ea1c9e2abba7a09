#include "ui/mainwindow.h"

#include "core/chatclient.h"
#include "core/links.h"
#include "core/membermodel.h"
#include "core/messagemodel.h"
#include "core/moderationtext.h"
#include "core/quotetips.h"
#include "core/roomlistmodel.h"
#include "core/tickers.h"
#include "core/watchlist.h"
#include "ui/composecontext.h"
#include "ui/connectdialog.h"
#include "ui/desktray.h"
#include "ui/languages.h"
#include "ui/listdelegates.h"
#include "ui/localserver.h"
#include "ui/messagedelegate.h"
#include "ui/messageinput.h"
#include "ui/messagepointer.h"
#include "ui/motdbanner.h"
#include "ui/newdirectdialog.h"
#include "ui/newroomdialog.h"
#include "ui/onlinedialog.h"
#include "ui/profiledialog.h"
#include "ui/quickswitcher.h"
#include "ui/quotecards.h"
#include "ui/reconnectbanner.h"
#include "ui/roomsection.h"
#include "ui/searchdialog.h"
#include "ui/serveradmindialog.h"
#include "ui/settingsdialog.h"
#include "ui/tones.h"
#include "ui/watchlistpanel.h"

#include "finchat/fingerprint.h"
#include "finchat/protocol.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;
using Client::ChatClient;
using Client::ChatMessage;
using Client::MessageModel;
using Client::RoomListModel;

namespace {
// Pixels from the bottom within which a reader counts as reading the newest messages.
constexpr int FollowingSlack = 40;

// A menu made for what was right-clicked in a list: shown there, gone once closed.
void popUp(QMenu *menu, const QAbstractItemView *list, const QPoint &at)
{
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(list->viewport()->mapToGlobal(at));
}

QWidget *column(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    for (QWidget *widget : widgets)
        layout->addWidget(widget);
    return box;
}
} // namespace

MainWindow::MainWindow(ChatClient &client, LocalServer *localServer, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_localServer(localServer)
    , m_rooms(new QListView(this))
    , m_directs(new QListView(this))
    , m_roomSection(new RoomSection(RoomSection::Kind::Rooms, client.rooms(), this))
    , m_directSection(new RoomSection(RoomSection::Kind::DirectConversations, client.rooms(), this))
    , m_messages(new QListView(this))
    , m_members(new QListView(this))
    , m_loadingOlder(new QProgressBar(this))
    , m_input(new MessageInput(this))
    , m_compose(new ComposeContext(this))
    , m_roomTitle(heading(QString(), this))
    , m_roomTopic(new QLabel(this))
    , m_lengthNote(new QLabel(this))
    , m_connection(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_hosting(new QLabel(this))
    , m_leave(new QPushButton(tr("Leave"), this))
    , m_tray(new DeskTray(*this))
    , m_moderation(client, this)
{
    setWindowTitle(tr("FinChat"));
    resize(1100, 680);

    setUpRoomList(m_rooms, m_roomSection);
    setUpRoomList(m_directs, m_directSection);
    m_rooms->setAccessibleName(tr("Rooms"));
    m_directs->setAccessibleName(tr("Direct messages"));
    m_messages->setAccessibleName(tr("Conversation"));
    m_members->setAccessibleName(tr("Members"));
    m_input->setAccessibleName(tr("Message"));
    auto *newRoom = new QPushButton(tr("New room…"), this);
    m_leave->setObjectName(u"leaveButton"_s);
    auto *newDirect = new QPushButton(tr("New message…"), this);
    newDirect->setObjectName(u"newDirectButton"_s);
    connect(newDirect, &QPushButton::clicked, this, &MainWindow::askWhomToWrite);
    auto *roomButtons = new QWidget(this);
    auto *roomButtonRow = new QHBoxLayout(roomButtons);
    roomButtonRow->setContentsMargins(0, 0, 0, 0);
    roomButtonRow->addWidget(newRoom);
    roomButtonRow->addWidget(m_leave);

    auto *delegate = new MessageDelegate(m_messages);
    m_messages->setItemDelegate(delegate);
    m_messages->setResizeMode(QListView::Adjust);
    m_messages->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_messages->setSelectionMode(QAbstractItemView::NoSelection);
    m_messages->installEventFilter(this); // typing there goes to the input
    m_input->installEventFilter(this);    // Page Up/Down there scroll the conversation
    m_messages->setWordWrap(true);
    m_messages->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_messages, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (const QModelIndex index = m_messages->indexAt(at); index.isValid())
            popUp(messageMenu(index), m_messages, at);
    });
    // Links open with a click, and text is selected by dragging over it (Ctrl+C copies).
    auto *pointer = new MessagePointer(m_messages, delegate);
    connect(pointer, &MessagePointer::linkActivated, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
    // Tickers are chips; resting on one shows its latest quote, asked through the server.
    delegate->setTickerRule(tickerRule());
    connect(pointer, &MessagePointer::tickerPointedAt, this,
            [this](const QString &code, const QPoint &at) {
                m_quoteTipAt = at;
                showQuoteTip(code);
            });
    connect(m_client.quoteTips(), &Client::QuoteTips::arrived, this,
            [this, pointer](const QString &code) {
                // Only while the pointer still rests on that chip: an answer that took its
                // time must not pop up over whatever is there now.
                if (code == pointer->pointedTicker() && m_messages->viewport()->underMouse())
                    showQuoteTip(code);
            });
    // Scrolling moves the text under a resting pointer: it no longer rests on the chip.
    connect(m_messages->verticalScrollBar(), &QScrollBar::valueChanged, pointer,
            &MessagePointer::forgetTicker);
    m_loadingOlder->setRange(0, 0);
    m_loadingOlder->setMaximumHeight(6);
    m_loadingOlder->setTextVisible(false);
    m_loadingOlder->hide();
    m_input->setMaximumHeight(90);

    m_members->setItemDelegate(new MemberDelegate(m_members));
    m_members->setSelectionMode(QAbstractItemView::NoSelection);
    m_members->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_members, &QListView::activated, this, [this](const QModelIndex &index) {
        openProfile(index.data(Client::MemberModel::UserRole).toString());
    });
    connect(m_members, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (const QModelIndex index = m_members->indexAt(at); index.isValid()) {
            if (QMenu *menu = memberMenu(index))
                popUp(menu, m_members, at);
        }
    });

    auto *splitter = new QSplitter(this);
    splitter->addWidget(
        column(splitter, {heading(tr("Rooms"), this), m_rooms, roomButtons,
                          heading(tr("Direct messages"), this), m_directs, newDirect}));
    m_roomTopic->setObjectName(u"roomTopic"_s);
    // A long topic is cut at the window's edge rather than widening the window.
    m_roomTopic->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_roomTopic->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_roomTopic->setTextFormat(Qt::PlainText); // anyone's words: never markup
    m_lengthNote->setObjectName(u"lengthNote"_s);
    m_lengthNote->setAlignment(Qt::AlignRight);
    m_lengthNote->hide();
    splitter->addWidget(column(
        splitter, {new ReconnectBanner(client, this), new MotdBanner(client, this), m_roomTitle,
                   m_roomTopic, m_loadingOlder, m_messages, m_compose, m_input, m_lengthNote}));
    // The right column: the room's members, and under them the user's watchlist (shown
    // while the server keeps watchlists, that is has a bot that gives quotes).
    auto *sideColumn = new QSplitter(Qt::Vertical, splitter);
    sideColumn->addWidget(column(sideColumn, {heading(tr("Members"), this), m_members}));
    auto *watchlist = new WatchlistPanel(*client.watchlist(), sideColumn);
    sideColumn->addWidget(watchlist);
    sideColumn->setStretchFactor(0, 1);
    sideColumn->setStretchFactor(1, 2);
    watchlist->setVisible(client.watchlist()->isAvailable());
    connect(client.watchlist(), &Client::Watchlist::availabilityChanged, watchlist,
            &QWidget::setVisible);
    connect(client.watchlist(), &Client::Watchlist::alertTriggered, this,
            [this](const QString &text) {
                showNotice(text);
                m_tray->notify(tr("Price alert"), text, QString());
            });
    splitter->addWidget(sideColumn);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({200, 660, 240});
    setCentralWidget(splitter);

    statusBar()->addWidget(m_connection);
    // Notices wrap rather than being cut off beside the hosting details in a small window.
    m_notice->setObjectName(u"notice"_s);
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(20'000);
    // Like a status bar's temporary message, a notice takes the connection state's place.
    connect(&m_noticeTimer, &QTimer::timeout, this, [this] {
        m_notice->hide();
        m_connection->show();
    });
    statusBar()->addWidget(m_notice, 1);
    statusBar()->addPermanentWidget(m_hosting);
    if (m_localServer && m_localServer->isRunning()) {
        const QStringList addresses = m_localServer->lanAddresses();
        m_hosting->setText(
            (addresses.isEmpty()
                 ? tr("Hosting on port %1").arg(m_localServer->port())
                 : tr("Hosting — colleagues can join at %1").arg(addresses.join(u", "_s))) +
            u'\n' +
            tr("Certificate fingerprint: %1")
                .arg(fingerprintInTwo(m_localServer->fingerprint(), u"\n")));
        m_hosting->setToolTip(tr("When a colleague's FinChat asks whether to trust this server, "
                                 "they compare the fingerprint it shows with this one."));
        m_hosting->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    addAppMenu();
    addGoMenu();

    connect(m_tray, &DeskTray::quitRequested, this, &MainWindow::quit);
    connect(m_tray, &DeskTray::roomRequested, this, [this](const QString &room) {
        if (m_client.joinedRooms().contains(room))
            showRoom(room);
    });
    RoomListModel *rooms = client.rooms();
    // Any change of the room list may change the unread total and the shown room's topic.
    connect(rooms, &QAbstractItemModel::modelReset, this, &MainWindow::onRoomListChanged);
    connect(rooms, &QAbstractItemModel::rowsInserted, this, &MainWindow::onRoomListChanged);
    connect(rooms, &QAbstractItemModel::rowsRemoved, this, &MainWindow::onRoomListChanged);
    connect(rooms, &QAbstractItemModel::dataChanged, this, &MainWindow::onRoomListChanged);

    connect(m_input, &MessageInput::submitted, this, [this](const QString &text) {
        if (m_currentRoom.isEmpty())
            return;
        if (const auto editing = m_compose->editing()) {
            saveEdit(*editing, text);
            return;
        }
        followNewest(); // what one sends is what one reads next, wherever one had scrolled
        m_client.messages(m_currentRoom)->clearUnreadMark();
        m_client.sendMessage(m_currentRoom, text, m_compose->replyingTo());
        m_compose->clear();
    });
    connect(m_compose, &ComposeContext::cancelled, this, &MainWindow::cancelCompose);
    // A reconnect lists the rooms afresh; the room on screen stays the one marked.
    connect(client.rooms(), &QAbstractItemModel::modelReset, this, &MainWindow::markCurrentRoom);
    connect(newRoom, &QPushButton::clicked, this, &MainWindow::askToCreateRoom);
    connect(m_leave, &QPushButton::clicked, this, [this] {
        if (!m_currentRoom.isEmpty())
            m_client.leaveRoom(m_currentRoom);
    });
    connect(m_messages->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &MainWindow::onScrolled);
    // New rows, a resize, rewrapped text: a reader at the newest message stays there.
    connect(m_messages->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            [this](int, int maximum) {
                if (m_followingNewest)
                    m_messages->verticalScrollBar()->setValue(maximum);
            });
    connect(&client, &ChatClient::stateChanged, this, &MainWindow::updateConnectionState);
    connect(&client, &ChatClient::stateChanged, this,
            [this] { m_input->setMaxLength(m_client.maxBodyLength()); });
    connect(m_input, &MessageInput::lengthNote, this, [this](const QString &text, bool tooLong) {
        say(m_lengthNote, text, tooLong ? &Tones::error : &Tones::muted);
    });
    connect(&client, &ChatClient::commandsChanged, this, [this] {
        QStringList usages;
        for (const Protocol::CommandInfo &command : m_client.commands())
            usages.append(command.usage);
        m_input->setCommands(usages);
    });
    connect(&client, &ChatClient::roomJoined, this, [this](const QString &room) {
        if (room == m_showWhenJoined || m_currentRoom.isEmpty() ||
            !m_client.joinedRooms().contains(m_currentRoom)) {
            m_showWhenJoined.clear();
            showRoom(room);
        }
    });
    connect(&client, &ChatClient::roomLeft, this, [this](const QString &room) {
        if (room == m_currentRoom) {
            const QStringList joined = m_client.joinedRooms();
            showRoom(joined.isEmpty()                         ? QString()
                     : joined.contains(Protocol::DefaultRoom) ? QString(Protocol::DefaultRoom)
                                                              : joined.first());
        }
    });
    connect(&client, &ChatClient::requestFailed, this,
            [this](const QString &text) { showNotice(text); });
    m_muteEnds.setSingleShot(true);
    connect(&m_muteEnds, &QTimer::timeout, this, &MainWindow::showMuteState);
    connect(&client, &ChatClient::muteChanged, this, [this](const QString &room) {
        if (room == m_currentRoom)
            showMuteState();
    });
    connect(&client, &ChatClient::roomRenamed, this,
            [this](const QString &from, const QString &to) {
                showNotice(tr("#%1 is now called #%2.").arg(from, to));
                if (m_currentRoom == from)
                    m_showWhenJoined = to;
            });
    connect(&client, &ChatClient::removedFromRoom, this,
            [this](const QString &room, const QString &text) {
                showNotice(tr("#%1: %2").arg(room, text));
            });
    connect(&client, &ChatClient::notificationDue, this, &MainWindow::notifyMention);
    connect(&client, &ChatClient::sessionEnded, this, [this](const QString &text) {
        // From the event loop, not from inside the socket's signal: the dialog runs its own.
        QMetaObject::invokeMethod(
            this, [this, text] { askToLogInAgain(text); }, Qt::QueuedConnection);
    });

    m_client.setHighlightWords(m_settings.value(u"notifications/keywords"_s).toStringList());
    applyNotifySettings();

    // What the client already has (a login that happened before this window).
    emit client.commandsChanged();
    m_input->setMaxLength(client.maxBodyLength());
    showPreferredRoom();
    updateConnectionState();
}

void MainWindow::setUpRoomList(QListView *view, RoomSection *section)
{
    view->setModel(section);
    view->setItemDelegate(new RoomDelegate(view));
    view->setTextElideMode(Qt::ElideMiddle); // "Bob, Carol, … (2)": the count stays in view
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &at) {
        const QString room = view->indexAt(at).data(RoomListModel::NameRole).toString();
        if (!room.isEmpty())
            popUp(roomMenu(room), view, at);
    });
    connect(view, &QListView::clicked, this, &MainWindow::onRoomActivated);
    connect(view, &QListView::activated, this, &MainWindow::onRoomActivated);
    // Arrow keys through the list show each joined room as they reach it.
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this, view](const QModelIndex &current) {
                const QString room = current.data(RoomListModel::NameRole).toString();
                if (current.data(RoomListModel::JoinedRole).toBool() && room != m_currentRoom)
                    showRoom(room, !view->hasFocus());
            });
}

void MainWindow::showPreferredRoom()
{
    const QStringList joined = m_client.joinedRooms();
    if (joined.contains(m_currentRoom))
        showRoom(m_currentRoom);
    else if (!joined.isEmpty())
        showRoom(joined.contains(Protocol::DefaultRoom) ? QString(Protocol::DefaultRoom)
                                                        : joined.first());
}

void MainWindow::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_connection->hide();
    m_notice->show();
    m_noticeTimer.start();
}

void MainWindow::askToLogInAgain(const QString &why)
{
    if (!m_localServer) {
        QMessageBox::information(this, tr("FinChat"), why);
        return;
    }
    // The session is over: the login dialog again, saying why, as at the start.
    QSettings settings;
    ConnectDialog dialog(m_client, *m_localServer, settings, this);
    dialog.showNotice(why);
    hide();
    if (dialog.exec() != QDialog::Accepted) {
        quit();
        return;
    }
    show();
    applyNotifySettings(); // perhaps another server's
    showPreferredRoom();   // another account may have logged in: its rooms, not the last ones
}

void MainWindow::addAppMenu()
{
    QMenu *app = menuBar()->addMenu(tr("&FinChat"));
    QAction *settings = app->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(u"settingsAction"_s);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    // For moderators and admins only, as far as the member lists know.
    QAction *administer =
        app->addAction(tr("Server &administration…"), this, &MainWindow::openServerAdmin);
    administer->setObjectName(u"serverAdminAction"_s);
    connect(app, &QMenu::aboutToShow, this, [this, administer] {
        administer->setVisible(m_client.myRole() >= Protocol::Role::Moderator);
    });
    QAction *about = app->addAction(tr("&About FinChat"), this, &MainWindow::showAbout);
    about->setObjectName(u"aboutAction"_s);
    about->setMenuRole(QAction::AboutRole);
    app->addSeparator();
    QAction *quitAction = app->addAction(tr("&Quit"), this, &MainWindow::quit);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
}

void MainWindow::addGoMenu()
{
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(tr("&Go to room…"), QKeySequence(Qt::CTRL | Qt::Key_K), this,
                  &MainWindow::openQuickSwitcher);
    go->addAction(tr("&Previous room"), QKeySequence(Qt::ALT | Qt::Key_Up), this,
                  [this] { stepThroughRooms(-1); });
    go->addAction(tr("&Next room"), QKeySequence(Qt::ALT | Qt::Key_Down), this,
                  [this] { stepThroughRooms(+1); });
    go->addSeparator();
    go->addAction(tr("&Search messages…"), QKeySequence::Find, this, &MainWindow::openSearch);
    go->addAction(tr("&Who's online…"), this, &MainWindow::openOnlineList);
}

QString MainWindow::notifySettingsGroup() const
{
    // Per server: two servers may each have a #general.
    return u"notify/"_s + QString::fromLatin1(QUrl::toPercentEncoding(
                              m_client.serverUrl().authority(), QByteArray(), "/"));
}

void MainWindow::applyNotifySettings()
{
    m_client.rooms()->clearNotify(); // this server's settings only
    m_settings.beginGroup(notifySettingsGroup());
    for (const QString &room : m_settings.childKeys())
        m_client.rooms()->setNotify(
            room, static_cast<RoomListModel::Notify>(m_settings.value(room).toInt()));
    m_settings.endGroup();
}

Client::TickerRule MainWindow::tickerRule() const
{
    Client::TickerRule rule;
    const QString pattern = m_settings.value(u"tickers/pattern"_s).toString();
    if (!pattern.isEmpty() && !rule.setPattern(pattern))
        qWarning("ignoring the setting tickers/pattern: not a valid regular expression");
    rule.setMarket(
        m_settings
            .value(u"tickers/market"_s, QString::fromLatin1(Client::TickerRule::DefaultMarket))
            .toString());
    return rule;
}

void MainWindow::showQuoteTip(const QString &code)
{
    const auto answer = m_client.quoteTips()->lookUp(code);
    const QString text =
        answer ? QuoteCards::tipText(answer->quote.value_or(QJsonObject()).toVariantMap(),
                                     answer->text, Languages::displayLocale())
               : tr("%1: asking for the latest quote…").arg(code.toUpper());
    QToolTip::showText(m_quoteTipAt, text, m_messages->viewport());
}

QMenu *MainWindow::messageMenu(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    const QString body = index.data(MessageModel::BodyRole).toString();
    QAction *copy = menu->addAction(tr("Copy text"), this,
                                    [body] { QGuiApplication::clipboard()->setText(body); });
    copy->setObjectName(u"copyText"_s);
    for (const Client::Link &link : Client::linksIn(body)) {
        const QUrl url = link.url;
        menu->addSeparator();
        const QString shown = url.toDisplayString();
        QString label = shown;
        label.replace(u'&', u"&&"_s); // not a keyboard accelerator
        QAction *open = menu->addAction(tr("Open %1").arg(label), this,
                                        [url] { QDesktopServices::openUrl(url); });
        open->setObjectName(u"openLink"_s);
        QAction *copyLink = menu->addAction(
            tr("Copy link"), this, [shown] { QGuiApplication::clipboard()->setText(shown); });
        copyLink->setObjectName(u"copyLink"_s);
    }
    addConversationActions(menu, index);
    m_moderation.addMessageActions(menu, m_currentRoom, index);
    return menu;
}

ServerAdminDialog *MainWindow::openServerAdmin()
{
    if (!m_serverAdmin) {
        m_serverAdmin = new ServerAdminDialog(m_client, this);
        m_serverAdmin->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_serverAdmin->show();
    m_serverAdmin->raise();
    m_serverAdmin->activateWindow();
    return m_serverAdmin;
}

QMenu *MainWindow::memberMenu(const QModelIndex &index)
{
    const QString user = index.data(Client::MemberModel::UserRole).toString();
    auto *menu = new QMenu(this);
    menu->addSection(m_client.members(m_currentRoom)->shownName(user));
    QAction *profile =
        menu->addAction(tr("View profile"), this, [this, user] { openProfile(user); });
    profile->setObjectName(u"viewProfile"_s);
    const bool bot = index.data(Client::MemberModel::BotRole).toBool();
    if (!bot && user != m_client.username()) {
        QAction *write = menu->addAction(tr("Send a direct message"), this,
                                         [this, user] { openDirect({user}); });
        write->setObjectName(u"messageMember"_s);
    }
    m_moderation.addMemberActions(menu, m_currentRoom, user, bot);
    return menu;
}

SearchDialog *MainWindow::openSearch()
{
    if (!m_search) {
        m_search = new SearchDialog(m_client, this);
        m_search->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_search, &SearchDialog::resultChosen, this, &MainWindow::showMessage);
    }
    m_search->show();
    m_search->raise();
    m_search->activateWindow();
    m_search->queryField()->setFocus();
    return m_search;
}

QCoro::Task<> MainWindow::showMessage(QString room, qint64 id)
{
    QPointer<MainWindow> self(this);
    if (!m_client.joinedRooms().contains(room)) { // left since the search
        showNotice(tr("You are no longer in %1.").arg(m_client.rooms()->shownName(room)));
        co_return;
    }
    if (room != m_currentRoom)
        showRoom(room);
    auto revealing = m_client.reveal(room, id);
    const bool shown = co_await revealing;
    if (!self || room != m_currentRoom)
        co_return; // the person went elsewhere meanwhile
    const int row = m_client.messages(room)->rowOfId(id);
    if (!shown || row < 0) {
        showNotice(tr("That message is too far back to show here."));
        co_return;
    }
    // Where it was written, in the middle of the view, its text marked; the view stays there
    // however many messages arrive.
    m_followingNewest = false;
    const QModelIndex index = m_messages->model()->index(row, 0);
    m_messages->scrollTo(index, QAbstractItemView::PositionAtCenter);
    if (auto *delegate = qobject_cast<MessageDelegate *>(m_messages->itemDelegate()))
        delegate->setSelection(index, 0, index.data(MessageModel::BodyRole).toString().size());
    m_messages->viewport()->update();
}

OnlineDialog *MainWindow::openOnlineList()
{
    auto *dialog = new OnlineDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OnlineDialog::profileWanted, this, &MainWindow::openProfile);
    dialog->show();
    return dialog;
}

ProfileDialog *MainWindow::openProfile(const QString &user)
{
    auto *dialog = new ProfileDialog(m_client, user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileDialog::directMessageWanted, this,
            [this](const QString &to) { openDirect({to}); });
    dialog->show();
    return dialog;
}

QCoro::Task<> MainWindow::openDirect(QStringList users)
{
    QPointer<MainWindow> self(this);
    auto opening = m_client.openDirect(std::move(users));
    const QString room = co_await opening;
    if (self && !room.isEmpty()) // a refusal was said through requestFailed
        goToRoom(room);
}

NewDirectDialog *MainWindow::askWhomToWrite()
{
    auto *dialog = new NewDirectDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { openDirect(dialog->chosen()); });
    dialog->open();
    return dialog;
}

QMenu *MainWindow::roomMenu(const QString &room)
{
    auto *menu = new QMenu(this);
    RoomListModel *rooms = m_client.rooms();
    const bool joined = m_client.joinedRooms().contains(room);
    auto *choices = new QActionGroup(menu);
    const auto offer = [&](RoomListModel::Notify notify, const QString &text, const QString &name) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        action->setCheckable(true);
        action->setChecked(rooms->notify(room) == notify);
        choices->addAction(action);
        connect(action, &QAction::triggered, this, [this, room, notify] {
            m_client.rooms()->setNotify(room, notify);
            m_settings.setValue(notifySettingsGroup() + u'/' + room, static_cast<int>(notify));
            updateUnreadBadge();
        });
    };
    menu->addSection(tr("Notify me of"));
    offer(RoomListModel::Notify::All, tr("Every message"), u"notifyAll"_s);
    offer(RoomListModel::Notify::Mentions, tr("My name and watched words"), u"notifyMentions"_s);
    offer(RoomListModel::Notify::Muted, tr("Nothing (mute)"), u"notifyMuted"_s);
    if (rooms->isDirect(room))
        return menu; // one's own for good: never left, never joined
    menu->addSeparator();
    if (joined)
        menu->addAction(tr("Leave #%1").arg(room), this,
                        [this, room] { m_client.leaveRoom(room); });
    else
        menu->addAction(tr("Join #%1").arg(room), this, [this, room] { goToRoom(room); });
    return menu;
}

void MainWindow::openQuickSwitcher()
{
    auto *switcher = new QuickSwitcher(m_client.rooms(), this);
    switcher->setAttribute(Qt::WA_DeleteOnClose);
    connect(switcher, &QuickSwitcher::roomChosen, this, &MainWindow::goToRoom);
    switcher->open();
}

void MainWindow::goToRoom(const QString &room)
{
    if (m_client.joinedRooms().contains(room)) {
        showRoom(room);
        return;
    }
    m_showWhenJoined = room;
    m_client.joinRoom(room);
}

// Alt+Up and Alt+Down: the joined rooms in the list's order, wrapping around.
void MainWindow::stepThroughRooms(int step)
{
    const QStringList joined = m_client.joinedRooms(); // in the list's order
    if (joined.isEmpty())
        return;
    const auto at = joined.indexOf(m_currentRoom);
    const auto count = joined.size();
    showRoom(joined.at(((at < 0 ? 0 : at + step) % count + count) % count));
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_client, m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // After the dialog has closed: logging out opens the login dialog.
    connect(dialog, &SettingsDialog::logOutRequested, this, &MainWindow::logOut,
            Qt::QueuedConnection);
    connect(dialog, &SettingsDialog::keywordsChanged, this,
            [this](const QStringList &words) { m_client.setHighlightWords(words); });
    dialog->open();
}

void MainWindow::logOut()
{
    m_client.logOut();
    emit loggedOut();
    askToLogInAgain(tr("You have logged out."));
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(u"aboutBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(QApplication::windowIcon().pixmap(64));
    box->setWindowTitle(tr("About FinChat"));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>FinChat %1</h3><p>Chat for people who talk about markets: rooms, "
                    "quotes from the stock bot, a server on your own network.</p>"
                    "<p>MIT licence. Built with Qt %2, running on Qt %3.</p>")
                     .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                          QString::fromLatin1(qVersion())));
    box->open();
}

void MainWindow::addConversationActions(QMenu *menu, const QModelIndex &index)
{
    const qint64 id = index.data(MessageModel::IdRole).toLongLong();
    const auto kind = static_cast<ChatMessage::Kind>(index.data(MessageModel::KindRole).toInt());
    if (id == 0 || kind != ChatMessage::Kind::Message ||
        index.data(MessageModel::DeletedRole).toBool())
        return;
    menu->addSeparator();
    const QString author = index.data(MessageModel::DisplayNameRole).toString();
    const QString body = index.data(MessageModel::BodyRole).toString();
    QAction *reply = menu->addAction(tr("Reply"), this, [this, id, author, body] {
        if (m_compose->editing())
            m_input->setPlainText(std::exchange(m_draft, {})); // the edited text was no reply
        m_compose->replyTo(id, author, body);
        m_input->setFocus();
    });
    reply->setObjectName(u"replyToMessage"_s);
    if (!m_client.canEdit(index))
        return;
    QAction *edit = menu->addAction(tr("Edit"), this, [this, id, body] {
        if (!m_compose->editing())
            m_draft = m_input->toPlainText(); // back in the input when the edit is done
        m_compose->edit(id);
        m_input->setPlainText(body);
        m_input->moveCursor(QTextCursor::End);
        m_input->setFocus();
    });
    edit->setObjectName(u"editMessage"_s);
}

void MainWindow::cancelCompose()
{
    if (m_compose->editing()) // the message keeps its text; what was being typed comes back
        m_input->setPlainText(std::exchange(m_draft, {}));
    m_compose->clear();
}

QCoro::Task<> MainWindow::saveEdit(qint64 id, QString text)
{
    QPointer<MainWindow> self(this);
    auto saving = m_client.editMessage(id, text);
    const bool saved = co_await saving;
    if (!self || m_compose->editing() != id)
        co_return; // the person moved on meanwhile
    if (saved) {
        m_compose->clear();
        m_input->setPlainText(std::exchange(m_draft, {}));
    } else if (m_input->toPlainText().isEmpty()) {
        m_input->setPlainText(text); // refused: the text waits to be fixed or cancelled
    }
}

void MainWindow::showRoom(const QString &room, bool focusInput)
{
    if (m_compose->isActive()) // a reply or an edit belongs to the room it was started in
        cancelCompose();
    if (m_shownModel)
        m_shownModel->disconnect(this);
    m_currentRoom = room;
    markWhatIsNew();
    m_client.setCurrentRoom(room);
    showRoomHeader();
    m_input->setEnabled(!room.isEmpty());
    showMuteState();
    if (room.isEmpty()) {
        m_messages->setModel(nullptr);
        m_members->setModel(nullptr);
        return;
    }
    MessageModel *model = m_client.messages(room);
    m_shownModel = model;
    m_messages->setModel(model);
    m_members->setModel(m_client.members(room));
    connect(model, &MessageModel::rowsInserted, this, &MainWindow::onMessagesInserted);
    connect(model, &MessageModel::modelReset, this, &MainWindow::followNewest);
    connect(model, &MessageModel::loadingOlderChanged, m_loadingOlder, &QWidget::setVisible);
    m_loadingOlder->setVisible(model->isLoadingOlder());
    markCurrentRoom();
    followNewest();
    if (focusInput)
        m_input->setFocus();
}

void MainWindow::showMuteState()
{
    const auto until = m_client.mutedUntil(m_currentRoom);
    m_input->setClosedBecause(until ? Client::ModerationText::mutedHere(*until) : QString());
    if (until) // open again when it runs out
        m_muteEnds.start(std::max<qint64>(0, *until - QDateTime::currentMSecsSinceEpoch()) + 500);
    else
        m_muteEnds.stop();
}

void MainWindow::markWhatIsNew()
{
    if (m_currentRoom.isEmpty())
        return;
    const int unread = m_client.rooms()->unread(m_currentRoom);
    // Coming back to a room with nothing new keeps the line where the reader last saw it.
    if (unread > 0)
        m_client.messages(m_currentRoom)->markUnread(unread);
}

void MainWindow::markCurrentRoom()
{
    // In its section; the other has none marked.
    for (const auto &[view, section] :
         {std::pair{m_rooms, m_roomSection}, std::pair{m_directs, m_directSection}}) {
        const QModelIndex shown = section->indexOf(m_currentRoom);
        if (shown.isValid())
            view->setCurrentIndex(shown);
        else
            view->selectionModel()->clear();
    }
}

void MainWindow::onRoomActivated(const QModelIndex &index)
{
    goToRoom(index.data(RoomListModel::NameRole).toString());
}

void MainWindow::followNewest()
{
    m_followingNewest = true;
    m_messages->scrollToBottom();
}

void MainWindow::onScrolled(int value)
{
    QScrollBar *bar = m_messages->verticalScrollBar();
    m_followingNewest = value >= bar->maximum() - FollowingSlack;
    // Reaching the top asks for older messages.
    if (value == bar->minimum() && m_shownModel && m_shownModel->hasOlder() &&
        !m_shownModel->isLoadingOlder()) {
        m_olderRequested = true;
        m_client.fetchOlder(m_currentRoom);
    }
}

void MainWindow::onMessagesInserted(const QModelIndex &, int first, int last)
{
    // New messages below need nothing here: the scroll range's change follows them.
    if (first != 0 || !m_olderRequested || last + 1 >= m_shownModel->rowCount())
        return;
    // Older messages above: the message that was at the top stays at the top, so the reader
    // keeps their place (and the view is not at the top again, asking for more).
    m_olderRequested = false;
    const QPersistentModelIndex anchor = m_shownModel->index(last + 1);
    m_messages->scrollTo(anchor, QAbstractItemView::PositionAtTop);
    QTimer::singleShot(0, this, [this, anchor] {
        if (anchor.isValid())
            m_messages->scrollTo(anchor, QAbstractItemView::PositionAtTop);
    });
}

void MainWindow::askToCreateRoom()
{
    auto *dialog = new NewRoomDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_showWhenJoined = dialog->name(); // one's new room is where one goes next
        m_client.createRoom(dialog->name(), dialog->topic());
    });
    dialog->open();
}

void MainWindow::updateConnectionState()
{
    const QString server = m_client.serverUrl().authority();
    switch (m_client.state()) {
    case ChatClient::State::Online:
        m_connection->setText(tr("Connected to %1 as %2").arg(server, m_client.username()));
        break;
    case ChatClient::State::Reconnecting:
        m_connection->setText(tr("Connection lost — reconnecting to %1…").arg(server));
        break;
    case ChatClient::State::Connecting:
    case ChatClient::State::LoggingIn:
        m_connection->setText(tr("Connecting to %1…").arg(server));
        break;
    case ChatClient::State::Offline:
        m_connection->setText(tr("Offline"));
        break;
    }
}

// A click on a bubble or the scrollbar leaves the focus in the conversation; text typed then
// belongs in the input, as in every chat app, not lost in the list. Keys that move through
// the list (arrows, Page Up/Down) and shortcuts stay with it.
bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            m_messages->verticalScrollBar()->triggerAction(
                key == Qt::Key_PageUp ? QAbstractSlider::SliderPageStepSub
                                      : QAbstractSlider::SliderPageStepAdd);
            return true;
        }
        if (key == Qt::Key_Escape && m_compose->isActive()) {
            cancelCompose();
            return true;
        }
    }
    if (watched == m_messages && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool shortcut =
            key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
        const bool typing = !key->text().isEmpty() && key->text().front().isPrint();
        if (typing && !shortcut) {
            m_input->setFocus(Qt::OtherFocusReason);
            QCoreApplication::sendEvent(m_input, event);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange) {
        m_client.setActive(isActiveWindow());
        if (isActiveWindow()) {
            markWhatIsNew();
            m_client.setCurrentRoom(m_currentRoom); // what is on screen is read
        }
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::notifyMention(const QString &room, const QString &from, const QString &body)
{
    // A direct conversation with one person is called after them: their name says it all.
    const QString where = m_client.rooms()->shownName(room);
    m_tray->notify(where == from ? from : tr("%1 in %2").arg(from, where), body.left(200), room);
}

void MainWindow::onRoomListChanged()
{
    updateUnreadBadge();
    showRoomHeader();
}

void MainWindow::showRoomHeader()
{
    const RoomListModel *rooms = m_client.rooms();
    const bool direct = rooms->isDirect(m_currentRoom);
    // A direct conversation's title follows its people's names.
    const QString shown = rooms->shownName(m_currentRoom);
    m_roomTitle->setText(m_currentRoom.isEmpty() ? tr("No room") : shown);
    m_messages->setAccessibleName(tr("Conversation in %1").arg(shown));
    m_members->setAccessibleName(tr("Members of %1").arg(shown));
    m_input->setAccessibleName(tr("Message to %1").arg(shown));
    m_leave->setEnabled(!m_currentRoom.isEmpty() && !direct);
    m_leave->setToolTip(direct ? tr("A direct conversation stays among your conversations.")
                               : QString());
    const QString topic = direct
                              ? tr("Only the people in this conversation can read it.")
                              : rooms->dataOf(m_currentRoom, RoomListModel::TopicRole).toString();
    m_roomTopic->setText(topic);
    m_roomTopic->setToolTip(topic.toHtmlEscaped());
    m_roomTopic->setVisible(!topic.isEmpty());
}

void MainWindow::updateUnreadBadge()
{
    const QAbstractItemModel *rooms = m_client.rooms();
    int unread = 0;
    for (int row = 0; row < rooms->rowCount(); ++row) {
        const QModelIndex room = rooms->index(row, 0);
        if (room.data(RoomListModel::NotifyRole).toInt() !=
            static_cast<int>(RoomListModel::Notify::Muted))
            unread += room.data(RoomListModel::UnreadRole).toInt();
    }
    m_tray->setUnreadCount(unread);
}

void MainWindow::quit()
{
    m_quitting = true;
    if (!close())
        m_quitting = false;
}

int MainWindow::peopleHostedHereBesidesMe() const
{
    if (!m_localServer || !m_localServer->isRunning())
        return 0;
    const bool meHere = m_client.state() == ChatClient::State::Online &&
                        m_client.serverUrl().port() == m_localServer->port() &&
                        QHostAddress(m_client.serverUrl().host()).isLoopback();
    return m_localServer->onlineUserCount() - (meHere ? 1 : 0);
}

// Closing goes to the tray while there is one, so notifications keep coming; quitting stops
// the hosted server, which the person confirms when others are connected to it.
void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_tray->isAvailable() && !m_quitting) {
        event->ignore();
        hide();
        if (!std::exchange(m_toldAboutTray, true))
            m_tray->notify(tr("FinChat is still running"),
                           tr("New messages are announced here. To quit, use Quit in this "
                              "icon's menu."),
                           QString());
        return;
    }
    const int people = peopleHostedHereBesidesMe();
    if (people > 0 && !m_stopHostingAgreed) {
        event->ignore();
        askToStopHosting(people);
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::askToStopHosting(int people)
{
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Stop hosting?"),
                        tr("You are hosting this chat. Quitting FinChat stops the server and "
                           "disconnects everyone else on it (connected now: %1).")
                            .arg(people),
                        QMessageBox::NoButton, this);
    box->setObjectName(u"stopHostingQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *stop =
        box->addButton(tr("Quit and stop the server"), QMessageBox::DestructiveRole);
    stop->setObjectName(u"stopHostingButton"_s);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, stop] {
        if (box->clickedButton() == stop) {
            m_stopHostingAgreed = true;
            m_quitting = true;
            close();
        } else {
            m_quitting = false;
            show(); // it may have been hidden behind the login dialog that led here
        }
    });
    box->open();
}

} // namespace FinChat::Ui
