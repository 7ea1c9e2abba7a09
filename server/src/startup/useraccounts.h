#pragma once

#include <QStringList>

class QTextStream;

namespace FinChat {

class StorageThread;

// `finchat-server user add|passwd|list`: people's accounts, on the server's database while it
// runs or not. A password is read from standard input (one line; not echoed on a terminal),
// never from the command line, where other users of the machine could read it. What it did
// goes to `report`, a listing to `output`; the return value is the exit code: 0, or 1 with
// the reason in `report`.
int manageUserAccounts(StorageThread &storage, const QStringList &arguments, QTextStream &input,
                       QTextStream &output, QTextStream &report);

} // namespace FinChat
