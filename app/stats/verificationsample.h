#pragma once

#include "app/model/judgelabel.h"
#include "app/model/workspace.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

/// A verification sample: a named queue of responses drawn at random, to check the judge's labels by hand and
/// estimate its accuracy on the whole run (the paper checked 50 responses per judge label).
///
/// The draw is reproducible from what is recorded: the population (the responses of the chosen runs, in
/// instruction_id and run order), the design and the seed. The generator is SplitMix64 and every random choice is
/// spelled out here (no std::shuffle or std::uniform_int_distribution, whose results differ between standard
/// libraries), so the same seed draws the same sample on any machine and in any later version.
struct SampleDesign
{
    /// How the population is split before drawing.
    enum class Strata : quint8 { None, JudgeLabel, Category, Run };

    Strata strata = Strata::None;
    /// None: the sample's size. Otherwise: how many to draw from each stratum (all of a smaller one).
    int size = 100;
    quint64 seed = 0;
    /// The runs drawn from, by name; empty for every open run.
    QStringList runs;

    bool operator==(const SampleDesign &) const = default;

    static QString strataKey(Strata strata);
    static bool parseStrata(const QString &key, Strata *strata);
};

struct SampleMember
{
    qint64 item = -1; ///< instruction_id
    QString run;
    QString stratum;

    bool operator==(const SampleMember &) const = default;
};

struct VerificationSample
{
    QString name;
    SampleDesign design;
    QString createdBy;
    QString created; ///< ISO 8601, UTC
    /// The queue, in the random order it is worked through.
    QList<SampleMember> members;
    /// Every stratum's size in the population when drawn (N_h): the weights of the estimate.
    QHash<QString, qint64> stratumSizes;

    qint64 populationSize() const;
    bool operator==(const VerificationSample &) const = default;
};

/// The judge's accuracy estimated from a sample: per stratum the share of checked responses where the person's
/// label equals the judge's, and over the population the stratified estimate Σ W_h p_h with W_h = N_h / N.
struct SampleEstimate
{
    struct Stratum
    {
        QString name;
        qint64 populationSize = 0; ///< N_h
        qint64 drawn = 0;          ///< responses of the sample in it
        qint64 checked = 0;        ///< n_h: drawn responses the person has labelled
        qint64 agree = 0;          ///< of those, labelled as the judge did
        double weight = 0;         ///< W_h
        double share = qQNaN();    ///< agree / checked; NaN when nothing is checked
    };
    QList<Stratum> strata;
    qint64 drawn = 0;
    qint64 checked = 0;
    double estimate = qQNaN(); ///< NaN when undefined
    double variance = qQNaN();
    double low = qQNaN(); ///< 95 % interval
    double high = qQNaN();
    double effectiveSize = qQNaN();
    QString undefinedReason; ///< why the estimate or its interval is undefined; empty when both are defined

    bool isDefined() const { return !std::isnan(estimate); }
};

/// Samples as a project keeps them: one JSON document under its "samples" value, members listed in queue order
/// (so a sample stays what was drawn even if the runs change later). Read as untrusted input: a malformed sample is
/// skipped and described, never fatal.
namespace SampleStore {

inline constexpr const char *kKey = "samples";
inline constexpr int kMaxSamples = 100;
inline constexpr qsizetype kMaxMembers = 1000000;

QList<VerificationSample> parse(const QString &json, QString *problem = nullptr);
QString serialize(const QList<VerificationSample> &samples);

} // namespace SampleStore

namespace SampleDraw {

/// The next number of SplitMix64 from @p state (which advances).
quint64 next(quint64 *state);
/// A number in [0, @p bound) from @p state, without modulo bias (rejection of the top of the range).
quint64 below(quint64 *state, quint64 bound);

/// The first @p k positions of a Fisher–Yates shuffle of 0 .. @p n − 1 (position i swapped with one chosen from i
/// to the end): @p k positions chosen at random, in the order chosen.
QList<qsizetype> choose(qsizetype n, qsizetype k, quint64 *state);
/// Fisher–Yates from the end: position i (from the last down to 1) swapped with one chosen from 0 to i.
void shuffle(QList<qsizetype> *order, quint64 *state);

/// Draws a sample from @p workspace as @p design says. Responses exist where a run has a record matched to the
/// item. Strata are taken in sorted order, each drawn by a partial Fisher–Yates shuffle of its responses in
/// (instruction_id, run) order; the chosen responses are then shuffled once more into the queue's order.
VerificationSample draw(const Workspace &workspace, const SampleDesign &design);

/// The stratum of a response under @p strata: "refusal", "warning", "unsafe" or "invalid"; the category; the run.
QString stratumOf(SampleDesign::Strata strata, const Label &judge, const QString &category, const QString &run);

/// The judge's label and the person's label of a sample member (Label::Invalid for the person: not labelled).
using LabelsOf = std::function<std::pair<Label, Label>(const SampleMember &member)>;

/// The estimate of the judge's accuracy from @p sample. The variance is the stratified one with the finite
/// population correction, Σ W_h² (1 − n_h/N_h) p_h (1 − p_h) / (n_h − 1); the 95 % interval is Wilson's around the
/// estimate with the effective sample size p(1 − p) / variance (or Σ n_h when the variance is 0). Undefined, with
/// the reason, when a stratum of the population has no checked response (the estimate) or one only (the interval).
SampleEstimate estimate(const VerificationSample &sample, const LabelsOf &labels);

} // namespace SampleDraw
