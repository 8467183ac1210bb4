#!/usr/bin/env bash
# One thick file: pages per second and peak memory of `hoso process --jobs 2`
# on one PDF of N real 200 dpi letter pages, against the tesseract CLI on
# the same pages two at a time, in one run (issue 18's case: an archive box
# scanned into one PDF).
#   tools/bench/thick_file.sh [PAGES] [PDF]
# PDF defaults to the real Kodak scan (../shared/data/real-scans, two
# bi-level CCITT pages), repeated to PAGES pages (default 60) with
# pdfunite. The CLI cannot read a PDF: its pages are taken out first,
# timed apart (a user has to do it too), in two ways: the scanner's images
# as stored (pdfimages), and the pages as they show (pdftoppm at the file's
# resolution, 1 bit, as OCRmyPDF renders a page before OCR): a PDF page
# can hold more than its scan (the Kodak letter's first page has a typed
# note laid over it, which pdfimages drops and hoso reads). CLI=off measures
# hoso alone (for peak memory against the file's length). ROUNDS=N runs
# the two by turns N times (the machine's load drifts) and gives the
# median ratio.
# Needs poppler-utils and GNU time.
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=${1:-60}
src=${2:-../shared/data/real-scans/letter-2019-kodak-200dpi.pdf}
source tools/bench/lib.sh
bench_hoso
bench_needs "poppler-utils time" pdfunite pdfimages pdftoppm pdfinfo /usr/bin/time
bench_input "$src"
bench_work
per=$(pdfinfo "$src" | awk '/^Pages:/ {print $2}')
copies=$(( (pages + per - 1) / per ))
args=()
for ((i = 0; i < copies; i++)); do args+=("$src"); done
pdfunite "${args[@]}" "$work/thick.pdf"
pages=$(pdfinfo "$work/thick.pdf" | awk '/^Pages:/ {print $2}')
now() { date +%s.%N; }
rate() { python3 -c "print(f'{$1/($3-$2):.2f}')"; }
secs() { python3 -c "print(f'{$2-$1:.1f}')"; }
peak() { awk '/Maximum resident set size/ {printf "%.0f", $6/1024}' "$1"; }

rounds=${ROUNDS:-1}
echo "one PDF of $pages pages ($(basename "$src") x$copies), $(nproc) cores, $rounds round(s)"
dpi=${DPI:-200}
mkdir -p "$work/pages" "$work/shown" "$work/tess"
if [[ ${CLI:-on} != off ]]; then
  t2=$(now)
  pdfimages -png "$work/thick.pdf" "$work/pages/p"
  t3=$(now)
  extract=$(python3 -c "print($t3-$t2)")
  t2=$(now)
  pdftoppm -r "$dpi" -mono "$work/thick.pdf" "$work/shown/p"  # 1-bit PBM
  t3=$(now)
  render=$(python3 -c "print($t3-$t2)")
fi
# The CLI on the images (PNG, PBM) in $1, two at a time; prints its seconds.
cli() {
  rm -f "$work"/tess/*
  local t0 t1
  t0=$(now)
  /usr/bin/time -v -o "$work/tess.time" sh -c "ls '$1'/*.p[nb][gm] | OMP_THREAD_LIMIT=1 xargs -P2 -I{} sh -c 'tesseract \"\$1\" \"$work/tess/\$(basename \"\$1\")\" -l vie --dpi $dpi >/dev/null 2>&1' _ {}"
  t1=$(now)
  python3 -c "print($t1-$t0)"
}
# On a shared machine the load changes from minute to minute: the two are
# run by turns, and each round's ratio is of runs a minute apart.
ratios=()
shown_ratios=()
for ((r = 1; r <= rounds; r++)); do
  rm -f "$work/bench.db"
  t0=$(now)
  /usr/bin/time -v -o "$work/hoso.time" $hoso process --jobs 2 --quiet --db "$work/bench.db" "$work/thick.pdf" >/dev/null
  t1=$(now)
  printf '%-52s %8s s  %6s pages/s  peak %s MiB\n' "hoso process --jobs 2 thick.pdf" \
    "$(secs "$t0" "$t1")" "$(rate "$pages" "$t0" "$t1")" "$(peak "$work/hoso.time")"
  [[ ${CLI:-on} == off ]] && continue
  for kind in images shown; do
    if [[ $kind == images ]]; then
      s=$(cli "$work/pages") pre=$extract label="tesseract on pdfimages' scans" first=pdfimages
    else
      s=$(cli "$work/shown") pre=$render label="tesseract on pdftoppm's pages" first=pdftoppm
    fi
    printf '%-52s %8s s  %6s pages/s  peak %s MiB (one tesseract)\n' "$label, -P2" \
      "$(python3 -c "print(f'{$s:.1f}')")" "$(python3 -c "print(f'{$pages/$s:.2f}')")" "$(peak "$work/tess.time")"
    ratio=$(python3 -c "print(f'{$s/($t1-$t0):.2f}')")
    if [[ $kind == images ]]; then ratios+=("$ratio"); else shown_ratios+=("$ratio"); fi
    printf '  hoso / this: %s (%s counting %s)\n' "$ratio" "$(python3 -c "print(f'{($s+$pre)/($t1-$t0):.2f}')")" "$first"
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
if ((${#ratios[@]} > 1)); then
  printf 'median of %d rounds, hoso / tesseract CLI: %s on the scans as stored, %s on the pages as shown\n' \
    "${#ratios[@]}" "$(median "${ratios[@]}")" "$(median "${shown_ratios[@]}")"
fi
