#!/usr/bin/env bash
# BIF benchmark: generates a Spectrum file of INVOICES invoices (default 1,000,000),
# validates it (throughput, peak memory) next to `wc -l` on the same file, then
# diffs it against a copy with 100 changed fields.
#
#   Benchmarks/bif.sh            # INVOICES=200000 Benchmarks/bif.sh for a quicker run
#
# Needs a release build; the files go to BENCH_DIR (default: a temporary folder, removed after).
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup
if ! [ -x /usr/bin/time ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
swift build -c release --product bifrost >/dev/null
bifrost=.build/release/bifrost
invoices=${INVOICES:-1000000}
dir=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$dir"' EXIT

"$bifrost" bif generate --profile imt-spectrum --invoices "$invoices" --seed 1 --output "$dir/a.bif"
# The copy: CustomerName changed on 100 customer records spread over the file.
awk -v n="$invoices" 'BEGIN { step = int(n / 100); if (step < 1) step = 1 }
  /^CR\|/ { c++; if (c % step == 0 && changed < 100) { sub(/\|[^|]*$/, "|CHANGED NAME " c); changed++ } }
  { print }' "$dir/a.bif" > "$dir/b.bif"
bytes=$(stat -c %s "$dir/a.bif")
cat "$dir/a.bif" "$dir/b.bif" > /dev/null   # both files in the page cache, for every command alike

measure() { # label, command...: prints seconds, peak RSS and throughput
  local label=$1; shift
  local out status=0
  out=$( { /usr/bin/time -f "%e %M" "$@" > /dev/null; } 2>&1 ) || status=$?
  local seconds=${out##*$'\n'}; seconds=${seconds% *}
  local rss=${out##* }
  awk -v l="$label" -v s="$seconds" -v k="$rss" -v b="$bytes" -v st="$status" \
    'BEGIN { printf "%-28s %7.2f s  %8.1f MB/s  peak RSS %6.1f MiB  exit %d\n", l, s, (s > 0 ? b / s / 1e6 : 0), k / 1024, st }'
}

echo "file: $invoices invoices, $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB)"
measure "wc -l" wc -l "$dir/a.bif"
measure "bif validate (spectrum)" "$bifrost" bif validate --profile imt-spectrum "$dir/a.bif"
measure "bif diff (100 fields)" "$bifrost" bif diff "$dir/a.bif" "$dir/b.bif"
echo "differences found: $("$bifrost" bif diff "$dir/a.bif" "$dir/b.bif" | tail -1)"
