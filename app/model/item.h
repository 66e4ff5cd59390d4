#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

/// The fields of a VLSBench item that the tool understands, in the benchmark's order.
enum class ItemField : quint8 {
    InstructionId,
    Instruction,
    ImagePath,
    Category,
    SubCategory,
    Source,
    ImageDescription,
    SafetyReason,
    Count
};

/// A field kept verbatim: a key the tool does not know, or a known key whose value has the wrong type.
struct RawField
{
    QString key;
    QByteArray json; ///< the value as compact JSON
};

/// One image–text pair of the benchmark.
struct Item
{
    qint64 instructionId = -1;
    QString instruction;
    QString imagePath; ///< relative to the dataset root, as written in the file
    QString category;
    QString subCategory;
    QString source;
    QString imageDescription;
    QString safetyReason;

    quint16 presentFields = 0; ///< bit per ItemField present with the right type
    quint32 keyLayout = 0;     ///< index into Dataset::keyLayouts(): the object's keys in file order
    QList<RawField> rawFields;

    bool has(ItemField field) const { return presentFields & (1u << unsigned(field)); }
    /// The JSON key of a known field, e.g. "sub_category".
    static QString fieldKey(ItemField field);
    /// The value of a text field (every field but InstructionId); empty for the others.
    QString text(ItemField field) const;
    /// Sets a text field and marks it present; InstructionId and Count are ignored.
    void setText(ItemField field, const QString &value);
};
