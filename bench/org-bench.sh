#!/usr/bin/env bash
# Scale stays flat, against moto with an organization of ACCOUNTS accounts (default 10,000: the management account
# + 9,999): a cold `pose NAME` makes ACCOUNTS/20 ListAccounts calls (pages of 20); a warm one makes none, and its wall
# time is within 1.2x of a warm `pose ID` (medians of RUNS runs each, interleaved); the picker is on screen within
# 150 ms of what a warm `pose ID` takes. Calls are counted by a tiny proxy (count_proxy.py).
# Needs only bash, python3 with boto3, and moto_server; builds aws-session (Release) if AWS_SESSION_BIN is unset.
# Usage: bench/org-bench.sh [RUNS]        env: ACCOUNTS (default 10000), PORT (default random 5100-5999), AWS_SESSION_BIN
# Seeding 10,000 accounts into moto takes minutes; ACCOUNTS=1000 is a quicker check.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(dirname "$here")
runs=${1:-15}
accounts=${ACCOUNTS:-10000}
port=${PORT:-$((5100 + RANDOM % 800))}; proxy_port=$((port + 1))
work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

bin=${AWS_SESSION_BIN:-$repo/src/AwsSession/bin/Release/net10.0/aws-session}
if [[ -z ${AWS_SESSION_BIN:-} ]]; then
  dotnet build "$repo/src/AwsSession/AwsSession.csproj" -c Release -v q -nologo >/dev/null
fi

wait_port() { for _ in $(seq 100); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; exit 1; }
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 & pids+=($!)
python3 "$here/count_proxy.py" "$proxy_port" "http://127.0.0.1:$port" & pids+=($!)
wait_port "$port"; wait_port "$proxy_port"

start=$SECONDS
python3 "$repo/sandbox/seed.py" "http://127.0.0.1:$port" --accounts $((accounts - 1)) --jobs 16 >"$work/seed.json"
echo "seeded moto with $((accounts - 1)) accounts + the management account in ~$((SECONDS - start)) s"

HOME=$work/home XDG_CACHE_HOME=$work/cache \
  python3 "$here/org_bench.py" "$bin" "http://127.0.0.1:$proxy_port" "$runs" "$work/seed.json" "$accounts"
