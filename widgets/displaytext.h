#pragma once

#include <QString>

/// Text from data files shown in the window. A name or an instruction may be any length (100,000 characters have
/// been seen); charts, lists and labels get a bounded prefix, so measuring and laying out never scale with the
/// data. Exports and reports keep the full text.
namespace DisplayText {

/// Category, sub-category and run names on chart axes, in combo boxes and table cells.
inline constexpr qsizetype kName = 60;
/// One cell or line of a list: the start of an instruction.
inline constexpr qsizetype kCell = 300;
/// Text laid out on the item page (instruction, description, reason) and in tooltips.
inline constexpr qsizetype kPage = 20000;
/// A model's response in its column.
inline constexpr qsizetype kResponse = 200000;

/// @p text cut to at most @p max characters, with an ellipsis and, for long cuts, the full length; never splits a
/// surrogate pair.
inline QString elided(const QString &text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    qsizetype cut = max;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    if (max < 1000)
        return text.left(cut) + QChar(0x2026);
    return text.left(cut) + QStringLiteral("\n\n[… shown: the first %L1 of %L2 characters]").arg(cut).arg(text.size());
}

} // namespace DisplayText
