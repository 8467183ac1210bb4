#!/usr/bin/env bash
# The work hoso and the tesseract CLI do per page, counted in CPU
# instructions (valgrind's callgrind), not timed: on a shared machine whose
# speed drifts by a third between runs minutes apart, a count is the same
# from run to run, so a change of a few percent shows. Instructions are not
# time (a vectorised loop does more per instruction), so the timed
# benchmarks (thick_file.sh, throughput.sh) stay the judge; this one tells
# where the work went and whether a change removed some.
#   tools/bench/work_per_page.sh [PDF]
# PDF defaults to the real Kodak letter (../shared/data/real-scans). hoso
# (--jobs 1) reads it once and twice over in one file (pdfunite): the
# difference is the work of its pages, without the start (models, the
# gazetteer) that a long batch pays once. The CLI reads each page in a
# process of its own, its model's loading included, as a user runs it, in
# two ways (as thick_file.sh): the scan as stored (pdfimages) and the page
# as it shows (pdftoppm -mono at DPI, default 200: the Kodak letter's typed
# note is on it, as it is on the page hoso reads). Needs valgrind and
# poppler-utils. Takes several minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=${1:-../shared/data/real-scans/letter-2019-kodak-200dpi.pdf}
source tools/bench/lib.sh
bench_hoso
bench_needs "valgrind poppler-utils tesseract-ocr" valgrind pdfunite pdfimages pdftoppm pdfinfo tesseract
bench_input "$src"
bench_work
pages=$(pdfinfo "$src" | awk '/^Pages:/ {print $2}')
pdfunite "$src" "$src" "$work/twice.pdf"
pdfimages -png "$src" "$work/p"
dpi=${DPI:-200}
pdftoppm -r "$dpi" -mono "$src" "$work/shown"
# Instructions callgrind counted for one command (its total, all threads).
count() {
  OMP_THREAD_LIMIT=1 valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" >/dev/null 2>&1
  awk '/^totals:/ {print $2}' "$work/cg.out"
}
# Under valgrind a page takes minutes: hoso's time limits are lifted, or it
# would give the page up (OCR_TIMEOUT) and count the work of a page unread.
once=$(count "$hoso" process --jobs 1 --page-seconds 0 --file-seconds 0 --quiet --db "$work/a.db" "$src")
twice=$(count "$hoso" process --jobs 1 --page-seconds 0 --file-seconds 0 --quiet --db "$work/b.db" "$work/twice.pdf")
for db in "$work/a.db" "$work/b.db"; do
  python3 - "$db" <<'EOF'
import sqlite3, sys
bad = sqlite3.connect(sys.argv[1]).execute("select count(*) from dossiers where status = 'rejected'").fetchone()[0]
sys.exit("hoso rejected a file under valgrind: the count is not of pages read" if bad else 0)
EOF
done
# Instructions of the CLI over the page images given, one process each.
count_cli() {
  local sum=0 n image
  for image in "$@"; do
    n=$(count tesseract "$image" "$work/out" -l vie --dpi "$dpi")
    sum=$((sum + n))
  done
  echo "$sum"
}
cli=$(count_cli "$work"/p-*.png)
shown=$(count_cli "$work"/shown-*.pbm)
python3 - "$pages" "$once" "$twice" "$cli" "$shown" "$(basename "$src")" <<'EOF'
import sys
pages, once, twice, cli, shown, name = int(sys.argv[1]), *map(int, sys.argv[2:6]), sys.argv[6]
hoso = (twice - once) / pages
print(f"{name}, {pages} pages, instructions per page (callgrind)")
print(f"  hoso process --jobs 1          {hoso / 1e9:6.2f} G  (its start, paid once: {(once - pages * hoso) / 1e9:.2f} G)")
print(f"  tesseract CLI, model loaded, on the scans as stored  {cli / pages / 1e9:6.2f} G  (CLI / hoso {cli / pages / hoso:.2f})")
print(f"  tesseract CLI, model loaded, on the pages as shown   {shown / pages / 1e9:6.2f} G  (CLI / hoso {shown / pages / hoso:.2f})")
print("  (CLI / hoso > 1: hoso does less per page)")
EOF
