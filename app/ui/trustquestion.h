#pragma once

#include "core/failure.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace FinChat::Ui {

// Asks the person whether to trust a server's certificate, as SSH and Mumble do: on first
// contact with the fingerprint to compare with the server's administrator, and with a
// warning when it changed since they trusted it. The safe answer is the default.
class TrustQuestion
{
    Q_DECLARE_TR_FUNCTIONS(FinChat::Ui::TrustQuestion)

public:
    // failure is UnknownCertificate or ChangedCertificate. Window-modal and without a nested
    // event loop: answered(true) when the person trusts the certificate, answered(false)
    // otherwise; not at all if parent goes first.
    static void ask(QWidget *parent, const QString &server, const Client::Failure &failure,
                    std::function<void(bool trusted)> answered);
};

} // namespace FinChat::Ui
