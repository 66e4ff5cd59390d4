#pragma once

#include "app/model/dataset.h"
#include "app/model/workspace.h"

#include <QString>

#include <cstddef>
#include <cstdint>

/// What every fuzz target shares: a quiet Qt set-up, a scratch folder for the files the loaders read, and the
/// bundled sample as the fixed dataset and workspace that inputs are matched and scored against.
namespace FuzzSupport {

/// Call from LLVMFuzzerInitialize: makes the QCoreApplication and silences Qt's messages (qFatal still prints).
void initialise(int *argc, char ***argv);

/// @p name inside this process's scratch folder (a QTemporaryDir made once; TMPDIR decides where).
QString scratchPath(const QString &name);

/// Replaces @p path with the fuzz input; aborts when it cannot, since every later result would be meaningless.
void writeFile(const QString &path, const uint8_t *data, size_t size);

/// The bundled sample's dataset, loaded once.
const Dataset &sampleDataset();

/// The bundled sample with its result files, loaded and matched once.
const Workspace &sampleWorkspace();

} // namespace FuzzSupport
