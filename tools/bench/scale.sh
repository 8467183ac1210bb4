#!/usr/bin/env bash
# Long batches: peak memory of `hoso process` over a 100-page and a
# 1,000-page batch (it must not grow with the batch), and pages per second
# with 1 and 2 workers on one PostgreSQL queue.
#   tools/bench/scale.sh [memory|workers|all]
# Inputs are copies of samples/ (8 dossiers, 11 pages) made distinct by a
# trailing byte string (decoders ignore it, the registry sees new files), so
# every page is really read. The workers part starts a throwaway PostgreSQL
# server (tests/support/pg_server.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-all}
hoso=build/tools/hoso/hoso
[[ -x $hoso ]] || { echo "build first: scripts/test.sh or scripts/setup.sh" >&2; exit 2; }
work=$(mktemp -d)
trap 'bash tests/support/pg_server.sh stop "$work/pg.uri" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# copies DIR ROUNDS: ROUNDS copies of each sample (11 pages a round).
copies() {
  mkdir -p "$1"
  for ((r = 0; r < $2; r++)); do
    for f in samples/dossier-*.{jpg,tif,pdf}; do
      [[ -f $f ]] || continue
      b=$(basename "$f")
      { cat "$f"; printf 'hoso-bench-copy-%d' "$r"; } >"$1/${b%.*}-r$r.${b##*.}"
    done
  done
}
pages_of() { echo $(($1 * 11)); }
now() { date +%s.%N; }

if [[ $what == memory || $what == all ]]; then
  for rounds in 9 91; do  # 99 and 1,001 pages
    copies "$work/m$rounds" "$rounds"
    /usr/bin/time -f '%M %e' -o "$work/time" $hoso process --jobs 2 --quiet --db "$work/m$rounds.db" \
      --as-of 2026-01-01 "$work/m$rounds" >/dev/null || true
    read -r kb secs <"$work/time"
    awk -v p="$(pages_of $rounds)" -v kb="$kb" -v s="$secs" \
      'BEGIN { printf "memory: %5d pages  peak RSS %6.1f MB  %6.1f s  %.2f pages/s\n", p, kb / 1024, s, p / s }'
    rm -rf "$work/m$rounds"
  done
fi

if [[ $what == workers || $what == all ]]; then
  bash tests/support/pg_server.sh start "$work/pg.uri" >/dev/null
  uri=$(cat "$work/pg.uri")
  copies "$work/w" 4  # 44 pages
  base_uri=${uri%%\?*}
  query=${uri#*\?}
  for workers in 1 2; do
    db="${base_uri%/*}/hoso_w$workers?$query"
    dir=$(sed -n 's/.*host=\([^&]*\).*/\1/p' "$work/pg.uri")
    psql -q -h "$dir" -p 5432 -U hoso -d hoso_test -c "CREATE DATABASE hoso_w$workers" >/dev/null
    $hoso enqueue --db "$db" "$work/w" >/dev/null
    t0=$(now)
    pids=()
    for ((k = 1; k <= workers; k++)); do
      $hoso worker --db "$db" --jobs 1 --exit-when-idle --quiet --as-of 2026-01-01 --name "w$k" >/dev/null 2>&1 &
      pids+=($!)
    done
    wait "${pids[@]}"
    t1=$(now)
    awk -v w="$workers" -v a="$t0" -v b="$t1" \
      'BEGIN { printf "workers: %d worker(s), --jobs 1 each: 44 pages in %.1f s, %.2f pages/s\n", w, b - a, 44 / (b - a) }'
  done
fi
