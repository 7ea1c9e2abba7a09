#pragma once

#include "storage/databaselocation.h"

#include <QSqlDatabase>
#include <QTemporaryDir>

namespace FinChat::Testing {

// A new, empty database for one test: a SQLite file in a temporary folder, or, when the test
// runs under tests/postgresql/with-cluster.sh (FINCHAT_TEST_POSTGRES is set), a database of
// its own on that throwaway PostgreSQL cluster. Tests that take it run unchanged on both.
class TestDatabase
{
public:
    TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    // Whether this run is against PostgreSQL.
    static bool onPostgres();

    const DatabaseLocation &location() const { return m_location; }
    bool isPostgres() const { return m_location.isPostgres(); }
    // The SQLite file; empty on PostgreSQL.
    QString sqlitePath() const;
    // A connection of the test's own to the same database, named `connectionName`, open;
    // QSqlDatabase::removeDatabase(connectionName) when done.
    QSqlDatabase openSide(const QString &connectionName) const;

private:
    QTemporaryDir m_folder;
    DatabaseLocation m_location;
};

} // namespace FinChat::Testing
