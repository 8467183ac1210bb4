#!/usr/bin/env bash
# Pages per second of `hoso process --jobs 2` against the tesseract CLI run
# on the same files two at a time (xargs -P2), measured in one run.
#   tools/bench/throughput.sh [COUNT] [SEED]
# Many small files: COUNT single- and multi-page dossiers (PNG, JPEG, TIFF:
# formats the tesseract CLI reads too) with light damage and no blank pages,
# so both read exactly the same pages. Then one thick PDF of real 200 dpi
# letter pages, 60 and 300 pages long, with peak memory, and hoso's peak
# memory on 30 pages (tools/bench/thick_file.sh). THICK=off: small files only.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-16} seed=${2:-4242}
hoso=build/tools/hoso/hoso samplegen=build/tools/samplegen/samplegen
[[ -x $hoso && -x $samplegen ]] || { echo "build first: scripts/test.sh or scripts/setup.sh" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$samplegen --out "$work/set" --count "$count" --seed "$seed" --damage light --blank-rate 0 \
  --formats png,jpeg,tiff >/dev/null 2>&1
pages=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['pages']) for l in open('$work/set/truth.jsonl')))")
files=$(ls "$work"/set/*.png "$work"/set/*.jpg "$work"/set/*.tif 2>/dev/null | wc -l)
now() { date +%s.%N; }
rate() { python3 -c "print(f'{$1/($3-$2):.2f}')"; }

t0=$(now)
$hoso process --jobs 2 --quiet --db "$work/bench.db" "$work/set" >/dev/null
t1=$(now)
mkdir -p "$work/tess1" "$work/tessN"
ls "$work"/set/*.png "$work"/set/*.jpg "$work"/set/*.tif 2>/dev/null |
  OMP_THREAD_LIMIT=1 xargs -P2 -I{} sh -c 'tesseract "$1" "$2/$(basename "$1")" -l vie >/dev/null 2>&1' _ {} "$work/tess1"
t2=$(now)
ls "$work"/set/*.png "$work"/set/*.jpg "$work"/set/*.tif 2>/dev/null |
  xargs -P2 -I{} sh -c 'tesseract "$1" "$2/$(basename "$1")" -l vie >/dev/null 2>&1' _ {} "$work/tessN"
t3=$(now)

echo "set: $files files, $pages pages (samplegen --seed $seed --damage light), $(nproc) cores"
printf '%-52s %8s s  %6s pages/s\n' "hoso process --jobs 2 (cleanup+OCR+registry)" "$(python3 -c "print(f'{$t1-$t0:.1f}')")" "$(rate "$pages" "$t0" "$t1")"
printf '%-52s %8s s  %6s pages/s\n' "tesseract -l vie, xargs -P2, OMP_THREAD_LIMIT=1" "$(python3 -c "print(f'{$t2-$t1:.1f}')")" "$(rate "$pages" "$t1" "$t2")"
printf '%-52s %8s s  %6s pages/s\n' "tesseract -l vie, xargs -P2, default threads" "$(python3 -c "print(f'{$t3-$t2:.1f}')")" "$(rate "$pages" "$t2" "$t3")"

[[ ${THICK:-on} == off ]] && exit 0
echo
tools/bench/thick_file.sh 60
echo
tools/bench/thick_file.sh 300
echo
CLI=off tools/bench/thick_file.sh 30
