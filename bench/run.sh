#!/usr/bin/env bash
# Measures aws-session's cached start-up against its own yardstick, with public tools only (hyperfine, GNU time):
#   - builds the Native AOT binaries (aws-session, the front that serves cache hits, and aws-session-full) and bench/reference (an empty Native AOT program, same SDK, same publish settings
#     from src/AwsSession/NativeAot.props) in this run;
#   - writes what the build left unwritten (sync), waits for the CPUs to be quiet (bench/common.sh), then times the reference and each cached command
#     interleaved (ROUNDS rounds of RUNS runs each, so load on a shared machine hits all alike) and reports medians,
#     CPU time and every figure as a ratio to the reference;
#   - runs each round from one of COPIES copies of the binaries, the reference's included: where a binary's pages sit
#     in memory moves its time, so one placement must not decide the figure;
#   - peak RSS of each (GNU time %M, interleaved the same way);
#   - `aws configure export-credentials` (Debian's AWS CLI v2, /usr/bin/aws) against the cached exec;
#   - the AWS calls cold runs make against moto (counted by a small proxy);
#   - prints every target with PASS/FAIL, and exits 1 if one fails.
# Usage: bench/run.sh     env: BENCH_ROUNDS (default 20), BENCH_RUNS (runs per round, default 5), BENCH_COPIES (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${BENCH_ROUNDS:-20}
RUNS=${BENCH_RUNS:-5}
COPIES=${BENCH_COPIES:-4}
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

echo "== build (Native AOT: aws-session and the reference program)" >&2
dotnet publish src/AwsSession -c Release -o "$OUT/aot" >"$OUT/publish.log" 2>&1 || { tail -20 "$OUT/publish.log"; exit 1; }
dotnet publish bench/reference -c Release -o "$OUT/ref" >"$OUT/publish-ref.log" 2>&1 || { tail -20 "$OUT/publish-ref.log"; exit 1; }
AOT=$OUT/aot/aws-session
REF=$OUT/ref/reference
WARNINGS=$(grep -cE ': warning [A-Z]+[0-9]+' "$OUT/publish.log" || true)
# The compiler and MSBuild servers the publishes left running would share the 2 cores with what is measured.
dotnet build-server shutdown >/dev/null 2>&1 || true

source bench/common.sh
start_moto
isolated_user

echo "== cold runs (AWS calls)" >&2
CALLS=()
record_calls() { CALLS+=("$(python3 -c 'import json,sys; print(json.dumps({"label": sys.argv[1], "command": sys.argv[2], "calls": open(sys.argv[3]).read().split("\n")[:-1]}))' "$1" "$2" "$OUT/calls.log")"); }
cold() { # label, command: one counted run on an empty cache
  rm -rf "$XDG_CACHE_HOME"; : >"$OUT/calls.log"
  eval "$2" >/dev/null 2>>"$OUT/cold-stderr.log"
  record_calls "$1" "$2"
}
cold mfa "$AOT mfa -t 123456 --shell json"
cold pose-by-name "$AOT pose prod -t 123456 --shell json"
cold pose-by-id "$AOT pose $(field 'd["Accounts"][0]["Id"]') -t 123456 --shell json"
warm_cache "$AOT"
: >"$OUT/calls.log"
HITS=(exec-hit "$AOT exec -- /bin/true" exec-pose-hit "$AOT exec pose prod -- /bin/true" exports-hit "$AOT pose prod")
for ((i = 0; i < ${#HITS[@]}; i += 2)); do eval "${HITS[i + 1]}" >/dev/null 2>&1; done
record_calls cache-hits "${HITS[1]}; ${HITS[3]}; ${HITS[5]}"
printf '%s\n' "${CALLS[@]}" | python3 -c 'import json,sys; json.dump([json.loads(l) for l in sys.stdin], open(sys.argv[1], "w"), indent=1)' "$OUT/calls.json"

# Copies made by cp have their own pages in the page cache. Two of the same front, timed in one run, measured 1.36x
# and 1.41x: the physical placement of a binary's pages alone moved it that much (docs/startup.md).
for c in $(seq "$COPIES"); do
  mkdir -p "$OUT/copies/$c"
  cp "$AOT" "$OUT/aot/aws-session-full" "$REF" "$OUT/copies/$c/"
done
# Every command below is a cache hit. `pose prod` writes exports to a pipe, as under eval "$(...)".
LABELS=(reference version exec-hit exec-pose-hit exports-hit)
commands() { # the commands, in LABELS' order, run from copy $1
  local d=$OUT/copies/$1
  CMDS=("$d/reference" "$d/aws-session --version" "$d/aws-session exec -- /bin/true" "$d/aws-session exec pose prod -- /bin/true" "$d/aws-session pose prod")
}
commands 1
for i in "${!LABELS[@]}"; do printf '%s\t%s\n' "${LABELS[i]}" "${CMDS[i]#"$OUT/copies/1/"}"; done |
  python3 -c 'import json,sys; json.dump(dict(l.rstrip("\n").split("\t", 1) for l in sys.stdin), open(sys.argv[1], "w"), indent=1)' "$OUT/labels.json"

# The build and the copies leave about 140 MB not yet written to disk; the kernel would write it back (30 s after) in the
# middle of the timing, on the same two CPUs. Written now, before waiting for quiet.
sync
QUIET=$(wait_quiet)
echo "== hot runs: $ROUNDS rounds x $RUNS runs, interleaved, from $COPIES copies (CPUs $QUIET)" >&2
for r in $(seq "$ROUNDS"); do
  commands $(((r - 1) % COPIES + 1))
  hyperfine -N --style none --output=pipe --warmup 1 --runs "$RUNS" --export-json "$OUT/hot-$r.json" "${CMDS[@]}" >/dev/null 2>&1
done

echo "== AWS CLI v2 against the cached exec: 5 rounds" >&2
for r in 1 2 3 4 5; do
  commands $(((r - 1) % COPIES + 1))
  hyperfine -N --style none --output=pipe --runs 2 --export-json "$OUT/cli-$r.json" "${CMDS[2]}" "$AWS2 configure export-credentials" >/dev/null 2>&1
done

echo "== peak RSS: $ROUNDS rounds" >&2
for r in $(seq "$ROUNDS"); do
  commands $(((r - 1) % COPIES + 1))
  for i in "${!LABELS[@]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "${LABELS[i]} %M" -a -o "$OUT/rss.txt" ${CMDS[i]} >/dev/null 2>&1 || true
  done
done

{
  echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r); CPUs $QUIET before the hot runs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Tools: .NET SDK $(dotnet --version), $($AWS2 --version 2>&1 | cut -d' ' -f1), hyperfine $(hyperfine --version | cut -d' ' -f2), GNU time, moto $(python3 -c 'import moto; print(moto.__version__)')"
  echo "aws-session (the front, which serves these hits): $(du -m "$AOT" | cut -f1) MB; aws-session-full (the complete tool): $(du -m "$OUT/aot/aws-session-full" | cut -f1) MB; reference: $(du -m "$REF" | cut -f1) MB; trim/AOT warnings in publish: $WARNINGS"
  echo
  python3 bench/measure.py "$OUT"
} | tee "$OUT/table.md"
if grep -q FAIL "$OUT/table.md"; then
  echo "bench: a target failed in this run. One run's median moves with the machine's moment; to measure the median itself, pool several runs of this build: python3 bench/pool.py bench/results/2* (bench/README.md)" >&2
  exit 1
fi
