#pragma once

#include <QCoreApplication>
#include <QString>

struct Workspace;

/// What went wrong while loading, in one line for a banner and in full for its details: responses that matched
/// no item, invalid judge labels, validation problems and file warnings. Empty when nothing did.
struct LoadSummary
{
    Q_DECLARE_TR_FUNCTIONS(LoadSummary)

public:
    QString text;
    QString details;
    bool hasErrors = false; ///< validation found errors, not only warnings

    bool isEmpty() const { return text.isEmpty(); }
    static LoadSummary of(const Workspace &workspace);
};
