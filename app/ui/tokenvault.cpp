#include "ui/tokenvault.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcVault, "finchat.app.keychain")
const QString EntryKey = u"session-token"_s;
} // namespace

TokenVault::TokenVault(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

QString TokenVault::load()
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(EntryKey);
    // Never the plain settings file, which is what QtKeychain's "insecure fallback" means.
    job.setInsecureFallback(false);
    QEventLoop loop;
    connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError) {
        if (job.error() != QKeychain::EntryNotFound)
            qCInfo(lcVault) << "no session token from the keychain:" << job.errorString();
        return {};
    }
    return job.textData();
}

void TokenVault::store(const QString &token)
{
    QKeychain::Job *job = nullptr;
    if (token.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(m_service, this);
    } else {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(token);
        job = write;
    }
    job->setKey(EntryKey);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, job, forgetting = token.isEmpty()] {
        if (job->error() == QKeychain::NoError ||
            (forgetting && job->error() == QKeychain::EntryNotFound))
            return;
        // The reason names the backend's trouble, never the token.
        qCWarning(lcVault) << "the session token is not kept:" << job->errorString();
        if (!std::exchange(m_told, true))
            emit notKept(job->errorString());
    });
    job->start(); // auto-deletes when finished
}

} // namespace FinChat::Ui
