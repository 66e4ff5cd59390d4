#include "resources.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Resources {

QString applicationIconPath()
{
    return QStringLiteral(":/icons/vlsbench-studio.svg");
}

QStringList installTranslators(QCoreApplication *app)
{
    QStringList loaded;
    const QLocale locale;
    // Qt's own strings (standard buttons, file dialogs) first, then ours; each is skipped when absent.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
        QCoreApplication::installTranslator(qt))
        loaded.append(qt->language());
    else
        delete qt;
    // English plural forms under everything: "1 run", "3 runs" rather than "run(s)", in any locale. Translators
    // installed later are asked first, so a language of the user's own still wins.
    auto *plurals = new QTranslator(app);
    if (!plurals->load(QStringLiteral(":/i18n/vlsbench-studio_en.qm")) || !QCoreApplication::installTranslator(plurals))
        delete plurals;
    auto *own = new QTranslator(app);
    // Only a file for the user's language counts: the template (no language) holds no translations.
    if (own->load(locale, QStringLiteral("vlsbench-studio"), QStringLiteral("_"), QStringLiteral(":/i18n")) &&
        !own->language().isEmpty() && own->language() != QLatin1String("en") &&
        QCoreApplication::installTranslator(own))
        loaded.append(own->language());
    else
        delete own;
    return loaded;
}

} // namespace Resources
