#pragma once

#include <QStringList>

class QTextStream;

namespace FinChat {

class StorageThread;

// `finchat-server bot add|token|list`: the accounts of bots that connect over the network,
// on the server's database (SQLite's locking lets this run beside a running server). What it
// did goes to `report`, a new token alone to `output` (so that scripts can take it), and the
// return value is the exit code: 0, or 1 with the reason in `report`.
int manageBotAccounts(StorageThread &storage, const QStringList &arguments, QTextStream &output,
                      QTextStream &report);

} // namespace FinChat
