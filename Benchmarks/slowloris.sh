#!/usr/bin/env bash
# Slowloris check: opens CONNECTIONS connections to `bifrost serve imt` that each send a request
# head one byte at a time (never finishing it) and one that sends a body a byte a second, then
# times normal payments-due requests meanwhile, and counts how many of the slow connections the
# server closed by its read timeout.
#
#   Benchmarks/slowloris.sh            # CONNECTIONS=500 READ_TIMEOUT_MS=2000 Benchmarks/slowloris.sh
#
# Environment: CONNECTIONS (default 2000), READ_TIMEOUT_MS (the server's --read-timeout-ms, default
# 3000), BIFROST (a bifrost binary; default a release build of this tree).
# Prints the normal requests' latencies while the slow connections are held, and the number of slow
# connections the server closed; exits 1 if any slow connection outlived twice the read timeout or a
# normal request took 100 ms or more.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup
connections=${CONNECTIONS:-2000}
read_timeout=${READ_TIMEOUT_MS:-3000}
if [ -z "${BIFROST:-}" ]; then
  swift build -c release --product bifrost > /dev/null
  BIFROST=$(swift build -c release --show-bin-path)/bifrost
fi
ulimit -n $((connections + 1024))
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIFROST" serve imt --port "$port" --quiet --read-timeout-ms "$read_timeout" 2> /dev/null &
server=$!
trap 'kill $server 2> /dev/null || true; wait $server 2> /dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/__admin/state" && break; sleep 0.1; done

python3 - "$port" "$connections" "$read_timeout" << 'PY'
import json, socket, sys, time, urllib.request

port, count, read_timeout = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) / 1000
head = b"GET /webpayments/3401/api/payments-due/?filter[policy_number]=20240903 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
slow = []
for i in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    s.setblocking(False)
    slow.append(s)
trickle = socket.create_connection(("127.0.0.1", port))
trickle.sendall(b"POST /auth/3401/api/sessions/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/vnd.api+json\r\nContent-Length: 100000\r\n\r\n")
trickle.setblocking(False)
slow.append(trickle)
opened = time.monotonic()

def login():
    body = json.dumps({"data": {"type": "sessions", "id": "icuser", "attributes": {"username": "icuser", "password": "s3cr3t-pass"}}}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/auth/3401/api/sessions/", data=body, method="POST",
                                     headers={"Content-Type": "application/vnd.api+json", "Accept": "application/vnd.api+json"})
    with urllib.request.urlopen(request, timeout=5) as answer:
        return answer.headers["Set-Cookie"].split(";")[0]

cookie = login()
latencies, closed, offset = [], set(), 0
while len(closed) < len(slow) and time.monotonic() - opened < 2 * read_timeout + 2:
    # One more byte of each unfinished head (and of the trickled body), as a slowloris client does.
    for index, s in enumerate(slow):
        if index in closed:
            continue
        try:
            s.send(head[offset % len(head):offset % len(head) + 1] if s is not trickle else b"x")
            if s.recv(1, socket.MSG_PEEK) == b"":
                closed.add(index)
        except BlockingIOError:
            pass
        except OSError:
            closed.add(index)
    offset += 1
    started = time.monotonic()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=20240903",
                                     headers={"Cookie": cookie, "Accept": "application/vnd.api+json"})
    with urllib.request.urlopen(request, timeout=5) as answer:
        answer.read()
    latencies.append((time.monotonic() - started) * 1000)
    time.sleep(0.25)
elapsed = time.monotonic() - opened
latencies.sort()
print(f"slow connections: {len(slow)}, closed by the server: {len(closed)} within {elapsed:.1f} s (read timeout {read_timeout:.1f} s)")
print(f"normal requests meanwhile: {len(latencies)}, median {latencies[len(latencies) // 2]:.1f} ms, max {latencies[-1]:.1f} ms")
sys.exit(0 if len(closed) == len(slow) and latencies[-1] < 100 else 1)
PY
