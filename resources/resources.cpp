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
    auto *own = new QTranslator(app);
    // Only a file for the user's language counts: the template (no language) holds no translations.
    if (own->load(locale, QStringLiteral("vlsbench-studio"), QStringLiteral("_"), QStringLiteral(":/i18n")) &&
        !own->language().isEmpty() && QCoreApplication::installTranslator(own))
        loaded.append(own->language());
    else
        delete own;
    return loaded;
}

} // namespace Resources
