#include "app/search/duplicates.h"

#include <QDir>
#include <QMap>

#include <algorithm>
#include <bit>
#include <functional>

namespace Duplicates {

namespace {

// Groups of two or more from a key per item, in item order, largest first (then by first item).
template <typename Key>
QList<Group> groupsOf(Kind kind, const QList<std::pair<Key, qsizetype>> &keyed,
                      const std::function<QString(const Key &)> &describe)
{
    QHash<Key, QList<qsizetype>> members;
    QList<Key> order;
    for (const auto &[key, item] : keyed) {
        auto it = members.find(key);
        if (it == members.end()) {
            order.append(key);
            it = members.insert(key, {});
        }
        it->append(item);
    }
    QList<Group> groups;
    for (const Key &key : std::as_const(order)) {
        QList<qsizetype> items = members.value(key);
        if (items.size() < 2)
            continue;
        std::sort(items.begin(), items.end());
        groups.append({kind, describe(key), items});
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) {
        return a.items.size() != b.items.size() ? a.items.size() > b.items.size() : a.items.first() < b.items.first();
    });
    return groups;
}

// Union-find over item indexes, for grouping similar images transitively.
struct Sets
{
    QHash<qsizetype, qsizetype> parent;
    qsizetype find(qsizetype x)
    {
        qsizetype root = x;
        while (parent.value(root, root) != root)
            root = parent.value(root, root);
        while (x != root) { // path compression
            const qsizetype next = parent.value(x, x);
            parent.insert(x, root);
            x = next;
        }
        return root;
    }
    void join(qsizetype a, qsizetype b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent.insert(std::max(a, b), std::min(a, b));
    }
};

} // namespace

QList<Group> byImageFile(const Dataset &dataset)
{
    QList<std::pair<QString, qsizetype>> keyed;
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &item = dataset.item(i);
        if (item.has(ItemField::ImagePath) && !item.imagePath.isEmpty())
            keyed.append({QDir::cleanPath(item.imagePath), i});
    }
    return groupsOf<QString>(Kind::ImageFile, keyed, [](const QString &path) { return path; });
}

QList<Group> byImageContent(const Dataset &dataset, const QHash<qsizetype, QByteArray> &hashes)
{
    QList<std::pair<QByteArray, qsizetype>> keyed;
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        if (const auto it = hashes.constFind(i); it != hashes.cend() && !it->isEmpty())
            keyed.append({*it, i});
    }
    return groupsOf<QByteArray>(Kind::ImageContent, keyed,
                                [](const QByteArray &hash) { return QString::fromLatin1(hash.left(16)); });
}

QList<Group> bySimilarImage(const QHash<qsizetype, quint64> &hashes, int maxDistance)
{
    maxDistance = std::clamp(maxDistance, 0, 7);
    QList<qsizetype> items = hashes.keys();
    std::sort(items.begin(), items.end());
    // Equal hashes first (many blank or identical pictures cost one entry), then distinct hashes by pigeonhole:
    // hashes within 7 bits agree on at least one of their 8 bytes, so only hashes sharing a byte at a place are
    // compared.
    Sets sets;
    QHash<quint64, qsizetype> firstOfHash;
    for (qsizetype item : std::as_const(items)) {
        const quint64 h = hashes.value(item);
        if (const auto it = firstOfHash.constFind(h); it != firstOfHash.cend())
            sets.join(*it, item);
        else
            firstOfHash.insert(h, item);
    }
    QHash<quint32, QList<quint64>> buckets; // (place << 8 | byte) -> distinct hashes
    for (auto it = firstOfHash.cbegin(); it != firstOfHash.cend(); ++it) {
        for (quint32 place = 0; place < 8; ++place)
            buckets[(place << 8) | quint32((it.key() >> (8 * place)) & 0xff)].append(it.key());
    }
    if (maxDistance > 0) {
        for (const QList<quint64> &bucket : std::as_const(buckets)) {
            for (qsizetype a = 0; a < bucket.size(); ++a) {
                for (qsizetype b = a + 1; b < bucket.size(); ++b) {
                    if (distance(bucket[a], bucket[b]) <= maxDistance)
                        sets.join(firstOfHash.value(bucket[a]), firstOfHash.value(bucket[b]));
                }
            }
        }
    }
    QList<std::pair<qsizetype, qsizetype>> keyed;
    for (qsizetype item : std::as_const(items))
        keyed.append({sets.find(item), item});
    return groupsOf<qsizetype>(Kind::SimilarImage, keyed, [&](const qsizetype &root) {
        return QStringLiteral("%1").arg(hashes.value(root), 16, 16, QLatin1Char('0'));
    });
}

QList<Group> byInstruction(const Dataset &dataset, const Curation *curation)
{
    QList<std::pair<QString, qsizetype>> keyed;
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &item = dataset.item(i);
        const QString text =
            curation && dataset.hasUniqueId(i) ? curation->value(item, ItemField::Instruction) : item.instruction;
        const QString key = normalisedText(text);
        if (!key.isEmpty())
            keyed.append({key, i});
    }
    return groupsOf<QString>(Kind::Instruction, keyed, [](const QString &text) { return text; });
}

QString normalisedText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out.append(QLatin1Char(' '));
            space = false;
            out.append(c.toLower());
        } else {
            space = true;
        }
    }
    return out;
}

quint64 differenceHash(const uchar *gray9x8)
{
    quint64 hash = 0;
    int bit = 0;
    for (int y = 0; y < 8; ++y) {
        for (int x = 0; x < 8; ++x, ++bit) {
            if (gray9x8[y * 9 + x] > gray9x8[y * 9 + x + 1])
                hash |= quint64(1) << bit;
        }
    }
    return hash;
}

int distance(quint64 a, quint64 b)
{
    return std::popcount(a ^ b);
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::ImageFile:
        return QStringLiteral("shared image file");
    case Kind::ImageContent:
        return QStringLiteral("same image content");
    case Kind::SimilarImage:
        return QStringLiteral("similar image");
    case Kind::Instruction:
        return QStringLiteral("same instruction");
    }
    return {};
}

} // namespace Duplicates
