#!/usr/bin/env bash
# Learning a layout from corrections (issue 21): dossiers of a layout whose
# labels hoso's reader does not understand (tools/samplegen/layouts/
# unfamiliar.json). TRAIN of them are processed and corrected through the
# review API as a reviewer does (each core field set to what the page says;
# a label is learnt when the value stood under it), then TEST more of the
# same layout are processed with what was learnt, and again by a registry
# that learnt nothing. Prints each core field's accuracy on the TEST
# dossiers before and after, and what was learnt.
#   tools/bench/learning_loop.sh [TRAIN=10] [TEST=50] [SEED=2141]
# Needs python3 (the reviewer's API calls and the scoring). KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
train=${1:-10}
test_n=${2:-50}
seed=${3:-2141}
hoso=${HOSO:-build/tools/hoso/hoso}
samplegen=build/tools/samplegen/samplegen
[[ -x $hoso && -x $samplegen ]] || { echo "build first: scripts/test.sh or scripts/setup.sh" >&2; exit 2; }
work=$(mktemp -d)
serve_pid=
trap '[[ -n $serve_pid ]] && kill $serve_pid 2>/dev/null; [[ -n ${KEEP:-} ]] && echo "kept $work" || rm -rf "$work"' EXIT
$samplegen --out "$work/set" --count $((train + test_n)) --seed "$seed" --damage light \
  --layouts tools/samplegen/layouts/unfamiliar.json 2>/dev/null
mkdir -p "$work/train" "$work/test"
for ((i = 1; i <= train + test_n; i++)); do
  name=$(printf 'dossier-%04d' "$i")
  dest=$([[ $i -le $train ]] && echo train || echo test)
  mv "$work/set/$name".* "$work/$dest/"
done
$hoso process --db "$work/learn.db" --json "$work/train.jsonl" "$work/train" >/dev/null 2>&1 || true
echo "correct horse" | $hoso user add reviewer --role reviewer --db "$work/learn.db" >/dev/null
$hoso serve --db "$work/learn.db" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 50); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.2; done
port=$(sed -n 's/.*:\([0-9]*\)\/$/\1/p' "$work/serve.out" | head -1)
python3 - "$port" "$work" <<'PY'
import json, sys, urllib.request, glob, os
port, work = sys.argv[1], sys.argv[2]
base = f"http://127.0.0.1:{port}"
jar = {}
def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None: req.add_header("Content-Type", "application/json")
    if "cookie" in jar: req.add_header("Cookie", jar["cookie"])
    if "csrf" in jar: req.add_header("X-CSRF-Token", jar["csrf"])
    with urllib.request.urlopen(req) as r:
        if r.headers.get("Set-Cookie"): jar["cookie"] = r.headers["Set-Cookie"].split(";")[0]
        return json.loads(r.read() or b"{}")
me = call("POST", "/api/session", {"name": "reviewer", "password": "correct horse"})
jar["csrf"] = me["csrf"]
core = ["full_name", "date_of_birth", "gender", "id_number", "permanent_address", "phone"]
corrections = learnt = 0
for line in open(os.path.join(work, "train.jsonl")):
    r = json.loads(line)
    truth = json.load(open(os.path.join(work, "train", os.path.basename(r["source"]).rsplit(".", 1)[0] + ".truth.json")))
    d = call("GET", f"/api/dossiers/{r['dossier_id']}")
    version = d["version"]
    for k in core:
        want = truth["fields"].get(k)
        if want is None or d["fields"].get(k, {}).get("value") == want: continue
        out = call("PUT", f"/api/dossiers/{r['dossier_id']}/fields/{k}", {"value": want, "version": version})
        version = out["version"]; corrections += 1
        if "learnt" in out: learnt += 1
print(f"training: {corrections} corrections on the first dossiers, {learnt} of them taught a label")
PY
kill $serve_pid; wait $serve_pid 2>/dev/null || true; serve_pid=
echo "learnt:"; $hoso learnt list --db "$work/learn.db" | sed 's/^/  /'
$hoso process --db "$work/learn.db" --json "$work/after.jsonl" "$work/test" >/dev/null 2>&1 || true
$hoso process --db "$work/fresh.db" --json "$work/before.jsonl" "$work/test" >/dev/null 2>&1 || true
python3 - "$work" "$test_n" <<'PY'
import json, sys, os, unicodedata
work, n = sys.argv[1], int(sys.argv[2])
nfc = lambda s: unicodedata.normalize("NFC", s) if isinstance(s, str) else s
core = ["full_name", "date_of_birth", "gender", "id_number", "permanent_address", "phone"]
def score(path):
    right = {k: 0 for k in core}; total = {k: 0 for k in core}; all_ok = 0
    for line in open(path):
        r = json.loads(line)
        t = json.load(open(os.path.join(work, "test", os.path.basename(r["source"]).rsplit(".", 1)[0] + ".truth.json")))
        ok = True
        for k in core:
            if k not in t["fields"]: continue
            total[k] += 1
            good = nfc(r["fields"].get(k, {}).get("value")) == nfc(t["fields"][k])
            right[k] += good; ok &= good
        all_ok += ok
    return right, total, all_ok
b, tb, ab = score(os.path.join(work, "before.jsonl"))
a, ta, aa = score(os.path.join(work, "after.jsonl"))
print(f"{'field':20} {'learnt nothing':>15} {'after learning':>15}   ({n} test dossiers)")
for k in core:
    print(f"{k:20} {100*b[k]/max(1,tb[k]):14.1f}% {100*a[k]/max(1,ta[k]):14.1f}%")
print(f"{'every core field':20} {100*ab/n:14.1f}% {100*aa/n:14.1f}%")
PY
