#include "app/search/wordindex.h"

#include <QHash>
#include <QStringMatcher>

#include <algorithm>

namespace {

// Judged after case folding, as the case-insensitive scan compares (U+0345 folds to a letter, for one).
bool isWordCharacter(QChar ch)
{
    return ch.toCaseFolded().isLetterOrNumber();
}

template <typename Visit> void forEachWord(const QString &text, QString *buffer, Visit visit)
{
    const QChar *data = text.constData();
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        while (i < size && !isWordCharacter(data[i]))
            ++i;
        if (i >= size)
            break;
        buffer->clear();
        while (i < size && isWordCharacter(data[i]))
            buffer->append(data[i++].toCaseFolded());
        visit(*buffer);
    }
}

} // namespace

WordIndex WordIndex::build(const Workspace &workspace, const std::atomic_bool *cancel)
{
    WordIndex index;
    QHash<QString, qint32> ids;
    QList<qint32> itemWords;
    QString buffer;
    const qsizetype items = workspace.dataset.size();
    for (qsizetype item = 0; item < items; ++item) {
        if (cancel && (item & 1023) == 0 && cancel->load(std::memory_order_relaxed))
            return {};
        itemWords.clear();
        auto add = [&](const QString &word) {
            auto it = ids.constFind(word);
            if (it == ids.cend()) {
                it = ids.insert(word, qint32(index.m_words.size()));
                index.m_words.append(word);
                index.m_postings.append(QList<qint32>());
            }
            itemWords.append(*it);
        };
        const Item &it = workspace.dataset.item(item);
        for (const QString *field : {&it.instruction, &it.imageDescription, &it.safetyReason})
            forEachWord(*field, &buffer, add);
        for (qsizetype run = 0; run < workspace.runs.size(); ++run) {
            if (const ResultRecord *record = workspace.record(item, run)) {
                forEachWord(record->response, &buffer, add);
                forEachWord(record->explanation, &buffer, add);
            }
        }
        std::sort(itemWords.begin(), itemWords.end());
        itemWords.erase(std::unique(itemWords.begin(), itemWords.end()), itemWords.end());
        for (qint32 word : std::as_const(itemWords))
            index.m_postings[word].append(qint32(item));
    }
    return index;
}

QList<bool> WordIndex::candidates(const QString &text, qsizetype itemCount, bool *exact) const
{
    // The query's word pieces; a piece of letters and digits can only occur inside one word of the text.
    QStringList pieces;
    QString buffer;
    forEachWord(text, &buffer, [&pieces](const QString &word) { pieces.append(word); });
    bool onlyWordCharacters = !text.isEmpty();
    for (const QChar ch : text)
        onlyWordCharacters = onlyWordCharacters && isWordCharacter(ch) && !ch.isSurrogate();
    *exact = onlyWordCharacters && pieces.size() == 1;

    QList<bool> result(itemCount, pieces.isEmpty());
    if (pieces.isEmpty()) {
        *exact = false; // nothing to look up (only punctuation): every item stays a candidate
        return result;
    }
    QList<char> perPiece;
    for (qsizetype p = 0; p < pieces.size(); ++p) {
        // Every piece of the query has to occur inside some word of the item: a necessary condition, and for a
        // single piece of letters and digits a sufficient one.
        const QStringMatcher matcher(pieces[p], Qt::CaseSensitive);
        QList<char> found(itemCount, 0);
        for (qsizetype w = 0; w < m_words.size(); ++w) {
            if (matcher.indexIn(m_words[w]) < 0)
                continue;
            for (qint32 item : m_postings[w])
                found[item] = 1;
        }
        if (p == 0) {
            perPiece = std::move(found);
        } else {
            for (qsizetype i = 0; i < itemCount; ++i)
                perPiece[i] = perPiece[i] && found[i];
        }
    }
    for (qsizetype i = 0; i < itemCount; ++i)
        result[i] = perPiece[i];
    return result;
}
