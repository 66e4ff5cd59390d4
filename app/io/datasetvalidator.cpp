#include "app/io/datasetvalidator.h"

#include "app/base/regularfile.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QSet>

namespace {

using Severity = Problem::Severity;

QString describeItem(const Item &item, qsizetype position)
{
    if (item.has(ItemField::InstructionId))
        return QStringLiteral("item %1").arg(item.instructionId);
    return QStringLiteral("entry %1").arg(position);
}

QString expectedType(ItemField field)
{
    return field == ItemField::InstructionId ? QStringLiteral("an integer") : QStringLiteral("a string");
}

QString shortJson(const QByteArray &json)
{
    return json.size() <= 40 ? QString::fromUtf8(json) : QString::fromUtf8(json.left(37)) + QStringLiteral("...");
}

void checkFields(const Dataset &dataset, QList<Problem> *problems)
{
    static const ItemField required[] = {ItemField::InstructionId, ItemField::Instruction, ItemField::ImagePath,
                                         ItemField::Category, ItemField::SubCategory};
    static const ItemField optional[] = {ItemField::Source, ItemField::ImageDescription, ItemField::SafetyReason};
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &item = dataset.item(i);
        const QString who = describeItem(item, i);
        QSet<QString> mistyped;
        for (const RawField &raw : item.rawFields) {
            for (int f = 0; f < int(ItemField::Count); ++f) {
                const auto field = ItemField(f);
                if (raw.key == Item::fieldKey(field)) {
                    mistyped.insert(raw.key);
                    problems->append({Severity::Error, QStringLiteral("mistyped-field"), item.instructionId,
                                      QStringLiteral("%1: \"%2\" should be %3, found %4")
                                          .arg(who, raw.key, expectedType(field), shortJson(raw.json)),
                                      raw.key});
                }
            }
        }
        auto reportMissing = [&](ItemField field, Severity severity) {
            const QString key = Item::fieldKey(field);
            if (!item.has(field) && !mistyped.contains(key))
                problems->append({severity, QStringLiteral("missing-field"), item.instructionId,
                                  QStringLiteral("%1 has no \"%2\"").arg(who, key), key});
        };
        for (ItemField field : required)
            reportMissing(field, Severity::Error);
        for (ItemField field : optional)
            reportMissing(field, Severity::Warning);
        if (item.has(ItemField::Instruction) && item.instruction.trimmed().isEmpty())
            problems->append({Severity::Warning, QStringLiteral("empty-instruction"), item.instructionId,
                              QStringLiteral("%1 has an empty \"instruction\": an image-only pair, whose responses "
                                             "match by image name alone")
                                  .arg(who)});
    }
}

void checkDuplicateIds(const Dataset &dataset, QList<Problem> *problems)
{
    QHash<qint64, QList<qsizetype>> positions;
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        if (dataset.item(i).has(ItemField::InstructionId))
            positions[dataset.item(i).instructionId].append(i);
    }
    QList<qint64> ids;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        if (it->size() > 1)
            ids.append(it.key());
    }
    std::sort(ids.begin(), ids.end());
    for (qint64 id : ids) {
        const QList<qsizetype> &where = positions[id];
        QStringList entries;
        for (qsizetype p : where)
            entries.append(QString::number(p));
        problems->append({Severity::Error, QStringLiteral("duplicate-id"), id,
                          QStringLiteral("instruction_id %1 is used by %2 items (entries %3)")
                              .arg(id)
                              .arg(where.size())
                              .arg(entries.join(QStringLiteral(", ")))});
    }
}

// A sub-category name under two categories is usually a labelling slip: report the items in the smaller group.
void checkTaxonomy(const Dataset &dataset, QList<Problem> *problems)
{
    QMap<QString, QMap<QString, qsizetype>> categoriesOfSub;
    for (const Item &item : dataset.items()) {
        if (item.has(ItemField::Category) && item.has(ItemField::SubCategory))
            ++categoriesOfSub[item.subCategory][item.category];
    }
    QHash<QString, QString> majorityOf;
    for (auto it = categoriesOfSub.cbegin(); it != categoriesOfSub.cend(); ++it) {
        if (it->size() < 2)
            continue;
        QString majority;
        qsizetype best = -1;
        for (auto c = it->cbegin(); c != it->cend(); ++c) {
            if (c.value() > best) { // QMap is ordered, so ties go to the first name alphabetically
                best = c.value();
                majority = c.key();
            }
        }
        majorityOf.insert(it.key(), majority);
    }
    if (majorityOf.isEmpty())
        return;
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &item = dataset.item(i);
        const auto majority = majorityOf.constFind(item.subCategory);
        if (majority == majorityOf.cend() || *majority == item.category || !item.has(ItemField::Category))
            continue;
        const auto &counts = categoriesOfSub[item.subCategory];
        problems->append({Severity::Warning, QStringLiteral("sub-category-in-several-categories"), item.instructionId,
                          QStringLiteral("%1: sub-category \"%2\" is under \"%3\" here (%4 items) but under \"%5\" "
                                         "for %6 items")
                              .arg(describeItem(item, i), item.subCategory, item.category)
                              .arg(counts.value(item.category))
                              .arg(*majority)
                              .arg(counts.value(*majority))});
    }
}

enum class ImageState : quint8 { Present, Missing, Unreadable };

ImageState inspectImage(const QString &path)
{
    if (!QFileInfo::exists(path))
        return ImageState::Missing;
    QFile file;
    QString why;
    if (!RegularFile::open(path, &file, RegularFile::kMaxInputBytes, &why, true))
        return ImageState::Unreadable;
    return DatasetValidator::looksLikeImage(file.read(16)) ? ImageState::Present : ImageState::Unreadable;
}

void checkImages(const Dataset &dataset, QList<Problem> *problems)
{
    QHash<QString, ImageState> seen;
    QList<Problem> missing;
    qsizetype present = 0;
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &item = dataset.item(i);
        if (!item.has(ItemField::ImagePath) || item.imagePath.trimmed().isEmpty())
            continue;
        const QString who = describeItem(item, i);
        const ImagePath::Resolved resolved = dataset.resolveImage(item);
        if (resolved.status == ImagePath::Status::Absolute || resolved.status == ImagePath::Status::OutsideRoot) {
            problems->append({Severity::Error, QStringLiteral("image-outside-root"), item.instructionId,
                              QStringLiteral("%1: image path \"%2\" leads outside the image folder; it is not read")
                                  .arg(who, item.imagePath)});
            continue;
        }
        auto state = seen.constFind(resolved.absolutePath);
        if (state == seen.cend()) {
            state = seen.insert(resolved.absolutePath, inspectImage(resolved.absolutePath));
            if (*state != ImageState::Missing)
                ++present;
        }
        if (*state == ImageState::Missing)
            missing.append({Severity::Error, QStringLiteral("image-missing"), item.instructionId,
                            QStringLiteral("%1: image \"%2\" not found").arg(who, item.imagePath)});
        else if (*state == ImageState::Unreadable)
            problems->append({Severity::Error, QStringLiteral("image-unreadable"), item.instructionId,
                              QStringLiteral("%1: \"%2\" cannot be read as a PNG, JPEG, GIF, WebP or BMP image")
                                  .arg(who, item.imagePath)});
    }
    if (present == 0 && !seen.isEmpty()) {
        // No image at all means the images were not downloaded or --images is wrong: one line, not thousands.
        problems->append({Severity::Warning, QStringLiteral("images-absent"), -1,
                          QStringLiteral("none of the %1 images was found under %2; image checks skipped "
                                         "(use --images DIR to point at the image folder)")
                              .arg(seen.size())
                              .arg(dataset.imageRoot())});
        return;
    }
    problems->append(missing);
}

} // namespace

bool DatasetValidator::looksLikeImage(const QByteArray &header)
{
    return header.startsWith("\x89PNG\r\n\x1a\n") || header.startsWith("\xff\xd8\xff") || header.startsWith("GIF87a") ||
           header.startsWith("GIF89a") || (header.startsWith("RIFF") && header.mid(8, 4) == "WEBP") ||
           header.startsWith("BM");
}

QList<Problem> DatasetValidator::validate(const Dataset &dataset, const Options &options)
{
    QList<Problem> problems = dataset.loadProblems();
    checkFields(dataset, &problems);
    checkDuplicateIds(dataset, &problems);
    checkTaxonomy(dataset, &problems);
    if (options.checkImages)
        checkImages(dataset, &problems);
    return problems;
}
