#!/usr/bin/env bash
# Builds the Native AOT binary and measures it with public tools (hyperfine, wait4 via python3, moto):
#   - a cached `exec -- /bin/true` against /bin/true, a JIT build of the same code and `aws configure export-credentials`
#     (AWS CLI v2, Debian's awscli package): wall time (hyperfine) and peak RSS;
#   - the RSS of aws-session while its child runs;
#   - cold `mfa` and `pose` against moto, counting the AWS calls through a small proxy.
# Prints a Markdown table of medians and ratios; everything lands in bench/results/<timestamp>/ (gitignored).
# Usage: bench/run.sh            BENCH_RUNS=N (default 50) timed runs per hot command.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${BENCH_RUNS:-50}
OUT=$PWD/bench/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
ln -sfn "$OUT" bench/results/latest

apt_install() { # tools the benchmark needs, from Debian, when missing
  [ "$(id -u)" = 0 ] || { echo "bench: please install: $*" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v hyperfine >/dev/null || apt_install hyperfine
[ -x /usr/bin/time ] || apt_install time
AWS2=/usr/bin/aws # Debian's AWS CLI v2; a v1 `aws` from pip may come first on PATH
{ [ -x $AWS2 ] && $AWS2 --version 2>&1 | grep -q '^aws-cli/2'; } || apt_install awscli
command -v moto_server >/dev/null || { echo "bench: moto_server not found (pip install 'moto[server]')" >&2; exit 1; }

echo "== build" >&2
dotnet publish src/AwsSession -c Release -o "$OUT/aot" >"$OUT/publish.log" 2>&1 || { tail -20 "$OUT/publish.log"; exit 1; }
dotnet build src/AwsSession -c Release -o "$OUT/jit" >"$OUT/build-jit.log" 2>&1 || { tail -20 "$OUT/build-jit.log"; exit 1; }
AOT=$OUT/aot/aws-session
JIT="dotnet $OUT/jit/aws-session.dll"
WARNINGS=$(grep -cE 'warning (IL|NETSDK)[0-9]+' "$OUT/publish.log" || true)

echo "== moto" >&2
MOTO_PORT=$((5100 + RANDOM % 800)); PROXY_PORT=$((MOTO_PORT + 1))
moto_server -H 127.0.0.1 -p $MOTO_PORT >"$OUT/moto.log" 2>&1 & MOTO_PID=$!
python3 bench/count_proxy.py $PROXY_PORT http://127.0.0.1:$MOTO_PORT "$OUT/calls.log" & PROXY_PID=$!
trap 'kill $MOTO_PID $PROXY_PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$PROXY_PORT/moto-api/')" 2>/dev/null && break; sleep 0.2; done
python3 sandbox/seed.py http://127.0.0.1:$MOTO_PORT --accounts 25 >"$OUT/seed.json"
rm -f "$OUT/calls.log"
field() { python3 -c "import json,sys; d=json.load(open('$OUT/seed.json')); print(eval(sys.argv[1]))" "$1"; }

# An isolated user: keys in the environment, mfa_serial and region in ~/.aws/config, cache under $OUT.
export HOME=$OUT/home XDG_CACHE_HOME=$OUT/cache AWS_ENDPOINT_URL=http://127.0.0.1:$PROXY_PORT AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID; AWS_ACCESS_KEY_ID=$(field 'd["AccessKeyId"]')
export AWS_SECRET_ACCESS_KEY; AWS_SECRET_ACCESS_KEY=$(field 'd["SecretAccessKey"]')
PROD_ID=$(field 'd["Accounts"][0]["Id"]')
mkdir -p "$HOME/.aws"
printf '[default]\nregion = us-east-1\nmfa_serial = %s\n' "$(field 'd["Devices"][0]')" >"$HOME/.aws/config"
: >"$OUT/empty-config"

echo "== cold runs (calls)" >&2
CALLS=()
cold() { # label, command: one counted run on an empty cache, then timed runs each on an empty cache
  local label=$1 cmd=$2
  rm -rf "$XDG_CACHE_HOME"; : >"$OUT/calls.log"
  eval "$cmd" >/dev/null 2>>"$OUT/cold-stderr.log"
  record_calls "$label" "$cmd"
  hyperfine -N --style none --runs 10 --prepare "rm -rf $XDG_CACHE_HOME" --export-json "$OUT/time-cold-$label.json" "$cmd" >/dev/null
}
record_calls() { CALLS+=("$(python3 -c 'import json,sys; print(json.dumps({"label": sys.argv[1], "command": sys.argv[2], "calls": open(sys.argv[3]).read().split("\n")[:-1]}))' "$1" "$2" "$OUT/calls.log")"); }
cold mfa "$AOT mfa -t 123456 --shell json"
cold mfa-find-device "env AWS_CONFIG_FILE=$OUT/empty-config $AOT mfa -t 123456 --shell json"
cold pose-by-name "$AOT pose prod -t 123456 --shell json"
cold pose-by-id "$AOT pose $PROD_ID -t 123456 --shell json"
warm_calls() { # label, command: after a warm-up run, the calls a cache hit makes (should be none)
  local label=$1 cmd=$2
  eval "$cmd" >/dev/null 2>&1; : >"$OUT/calls.log"; eval "$cmd" >/dev/null 2>&1
  record_calls "$label" "$cmd"
}
rm -rf "$XDG_CACHE_HOME"
warm_calls pose-hit "$AOT pose prod OrganizationAccountAccessRole -t 123456 --shell json"
warm_calls exec-hit "$AOT exec -t 123456 -- /bin/true"
printf '%s\n' "${CALLS[@]}" | python3 -c 'import json,sys; json.dump([json.loads(l) for l in sys.stdin], open(sys.argv[1], "w"), indent=1)' "$OUT/calls.json"

echo "== hot runs ($RUNS each)" >&2
# The cache now holds the MFA session and prod's role session; every command below is a hit.
declare -A CMD=(
  [true]="/bin/true"
  [aot-exec-hit]="$AOT exec -- /bin/true"
  [aot-exec-pose-hit]="$AOT exec pose prod OrganizationAccountAccessRole -- /bin/true"
  [aot-exports-hit]="$AOT --shell sh"
  [jit-exec-hit]="$JIT exec -- /bin/true"
  [awscli-v2-export]="$AWS2 configure export-credentials"
)
ORDER=(true aot-exec-hit aot-exec-pose-hit aot-exports-hit jit-exec-hit awscli-v2-export)
for l in "${ORDER[@]}"; do printf '%s\t%s\n' "$l" "${CMD[$l]}"; done |
  python3 -c 'import json,sys; json.dump(dict(l.rstrip("\n").split("\t", 1) for l in sys.stdin), open(sys.argv[1], "w"), indent=1)' "$OUT/labels.json"
hyperfine -N --style basic --warmup 5 --runs "$RUNS" --export-json "$OUT/time-hot.json" \
  "${CMD[true]}" "${CMD[aot-exec-hit]}" "${CMD[aot-exec-pose-hit]}" "${CMD[aot-exports-hit]}" >"$OUT/hyperfine-hot.txt"
hyperfine -N --style basic --warmup 2 --runs $((RUNS / 5 > 10 ? RUNS / 5 : 10)) --export-json "$OUT/time-slow.json" \
  "${CMD[jit-exec-hit]}" "${CMD[awscli-v2-export]}" >"$OUT/hyperfine-slow.txt"

echo "== peak RSS" >&2
for l in "${ORDER[@]}"; do
  # shellcheck disable=SC2086
  python3 bench/measure.py rss "$OUT/rss-$l.json" 10 -- ${CMD[$l]}
done
python3 bench/measure.py rss-waiting "$OUT/rss-waiting.json" -- "$AOT" exec -- sleep 1

{
  echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r); $(date -u +%Y-%m-%d)"
  echo "Tools: .NET SDK $(dotnet --version), $($AWS2 --version 2>&1 | cut -d' ' -f1), hyperfine $(hyperfine --version | cut -d' ' -f2), moto $(python3 -c 'import moto; print(moto.__version__)')"
  echo "AOT binary: $(du -m "$AOT" | cut -f1) MB; trim/AOT warnings in publish: $WARNINGS"
  echo
  python3 bench/measure.py table "$OUT"
} | tee "$OUT/table.md"
