#!/usr/bin/env bash
# Fuzzes `bifrost serve imt` from its own OpenAPI document (GET /__admin/openapi.json) with
# schemathesis: the partner operations with a session cookie, then the admin API on a fresh server
# (its PUT state and faults would change what the partner operations answer). Prints the failures
# by check and, from the mock's journal, the statuses each partner operation answered.
#
#   Tools/imt-schemathesis.sh                 # MAX_EXAMPLES=200 Tools/imt-schemathesis.sh for more
#
# Environment: BIFROST (the binary, default .build/debug/bifrost, built when missing), VENV (the
# virtual environment holding schemathesis, default /tmp/bifrost-schemathesis, made when missing),
# MAX_EXAMPLES (per operation, default 100), SEED (default 1), CHECKS (default all),
# OUT (the reports' folder, default a temporary folder). Exit status: 1 when a data operation never
# answered 2xx or a negative_data_rejection or content_type_conformance failure was found.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${VENV:-/tmp/bifrost-schemathesis}
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi
bifrost=${BIFROST:-.build/debug/bifrost}
if [ ! -x "$bifrost" ]; then swift build --product bifrost > /dev/null; fi
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
max_examples=${MAX_EXAMPLES:-100}
seed=${SEED:-1}
checks=${CHECKS:-all}
media=application/vnd.api+json

pids=()
cleanup() {
  for pid in ${pids[@]+"${pids[@]}"}; do kill "$pid" 2> /dev/null || true; done
  for pid in ${pids[@]+"${pids[@]}"}; do wait "$pid" 2> /dev/null || true; done
}
trap cleanup EXIT

# Starts `serve imt` on free ports (the auth API on its own); sets data and auth to their origins.
start() {
  local log=$1
  "$bifrost" serve imt --port 0 --auth-port 0 --quiet 2> "$log" &
  pids+=($!)
  for _ in $(seq 300); do
    if grep -q '^mock IMT: data' "$log"; then break; fi
    if ! kill -0 "${pids[-1]}" 2> /dev/null; then cat "$log" >&2; exit 1; fi
    sleep 0.1
  done
  data=$(sed -n 's|^mock IMT: data \(http://[^/]*\)/.*|\1|p' "$log")
  auth=$(sed -n 's|.*, auth \(http://[^/]*\)/.*|\1|p' "$log")
  [ -n "$data" ] && [ -n "$auth" ] || { echo "imt-schemathesis: no origins in: $(cat "$log")" >&2; exit 1; }
}

# The demo state's user, documented in docs/mock-imt.md.
start "$out/serve-partner.log"
headers=$(curl -s -D - -o /dev/null -X POST -H "Content-Type: $media" -H "Accept: $media" \
  --data '{"data":{"type":"sessions","id":"icuser","attributes":{"username":"icuser","password":"s3cr3t-pass"}}}' \
  "$auth/auth/3401/api/sessions/")
token=$(sed -n 's/^[Ss]et-[Cc]ookie: *sessionid=\([0-9a-f]*\).*/\1/p' <<< "$headers" | head -1)
[ -n "$token" ] || { echo "imt-schemathesis: no session: $headers" >&2; exit 1; }
cat > "$out/schemathesis.toml" << EOF
[auth.openapi.sessionCookie]
api_key = "$token"
EOF

run() { # name, then schemathesis arguments
  local name=$1
  shift
  set +e
  (cd "$out" && "$venv/bin/schemathesis" --config-file "$out/schemathesis.toml" run "$data/__admin/openapi.json" \
    --checks "$checks" --max-examples "$max_examples" --seed "$seed" --workers 1 --no-color \
    --report junit --report-junit-path "$out/$name.xml" "$@") > "$out/$name.txt" 2>&1
  local status=$?
  set -e
  echo "schemathesis ($name): exit $status, $(grep -cE '^(_|━).*' "$out/$name.txt" || true) report lines; $out/$name.txt"
  grep -E '^[0-9]+ (passed|failed)|passed|Test cases' "$out/$name.txt" | tail -3 || true
}

# The partner operations (auth and data), with the session cookie. closeSession is left out: with
# the cookie's own username it would close the session every other operation uses.
run partner --include-tag auth --include-tag data --exclude-operation-id closeSession
curl -s "$data/__admin/journal" > "$out/journal.json"
partner_ok=0
python3 - "$out/journal.json" << 'EOF' || partner_ok=1
import collections, json, re, sys
entries = json.load(open(sys.argv[1]))
routes = [("POST", r"/auth/3401/api/sessions/$", "openSession"), ("DELETE", r"/auth/3401/api/sessions/[^/]+$", "closeSession"),
          ("GET", r"/webpayments/3401/api/payments-due/$", "paymentsDue"), ("POST", r"/webpayments/3401/api/payments/$", "postPayment"),
          ("PATCH", r"/webpayments/3401/api/settings/[^/]+/$", "patchSettings"), ("GET", r"/webpayments/3401/api/bills/[^/]+/$", "bill")]
counts = collections.defaultdict(collections.Counter)
for entry in entries:
    request, status = entry["request"], entry["response"]["status"]
    name = next((n for m, p, n in routes if m == request["method"] and re.match(p, request["path"])), "other")
    counts[name][status] += 1
missing = []
for _, _, name in routes:
    statuses = counts.get(name, {})
    ok = sum(c for s, c in statuses.items() if 200 <= s < 300)
    print(f"  {name:14} {sum(statuses.values()):5} requests, {ok:5} 2xx   " + ", ".join(f"{s}: {c}" for s, c in sorted(statuses.items())))
    if name in ("paymentsDue", "postPayment", "patchSettings", "bill") and ok == 0:
        missing.append(name)
if "other" in counts:
    print(f"  {'other':14} {sum(counts['other'].values()):5} requests   " + ", ".join(f"{s}: {c}" for s, c in sorted(counts['other'].items())))
if missing:
    print("imt-schemathesis: no 2xx for " + ", ".join(missing))
    sys.exit(1)
EOF
cleanup
pids=()

start "$out/serve-admin.log"
run admin --include-tag admin

# Failures by schemathesis code: ST201 is negative_data_rejection (invalid data accepted), ST104-ST106
# content_type_conformance, ST202 positive_data_acceptance (valid data refused).
status=0
for name in partner admin; do
  negative=$(grep -c 'ST201 ' "$out/$name.txt" || true)
  content=$(grep -cE 'ST10[456] ' "$out/$name.txt" || true)
  echo "$name: negative_data_rejection failures: $negative, content_type_conformance failures: $content;" \
    "every failure: $(grep -oE '^- ST[0-9]+ [^\n]*' "$out/$name.txt" | sort | uniq -c | sed 's/^ *//' | tr '\n' ';')"
  if [ "$negative" != 0 ] || [ "$content" != 0 ]; then status=1; fi
done
exit $((status || partner_ok))
