#include "ui/trustquestion.h"

#include "finchat/fingerprint.h"

#include <QMessageBox>
#include <QPushButton>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

void TrustQuestion::ask(QWidget *parent, const QString &server, const Client::Failure &failure,
                        std::function<void(bool trusted)> answered)
{
    const bool changed = failure.is(Client::Failure::Reason::ChangedCertificate);
    auto *box = new QMessageBox(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(u"trustQuestion"_s);
    box->setTextFormat(Qt::RichText);
    const QString host = server.toHtmlEscaped();
    // In two lines of 16 pairs, fixed width, for comparing piece by piece.
    const QString fingerprint =
        u"<pre>"_s + fingerprintInTwo(failure.message(), u"<br>") + u"</pre>"_s;
    if (changed) {
        box->setIcon(QMessageBox::Warning);
        box->setWindowTitle(tr("Server certificate changed"));
        box->setText(tr("<p><b>The certificate of %1 is not the one you trusted before.</b></p>"
                        "<p>If its administrator renewed it, they can confirm the new "
                        "fingerprint below. Otherwise someone may be intercepting the "
                        "connection to read your password and messages: do not connect.</p>")
                         .arg(host) +
                     fingerprint);
    } else {
        box->setIcon(QMessageBox::Question);
        box->setWindowTitle(tr("Trust this server?"));
        box->setText(tr("<p>FinChat has not connected to <b>%1</b> before, and no certificate "
                        "authority vouches for it.</p><p>Ask the person who runs the server "
                        "to read you its fingerprint, and compare:</p>")
                         .arg(host) +
                     fingerprint +
                     tr("<p>Trust it only if they match. FinChat remembers your answer.</p>"));
    }
    QPushButton *trust =
        box->addButton(changed ? tr("Trust the new certificate") : tr("Trust and connect"),
                       changed ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    trust->setObjectName(u"trustButton"_s);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    QObject::connect(
        box, &QMessageBox::finished, box,
        [box, trust, answered = std::move(answered)] { answered(box->clickedButton() == trust); });
    box->open();
}

} // namespace FinChat::Ui
