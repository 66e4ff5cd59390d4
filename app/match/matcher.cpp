#include "app/match/matcher.h"

QString Matcher::normalizeQuestion(const QString &question)
{
    // Most questions are already clean; checking is much cheaper than building a simplified copy.
    const QChar *text = question.constData();
    const qsizetype size = question.size();
    bool clean = size == 0 || (!text[0].isSpace() && !text[size - 1].isSpace());
    for (qsizetype i = 0; clean && i < size; ++i) {
        if (text[i].isSpace() && (text[i] != QLatin1Char(' ') || text[i + 1].isSpace()))
            clean = false;
    }
    return clean ? question : question.simplified();
}

Matcher::Matcher(const Dataset &dataset) : m_dataset(dataset)
{
    m_byQuestion.reserve(dataset.size());
    m_imageNames.reserve(dataset.size());
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &item = dataset.item(i);
        m_imageNames.append(ImagePath::fileName(item.imagePath));
        m_byQuestion[normalizeQuestion(item.instruction)].append(i);
    }
}

RunMatch Matcher::match(const Run &run) const
{
    RunMatch result;
    const qsizetype records = run.records.size();
    result.itemOfRecord.fill(-1, records);
    result.status.fill(MatchStatus::Unmatched, records);
    result.recordOfItem.fill(-1, m_dataset.size());

    QList<qsizetype> sameImage;
    for (qsizetype r = 0; r < records; ++r) {
        const ResultRecord &record = run.records[r];
        const auto found = m_byQuestion.constFind(normalizeQuestion(record.question));
        if (found == m_byQuestion.cend()) {
            ++result.unmatched;
            continue;
        }
        const QList<qsizetype> &byQuestion = *found;
        sameImage.clear();
        const QStringView imageName = ImagePath::fileNameView(record.imagePath);
        if (!imageName.isEmpty()) {
            for (qsizetype candidate : byQuestion) {
                if (m_imageNames[candidate] == imageName)
                    sameImage.append(candidate);
            }
        }
        // An empty question says nothing, so there the image name must agree; otherwise it only narrows.
        const bool emptyQuestion = found.key().isEmpty();
        const QList<qsizetype> &pool = sameImage.isEmpty() && !emptyQuestion ? byQuestion : sameImage;
        qsizetype item = -1;
        if (pool.isEmpty()) {
            ++result.unmatched;
            continue;
        }
        if (pool.size() == 1)
            item = pool.front();
        else if (record.id >= 0 && record.id < m_dataset.size() && pool.contains(record.id))
            item = record.id; // several items share question and image: the evaluation-time position decides
        if (item < 0) {
            result.status[r] = MatchStatus::Ambiguous;
            ++result.ambiguous;
        } else if (result.recordOfItem[item] >= 0) {
            result.status[r] = MatchStatus::Duplicate;
            ++result.duplicates;
        } else {
            result.status[r] = MatchStatus::Matched;
            result.itemOfRecord[r] = item;
            result.recordOfItem[item] = r;
            ++result.matched;
        }
    }
    return result;
}
