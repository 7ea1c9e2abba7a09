#include "ui/languages.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

QList<Languages::Language> Languages::available()
{
    return {{u"en"_s, u"English"_s},
            {u"es"_s, u"Español"_s},
            {u"pt_BR"_s, u"Português (Brasil)"_s},
            {u"de"_s, u"Deutsch"_s}};
}

QString Languages::install(const QString &code)
{
    auto *app = QCoreApplication::instance();
    static QTranslator *ownStrings = nullptr;
    static QTranslator *qtStrings = nullptr;
    for (QTranslator *previous : {ownStrings, qtStrings}) {
        if (previous) {
            QCoreApplication::removeTranslator(previous);
            delete previous;
        }
    }
    ownStrings = qtStrings = nullptr;

    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    auto own = std::make_unique<QTranslator>(app);
    // Tries "finchat_pt_BR", then "finchat_pt", for each of the locale's UI languages.
    if (code == "en"_L1 || !own->load(locale, u"finchat"_s, u"_"_s, u":/i18n"_s)) {
        // Numbers, prices and times follow the words: English ones, unless the system's
        // own English (en_GB, en_IN, ...) was what was asked for.
        const bool systemEnglish = code.isEmpty() && locale.language() == QLocale::English;
        QLocale::setDefault(systemEnglish ? locale
                                          : QLocale(QLocale::English, QLocale::UnitedStates));
        return u"en"_s;
    }
    QLocale::setDefault(locale);
    QCoreApplication::installTranslator(own.get());
    ownStrings = own.release();

    auto qt = std::make_unique<QTranslator>(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtStrings = qt.release();
    }
    return ownStrings->language();
}

QLocale Languages::displayLocale()
{
    const QLocale system;
    return system.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : system;
}

} // namespace FinChat::Ui
