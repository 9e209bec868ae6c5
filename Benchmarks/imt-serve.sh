#!/usr/bin/env bash
# Mock IMT benchmark: GET payments-due/ on `bifrost serve imt` (session cookie, JSON:API
# negotiation, routing, journal) against the same bytes served by a bare Hummingbird route
# (Benchmarks/BareRoute), with the same wrk load, one after the other in the same run. Then
# bounded work: a 60,000-key JSON object (about 650 KB) POSTed to sessions/, timed with curl
# while wrk keeps loading payments-due/ (LARGE=0 skips it).
#
#   Benchmarks/imt-serve.sh            # DURATION=30s Benchmarks/imt-serve.sh for a longer run
#
# Environment: DURATION (wrk -d, default 10s), WARMUP (default 2s, 0 for none), THREADS (default 2),
# LARGE (default 1), LARGE_RUNS (POSTs of the wide object, default 5), ROUNDS (mock and bare runs, one
# after the other, default 1; the ratios printed are medians), BASELINE (another bifrost binary, e.g.
# built from an earlier commit, measured in the same rounds),
# CONNECTIONS (default 64), IMT_PORT and BARE_PORT (default: free ports), BENCH_DIR (the state
# file, the payments-due body and the build log; default a temporary folder, removed after).
# Needs release builds of bifrost and of BareRoute; the first build takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup
if ! command -v wrk > /dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; }
fi

duration=${DURATION:-10s}
warmup=${WARMUP:-2s}
threads=${THREADS:-2}
connections=${CONNECTIONS:-64}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
imt_port=${IMT_PORT:-$(free_port)}
bare_port=${BARE_PORT:-$(free_port)}
dir=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$dir"

pids=()
cleanup() {
  for pid in ${pids[@]+"${pids[@]}"}; do kill "$pid" 2> /dev/null || true; done
  for pid in ${pids[@]+"${pids[@]}"}; do wait "$pid" 2> /dev/null || true; done
  if [ -z "${BENCH_DIR:-}" ]; then rm -rf "$dir"; fi
}
trap cleanup EXIT

build() { # swift build arguments: quiet, with the whole output when it fails
  swift build -c release "$@" > "$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
}
build --product bifrost
build --package-path Benchmarks/BareRoute
bifrost=$(swift build -c release --show-bin-path 2> /dev/null)/bifrost
bare=$(swift build -c release --package-path Benchmarks/BareRoute --show-bin-path 2> /dev/null)/bare-route

wait_for() { # url pid name: until the server answers at all; fails when it exits first or after 30 s
  local url=$1 pid=$2 name=$3
  for _ in $(seq 300); do
    if curl -s -o /dev/null "$url"; then return 0; fi
    if ! kill -0 "$pid" 2> /dev/null; then echo "imt-serve: $name exited before serving" >&2; exit 1; fi
    sleep 0.1
  done
  echo "imt-serve: $name did not answer at $url within 30 s" >&2
  exit 1
}

cat > "$dir/state.yaml" << 'EOF'
users: {icuser: secret}
policies: [{policy_number: "20240903", current_due: "1675.00"}]
EOF

# One log line per request goes to stderr: discarded, so the terminal does not slow the mock down.
"$bifrost" serve imt --port "$imt_port" --state "$dir/state.yaml" > /dev/null 2>&1 &
pids+=($!)
origin="http://127.0.0.1:$imt_port"
wait_for "$origin/__admin/state" "${pids[-1]}" "bifrost serve imt"

media=application/vnd.api+json
status=$(curl -s -o /dev/null -D "$dir/session.headers" -w '%{http_code}' -X POST \
  -H "Content-Type: $media" -H "Accept: $media" \
  --data '{"data":{"type":"sessions","id":"icuser","attributes":{"username":"icuser","password":"secret"}}}' \
  "$origin/auth/3401/api/sessions/")
token=$(sed -n 's/^[Ss]et-[Cc]ookie: *sessionid=\([^;[:space:]]*\).*/\1/p' "$dir/session.headers" | head -1)
if [ "$status" != 201 ] || [ -z "$token" ]; then
  echo "imt-serve: POST sessions/ answered $status without a sessionid cookie" >&2
  exit 1
fi
path="/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=20240903"
headers=(-H "Cookie: sessionid=$token" -H "Accept: $media")
type=$(curl -sf "${headers[@]}" -o "$dir/payments-due.json" -w '%{content_type}' "$origin$path") \
  || { echo "imt-serve: GET payments-due/ failed" >&2; exit 1; }

"$bare" --port "$bare_port" --body "$dir/payments-due.json" --content-type "$type" > /dev/null 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$bare_port/" "${pids[-1]}" "bare-route"
if ! cmp -s "$dir/payments-due.json" <(curl -sf "${headers[@]}" "http://127.0.0.1:$bare_port$path"); then
  echo "imt-serve: bare-route does not serve the mock's bytes" >&2
  exit 1
fi

run() { # label url: one wrk run; prints requests/s and p99, and keeps them for the ratio
  local label=$1 url=$2 out
  if [ "$warmup" != 0 ]; then wrk -t"$threads" -c"$connections" -d"$warmup" "${headers[@]}" "$url" > /dev/null; fi
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "${headers[@]}" "$url")
  if grep -q 'Non-2xx or 3xx responses' <<< "$out"; then
    echo "imt-serve: $label answered errors under load:" >&2
    echo "$out" >&2
    exit 1
  fi
  local rps p99
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<< "$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<< "$out")
  printf '%-34s %10.0f requests/s   p99 %s%s\n' "$label" "$rps" "$p99" \
    "$(grep -o 'Socket errors:.*' <<< "$out" | sed 's/^/   /' || true)"
  last_rps=$rps
  last_p99=$(ms "$p99")
}
ms() { # a wrk duration (850.00us, 1.23ms, 1.05s, 2.00m) in milliseconds
  awk -v d="$1" 'BEGIN { n = d + 0; u = d; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : 0
    print n * f }'
}

if [ -n "${BASELINE:-}" ]; then
  baseline_port=$(free_port)
  "$BASELINE" serve imt --port "$baseline_port" --state "$dir/state.yaml" > /dev/null 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$baseline_port/__admin/state" "${pids[-1]}" "$BASELINE serve imt"
  # Session cookies are random: the baseline gets its own.
  curl -s -o /dev/null -D "$dir/baseline.headers" -X POST -H "Content-Type: $media" -H "Accept: $media" \
    --data '{"data":{"type":"sessions","id":"icuser","attributes":{"username":"icuser","password":"secret"}}}' \
    "http://127.0.0.1:$baseline_port/auth/3401/api/sessions/"
  baseline_token=$(sed -n 's/^[Ss]et-[Cc]ookie: *sessionid=\([^;[:space:]]*\).*/\1/p' "$dir/baseline.headers" | head -1)
fi

ratios=()
p99s=()
baseline_ratios=()
echo "GET payments-due/: $(stat -c %s "$dir/payments-due.json") bytes of $type; wrk -t$threads -c$connections -d$duration"
for _ in $(seq "${ROUNDS:-1}"); do
  run "mock IMT (bifrost serve imt)" "$origin$path"
  mock_rps=$last_rps mock_p99=$last_p99
  run "bare Hummingbird route" "http://127.0.0.1:$bare_port$path"
  ratios+=("$(awk -v m="$mock_rps" -v b="$last_rps" 'BEGIN { print (b > 0 ? m / b : 0) }')")
  p99s+=("$(awk -v m="$mock_p99" -v b="$last_p99" 'BEGIN { print (b > 0 ? m / b : 0) }')")
  if [ -n "${BASELINE:-}" ]; then
    bare_rps=$last_rps
    mock_headers=("${headers[@]}")
    headers=(-H "Cookie: sessionid=$baseline_token" -H "Accept: $media")
    run "baseline (BASELINE serve imt)" "http://127.0.0.1:$baseline_port$path"
    headers=("${mock_headers[@]}")
    baseline_ratios+=("$(awk -v m="$last_rps" -v b="$bare_rps" 'BEGIN { print (b > 0 ? m / b : 0) }')")
  fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf 'mock/bare: %.2f of the requests/s, %.2fx the p99%s\n' "$(median "${ratios[@]}")" "$(median "${p99s[@]}")" \
  "$([ "${ROUNDS:-1}" = 1 ] || echo " (medians of ${ROUNDS} rounds)")"
if [ -n "${BASELINE:-}" ]; then
  printf 'baseline/bare: %.2f of the requests/s\n' "$(median "${baseline_ratios[@]}")"
fi

if [ "${LARGE:-1}" != 0 ]; then
  python3 -c 'import sys; sys.stdout.write("{" + ",".join("\"k%d\":1" % i for i in range(60000)) + "}")' > "$dir/wide.json"
  wrk -t1 -c8 -d4s --latency "${headers[@]}" "$origin$path" > "$dir/wrk-under-large.txt" &
  load=$!
  pids+=("$load")
  sleep 1
  times=()
  for _ in $(seq "${LARGE_RUNS:-5}"); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST -H "Content-Type: $media" -H "Accept: $media" \
      --data-binary @"$dir/wide.json" "$origin/auth/3401/api/sessions/")
    [ "${out%% *}" = 400 ] || { echo "imt-serve: the wide object was answered ${out%% *}, not 400" >&2; exit 1; }
    times+=("${out#* }")
  done
  wait "$load"
  printf '%s\n' "${times[@]}" | sort -n | awk -v bytes="$(stat -c %s "$dir/wide.json")" '
    { t[NR] = $1 * 1000 } END { printf "POST sessions/ with a 60,000-key object (%d bytes) under payments-due/ load: median %.1f ms, max %.1f ms (%d runs)\n", bytes, t[int((NR + 1) / 2)], t[NR], NR }'
  awk '/^Requests\/sec:/ { rps = $2 } $1 == "99%" { p99 = $2 } /Non-2xx/ { bad = $NF }
    END { printf "payments-due/ meanwhile (wrk -t1 -c8 -d4s): %.0f requests/s, p99 %s, non-2xx %d\n", rps, p99, bad }' \
    "$dir/wrk-under-large.txt"
fi
