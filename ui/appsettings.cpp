#include "appsettings.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace {
const QString kRecentDatasets = QStringLiteral("files/recentDatasets");
const QString kUnblurredCategories = QStringLiteral("images/unblurredCategories");
const QString kAnnotator = QStringLiteral("annotation/annotator");
const QString kAdvanceAfterLabel = QStringLiteral("annotation/advanceAfterLabel");
const QString kTheme = QStringLiteral("window/theme");
const QString kRenderMarkdown = QStringLiteral("review/renderMarkdown");
const QString kResponseLayout = QStringLiteral("review/responseLayout");
const QString kImageCollapsed = QStringLiteral("review/imageCollapsed");
const QString kWindowGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kListFilters = QStringLiteral("list/filters/");
const QString kMainSplitter = QStringLiteral("layout/mainSplitter");
const QString kPageSplitter = QStringLiteral("layout/pageSplitter");
const QString kHiddenRuns = QStringLiteral("layout/hiddenRuns");
const QString kLastTab = QStringLiteral("layout/lastTab");
const QString kHighlightCuePhrases = QStringLiteral("review/highlightCuePhrases");
constexpr int kMaxRecent = 10;
} // namespace

QSettings AppSettings::settings()
{
    return QSettings();
}

QStringList AppSettings::recentDatasets()
{
    return settings().value(kRecentDatasets).toStringList();
}

void AppSettings::addRecentDataset(const QString &path)
{
    QStringList recent = recentDatasets();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings().setValue(kRecentDatasets, recent);
}

QStringList AppSettings::unblurredCategories()
{
    return settings().value(kUnblurredCategories).toStringList();
}

void AppSettings::setUnblurredCategories(const QStringList &categories)
{
    settings().setValue(kUnblurredCategories, categories);
}

QByteArray AppSettings::windowGeometry()
{
    return settings().value(kWindowGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    settings().setValue(kWindowGeometry, geometry);
}

QByteArray AppSettings::windowState()
{
    return settings().value(kWindowState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    settings().setValue(kWindowState, state);
}

QString AppSettings::annotator()
{
    return settings().value(kAnnotator).toString();
}

void AppSettings::setAnnotator(const QString &name)
{
    settings().setValue(kAnnotator, name);
}

bool AppSettings::advanceAfterLabel()
{
    return settings().value(kAdvanceAfterLabel, false).toBool();
}

void AppSettings::setAdvanceAfterLabel(bool on)
{
    settings().setValue(kAdvanceAfterLabel, on);
}

QVariant AppSettings::judgeSetting(const QString &name, const QVariant &fallback)
{
    return settings().value(QStringLiteral("judge/") + name, fallback);
}

void AppSettings::setJudgeSetting(const QString &name, const QVariant &value)
{
    Q_ASSERT(!name.contains(QLatin1String("key"), Qt::CaseInsensitive) || name == QLatin1String("keyVariable"));
    settings().setValue(QStringLiteral("judge/") + name, value);
}

QString AppSettings::theme()
{
    return settings().value(kTheme, QStringLiteral("system")).toString();
}

void AppSettings::setTheme(const QString &name)
{
    settings().setValue(kTheme, name);
}

bool AppSettings::renderMarkdown()
{
    return settings().value(kRenderMarkdown, true).toBool();
}

void AppSettings::setRenderMarkdown(bool on)
{
    settings().setValue(kRenderMarkdown, on);
}

QString AppSettings::responseLayout()
{
    return settings().value(kResponseLayout, QStringLiteral("columns")).toString();
}

void AppSettings::setResponseLayout(const QString &layout)
{
    settings().setValue(kResponseLayout, layout);
}

bool AppSettings::imageCollapsed()
{
    return settings().value(kImageCollapsed, false).toBool();
}

void AppSettings::setImageCollapsed(bool collapsed)
{
    settings().setValue(kImageCollapsed, collapsed);
}

AppSettings::ListFilters AppSettings::listFilters()
{
    QSettings s = settings();
    ListFilters filters;
    for (const auto &[name, value] : {std::pair{"category", &filters.category},
                                      {"subCategory", &filters.subCategory},
                                      {"source", &filters.source},
                                      {"label", &filters.label},
                                      {"review", &filters.review},
                                      {"search", &filters.search}})
        *value = s.value(kListFilters + QLatin1String(name)).toString();
    return filters;
}

void AppSettings::setListFilters(const ListFilters &filters)
{
    QSettings s = settings();
    for (const auto &[name, value] : {std::pair{"category", &filters.category},
                                      {"subCategory", &filters.subCategory},
                                      {"source", &filters.source},
                                      {"label", &filters.label},
                                      {"review", &filters.review},
                                      {"search", &filters.search}})
        s.setValue(kListFilters + QLatin1String(name), *value);
}

QByteArray AppSettings::mainSplitterState()
{
    return settings().value(kMainSplitter).toByteArray();
}

void AppSettings::setMainSplitterState(const QByteArray &state)
{
    settings().setValue(kMainSplitter, state);
}

QByteArray AppSettings::pageSplitterState()
{
    return settings().value(kPageSplitter).toByteArray();
}

void AppSettings::setPageSplitterState(const QByteArray &state)
{
    settings().setValue(kPageSplitter, state);
}

QStringList AppSettings::hiddenRuns()
{
    return settings().value(kHiddenRuns).toStringList();
}

void AppSettings::setHiddenRuns(const QStringList &names)
{
    settings().setValue(kHiddenRuns, names);
}

int AppSettings::lastTab()
{
    return settings().value(kLastTab, 0).toInt();
}

void AppSettings::setLastTab(int index)
{
    settings().setValue(kLastTab, index);
}

bool AppSettings::highlightCuePhrases()
{
    return settings().value(kHighlightCuePhrases, true).toBool();
}

void AppSettings::setHighlightCuePhrases(bool on)
{
    settings().setValue(kHighlightCuePhrases, on);
}

QString AppSettings::cuePhrasesFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QLatin1Char('/') +
           QCoreApplication::organizationName() + QStringLiteral("/cue-phrases.json");
}
