#!/usr/bin/env bash
# Interrupt benchmark: sends SIGINT to `bifrost run Scenarios --junit ... --report ...` at a random
# point between 0.2 and 3 s, RUNS times, and counts the runs that did not exit within 5 s of the
# signal (hung), those that exited with another code than 130 (or 0/1 when the run had ended
# first), and those that left a half-written report (a temporary file beside a report).
#
#   Benchmarks/interrupt.sh            # RUNS=50 Benchmarks/interrupt.sh for a shorter run
#
# Environment: RUNS (default 200), BIFROST (a bifrost binary; default a release build of this tree).
# Prints one line per problem and a last line `hung: N of RUNS`; exits 1 if any run hung.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup
runs=${RUNS:-200}
if [ -z "${BIFROST:-}" ]; then
  swift build -c release --product bifrost > /dev/null
  BIFROST=$(swift build -c release --show-bin-path)/bifrost
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
hung=0 wrong=0 half=0 ended=0
for i in $(seq 1 "$runs"); do
  out="$dir/$i"
  mkdir -p "$out"
  CI=true "$BIFROST" run Scenarios --junit "$out/junit.xml" --report "$out/html" > /dev/null 2>&1 &
  pid=$!
  delay=$(python3 -c 'import random; print(round(random.uniform(0.2, 3.0), 3))')
  sleep "$delay"
  kill -INT "$pid" 2> /dev/null || true
  exited=""
  for _ in $(seq 50); do
    if ! kill -0 "$pid" 2> /dev/null; then exited=yes; break; fi
    sleep 0.1
  done
  if [ -z "$exited" ]; then
    hung=$((hung + 1))
    echo "run $i: no exit within 5 s of SIGINT at ${delay} s"
    kill -KILL "$pid" 2> /dev/null || true
  fi
  status=0
  wait "$pid" 2> /dev/null || status=$?
  case "$status" in
    130) ;;
    0 | 1) ended=$((ended + 1)) ;;
    137) ;;
    *) wrong=$((wrong + 1)); echo "run $i: exit status $status after SIGINT at ${delay} s" ;;
  esac
  if find "$out" -name '.*.tmp' -o -name '*.tmp' | grep -q .; then
    half=$((half + 1))
    echo "run $i: a half-written report was left behind"
  fi
  rm -rf "$out"
done
echo "ended before the signal: $ended; wrong exit status: $wrong; half-written reports: $half"
echo "hung: $hung of $runs"
[ "$hung" -eq 0 ]
