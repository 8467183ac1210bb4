# What the benchmark scripts share: the hoso binary to measure, the tools
# they need, and a scratch folder removed on exit. Sourced after `cd` to
# the repository's root.

# $hoso: HOSO, or the build's binary (another build: HOSO=path, with
# HOSO_MODELS); exits 2 when it is not built.
bench_hoso() {
  hoso=${HOSO:-build/tools/hoso/hoso}
  [[ -x $hoso ]] || { echo "build first: scripts/test.sh or scripts/setup.sh" >&2; exit 2; }
}

# bench_needs "PACKAGES" TOOL...: exits 2 naming the Debian packages when
# a tool is missing.
bench_needs() {
  local packages=$1
  shift
  for tool; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt install $packages)" >&2; exit 2; }
  done
}

# bench_input FILE: exits 2 when FILE is missing.
bench_input() { [[ -f $1 ]] || { echo "no $1" >&2; exit 2; }; }

# $work: a scratch folder, removed when the script exits.
bench_work() {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}
