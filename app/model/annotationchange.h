#pragma once

#include <QString>

/// One edit of one annotation: what it was and what it became. Undo applies it backwards.
struct AnnotationChange
{
    /// A label of a response, a leak flag of an item, or one failure-mode tag on a response (value 1: on, 0: off).
    enum class Kind : quint8 { Label, Leak, Tag };

    Kind kind = Kind::Label;
    qint64 item = -1; ///< instruction_id
    QString run;      ///< empty for leak flags
    QString annotator;
    int oldValue = 0; ///< Label or LeakVerdict as a number; 0 is "none"
    int newValue = 0;
    QString oldNote;
    QString newNote;
    QString tag; ///< the tag's name, for Kind::Tag

    AnnotationChange reversed() const
    {
        AnnotationChange r = *this;
        std::swap(r.oldValue, r.newValue);
        std::swap(r.oldNote, r.newNote);
        return r;
    }
    bool isNoOp() const { return oldValue == newValue && oldNote == newNote; }
    /// True when @p other edits the same annotation.
    bool sameTarget(const AnnotationChange &other) const
    {
        return kind == other.kind && item == other.item && run == other.run && annotator == other.annotator &&
               tag == other.tag;
    }
};
