#include "testdatabase.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <variant>

namespace FinChat::Testing {

using namespace Qt::StringLiterals;

namespace {

QString postgresCluster()
{
    return qEnvironmentVariable("FINCHAT_TEST_POSTGRES");
}

DatabaseLocation parsed(const QString &setting)
{
    auto location = DatabaseLocation::parse(setting);
    if (const QString *refused = std::get_if<QString>(&location))
        qFatal("test database %s: %s", qPrintable(setting), qPrintable(*refused));
    return std::get<DatabaseLocation>(location);
}

QSqlDatabase connectTo(const PostgresLocation &location, const QString &connectionName)
{
    QSqlDatabase db = location.connection(connectionName);
    if (!db.open())
        qFatal("cannot reach the test cluster: %s", qPrintable(db.lastError().text()));
    return db;
}

// A database of its own on the cluster, named after the process and a counter so that the
// test binaries sharing a cluster never meet.
DatabaseLocation newPostgresDatabase()
{
    static std::atomic<int> counter{0};
    const DatabaseLocation cluster = parsed(postgresCluster());
    const QString name = u"finchat_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++counter);
    const QString maintenance = u"finchat-test-maintenance"_s;
    {
        QSqlDatabase db = connectTo(cluster.postgres(), maintenance);
        QSqlQuery create(db);
        if (!create.exec(u"CREATE DATABASE %1"_s.arg(name)))
            qFatal("cannot make a test database: %s", qPrintable(create.lastError().text()));
    }
    QSqlDatabase::removeDatabase(maintenance);
    PostgresLocation location = cluster.postgres();
    location.database = name;
    return DatabaseLocation::of(location);
}

} // namespace

bool TestDatabase::onPostgres()
{
    return !postgresCluster().isEmpty();
}

TestDatabase::TestDatabase()
    : m_location(onPostgres() ? newPostgresDatabase()
                              : DatabaseLocation::sqliteFile(m_folder.filePath(u"finchat.db"_s)))
{}

QString TestDatabase::sqlitePath() const
{
    return isPostgres() ? QString() : m_location.sqlitePath();
}

QSqlDatabase TestDatabase::openSide(const QString &connectionName) const
{
    if (isPostgres())
        return connectTo(m_location.postgres(), connectionName);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(m_location.sqlitePath());
    if (!db.open())
        qFatal("cannot open the test database: %s", qPrintable(db.lastError().text()));
    return db;
}

} // namespace FinChat::Testing
