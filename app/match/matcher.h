#pragma once

#include "app/model/dataset.h"
#include "app/model/run.h"
#include "app/model/runmatch.h"

#include <QHash>
#include <QString>

/// Ties result records to dataset items by question text and image file name.
///
/// A record's `id` is its item's position at evaluation time and its image path comes from another machine,
/// so neither is trusted alone: the question must match, the image name narrows, and the id only breaks ties.
class Matcher
{
public:
    explicit Matcher(const Dataset &dataset);

    RunMatch match(const Run &run) const;

    /// Whitespace-insensitive form of a question used as the match key.
    static QString normalizeQuestion(const QString &question);

private:
    const Dataset &m_dataset;
    QHash<QString, QList<qsizetype>> m_byQuestion;
    QList<QString> m_imageNames; ///< per item, the image's file name
};
