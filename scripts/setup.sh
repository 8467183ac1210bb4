#!/usr/bin/env bash
# Sets up hoso on a fresh Debian 12 machine: installs the Debian packages it
# needs, builds it, and runs it on the bundled samples (leaving ./hoso.db).
#   scripts/setup.sh              packages + build + demo
#   scripts/setup.sh --deps-only  packages only (CI)
#   scripts/setup.sh --no-deps    build + demo only
set -euo pipefail
cd "$(dirname "$0")/.."

deps=1 build=1
for arg in "$@"; do
  case "$arg" in
    --deps-only) build=0 ;;
    --no-deps) deps=0 ;;
    *) echo "usage: $0 [--deps-only|--no-deps]" >&2; exit 2 ;;
  esac
done

PACKAGES=(
  build-essential cmake pkg-config git
  tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-osd
  libtesseract-dev libleptonica-dev libtiff-dev zlib1g-dev
  libopencv-dev libopencv-contrib-dev
  libpoco-dev libpoppler-cpp-dev libpoppler-private-dev libpq-dev postgresql
  libgoogle-perftools-dev
  chromium clang libclang-rt-14-dev
  googletest libgtest-dev
  fonts-liberation2 fonts-dejavu-core
  dpkg-dev adduser systemd
)

# The browser test's Node.js: Debian's, unless the machine has its own
# (a nodejs that bundles npm conflicts with Debian's npm package).
command -v node >/dev/null || PACKAGES+=(nodejs)
command -v npm >/dev/null || PACKAGES+=(npm)

if ((deps)); then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; fi
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "setup: every Debian package is already installed"
  fi
fi

if ((build)); then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j "$(nproc)"
  echo
  echo "setup: running hoso on samples/ (registry ./hoso.db, records ./samples-out.jsonl)"
  build/tools/hoso/hoso process --db hoso.db --json samples-out.jsonl samples/
fi
