#include "app/model/item.h"

QString Item::fieldKey(ItemField field)
{
    switch (field) {
    case ItemField::InstructionId:
        return QStringLiteral("instruction_id");
    case ItemField::Instruction:
        return QStringLiteral("instruction");
    case ItemField::ImagePath:
        return QStringLiteral("image_path");
    case ItemField::Category:
        return QStringLiteral("category");
    case ItemField::SubCategory:
        return QStringLiteral("sub_category");
    case ItemField::Source:
        return QStringLiteral("source");
    case ItemField::ImageDescription:
        return QStringLiteral("image_description");
    case ItemField::SafetyReason:
        return QStringLiteral("safety_reason");
    case ItemField::Count:
        break;
    }
    return {};
}

QString Item::text(ItemField field) const
{
    switch (field) {
    case ItemField::Instruction:
        return instruction;
    case ItemField::ImagePath:
        return imagePath;
    case ItemField::Category:
        return category;
    case ItemField::SubCategory:
        return subCategory;
    case ItemField::Source:
        return source;
    case ItemField::ImageDescription:
        return imageDescription;
    case ItemField::SafetyReason:
        return safetyReason;
    case ItemField::InstructionId:
    case ItemField::Count:
        break;
    }
    return {};
}

void Item::setText(ItemField field, const QString &value)
{
    QString *member = nullptr;
    switch (field) {
    case ItemField::Instruction:
        member = &instruction;
        break;
    case ItemField::ImagePath:
        member = &imagePath;
        break;
    case ItemField::Category:
        member = &category;
        break;
    case ItemField::SubCategory:
        member = &subCategory;
        break;
    case ItemField::Source:
        member = &source;
        break;
    case ItemField::ImageDescription:
        member = &imageDescription;
        break;
    case ItemField::SafetyReason:
        member = &safetyReason;
        break;
    case ItemField::InstructionId:
    case ItemField::Count:
        return;
    }
    *member = value;
    presentFields |= quint16(1u << unsigned(field));
}
