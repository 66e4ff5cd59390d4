#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format makes of it (.clang-format at the top). With --fix it
# rewrites them instead. Installs Debian 12's clang-format (14) when it is missing: another version would
# format some constructs differently.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if ! command -v clang-format >/dev/null; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang-format >/dev/null
fi
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = --fix ]; then
    clang-format -i "${files[@]}"
    echo "formatted ${#files[@]} files"
    exit 0
fi
bad=()
for file in "${files[@]}"; do
    clang-format --dry-run -Werror "$file" >/dev/null 2>&1 || bad+=("$file")
done
if [ ${#bad[@]} -gt 0 ]; then
    echo "check-format: ${#bad[@]} of ${#files[@]} files are not formatted ($(clang-format --version)):" >&2
    printf '  %s\n' "${bad[@]}" >&2
    echo "run packaging/check-format.sh --fix" >&2
    exit 1
fi
echo "check-format: all ${#files[@]} C++ files match .clang-format"
