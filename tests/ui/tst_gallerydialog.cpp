#include "gallerydialog.h"
#include "mainwindow.h"

#include "app/io/workspaceloader.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The gallery's dialog: which items it offers and exports, its defaults, the cap on large lists, the export on a
// worker, and its entry in the window's File › Export menu.
class TestGalleryDialog : public QObject
{
    Q_OBJECT

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }

    static QList<qsizetype> range(qsizetype n)
    {
        QList<qsizetype> out;
        for (qsizetype i = 0; i < n; ++i)
            out.append(n - 1 - i); // the list's order, not the dataset's
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void selectedItemByDefaultBlurOn()
    {
        GalleryDialog dialog({7}, range(20), true);
        auto *selected = dialog.findChild<QRadioButton *>(QStringLiteral("selectedItems"));
        auto *listed = dialog.findChild<QRadioButton *>(QStringLiteral("listedItems"));
        QVERIFY(selected && listed);
        QVERIFY(selected->isChecked());
        QVERIFY(listed->text().contains(QStringLiteral("20 filtered")));
        QCOMPARE(dialog.items(), QList<qsizetype>{7});
        QVERIFY(dialog.options().blurImages);
        QVERIFY(!dialog.options().judgeExplanations);
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("capWarning"))->isVisibleTo(&dialog));
        listed->setChecked(true);
        QCOMPARE(dialog.items(), range(20));
        dialog.findChild<QCheckBox *>(QStringLiteral("blurImages"))->setChecked(false);
        dialog.findChild<QCheckBox *>(QStringLiteral("judgeExplanations"))->setChecked(true);
        QVERIFY(!dialog.options().blurImages);
        QVERIFY(dialog.options().judgeExplanations);
    }

    void longListsAreCappedWithAWarning()
    {
        GalleryDialog dialog({}, range(700), false);
        auto *selected = dialog.findChild<QRadioButton *>(QStringLiteral("selectedItems"));
        auto *listed = dialog.findChild<QRadioButton *>(QStringLiteral("listedItems"));
        QVERIFY(!selected->isEnabled());
        QVERIFY(listed->isChecked());
        QVERIFY(listed->text().contains(QStringLiteral("700")));
        QVERIFY(!listed->text().contains(QStringLiteral("filtered")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("capWarning"))->isVisibleTo(&dialog));
        // VLSBENCH_GALLERYDIALOG_SCREENSHOT=file.png keeps a picture of the dialog.
        if (const QString shot = qEnvironmentVariable("VLSBENCH_GALLERYDIALOG_SCREENSHOT"); !shot.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(shot));
        }
        const QList<qsizetype> items = dialog.items();
        QCOMPARE(items.size(), qsizetype(GalleryDialog::kMaxItems));
        QCOMPARE(items.first(), qsizetype(699));
        QCOMPARE(items.last(), qsizetype(700 - GalleryDialog::kMaxItems));
    }

    void writesOnAWorker()
    {
        auto workspace = std::make_shared<Workspace>();
        FileError error;
        QVERIFY(WorkspaceLoader::load({sample(), {}, {sample() + "/results/aurora-vl-7b.json"}, {}}, workspace.get(),
                                      &error));
        QTemporaryDir dir;
        GalleryExport::Options options;
        options.format = GalleryExport::Format::Pdf;
        const QString path = dir.filePath("two.pdf");
        const GalleryDialog::Outcome outcome =
            GalleryDialog::write(nullptr, GalleryExport::Source::of(workspace, nullptr), {3, 4}, options, path);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QVERIFY(outcome.message.contains(path));
        QVERIFY(outcome.message.contains(QStringLiteral("(2 pages)")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");

        // A failure comes back as an error naming the file.
        const QString data = sample() + "/data.json";
        const GalleryDialog::Outcome refused =
            GalleryDialog::write(nullptr, GalleryExport::Source::of(workspace, nullptr), {3}, {}, data);
        QVERIFY(refused.message.isEmpty());
        QVERIFY2(refused.error.contains(data), qPrintable(refused.error));
    }

    void theWindowOffersIt()
    {
        MainWindow window;
        QAction *action = window.findChild<QAction *>(QStringLiteral("actionExportGallery"));
        QVERIFY(action);
        QMenu *exportMenu = nullptr;
        for (QMenu *menu : window.findChildren<QMenu *>()) {
            if (menu->actions().contains(action))
                exportMenu = menu;
        }
        QVERIFY(exportMenu);
        QCOMPARE(exportMenu->title(), QStringLiteral("E&xport"));
        QCOMPARE(action->text(), QStringLiteral("&Gallery of Selected Items…"));
    }
};

QTEST_MAIN(TestGalleryDialog)
#include "tst_gallerydialog.moc"
