#!/usr/bin/env bash
# Runs aws-session against a local moto sandbox: starts moto_server on 127.0.0.1 if it is not running, seeds it
# once, builds the tool if needed, and runs it with the sandbox's keys, endpoint, region, HOME and cache.
#   sandbox/run.sh -t 123456                                   # exports for an MFA session (any 6 digits)
#   sandbox/run.sh exec pose prod -- aws sts get-caller-identity
#   eval "$(sandbox/run.sh env)"                               # the sandbox's variables in this shell
#   sandbox/run.sh stop                                        # stop moto and forget the sandbox
# Port: AWS_SESSION_SANDBOX_PORT (default 5055). State: sandbox/.state/ (gitignored).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
state="$here/.state"
port="${AWS_SESSION_SANDBOX_PORT:-5055}"
url="http://127.0.0.1:$port"
bin="$root/src/AwsSession/bin/Debug/net10.0/aws-session"

fail() { echo "sandbox: $*" >&2; exit 1; }

running() { [[ -f "$state/moto.pid" ]] && kill -0 "$(cat "$state/moto.pid")" 2>/dev/null; }

if [[ "${1:-}" == stop ]]; then
  running && kill "$(cat "$state/moto.pid")"
  rm -rf "$state"
  echo "sandbox: stopped" >&2
  exit 0
fi

mkdir -p "$state/home" "$state/cache"
if ! running; then
  command -v moto_server >/dev/null || fail "moto_server not found: pip install 'moto[server]'"
  rm -f "$state/seed.json"
  moto_server -H 127.0.0.1 -p "$port" >"$state/moto.log" 2>&1 &
  echo $! >"$state/moto.pid"
  for _ in $(seq 100); do
    curl -fsS "$url/moto-api/" >/dev/null 2>&1 && break
    running || fail "moto_server exited; see $state/moto.log (is port $port taken? set AWS_SESSION_SANDBOX_PORT)"
    sleep 0.1
  done
fi
if [[ ! -s "$state/seed.json" ]]; then
  python3 "$here/seed.py" "$url" --accounts "${AWS_SESSION_SANDBOX_ACCOUNTS:-25}" >"$state/seed.json.tmp" || fail "seeding failed (python3 with boto3 is needed)"
  mv "$state/seed.json.tmp" "$state/seed.json"
fi
if [[ -n "$(find "$root/src" -name '*.cs' -newer "$bin" 2>/dev/null | head -1)" || ! -x "$bin" ]]; then
  dotnet build "$root/src/AwsSession/AwsSession.csproj" -c Debug -nologo -v q >&2
fi

read -r key secret < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["AccessKeyId"], d["SecretAccessKey"])' "$state/seed.json")
for v in $(compgen -e | grep '^AWS_' || true); do unset "$v"; done
export AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_ENDPOINT_URL="$url" AWS_REGION=us-east-1
export HOME="$state/home" XDG_CACHE_HOME="$state/cache" AWS_EC2_METADATA_DISABLED=true

if [[ "${1:-}" == env ]]; then
  for v in AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_ENDPOINT_URL AWS_REGION; do printf "export %s='%s'\n" "$v" "${!v}"; done
  exit 0
fi
exec "$bin" "$@"
