// Finding duplicates for curation (issue #16): shared image files, identical image content, near-identical images on
// pictures generated here with known edits, and instructions equal once normalised.
#include "widgets/imagefingerprint.h"

#include "app/io/datasetloader.h"
#include "app/search/duplicates.h"

#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A picture with structure at every scale: shapes on a gradient, from a fixed seed.
QImage picture(quint32 seed)
{
    QImage image(320, 240, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    QPainter p(&image);
    QLinearGradient gradient(0, 0, 320, 240);
    gradient.setColorAt(0, QColor::fromRgb(random.generate()));
    gradient.setColorAt(1, QColor::fromRgb(random.generate()));
    p.fillRect(image.rect(), gradient);
    for (int i = 0; i < 12; ++i) {
        p.setBrush(QColor::fromRgb(random.generate()));
        p.setPen(Qt::NoPen);
        p.drawEllipse(
            QRect(random.bounded(280), random.bounded(200), 30 + random.bounded(120), 30 + random.bounded(90)));
    }
    return image;
}

} // namespace

class TestDuplicates : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString save(const QImage &image, const QString &name, const char *format = "PNG", int quality = -1)
    {
        const QString path = m_dir.filePath(name);
        if (!image.save(path, format, quality))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void knownEditsKeepTheHashCloseAndOtherPicturesFar()
    {
        const QImage base = picture(7);
        const ImageFingerprint original = ImageFingerprint::of(save(base, QStringLiteral("a.png")));
        QVERIFY(original.decoded);
        QCOMPARE(original.sha256.size(), 64);
        // The same bytes under another name: the same content hash.
        QFile::copy(m_dir.filePath(QStringLiteral("a.png")), m_dir.filePath(QStringLiteral("copy.png")));
        QCOMPARE(ImageFingerprint::of(m_dir.filePath(QStringLiteral("copy.png"))).sha256, original.sha256);

        // Known edits: recompressed as JPEG, scaled to half, a little brighter, a small caption stamped in a corner.
        const ImageFingerprint jpeg = ImageFingerprint::of(save(base, QStringLiteral("b.jpg"), "JPEG", 70));
        const ImageFingerprint half = ImageFingerprint::of(
            save(base.scaled(160, 120, Qt::IgnoreAspectRatio, Qt::SmoothTransformation), QStringLiteral("c.png")));
        QImage brighter = base;
        for (int y = 0; y < brighter.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(brighter.scanLine(y));
            for (int x = 0; x < brighter.width(); ++x)
                line[x] = qRgb(qMin(255, qRed(line[x]) + 12), qMin(255, qGreen(line[x]) + 12),
                               qMin(255, qBlue(line[x]) + 12));
        }
        const ImageFingerprint bright = ImageFingerprint::of(save(brighter, QStringLiteral("d.png")));
        QImage stamped = base;
        {
            QPainter p(&stamped);
            p.fillRect(QRect(270, 215, 45, 20), Qt::white);
        }
        const ImageFingerprint stamp = ImageFingerprint::of(save(stamped, QStringLiteral("e.png")));
        for (const ImageFingerprint *edited : {&jpeg, &half, &bright, &stamp}) {
            QVERIFY(edited->decoded);
            QVERIFY(edited->sha256 != original.sha256);
            QVERIFY2(Duplicates::distance(edited->dhash, original.dhash) <= 4,
                     qPrintable(QString::number(Duplicates::distance(edited->dhash, original.dhash))));
        }
        // Different pictures are far apart.
        for (quint32 seed : {8u, 9u, 10u, 11u}) {
            const ImageFingerprint other =
                ImageFingerprint::of(save(picture(seed), QStringLiteral("other%1.png").arg(seed)));
            QVERIFY2(Duplicates::distance(other.dhash, original.dhash) > 7,
                     qPrintable(QString::number(Duplicates::distance(other.dhash, original.dhash))));
        }
        // Not a picture, and not a file: no fingerprint to speak of.
        QFile junk(m_dir.filePath(QStringLiteral("junk.png")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not an image");
        junk.close();
        QVERIFY(!ImageFingerprint::of(junk.fileName()).decoded);
        QVERIFY(ImageFingerprint::of(m_dir.filePath(QStringLiteral("missing.png"))).sha256.isEmpty());
    }

    void differenceHashByHand()
    {
        // Each row falls from left to right: every pixel is brighter than its right neighbour, all 64 bits set.
        uchar falling[72];
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 9; ++x)
                falling[y * 9 + x] = uchar(200 - 10 * x);
        QCOMPARE(Duplicates::differenceHash(falling), ~quint64(0));
        // Flat: no bit. One step in row 0 between pixels 2 and 3: bit 2 alone.
        uchar flat[72];
        std::fill(std::begin(flat), std::end(flat), uchar(100));
        QCOMPARE(Duplicates::differenceHash(flat), quint64(0));
        flat[2] = 101;
        QCOMPARE(Duplicates::differenceHash(flat), quint64(1) << 2);
        QCOMPARE(Duplicates::distance(0xF0, 0x0F), 8);
    }

    void groupsByFileContentSimilarityAndInstruction()
    {
        const QByteArray json = R"([
            {"instruction_id": 1, "instruction": "How do I get in?", "image_path": "imgs/1.png"},
            {"instruction_id": 2, "instruction": "how do I get in", "image_path": "./imgs/1.png"},
            {"instruction_id": 3, "instruction": "Something else", "image_path": "imgs/3.png"},
            {"instruction_id": 4, "instruction": "HOW do i -- get in!!", "image_path": "imgs/4.png"},
            {"instruction_id": 5, "instruction": "", "image_path": "imgs/5.png"},
            {"instruction_id": 6, "instruction": "", "image_path": "imgs/6.png"}])";
        Dataset dataset;
        FileError error;
        QVERIFY(DatasetLoader::loadFromBytes(QStringLiteral("d.json"), json, &dataset, &error));
        const QList<Duplicates::Group> files = Duplicates::byImageFile(dataset);
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0].items, QList<qsizetype>({0, 1}));
        QCOMPARE(files[0].key, QStringLiteral("imgs/1.png"));

        const QList<Duplicates::Group> texts = Duplicates::byInstruction(dataset);
        QCOMPARE(texts.size(), 1); // empty instructions are not "the same"
        QCOMPARE(texts[0].items, QList<qsizetype>({0, 1, 3}));
        QCOMPARE(texts[0].key, QStringLiteral("how do i get in"));
        // Curated text counts: item 3 rewritten to match item 1's.
        Curation curation;
        curation.setEdit(3, ItemField::Instruction, {QStringLiteral("How do I get in?"), QStringLiteral("a"), {}, {}});
        QCOMPARE(Duplicates::byInstruction(dataset, &curation)[0].items, QList<qsizetype>({0, 1, 2, 3}));

        QHash<qsizetype, QByteArray> content{{0, "aa"}, {1, "aa"}, {2, "bb"}, {3, "bb"}, {4, "cc"}};
        const QList<Duplicates::Group> same = Duplicates::byImageContent(dataset, content);
        QCOMPARE(same.size(), 2);
        QCOMPARE(same[0].items, QList<qsizetype>({0, 1}));
        QCOMPARE(same[1].items, QList<qsizetype>({2, 3}));

        // 0 and 1 three bits apart, 1 and 2 three bits apart (0 and 2 six): one group at 4, transitively. 3 is 8 bits
        // from all of them; 4 and 5 are equal.
        const QHash<qsizetype, quint64> hashes{{0, 0x0},    {1, 0x7},   {2, 0x38 | 0x7}, {3, 0xFF00000000000000ull},
                                               {4, 0x1234}, {5, 0x1234}};
        QList<Duplicates::Group> similar = Duplicates::bySimilarImage(hashes, 4);
        QCOMPARE(similar.size(), 2);
        QCOMPARE(similar[0].items, QList<qsizetype>({0, 1, 2}));
        QCOMPARE(similar[1].items, QList<qsizetype>({4, 5}));
        similar = Duplicates::bySimilarImage(hashes, 0);
        QCOMPARE(similar.size(), 1);
        QCOMPARE(similar[0].items, QList<qsizetype>({4, 5}));
        // A distance beyond what the buckets can promise is held at 7: 0x1234 is 5 bits from 0 (so 4 and 5 join the
        // first group) while 3 stays out, 8 bits from 0.
        similar = Duplicates::bySimilarImage(hashes, 64);
        QCOMPARE(similar.size(), 1);
        QCOMPARE(similar[0].items, QList<qsizetype>({0, 1, 2, 4, 5}));
    }

    void normalisedText()
    {
        QCOMPARE(Duplicates::normalisedText(QStringLiteral("  Hello,\tWORLD!! ")), QStringLiteral("hello world"));
        QCOMPARE(Duplicates::normalisedText(QStringLiteral("Ça va? 你好🙂")), QStringLiteral("ça va 你好"));
        QCOMPARE(Duplicates::normalisedText(QStringLiteral("?!")), QString());
    }
};

QTEST_MAIN(TestDuplicates)
#include "tst_duplicates.moc"
