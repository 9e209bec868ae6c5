#!/usr/bin/env bash
# Bifrost against Tavern (a YAML API test runner from PyPI) on the same work: COPIES RTDR
# exchanges — open a session, GET payments-due for the policy and check current_due, close the
# session — as Tavern tests against `bifrost serve imt`, and as Bifrost scenarios (copies of
# Scenarios/imt-mips-apps/rtdr/zero-balance.yaml), in the same run, release build.
#
#   Benchmarks/tavern.sh               # COPIES=50 RUNS=5 Benchmarks/tavern.sh
#
# Environment: COPIES (default 20), RUNS (best wall time of RUNS, default 3), VENV (Tavern's
# virtual environment, default .build-tavern; made and filled when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup
copies=${COPIES:-20}
runs=${RUNS:-3}
venv=${VENV:-.build-tavern}
if [ ! -f "$venv/.ready" ]; then
  python3 -m venv "$venv"
  # Tavern 3.7 imports a module pytest 9 no longer has.
  "$venv/bin/pip" install -q tavern "pytest<9"
  touch "$venv/.ready"
fi
swift build -c release --product bifrost > /dev/null
bifrost=$(swift build -c release --show-bin-path)/bifrost

dir=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2> /dev/null && wait "$server" 2> /dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bifrost" serve imt --port "$port" --state Tools/imt-state.yaml --quiet 2> "$dir/serve.log" &
server=$!
for _ in $(seq 100); do
  grep -q "mock IMT on" "$dir/serve.log" 2> /dev/null && break
  sleep 0.05
done

# The Tavern side: one test file per exchange.
mkdir -p "$dir/tavern"
for i in $(seq -w 1 "$copies"); do
  cat > "$dir/tavern/test_rtdr_$i.tavern.yaml" << YAML
test_name: rtdr $i
stages:
  - name: open a session
    request:
      url: http://127.0.0.1:$port/auth/3401/api/sessions/
      method: POST
      headers: {Content-Type: application/vnd.api+json, Accept: application/vnd.api+json}
      json: {data: {id: icuser, type: sessions, attributes: {username: icuser, password: s3cr3t-pass}}}
    response:
      status_code: 201
  - name: payments due
    request:
      url: http://127.0.0.1:$port/webpayments/3401/api/payments-due/
      method: GET
      params: {"filter[policy_number]": "20240903"}
      headers: {Accept: application/vnd.api+json}
    response:
      status_code: 200
      strict: [json:off]
      json:
        data:
          - attributes: {policy_number: "20240903", current_due: "1675.00"}
  - name: close the session
    request:
      url: http://127.0.0.1:$port/auth/3401/api/sessions/icuser
      method: DELETE
      headers: {Content-Type: application/vnd.api+json, Accept: application/vnd.api+json}
    response:
      status_code: 204
YAML
done

# The Bifrost side: copies of one RTDR scenario with its golden files.
mkdir -p "$dir/Scenarios" "$dir/Golden"
cp Scenarios/requirements.yaml "$dir/Scenarios/"
for i in $(seq -w 1 "$copies"); do
  cp Scenarios/imt-mips-apps/rtdr/zero-balance.yaml "$dir/Scenarios/copy-$i.yaml"
  cp -r Golden/imt-mips-apps/rtdr/zero-balance "$dir/Golden/copy-$i"
done

# The best wall time of RUNS runs of a command, in milliseconds; the command must succeed.
best() {
  local best=""
  for _ in $(seq "$runs"); do
    local start wall
    start=$(date +%s%N)
    "$@" > "$dir/last.log" 2>&1 || { tail -40 "$dir/last.log" >&2; exit 1; }
    wall=$((($(date +%s%N) - start) / 1000000))
    if [ -z "$best" ] || [ "$wall" -lt "$best" ]; then best=$wall; fi
  done
  echo "$best"
}

tavern=$(best "$venv/bin/pytest" -q -p no:cacheprovider "$dir/tavern")
jobs1=$(CI=true best "$bifrost" run "$dir/Scenarios" --jobs 1)
default=$(CI=true best "$bifrost" run "$dir/Scenarios")
echo "| runner ($copies RTDR exchanges) | wall (best of $runs) |"
echo "| --- | --- |"
echo "| Tavern (pytest, against bifrost serve imt) | $tavern ms |"
echo "| bifrost run --jobs 1 | $jobs1 ms |"
echo "| bifrost run (default --jobs $(nproc)) | $default ms |"
awk -v t="$tavern" -v d="$default" 'BEGIN { if (d > 0) printf "Bifrost at the default jobs is %.1fx faster than Tavern\n", t / d }'
