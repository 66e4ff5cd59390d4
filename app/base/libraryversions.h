#pragma once

#include <QList>
#include <QString>

/// One library the program is built on, as the About dialog and `--version` name it.
struct LibraryVersion
{
    QString name;
    QString version; ///< The version in use at run time where the library can say, else the one built against.
    QString licence; ///< SPDX identifier.
    QString homepage;
};

/// The libraries linked into vlsbench-studio, with their versions and licences.
QList<LibraryVersion> libraryVersions();
