#!/bin/sh
# Regenerates the HAR fixtures written by independent writers: mitmproxy's HAR dump (mitmdump
# --set hardump=FILE in reverse mode in front of `bifrost serve imt`) and the requests_har
# package's response hook, each capturing IC's RTDR read (rtdr_client.py). The files are then
# scrubbed (scrub_har.py) for committing. spec-example-rtdr.har is written by hand, after the
# HAR 1.2 specification's examples, and is not regenerated. mitmproxy-ic-report.har is the
# example SOAP client (upload_and_report.py) in front of `bifrost serve ic`.
#
# Needs python3 (a venv is made in $HAR_VENV, default .build/har-venv, from PyPI) and a built
# bifrost (swift build). Run from anywhere: ./Tests/Fixtures/HAR/regenerate.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
venv=${HAR_VENV:-$root/.build/har-venv}
bifrost=$root/.build/debug/bifrost
[ -x "$bifrost" ] || { echo "build bifrost first: swift build" >&2; exit 2; }
if [ ! -x "$venv/bin/mitmdump" ] || ! "$venv/bin/python" -c 'import requests_har' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q mitmproxy requests requests-har
fi

work=$(mktemp -d)
pids=""
cleanup() { for pid in $pids; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

export IMT_PASSWORD=fixture-pw-7c2b9e
cat > "$work/state.yaml" <<STATE
users: {icuser: $IMT_PASSWORD}
policies:
  - {policy_number: "20240903", current_due: "1675.00", total_unpaid: "1675.00", payment_types: [ACH, CC]}
STATE

free_port() { "$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 100); do
    "$venv/bin/python" -c "import socket,sys; socket.create_connection(('127.0.0.1',$1),0.2)" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on $1" >&2; exit 1
}

mock_port=$(free_port)
"$bifrost" serve imt --quiet --port "$mock_port" --state "$work/state.yaml" 2>/dev/null &
pids="$pids $!"
wait_port "$mock_port"
mock=http://127.0.0.1:$mock_port

# mitmproxy in reverse mode in front of the mock, dumping HAR at its exit.
proxy_port=$(free_port)
"$venv/bin/mitmdump" -q --mode "reverse:$mock" --listen-host 127.0.0.1 --listen-port "$proxy_port" \
  --set hardump="$work/mitmproxy-rtdr.har" &
mitm=$!
pids="$pids $mitm"
wait_port "$proxy_port"
proxy=http://127.0.0.1:$proxy_port
"$venv/bin/python" "$here/rtdr_client.py" "$proxy/auth/3401/api" "$proxy/webpayments/3401/api" icuser 20240903
kill -INT "$mitm"
wait "$mitm" || true
"$venv/bin/python" "$here/scrub_har.py" "$work/mitmproxy-rtdr.har" "$mock"
"$venv/bin/python" "$here/scrub_har.py" "$work/mitmproxy-rtdr.har" "$proxy"

# The requests_har hook, talking to the mock directly.
"$venv/bin/python" "$here/rtdr_client.py" "$mock/auth/3401/api" "$mock/webpayments/3401/api" icuser 20240903 \
  --har "$work/requests-har-rtdr.har"
"$venv/bin/python" "$here/scrub_har.py" "$work/requests-har-rtdr.har" "$mock"

# mitmproxy in front of `serve ic`: the example SOAP client uploads a BIF and polls PaymentReportingSOAP.
export IC_KEY=0b9d5c3e-7a2f-4e1d-9c8b-6a5f4e3d2c1b
ic_port=$(free_port)
"$bifrost" serve ic --quiet --port "$ic_port" --state "$root/Tools/ic-state.yaml" 2>/dev/null &
pids="$pids $!"
wait_port "$ic_port"
ic=http://127.0.0.1:$ic_port
ic_proxy_port=$(free_port)
"$venv/bin/mitmdump" -q --mode "reverse:$ic" --listen-host 127.0.0.1 --listen-port "$ic_proxy_port" \
  --set hardump="$work/mitmproxy-ic-report.har" &
mitm=$!
pids="$pids $mitm"
wait_port "$ic_proxy_port"
mkdir "$work/out"
(cd "$root/Scenarios/examples/external" &&
  BIFROST_IC_URL=http://127.0.0.1:$ic_proxy_port/portal/webservices/CloudInvoicing.asmx \
  BIFROST_IC_BILLER_GUID=6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b BIFROST_IC_WEB_SERVICE_KEY=$IC_KEY \
  BIFROST_OUTPUT_DIR=$work/out REPORT_FROM=2024-09-03T00:00:00Z REPORT_TO=2024-09-04T00:00:00Z REPORT_WINDOW_HOURS=12 \
  "$venv/bin/python" programs/upload_and_report.py programs/hourly.bif)
kill -INT "$mitm"
wait "$mitm" || true
"$venv/bin/python" "$here/scrub_har.py" "$work/mitmproxy-ic-report.har" "$ic" ic
"$venv/bin/python" "$here/scrub_har.py" "$work/mitmproxy-ic-report.har" "http://127.0.0.1:$ic_proxy_port" ic

cp "$work/mitmproxy-rtdr.har" "$work/requests-har-rtdr.har" "$work/mitmproxy-ic-report.har" "$here/"
echo "wrote $here/mitmproxy-rtdr.har, $here/requests-har-rtdr.har and $here/mitmproxy-ic-report.har"
