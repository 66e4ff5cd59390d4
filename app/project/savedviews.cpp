#include "savedviews.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace SavedViews {

namespace {

constexpr int kMaxFieldLength = 4096;

// A string field, or empty when missing, not a string or too long (counted in @p odd).
QString field(const QJsonObject &object, const char *key, int *odd)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString() || value.toString().size() > kMaxFieldLength) {
        ++*odd;
        return {};
    }
    return value.toString();
}

} // namespace

QString cleanName(const QString &name)
{
    QString clean;
    clean.reserve(name.size());
    for (const QChar c : name)
        clean.append(c.isPrint() ? c : QChar(u' '));
    clean = clean.simplified();
    if (clean.size() > kMaxNameLength)
        clean.truncate(kMaxNameLength);
    return clean;
}

QList<SavedView> parse(const QString &json, QString *problem)
{
    QList<SavedView> views;
    QStringList problems;
    if (json.trimmed().isEmpty()) {
        if (problem)
            problem->clear();
        return views;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    QJsonArray list;
    if (error.error != QJsonParseError::NoError)
        problems.append(QStringLiteral("the saved views are not valid JSON (%1 at character %2)")
                            .arg(error.errorString())
                            .arg(error.offset));
    else if (!document.isObject() || !document.object().value(QLatin1String("views")).isArray())
        problems.append(QStringLiteral("the saved views are not a list of views"));
    else
        list = document.object().value(QLatin1String("views")).toArray();

    int skipped = 0;
    int odd = 0;
    QSet<QString> names;
    for (const QJsonValue &entry : std::as_const(list)) {
        if (views.size() >= kMaxViews) {
            problems.append(QStringLiteral("only the first %1 saved views are read").arg(kMaxViews));
            break;
        }
        if (!entry.isObject()) {
            ++skipped;
            continue;
        }
        const QJsonObject object = entry.toObject();
        SavedView view;
        view.name = cleanName(field(object, "name", &odd));
        if (view.name.isEmpty() || names.contains(view.name)) {
            ++skipped;
            continue;
        }
        view.search = field(object, "search", &odd);
        view.category = field(object, "category", &odd);
        view.subCategory = field(object, "sub_category", &odd);
        view.source = field(object, "source", &odd);
        view.label = field(object, "label", &odd);
        view.review = field(object, "review", &odd);
        view.sortColumn = field(object, "sort_column", &odd);
        const QJsonValue descending = object.value(QLatin1String("descending"));
        view.descending = descending.isBool() && descending.toBool();
        const QJsonValue hidden = object.value(QLatin1String("hidden_runs"));
        if (hidden.isArray()) {
            for (const QJsonValue &run : hidden.toArray()) {
                if (run.isString() && run.toString().size() <= kMaxFieldLength && view.hiddenRuns.size() < 1000)
                    view.hiddenRuns.append(run.toString());
                else
                    ++odd;
            }
        } else if (!hidden.isUndefined() && !hidden.isNull()) {
            ++odd;
        }
        names.insert(view.name);
        views.append(view);
    }
    if (skipped > 0)
        problems.append(QStringLiteral("saved views skipped for want of a name of their own: %1").arg(skipped));
    if (odd > 0)
        problems.append(QStringLiteral("fields of saved views left out as they were not text: %1").arg(odd));
    if (problem)
        *problem = problems.join(QStringLiteral("; "));
    return views;
}

QString serialize(const QList<SavedView> &views)
{
    QJsonArray list;
    for (const SavedView &view : views) {
        QJsonObject object{{QStringLiteral("name"), view.name}};
        const auto put = [&object](const char *key, const QString &value) {
            if (!value.isEmpty())
                object.insert(QLatin1String(key), value);
        };
        put("search", view.search);
        put("category", view.category);
        put("sub_category", view.subCategory);
        put("source", view.source);
        put("label", view.label);
        put("review", view.review);
        put("sort_column", view.sortColumn);
        if (view.descending)
            object.insert(QStringLiteral("descending"), true);
        if (!view.hiddenRuns.isEmpty())
            object.insert(QStringLiteral("hidden_runs"), QJsonArray::fromStringList(view.hiddenRuns));
        list.append(object);
    }
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("views"), list}}).toJson(QJsonDocument::Compact));
}

QList<SavedView> withView(QList<SavedView> views, const SavedView &view)
{
    for (SavedView &existing : views) {
        if (existing.name == view.name) {
            existing = view;
            return views;
        }
    }
    views.append(view);
    return views;
}

QList<SavedView> without(QList<SavedView> views, const QString &name)
{
    views.removeIf([&name](const SavedView &view) { return view.name == name; });
    return views;
}

} // namespace SavedViews
