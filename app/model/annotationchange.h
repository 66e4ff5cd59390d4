#pragma once

#include "app/model/item.h"

#include <QString>

/// Whether a person's label was made without seeing the judge's label of the response (blind review). Stored as
/// NULL, 1 and 0; labels made before this was recorded, and imported ones that do not say, are NotRecorded.
enum class Blindness : quint8 { NotRecorded = 0, Blind = 1, Sighted = 2 };

/// One edit of one annotation: what it was and what it became. Undo applies it backwards.
struct AnnotationChange
{
    /// A label of a response, a leak flag of an item, or one failure-mode tag on a response (value 1: on, 0: off).
    /// Curation changes an item itself: a field's value in the curated data (value 1: the note holds the new text,
    /// 0: the file's own value), its exclusion (1: excluded, the note holding the reason; 0: kept), or its curation
    /// status (a CurationStatus), or its curator's comment (the note holds it; empty: none). Curation belongs to the
    /// item, not to one annotator: the annotator is who made it.
    enum class Kind : quint8 { Label, Leak, Tag, Field, Exclusion, Status, Comment };

    Kind kind = Kind::Label;
    qint64 item = -1; ///< instruction_id
    QString run;      ///< empty for leak flags
    QString annotator;
    int oldValue = 0; ///< Label or LeakVerdict as a number; 0 is "none"
    int newValue = 0;
    QString oldNote;
    QString newNote;
    QString tag; ///< the tag's name, for Kind::Tag
    /// For labels: whether the label before and after the change was made blind. A note edit keeps the label's.
    Blindness oldBlind = Blindness::NotRecorded;
    Blindness newBlind = Blindness::NotRecorded;
    ItemField field = ItemField::Count; ///< the edited field, for Kind::Field
    QString reason = QString();         ///< why an item was curated so, for curation kinds

    AnnotationChange reversed() const
    {
        AnnotationChange r = *this;
        std::swap(r.oldValue, r.newValue);
        std::swap(r.oldNote, r.newNote);
        std::swap(r.oldBlind, r.newBlind);
        return r;
    }
    bool isNoOp() const { return oldValue == newValue && oldNote == newNote; }
    bool isCuration() const
    {
        return kind == Kind::Field || kind == Kind::Exclusion || kind == Kind::Status || kind == Kind::Comment;
    }
    /// True when @p other edits the same annotation.
    bool sameTarget(const AnnotationChange &other) const
    {
        if (isCuration()) // an item's curation is shared: whoever changes it changes the same thing
            return kind == other.kind && item == other.item && field == other.field;
        return kind == other.kind && item == other.item && run == other.run && annotator == other.annotator &&
               tag == other.tag;
    }
};
