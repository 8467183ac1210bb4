#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS on its corpus (fuzz/corpus/NAME,
# kept in the repository; new finds go to a scratch folder, not into it).
# Prints executions per target; exits non-zero on a crash, leak or hang.
#   fuzz/run.sh BUILD_DIR [SECONDS]   (CI: 20 s each; a long run: 3600)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?BUILD_DIR} seconds=${2:-20}
status=0
for name in address normalize ingest; do
  scratch=$(mktemp -d)
  log=$(mktemp)
  if ! "$build/fuzz/${name}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$scratch/" "$scratch" "fuzz/corpus/$name" >"$log" 2>&1; then
    echo "fuzz: $name FAILED"; tail -40 "$log"; ls "$scratch"; status=1
  else
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [[ -n $execs ]] || execs=$(grep -oE '#[0-9]+' "$log" | tail -1 | tr -d '#')
    echo "fuzz: $name ok, $execs executions in $seconds s"
  fi
  rm -rf "$scratch" "$log"
done
exit $status
