#include "app/report/changelog.h"

#include "app/base/csv.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace Changelog {

Changes collect(const Dataset &dataset, const Curation &curation)
{
    Changes c;
    c.source = QFileInfo(dataset.filePath()).fileName();
    c.items = dataset.size();
    QMap<QString, CategoryCount> categories;
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &item = dataset.item(i);
        const bool curatable = dataset.hasUniqueId(i);
        ++categories[item.category].original;
        categories[item.category].category = item.category;
        const Exclusion *exclusion = curatable ? curation.exclusion(item.instructionId) : nullptr;
        const QString category = curatable ? curation.value(item, ItemField::Category) : item.category;
        if (exclusion) {
            c.excluded.append({item.instructionId, category, *exclusion});
        } else {
            ++c.released;
            ++categories[category].curated;
            categories[category].category = category;
        }
        if (!curatable)
            continue;
        const QMap<ItemField, FieldEdit> edits = curation.edits(item.instructionId);
        for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
            if (it->value != item.text(it.key()) || !item.has(it.key()))
                c.fields.append({item.instructionId, Item::fieldKey(it.key()), item.text(it.key()), it->value, *it});
        }
    }
    auto byItem = [](const auto &a, const auto &b) { return a.item < b.item; };
    std::stable_sort(c.fields.begin(), c.fields.end(), byItem);
    std::stable_sort(c.excluded.begin(), c.excluded.end(), byItem);
    c.categories = categories.values();
    return c;
}

namespace {

QString cell(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('|'), QLatin1String("\\|"));
    out.replace(QLatin1String("\r\n"), QLatin1String("<br>"));
    out.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return out.isEmpty() ? QStringLiteral("—") : out;
}

QByteArray markdown(const Changes &c)
{
    QString s;
    s += QStringLiteral("## Changes in this release\n\n");
    s += QStringLiteral("Curated from %1: %2 items in the source, %3 in the release; %4 field edits on %5 items, "
                        "%6 items excluded.\n\n")
             .arg(c.source)
             .arg(c.items)
             .arg(c.released)
             .arg(c.fields.size())
             .arg([&] {
                 QSet<qint64> items;
                 for (const FieldChange &f : c.fields)
                     items.insert(f.item);
                 return items.size();
             }())
             .arg(c.excluded.size());
    s += QStringLiteral("### Items per category\n\n| Category | Source | Release | Change |\n|---|---:|---:|---:|\n");
    for (const CategoryCount &k : c.categories) {
        const qsizetype delta = k.curated - k.original;
        s += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                 .arg(cell(k.category))
                 .arg(k.original)
                 .arg(k.curated)
                 .arg(delta == 0 ? QStringLiteral("0")
                                 : (delta > 0 ? QStringLiteral("+") : QString()) + QString::number(delta));
    }
    s += QStringLiteral("\n### Edited fields\n\n");
    if (c.fields.isEmpty()) {
        s += QStringLiteral("No field was edited.\n");
    } else {
        s += QStringLiteral(
            "| Item | Field | Old value | New value | By | When | Why |\n|---:|---|---|---|---|---|---|\n");
        for (const FieldChange &f : c.fields)
            s += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                     .arg(f.item)
                     .arg(f.field, cell(f.oldValue), cell(f.newValue), cell(f.edit.annotator), f.edit.time,
                          cell(f.edit.reason));
    }
    s += QStringLiteral("\n### Excluded items\n\n");
    if (c.excluded.isEmpty()) {
        s += QStringLiteral("No item was excluded.\n");
    } else {
        s += QStringLiteral("| Item | Category | Reason | By | When |\n|---:|---|---|---|---|\n");
        for (const ExcludedItem &x : c.excluded)
            s += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                     .arg(x.item)
                     .arg(cell(x.category), cell(x.exclusion.reason), cell(x.exclusion.annotator), x.exclusion.time);
    }
    return s.toUtf8();
}

QByteArray json(const Changes &c)
{
    QJsonArray fields;
    for (const FieldChange &f : c.fields)
        fields.append(QJsonObject{{QStringLiteral("item"), f.item},
                                  {QStringLiteral("field"), f.field},
                                  {QStringLiteral("old"), f.oldValue},
                                  {QStringLiteral("new"), f.newValue},
                                  {QStringLiteral("annotator"), f.edit.annotator},
                                  {QStringLiteral("time"), f.edit.time},
                                  {QStringLiteral("reason"), f.edit.reason}});
    QJsonArray excluded;
    for (const ExcludedItem &x : c.excluded)
        excluded.append(QJsonObject{{QStringLiteral("item"), x.item},
                                    {QStringLiteral("category"), x.category},
                                    {QStringLiteral("reason"), x.exclusion.reason},
                                    {QStringLiteral("annotator"), x.exclusion.annotator},
                                    {QStringLiteral("time"), x.exclusion.time}});
    QJsonArray categories;
    for (const CategoryCount &k : c.categories)
        categories.append(QJsonObject{{QStringLiteral("category"), k.category},
                                      {QStringLiteral("source"), qint64(k.original)},
                                      {QStringLiteral("release"), qint64(k.curated)}});
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("vlsbench-studio/changes")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("source"), c.source},
                           {QStringLiteral("source_items"), qint64(c.items)},
                           {QStringLiteral("release_items"), qint64(c.released)},
                           {QStringLiteral("fields"), fields},
                           {QStringLiteral("excluded"), excluded},
                           {QStringLiteral("categories"), categories}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray csv(const Changes &c)
{
    QString s = QStringLiteral("change,item,field,old,new,annotator,time,reason\n");
    auto row = [&](const QStringList &values) {
        QStringList fields;
        for (const QString &v : values)
            fields.append(Csv::field(v));
        s += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    };
    for (const FieldChange &f : c.fields)
        row({QStringLiteral("edit"), QString::number(f.item), f.field, f.oldValue, f.newValue, f.edit.annotator,
             f.edit.time, f.edit.reason});
    for (const ExcludedItem &x : c.excluded)
        row({QStringLiteral("exclude"), QString::number(x.item), QString(), QString(), QString(), x.exclusion.annotator,
             x.exclusion.time, x.exclusion.reason});
    return s.toUtf8();
}

} // namespace

QByteArray write(const Changes &changes, const QString &format)
{
    if (format == QLatin1String("json"))
        return json(changes);
    if (format == QLatin1String("csv"))
        return csv(changes);
    return markdown(changes);
}

} // namespace Changelog
