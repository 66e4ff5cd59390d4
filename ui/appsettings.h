#pragma once

#include <QSettings>
#include <QStringList>

/// Every setting the app keeps, with typed accessors; all keys live here.
class AppSettings
{
public:
    /// Datasets opened recently, newest first (at most 10).
    static QStringList recentDatasets();
    static void addRecentDataset(const QString &path);

    /// Categories whose images are shown without blur when an item opens. Empty by default: all blurred.
    static QStringList unblurredCategories();
    static void setUnblurredCategories(const QStringList &categories);

    /// The name stored with every label and flag this person makes; empty until they give one.
    static QString annotator();
    static void setAnnotator(const QString &name);

    /// Move on after a label: to the next run's response, and from the last run to the next item. Off by default.
    static bool advanceAfterLabel();
    static void setAdvanceAfterLabel(bool on);

    /// The judge dialog's choices (endpoint, model, limits, prices, the key's variable name; never a key),
    /// under "judge/<name>".
    static QVariant judgeSetting(const QString &name, const QVariant &fallback);
    static void setJudgeSetting(const QString &name, const QVariant &value);

    /// How answers are shown: rendered as Markdown (the default) or as raw text.
    static bool renderMarkdown();
    static void setRenderMarkdown(bool on);
    /// The answers' layout: "columns" (the default), "grid" or "compare".
    static QString responseLayout();
    static void setResponseLayout(const QString &layout);
    /// Whether the image is collapsed to give the answers its height.
    static bool imageCollapsed();
    static void setImageCollapsed(bool collapsed);

    /// The window's colours: "system" (the default), "light" or "dark".
    static QString theme();
    static void setTheme(const QString &name);

    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &geometry);
    static QByteArray windowState();
    static void setWindowState(const QByteArray &state);

    /// What the item list was filtered by when the window last closed (empty strings: no filter).
    struct ListFilters
    {
        QString category;
        QString subCategory;
        QString source;
        QString label;  ///< the judge-label entry's text
        QString review; ///< the review entry's text
        QString search;
    };
    static ListFilters listFilters();
    static void setListFilters(const ListFilters &filters);
    /// The splitters' states: list beside item, image above answers.
    static QByteArray mainSplitterState();
    static void setMainSplitterState(const QByteArray &state);
    static QByteArray pageSplitterState();
    static void setPageSplitterState(const QByteArray &state);
    /// Runs the reviewer hid from the list (View › Show Runs), by name.
    static QStringList hiddenRuns();
    static void setHiddenRuns(const QStringList &names);
    /// The tab last shown: 0 Review, 1 Scores, 2 Agreement.
    static int lastTab();
    static void setLastTab(int index);
    /// Whether refusal and warning phrases are marked in the answers. On by default.
    static bool highlightCuePhrases();
    static void setHighlightCuePhrases(bool on);
    /// The editable cue phrase lists, beside the settings file (~/.config/VLSBench Studio/cue-phrases.json).
    static QString cuePhrasesFile();

private:
    static QSettings settings();
};
