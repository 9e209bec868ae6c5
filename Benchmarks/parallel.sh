#!/usr/bin/env bash
# Parallel-run benchmark: COPIES copies of one RTDR scenario at --jobs 1, 2, 4 and 8, then
# the whole shipped suite at --jobs 1 and at the default (the number of cores), release build.
# Prints each run's wall time and the median of the scenario times the console reports.
#
#   Benchmarks/parallel.sh             # COPIES=50 RUNS=5 Benchmarks/parallel.sh for more samples
#
# Environment: COPIES (default 20), RUNS (each configuration's runs, the best wall time kept;
# default 3), SCENARIO (default Scenarios/imt-mips-apps/rtdr/zero-balance.yaml).
# Without a stall, the wall time at --jobs 4 is at most the wall time at --jobs 1.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup
copies=${COPIES:-20}
runs=${RUNS:-3}
scenario=${SCENARIO:-Scenarios/imt-mips-apps/rtdr/zero-balance.yaml}
golden="Golden/${scenario#Scenarios/}"
golden=${golden%.yaml}

swift build -c release --product bifrost > /dev/null
bifrost=$(swift build -c release --show-bin-path)/bifrost

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/Scenarios" "$dir/Golden"
cp Scenarios/requirements.yaml "$dir/Scenarios/"
for i in $(seq -w 1 "$copies"); do
  cp "$scenario" "$dir/Scenarios/copy-$i.yaml"
  cp -r "$golden" "$dir/Golden/copy-$i"
done

# Runs `bifrost run` RUNS times; prints the best wall time and that run's median scenario time.
measure() {
  local label=$1 best="" median=""
  shift
  for _ in $(seq "$runs"); do
    local start wall out
    start=$(date +%s%N)
    out=$("$bifrost" run "$@")
    wall=$((($(date +%s%N) - start) / 1000000))
    if [ -z "$best" ] || [ "$wall" -lt "$best" ]; then
      best=$wall
      median=$(echo "$out" | sed -nE 's/^(PASS|FAIL) .*\(([0-9]+) ms\)$/\2/p' | sort -n \
        | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
    fi
  done
  printf '| %-36s | %6d ms | %6s ms |\n' "$label" "$best" "$median"
}

echo "| run | wall (best of $runs) | median scenario |"
echo "| --- | --- | --- |"
for jobs in 1 2 4 8; do
  measure "$copies x $(basename "$scenario"), --jobs $jobs" "$dir/Scenarios" --jobs "$jobs"
done
measure "Scenarios, --jobs 1" Scenarios --jobs 1
measure "Scenarios, default (--jobs $(nproc))" Scenarios
