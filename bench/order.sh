#!/usr/bin/env bash
# Regenerates src/AwsSession.Front/startup.order: the functions a cache hit runs, so the Native AOT compiler lays them
# out together (ILC --order). The kernel maps a binary's code 64 KiB around each first touch, so hot code spread over
# a 9 MB text section made a cached run map most of it: 14 MB peak RSS, and the page faults cost time too.
#   - publishes aws-session as it is now, warms a cache against moto (bench/common.sh);
#   - samples the cached commands with perf (CPU clock at a high rate, plus every page fault's instruction), and
#     keeps every aws-session function seen, in the order first seen;
#   - lists them first, then the symbols listed before and not seen this time (sampling misses some short hot
#     functions; one that left the hot path costs little, and the compiler ignores names it no longer knows).
# Run it after changing what a cache hit does, then bench/run.sh. Needs perf (Debian: linux-perf).
# Usage: bench/order.sh     env: ORDER_RUNS (rounds of the hot commands, default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${ORDER_RUNS:-100}
ORDER=src/AwsSession.Front/startup.order
OUT=$(mktemp -d)
command -v perf >/dev/null || { echo "order: perf not found (apt-get install linux-perf)" >&2; exit 1; }
command -v moto_server >/dev/null || { echo "order: moto_server not found (pip install 'moto[server]')" >&2; exit 1; }

echo "== build" >&2
dotnet publish src/AwsSession -c Release -o "$OUT/aot" >"$OUT/publish.log" 2>&1 || { tail -20 "$OUT/publish.log"; exit 1; }
AOT=$OUT/aot/aws-session
source bench/common.sh
start_moto
isolated_user
warm_cache "$AOT"

HOT="$AOT --version; $AOT; $AOT pose prod; $AOT exec -- /bin/true; $AOT exec pose prod -- /bin/true"
echo "== profile: $RUNS rounds" >&2
perf record -q -F 40000 -e cpu-clock -o "$OUT/cpu.data" -- bash -c "for i in \$(seq $RUNS); do $HOT; done >/dev/null 2>&1" 2>/dev/null
perf record -q -e page-faults -c 1 -o "$OUT/faults.data" -- bash -c "for i in 1 2 3; do $HOT; done >/dev/null 2>&1" 2>/dev/null
for data in faults cpu; do
  perf script -i "$OUT/$data.data" --comm aws-session -F ip,sym,dso 2>/dev/null
done | awk '/\/aws-session\)$/ { $1 = ""; sub(/^ +/, ""); sub(/ \([^()]*\)$/, ""); if ($0 != "" && $0 !~ /^\[unknown\]/ && $0 !~ /::/) print }' >"$OUT/seen.txt"
cat "$OUT/seen.txt" "$ORDER" 2>/dev/null | awk 'NF && !seen[$0]++' >"$OUT/order.txt"
mv "$OUT/order.txt" "$ORDER"
echo "order: $(wc -l <"$ORDER") functions in $ORDER ($(awk 'NF && !s[$0]++' "$OUT/seen.txt" | wc -l) seen in this run)" >&2
rm -rf "$OUT"
