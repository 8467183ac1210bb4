#!/usr/bin/env bash
# One thick file: pages per second and peak memory of `hoso process --jobs 2`
# on one PDF of N real 200 dpi letter pages, against the tesseract CLI on
# the same pages two at a time, in one run (issue 18's case: an archive box
# scanned into one PDF).
#   tools/bench/thick_file.sh [PAGES] [PDF]
# PDF defaults to the real Kodak scan (../shared/data/real-scans, two
# bi-level CCITT pages), repeated to PAGES pages (default 60) with
# pdfunite; the CLI reads the same pages, taken out of it with pdfimages.
# Needs poppler-utils and GNU time.
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=${1:-60}
src=${2:-../shared/data/real-scans/letter-2019-kodak-200dpi.pdf}
hoso=${HOSO:-build/tools/hoso/hoso}  # another build: HOSO=path (with HOSO_MODELS)
[[ -x $hoso ]] || { echo "build first: scripts/test.sh or scripts/setup.sh" >&2; exit 2; }
for tool in pdfunite pdfimages pdfinfo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt install poppler-utils time)" >&2; exit 2; }
done
[[ -f $src ]] || { echo "no $src" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
per=$(pdfinfo "$src" | awk '/^Pages:/ {print $2}')
copies=$(( (pages + per - 1) / per ))
args=()
for ((i = 0; i < copies; i++)); do args+=("$src"); done
pdfunite "${args[@]}" "$work/thick.pdf"
pages=$(pdfinfo "$work/thick.pdf" | awk '/^Pages:/ {print $2}')
mkdir -p "$work/pages" "$work/tess"
pdfimages -png "$work/thick.pdf" "$work/pages/p"
now() { date +%s.%N; }
rate() { python3 -c "print(f'{$1/($3-$2):.2f}')"; }
peak() { awk '/Maximum resident set size/ {printf "%.0f", $6/1024}' "$1"; }

t0=$(now)
/usr/bin/time -v -o "$work/hoso.time" $hoso process --jobs 2 --quiet --db "$work/bench.db" "$work/thick.pdf" >/dev/null
t1=$(now)
/usr/bin/time -v -o "$work/tess.time" sh -c "ls '$work'/pages/*.png | OMP_THREAD_LIMIT=1 xargs -P2 -I{} sh -c 'tesseract \"\$1\" \"$work/tess/\$(basename \"\$1\")\" -l vie --dpi 200 >/dev/null 2>&1' _ {}"
t2=$(now)

echo "one PDF of $pages pages ($(basename "$src") x$copies), $(nproc) cores"
printf '%-52s %8s s  %6s pages/s  peak %s MiB\n' "hoso process --jobs 2 thick.pdf" \
  "$(python3 -c "print(f'{$t1-$t0:.1f}')")" "$(rate "$pages" "$t0" "$t1")" "$(peak "$work/hoso.time")"
printf '%-52s %8s s  %6s pages/s  peak %s MiB (one tesseract)\n' "tesseract -l vie --dpi 200, xargs -P2, 1 thread" \
  "$(python3 -c "print(f'{$t2-$t1:.1f}')")" "$(rate "$pages" "$t1" "$t2")" "$(peak "$work/tess.time")"
