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
