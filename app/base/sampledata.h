#pragma once

#include <QString>
#include <QStringList>

/// Where the bundled sample dataset lives, installed or in the source tree.
class SampleData
{
public:
    /// The sample's folder (holding data.json), or an empty string when it cannot be found.
    static QString directory();
    /// The sample's result files, sorted by name.
    static QStringList resultFiles();
};
