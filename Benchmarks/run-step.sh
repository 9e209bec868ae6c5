#!/usr/bin/env bash
# The run: step's overhead over its program's own run time: spawning it in a process group
# of its own, its environment, capturing its output, cleaning up its group.
#
#   Benchmarks/run-step.sh            # STEPS=20 ROUNDS=31 by default
#
# Two scenarios run ROUNDS times each (--repeat, one at a time): one with a bif-generate step
# only, one with the same step and STEPS run steps of a program that exits at once
# (/bin/true). The overhead of one step is the difference of the median scenario times,
# divided by STEPS; next to it, the time Python's subprocess.run takes for the same program,
# a reference for what spawning alone costs on this machine. Needs a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup
swift build -c release --product bifrost >/dev/null
bifrost=$PWD/.build/release/bifrost
steps=${STEPS:-20}
rounds=${ROUNDS:-31}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

mkdir -p "$dir/Scenarios"
echo "requirements: []" > "$dir/Scenarios/requirements.yaml"
scenario() { # name, number of run steps
  {
    printf 'name: %s\nprofile: imt-spectrum\nclock: 2024-11-18T17:05:28Z\nsteps:\n' "$1"
    printf '  - bif-generate: {invoices: 0, seed: 1, output: empty.bif}\n'
    for _ in $(seq "$2"); do printf '  - run: {command: /bin/true}\n'; done
    printf 'expect:\n  golden: [result]\n'
  } > "$dir/Scenarios/$1.yaml"
}
scenario baseline 0
scenario steps "$steps"
(cd "$dir" && "$bifrost" run Scenarios --update >/dev/null)
(cd "$dir" && "$bifrost" run Scenarios --jobs 1 --repeat "$rounds" --json report.json >/dev/null)

python3 - "$dir/report.json" "$steps" <<'PY'
import json, statistics, subprocess, sys, time
report = json.load(open(sys.argv[1]))
steps = int(sys.argv[2])
times = {}
for scenario in report["scenarios"]:
    times.setdefault(scenario["path"].split("#")[0], []).append(scenario["durationMs"])
baseline, with_steps = statistics.median(times["baseline"]), statistics.median(times["steps"])
print(f"scenario medians over {len(times['steps'])} runs: bif-generate only {baseline} ms, with {steps} run steps {with_steps} ms")
print(f"run step of /bin/true, overhead included: median {(with_steps - baseline) / steps:.2f} ms per step")
spawns = []
for _ in range(200):
    start = time.perf_counter()
    subprocess.run(["/bin/true"])
    spawns.append((time.perf_counter() - start) * 1000)
print(f"Python subprocess.run(['/bin/true']) for reference: median {statistics.median(spawns):.2f} ms")
PY
