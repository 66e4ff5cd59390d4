#pragma once

#include "app/model/workspace.h"

#include <QList>
#include <QStringList>

#include <atomic>

/// Which items' texts (instruction, image description, safety reason, every response and judge explanation)
/// contain which words, case-folded. Built once per workspace on a worker; it turns a search through every
/// response into a scan of the vocabulary. ItemQuery looks up each search term separately.
class WordIndex
{
public:
    /// Returns an empty index when @p cancel is set midway.
    static WordIndex build(const Workspace &workspace, const std::atomic_bool *cancel = nullptr);

    bool isEmpty() const { return m_words.isEmpty(); }
    qsizetype wordCount() const { return m_words.size(); }

    /// Flags the items whose texts contain @p text, ignoring case. When @p exact comes back true the flags are the
    /// answer; otherwise they are a superset to check with a scan (text with spaces or punctuation). For a phrase
    /// whose pieces may be separated by any white space the flags are still a superset.
    QList<bool> candidates(const QString &text, qsizetype itemCount, bool *exact) const;

private:
    QStringList m_words;             ///< the vocabulary, case-folded
    QList<QList<qint32>> m_postings; ///< per word, the items that contain it, ascending
};
