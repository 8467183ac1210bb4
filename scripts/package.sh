#!/usr/bin/env bash
# Builds hoso's Debian package and checks it as a ward's IT person would use
# it (needs root or sudo, and the build in build/):
#   - an older version is installed with dpkg -i: the hoso user, /var/lib/hoso
#     and /etc/hoso/hoso.conf appear;
#   - the installed hoso reads a sample from another folder, as the hoso
#     user, with no environment: its models found beside it, its options
#     (the registry, the intake point) from /etc/hoso/hoso.conf;
#   - the units pass systemd-analyze verify; serve and a watch instance run
#     from the file and stop cleanly on SIGTERM;
#   - the current version is installed over it: the edited configuration
#     and the registry are kept;
#   - dpkg -r, then dpkg -P, remove it cleanly (the registry stays).
# Leaves build/hoso_VERSION_ARCH.deb. On a machine that had no hoso user or
# /var/lib/hoso before, they are removed again at the end.
#   scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; fi
say() { echo "package: $*"; }
fail() { echo "package: FAILED: $*" >&2; exit 1; }

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target hoso
version=$(sed -n 's/^project(hoso VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
arch=$(dpkg --print-architecture)
rm -f build/hoso_*.deb
(cd build && cpack -G DEB -R 0.0.9 >/dev/null && cpack -G DEB >/dev/null)
old=build/hoso_0.0.9_${arch}.deb new=build/hoso_${version}_${arch}.deb
[[ -f $old && -f $new ]] || fail "cpack made no package"
say "built $new ($(du -h "$new" | cut -f1))"

had_user=0 had_data=0
getent passwd hoso >/dev/null && had_user=1
[[ -e /var/lib/hoso ]] && had_data=1
dpkg-query -W hoso >/dev/null 2>&1 && fail "a hoso package is already installed here"
work=$(mktemp -d)
chmod 755 "$work"
cleanup() {
  $SUDO dpkg -P hoso >/dev/null 2>&1 || true
  if ((!had_data)); then $SUDO rm -rf /var/lib/hoso; fi
  if ((!had_user)) && getent passwd hoso >/dev/null; then $SUDO deluser --quiet --system hoso >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# An older version first.
$SUDO dpkg -i "$old" >/dev/null
getent passwd hoso >/dev/null || fail "no hoso system user"
[[ -d /var/lib/hoso && -f /etc/hoso/hoso.conf ]] || fail "no /var/lib/hoso or /etc/hoso/hoso.conf"
[[ $(stat -c %U /var/lib/hoso) == hoso ]] || fail "/var/lib/hoso is not the hoso user's"
say "0.0.9 installed: user hoso, /var/lib/hoso, /etc/hoso/hoso.conf"

# The IT person names the intake point in the configuration file (the
# line the file has for it, commented out).
$SUDO sed -i 's/^# intake-point = Trụ sở UBND phường$/intake-point = Trụ sở UBND phường/' /etc/hoso/hoso.conf
grep -q '^intake-point = Trụ sở UBND phường$' /etc/hoso/hoso.conf || fail "hoso.conf has no intake-point line"

# The installed hoso, from another folder, as its user, with no environment.
cp samples/dossier-0001.jpg samples/dossier-0004.jpg "$work/"
chmod 644 "$work"/*.jpg
as_hoso() { (cd "$work" && $SUDO /usr/sbin/runuser -u hoso -- env -i PATH=/usr/bin:/bin "$@"); }
as_hoso hoso process dossier-0001.jpg >"$work/process.out" 2>&1 || { cat "$work/process.out"; fail "installed hoso process"; }
as_hoso hoso export --format csv >"$work/export.csv" || fail "installed hoso export"
grep -q "Trụ sở UBND phường" "$work/export.csv" || fail "the intake point from /etc/hoso/hoso.conf is not in the record"
[[ $(wc -l <"$work/export.csv") -eq 2 ]] || fail "the registry /var/lib/hoso/hoso.db should hold one dossier"
say "installed hoso read $work/dossier-0001.jpg into /var/lib/hoso/hoso.db, options from /etc/hoso/hoso.conf"

# Another user (not in the hoso group) cannot read the configuration (it
# may hold the database's password): hoso goes on without it, and says so.
(cd "$work" && $SUDO /usr/sbin/runuser -u nobody -- env -i PATH=/usr/bin:/bin \
  hoso address "phường Phúc Xá, quận Ba Đình, Hà Nội" >"$work/address.out" 2>"$work/address.err") ||
  fail "hoso address as another user"
grep -q '"suggested"' "$work/address.out" && grep -q "cannot read /etc/hoso/hoso.conf" "$work/address.err" ||
  fail "another user's hoso: $(cat "$work/address.err")"
say "another user's hoso works without the configuration it may not read, and says so"

# The units.
units=(/usr/lib/systemd/system/hoso-serve.service /usr/lib/systemd/system/hoso-worker.service)
cp /usr/lib/systemd/system/hoso-watch@.service "$work/hoso-watch@diem-1.service"
out=$(systemd-analyze verify "${units[@]}" "$work/hoso-watch@diem-1.service" 2>&1) || fail "systemd-analyze verify: $out"
[[ -z $out ]] || fail "systemd-analyze verify: $out"
say "systemd-analyze verify: the three units are clean"

# serve as its unit runs it: listening, then SIGTERM ends it with 0.
printf '\n[serve]\nport = 0\n' | $SUDO tee -a /etc/hoso/hoso.conf >/dev/null
as_hoso hoso --config /etc/hoso/hoso.conf serve >"$work/serve.out" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
grep -q "listening on" "$work/serve.out" || { cat "$work/serve.out"; fail "serve did not start"; }
$SUDO pkill -TERM -u hoso -f "^hoso --config /etc/hoso/hoso.conf serve" || fail "no serve process to stop"
wait "$pid" || fail "serve did not end cleanly on SIGTERM"
# A watch instance: its folder and intake point from [watch diem-2].
$SUDO install -d -o hoso -g hoso "$work/scans"
cp samples/dossier-0004.jpg "$work/scans/" && chmod 644 "$work/scans/dossier-0004.jpg"
printf '\n[watch diem-2]\nfolder = %s\nintake-point = Điểm tiếp nhận số 2\nsettle = 0\n' "$work/scans" |
  $SUDO tee -a /etc/hoso/hoso.conf >/dev/null
as_hoso hoso --config /etc/hoso/hoso.conf --instance diem-2 watch --once >"$work/watch.out" 2>&1 ||
  { cat "$work/watch.out"; fail "the watch instance"; }
as_hoso hoso export --format csv | grep -q "Điểm tiếp nhận số 2" || fail "the watch instance's intake point"
say "serve and watch@diem-2 run from /etc/hoso/hoso.conf and stop cleanly"

# The new version over the old: the configuration and the registry stay.
$SUDO dpkg -i "$new" >/dev/null
[[ $(dpkg-query -W -f='${Version}' hoso) == "$version" ]] || fail "not upgraded to $version"
grep -q "Trụ sở UBND phường" /etc/hoso/hoso.conf || fail "the upgrade replaced /etc/hoso/hoso.conf"
[[ $(as_hoso hoso export --format csv | wc -l) -eq 3 ]] || fail "the upgrade lost the registry's dossiers"
say "upgraded 0.0.9 -> $version: /etc/hoso/hoso.conf and the registry kept"

# Removed, then purged.
$SUDO dpkg -r hoso >/dev/null
[[ ! -e /usr/bin/hoso && ! -e /usr/share/hoso ]] || fail "dpkg -r left files"
[[ -f /etc/hoso/hoso.conf ]] || fail "dpkg -r removed the configuration (only a purge does)"
$SUDO dpkg -P hoso >/dev/null
[[ ! -e /etc/hoso ]] || fail "dpkg -P left /etc/hoso"
[[ -f /var/lib/hoso/hoso.db ]] || fail "a package operation deleted the registry"
say "removed and purged cleanly; /var/lib/hoso/hoso.db kept"
say "ok: $new"
