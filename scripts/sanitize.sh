#!/usr/bin/env bash
# The hardening runs (CI runs them after scripts/test.sh):
#   1. the whole test suite built with AddressSanitizer and
#      UndefinedBehaviorSanitizer (build-asan/, -DHOSO_SANITIZE=ON);
#   2. each libFuzzer target (clang, build-fuzz/) for FUZZ_SECONDS (default
#      20) on its corpus in fuzz/corpus/. A long run: fuzz/run.sh build-fuzz 3600
# Leak checking is off: Tesseract, Leptonica and Poco keep process-lifetime
# allocations that LeakSanitizer reports; everything else ASan checks is on.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHOSO_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$(nproc)"
ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHOSO_FUZZ=ON \
  -DHOSO_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzzers
fuzz/run.sh build-fuzz "${FUZZ_SECONDS:-20}"
