#pragma once

#include "app/stats/verificationsample.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

/// Annotate › Samples › Draw a Sample…: the design of a verification sample (simple random, or a number per judge
/// label, category or run), the runs it draws from and its seed. The seed starts random and can be typed, so that
/// a cited sample can be drawn again. The dialog shows what the design would draw before it is accepted.
class SampleDialog : public QDialog
{
    Q_OBJECT

public:
    SampleDialog(std::shared_ptr<const Workspace> workspace, const QStringList &takenNames, QWidget *parent = nullptr);

    QString name() const;
    SampleDesign design() const;
    /// The sample the design draws (its name set), once accepted.
    VerificationSample sample() const { return m_sample; }

    void accept() override;

private:
    void updatePreview();

    std::shared_ptr<const Workspace> m_workspace;
    QStringList m_taken;
    QLineEdit *m_name;
    QComboBox *m_strata;
    QSpinBox *m_size;
    QLabel *m_sizeCaption;
    QListWidget *m_runs;
    QLineEdit *m_seed;
    QLabel *m_preview;
    VerificationSample m_sample;
};
