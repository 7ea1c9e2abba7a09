#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace FinChat::Ui {

// The languages the app is translated into, and loading one: the app's own strings from
// its embedded translations and, where the system has them, Qt's (standard dialogs, buttons).
class Languages
{
public:
    struct Language
    {
        QString code;       // "es", "pt_BR", "de"; "en" for the source language
        QString nativeName; // as its speakers write it
    };

    static QList<Language> available();
    // code empty: the system's preferred languages, the first that has a translation.
    // Returns the language of the translation installed ("es_ES", say), or "en" when none
    // applies and the source English shows.
    static QString install(const QString &code);

    // The locale numbers, prices and dates are written in: the language's (QLocale's
    // default), or US English where that is the bare "C" locale (no LANG set).
    static QLocale displayLocale();
};

} // namespace FinChat::Ui
