#pragma once

#include "app/model/curation.h"
#include "app/model/dataset.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

/// Finding what a curator may want to merge or drop: items that share an image file, images with the same content
/// under different names, images that look nearly the same, and instructions that are the same once case, spacing
/// and punctuation are set aside. Groups are lists of dataset indexes, each group in item order, groups largest first.
namespace Duplicates {

enum class Kind : quint8 { ImageFile, ImageContent, SimilarImage, Instruction };

struct Group
{
    Kind kind = Kind::ImageFile;
    QString key; ///< what the members share: the path, the hash, or the normalised instruction
    QList<qsizetype> items;
};

/// Items whose image_path names the same file (after "./" and ".." are resolved).
QList<Group> byImageFile(const Dataset &dataset);
/// Items whose image files have the same bytes; @p hashes holds a content hash per dataset index (items without
/// one, such as a missing image, are left out).
QList<Group> byImageContent(const Dataset &dataset, const QHash<qsizetype, QByteArray> &hashes);
/// Items whose images' difference hashes (see differenceHash()) are at most @p maxDistance bits apart, grouped
/// transitively. @p maxDistance is at most 7: the 64 bits are cut into 8 bytes, and two hashes that far apart share
/// at least one byte, so only items sharing a byte are compared.
QList<Group> bySimilarImage(const QHash<qsizetype, quint64> &hashes, int maxDistance);
/// Items whose instructions are equal once normalised (normalisedText()); with @p curation, curated instructions.
QList<Group> byInstruction(const Dataset &dataset, const Curation *curation = nullptr);

/// Lower case, letters and digits only, words separated by single spaces.
QString normalisedText(const QString &text);
/// The 64-bit difference hash of a 9 × 8 grayscale picture (row by row, 72 bytes): bit i says whether pixel i of a
/// row is brighter than its right-hand neighbour. Resizing, recompression and small edits move few bits.
quint64 differenceHash(const uchar *gray9x8);
/// Bits in which two hashes differ.
int distance(quint64 a, quint64 b);

/// "shared image file", "same image content", "similar image", "same instruction".
QString kindName(Kind kind);

} // namespace Duplicates
