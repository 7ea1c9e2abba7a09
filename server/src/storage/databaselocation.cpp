#include "storage/databaselocation.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {

// QPSQL hands the options to libpq as they are, with ';' turned into spaces: a value with a
// space or a quote could add a parameter of its own (a password, say).
bool validOption(const QString &key, const QString &value)
{
    static const QRegularExpression name(u"\\A[a-z_]+\\z"_s);
    static const QRegularExpression plain(u"\\A[^\\s'\"\\\\;]+\\z"_s);
    return name.match(key).hasMatch() && plain.match(value).hasMatch();
}

} // namespace

QSqlDatabase PostgresLocation::connection(const QString &connectionName) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    db.setHostName(host);
    db.setPort(port);
    db.setUserName(user);
    db.setDatabaseName(database);
    // A database host that is down or drops packets must not hold the storage thread (or the
    // bus's reconnect) for the minutes the kernel takes to give up, nor a dead peer a query
    // for good: libpq's defaults wait for ever. The URI may say otherwise.
    QStringList connectOptions{u"connect_timeout=5"_s, u"keepalives_idle=30"_s,
                               u"keepalives_interval=10"_s, u"keepalives_count=3"_s};
    const QStringList given = options.isEmpty() ? QStringList() : options.split(u';');
    QStringList givenKeys;
    for (const QString &option : given)
        givenKeys.append(option.section(u'=', 0, 0));
    connectOptions.removeIf([&givenKeys](const QString &option) {
        return givenKeys.contains(option.section(u'=', 0, 0));
    });
    connectOptions.append(given);
    db.setConnectOptions(connectOptions.join(u';'));
    return db;
}

QString PostgresLocation::display() const
{
    const bool socketFolder = host.startsWith(u'/');
    QString shown = u"postgresql://"_s;
    if (!user.isEmpty())
        shown += user + u'@';
    if (!socketFolder)
        shown += host.contains(u':') ? u'[' + host + u']' : host; // IPv6
    if (port > 0)
        shown += u':' + QString::number(port);
    shown += u'/' + database;
    return socketFolder ? shown + u"?host="_s + host : shown;
}

DatabaseLocation DatabaseLocation::of(const PostgresLocation &postgres)
{
    DatabaseLocation location;
    location.m_postgres = postgres;
    return location;
}

DatabaseLocation DatabaseLocation::sqliteFile(const QString &path)
{
    DatabaseLocation location;
    location.m_sqlitePath = path;
    return location;
}

bool DatabaseLocation::looksLikePostgres(const QString &setting)
{
    return setting.startsWith("postgresql://"_L1) || setting.startsWith("postgres://"_L1);
}

std::variant<DatabaseLocation, QString> DatabaseLocation::parse(const QString &setting)
{
    if (!looksLikePostgres(setting))
        return sqliteFile(setting);
    DatabaseLocation location;
    const QUrl url(setting, QUrl::StrictMode);
    if (!url.isValid())
        return u"the database URI is not valid: %1"_s.arg(url.errorString());
    if (!url.password().isEmpty())
        return u"the database URI holds a password; put it in PGPASSWORD or a password file "
               "(PGPASSFILE, ~/.pgpass) instead"_s;
    PostgresLocation postgres;
    postgres.host = url.host(QUrl::FullyDecoded);
    postgres.port = url.port(-1);
    postgres.user = url.userName(QUrl::FullyDecoded);
    postgres.database = url.path(QUrl::FullyDecoded).mid(1);
    // libpq writes a socket folder as the host, percent-encoded ("%2Frun%2Fpostgresql"),
    // which QUrl does not take as a host; so it may also come as ?host=/run/postgresql.
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == "password"_L1)
            return u"the database URI holds a password; put it in PGPASSWORD or a password "
                   "file (PGPASSFILE, ~/.pgpass) instead"_s;
        if (key == "host"_L1)
            postgres.host = value;
        else if (key == "port"_L1) {
            bool isNumber = false;
            postgres.port = value.toInt(&isNumber);
            if (!isNumber || postgres.port < 1 || postgres.port > 65535)
                return u"the database URI's port is not a port: %1"_s.arg(value);
        } else if (key == "user"_L1)
            postgres.user = value;
        else if (key == "dbname"_L1)
            postgres.database = value;
        else if (!validOption(key, value))
            return u"the database URI's parameter %1 cannot be passed on (a name of a-z and _, "
                   "a value without spaces, quotes, backslashes or ';')"_s.arg(key);
        else
            options.append(key + u'=' + value);
    }
    if (postgres.database.isEmpty())
        return u"the database URI names no database (postgresql://user@host/DATABASE)"_s;
    postgres.options = options.join(u';');
    location.m_postgres = postgres;
    return location;
}

QString DatabaseLocation::display() const
{
    return m_postgres ? m_postgres->display() : m_sqlitePath;
}

} // namespace FinChat
