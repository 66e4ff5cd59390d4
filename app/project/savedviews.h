#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// A named way of looking at the item list, kept in the project so that everyone who opens it can switch to it:
/// the filters, the sort and the runs hidden from the list. Everything is named, not numbered (runs by name,
/// categories by their names, list entries by their text), so a view survives runs being added or removed; what no
/// longer exists is left at "all" when the view is applied.
struct SavedView
{
    QString name;
    QString search;
    QString category;    ///< empty: every category
    QString subCategory; ///< empty: the whole category
    QString source;      ///< empty: every source
    QString label;       ///< the judge-label filter entry's text; empty: any
    QString review;      ///< the review filter entry's text; empty: everything
    QStringList hiddenRuns;
    /// The sorted column: "id", "category", "sub_category", "source", "instruction" or "run:NAME"; empty for the
    /// list's own order (instruction_id ascending).
    QString sortColumn;
    bool descending = false;

    bool operator==(const SavedView &) const = default;
};

/// Saved views as the project keeps them: one JSON document under the project's "views" value. The value is read
/// as untrusted input (a project file may have been edited by hand or damaged): anything malformed is skipped and
/// described, never fatal.
namespace SavedViews {

/// The project value the views are kept under.
inline constexpr const char *kKey = "views";
/// Limits on what a project may hold: views beyond these are not read.
inline constexpr int kMaxViews = 200;
inline constexpr int kMaxNameLength = 120;

/// The views in @p json, in order, names unique (a later view of the same name is dropped). @p problem, when not
/// null, receives a sentence on what could not be read (empty when everything could).
QList<SavedView> parse(const QString &json, QString *problem = nullptr);
/// @p views as JSON for the project.
QString serialize(const QList<SavedView> &views);
/// @p views with @p view put in: replacing one of the same name in place, or added at the end.
QList<SavedView> withView(QList<SavedView> views, const SavedView &view);
/// @p views without the one named @p name.
QList<SavedView> without(QList<SavedView> views, const QString &name);
/// @p name trimmed, with line breaks and control characters removed, at most kMaxNameLength characters.
QString cleanName(const QString &name);

} // namespace SavedViews
