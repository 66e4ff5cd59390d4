#include "app/io/datasetloader.h"

#include "app/base/logging.h"
#include "app/io/jsonsource.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <simdjson.h>

#include <string>
#include <unordered_map>

namespace {

QString toQString(std::string_view sv)
{
    return QString::fromUtf8(sv.data(), qsizetype(sv.size()));
}

ItemField fieldForKey(std::string_view key)
{
    static const std::unordered_map<std::string_view, ItemField> fields = {
        {"instruction_id", ItemField::InstructionId},
        {"instruction", ItemField::Instruction},
        {"image_path", ItemField::ImagePath},
        {"category", ItemField::Category},
        {"sub_category", ItemField::SubCategory},
        {"source", ItemField::Source},
        {"image_description", ItemField::ImageDescription},
        {"safety_reason", ItemField::SafetyReason},
    };
    const auto it = fields.find(key);
    return it == fields.end() ? ItemField::Count : it->second;
}

QString *stringMember(Item &item, ItemField field)
{
    switch (field) {
    case ItemField::Instruction:
        return &item.instruction;
    case ItemField::ImagePath:
        return &item.imagePath;
    case ItemField::Category:
        return &item.category;
    case ItemField::SubCategory:
        return &item.subCategory;
    case ItemField::Source:
        return &item.source;
    case ItemField::ImageDescription:
        return &item.imageDescription;
    case ItemField::SafetyReason:
        return &item.safetyReason;
    default:
        return nullptr;
    }
}

QString typeName(simdjson::dom::element_type type)
{
    using T = simdjson::dom::element_type;
    switch (type) {
    case T::ARRAY:
        return QStringLiteral("a list");
    case T::OBJECT:
        return QStringLiteral("an object");
    case T::INT64:
    case T::UINT64:
    case T::DOUBLE:
        return QStringLiteral("a number");
    case T::STRING:
        return QStringLiteral("a string");
    case T::BOOL:
        return QStringLiteral("true or false");
    case T::NULL_VALUE:
        return QStringLiteral("null");
    }
    return QStringLiteral("a value");
}

} // namespace

QString DatasetLoader::dataFileFor(const QString &path)
{
    if (QFileInfo(path).isDir())
        return QDir(path).filePath(QStringLiteral("data.json"));
    return path;
}

bool DatasetLoader::load(const QString &path, Dataset *dataset, FileError *error)
{
    const QString file = dataFileFor(path);
    if (!QFileInfo::exists(file)) {
        *error = {file, 0, 0,
                  QFileInfo(path).isDir() ? QStringLiteral("the folder has no data.json")
                                          : QStringLiteral("no such file")};
        return false;
    }
    QByteArray bytes;
    QElapsedTimer timer;
    timer.start();
    if (!JsonSource::readFile(file, &bytes, error))
        return false;
    const bool ok = loadFromBytes(file, bytes, dataset, error);
    if (ok)
        qCDebug(lcIo).noquote() << "dataset" << file << dataset->size() << "items," << bytes.size() << "bytes in"
                                << timer.elapsed() << "ms";
    else
        qCDebug(lcIo).noquote() << "dataset" << file << "failed:" << error->toString();
    return ok;
}

bool DatasetLoader::loadFromBytes(const QString &fileName, const QByteArray &bytes, Dataset *dataset, FileError *error)
{
    // simdjson reads past the end of its input; copy only when the caller's buffer has no room for that.
    QByteArray padded = bytes;
    if (padded.capacity() - padded.size() < JsonSource::kPadding)
        padded.reserve(padded.size() + JsonSource::kPadding);

    simdjson::dom::parser parser;
    if (parser.allocate(size_t(padded.size()), JsonSource::kMaxDepth) != simdjson::SUCCESS) {
        *error = {fileName, 0, 0, QStringLiteral("the file is too large to load")};
        return false;
    }
    simdjson::dom::element root;
    const auto code =
        parser.parse(reinterpret_cast<const uint8_t *>(padded.constData()), size_t(padded.size()), false).get(root);
    if (code != simdjson::SUCCESS) {
        *error = JsonSource::diagnose(fileName, padded.constData(), size_t(padded.size()));
        if (error->isNull())
            *error = {fileName, 0, 0,
                      QStringLiteral("invalid JSON: %1").arg(QString::fromUtf8(simdjson::error_message(code)))};
        return false;
    }
    simdjson::dom::array list;
    if (root.get_array().get(list) != simdjson::SUCCESS) {
        *error = {fileName, 1, 1, QStringLiteral("expected a JSON list of items, found %1").arg(typeName(root.type()))};
        return false;
    }

    Dataset result;
    result.m_filePath = QFileInfo(fileName).absoluteFilePath();
    result.m_imageRoot = QFileInfo(result.m_filePath).absolutePath();
    result.m_items.reserve(qsizetype(list.size()));
    std::unordered_map<std::string, quint32> layoutIds;
    std::string signature;
    QStringList layoutKeys;

    qsizetype position = 0;
    for (simdjson::dom::element entry : list) {
        simdjson::dom::object object;
        if (entry.get_object().get(object) != simdjson::SUCCESS) {
            result.m_loadProblems.append({Problem::Severity::Error, QStringLiteral("not-an-object"), -1,
                                          QStringLiteral("entry %1 of the list is %2, not an item object")
                                              .arg(position)
                                              .arg(typeName(entry.type()))});
            ++position;
            continue;
        }
        Item item;
        signature.clear();
        for (const auto field : object) {
            signature.append(field.key);
            signature.push_back('\0');
            const ItemField known = fieldForKey(field.key);
            bool typed = false;
            if (known == ItemField::InstructionId) {
                int64_t id = 0;
                if (field.value.get_int64().get(id) == simdjson::SUCCESS) {
                    item.instructionId = id;
                    typed = true;
                }
            } else if (known != ItemField::Count) {
                std::string_view text;
                if (field.value.get_string().get(text) == simdjson::SUCCESS) {
                    *stringMember(item, known) = toQString(text);
                    typed = true;
                }
            }
            if (typed) {
                item.presentFields |= quint16(1u << unsigned(known));
            } else {
                const std::string json = simdjson::to_string(field.value);
                item.rawFields.append({toQString(field.key), QByteArray(json.data(), qsizetype(json.size()))});
            }
        }
        auto [it, inserted] = layoutIds.try_emplace(signature, quint32(result.m_keyLayouts.size()));
        if (inserted) {
            layoutKeys.clear();
            for (const auto field : object)
                layoutKeys.append(toQString(field.key));
            result.m_keyLayouts.append(layoutKeys);
        }
        item.keyLayout = it->second;
        if (item.has(ItemField::InstructionId) && !result.m_indexById.contains(item.instructionId))
            result.m_indexById.insert(item.instructionId, result.m_items.size());
        else if (item.has(ItemField::InstructionId))
            result.m_duplicateIds.insert(item.instructionId);
        result.m_items.append(std::move(item));
        ++position;
    }
    *dataset = std::move(result);
    return true;
}
