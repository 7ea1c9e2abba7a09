#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <variant>

namespace FinChat {

// Where a PostgreSQL database is: the parts of a libpq connection URI FinChat reads.
struct PostgresLocation
{
    QString host;  // a name, an address, or a folder holding the server's Unix socket
    int port = -1; // -1: libpq's default (5432)
    QString user;
    QString database;
    QString options; // the rest of the URI's parameters, as QPSQL's connect options ("k=v;k=v")

    // A connection of Qt's PostgreSQL driver (QPSQL) to it, named connectionName, not yet
    // open; invalid when the driver is not installed.
    QSqlDatabase connection(const QString &connectionName) const;
    // The location as a URI that parse() reads back, without the options: for logs, and for
    // giving it to another program. It holds no secret, as none may be in it.
    QString display() const;
};

// The server's `database` setting: the path of a SQLite file, or a PostgreSQL connection URI
// (postgresql://user@host:port/dbname?sslmode=require). The URI may not hold a password: it
// would end up in the process list, the config file and the logs; libpq reads one from
// PGPASSWORD or a password file (PGPASSFILE, ~/.pgpass) instead.
class DatabaseLocation
{
public:
    // The setting as written, or why it cannot be used (a PostgreSQL URI with a password, or
    // without a database).
    static std::variant<DatabaseLocation, QString> parse(const QString &setting);

    static DatabaseLocation of(const PostgresLocation &postgres);
    // A SQLite file, whatever its path looks like.
    static DatabaseLocation sqliteFile(const QString &path);
    static bool looksLikePostgres(const QString &setting);
    bool isPostgres() const { return m_postgres.has_value(); }
    const PostgresLocation &postgres() const { return *m_postgres; }
    QString sqlitePath() const { return m_sqlitePath; }
    QString display() const;

private:
    QString m_sqlitePath;
    std::optional<PostgresLocation> m_postgres;
};

} // namespace FinChat
