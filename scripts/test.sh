#!/usr/bin/env bash
# Builds hoso and runs the whole test suite (OCR, CLI and all). Needs the
# packages scripts/setup.sh installs. Fast tests alone: ctest --test-dir build -L fast
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser test's driver (playwright-core, pinned in tests/web/package-lock.json).
if command -v npm >/dev/null && [[ ! -d tests/web/node_modules/playwright-core ]]; then
  npm ci --prefix tests/web --no-audit --no-fund --loglevel=error
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j "$(nproc)" "$@"
