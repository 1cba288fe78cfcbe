#!/usr/bin/env bash
# Runs aws-session against a local moto sandbox: starts moto_server on 127.0.0.1 if it is not running, seeds it
# once, builds the tool if needed, and runs it with the sandbox's keys, endpoint, region, HOME and cache.
#   sandbox/run.sh -t 123456                                   # exports for an MFA session (any 6 digits)
#   sandbox/run.sh exec pose prod -- aws sts get-caller-identity
#   sandbox/run.sh console pose prod --print                   # a sign-in URL from the local federation stub
#   eval "$(sandbox/run.sh env)"                               # the sandbox's variables in this shell
#   sandbox/run.sh stop                                        # stop moto and forget the sandbox
# Port: AWS_SESSION_SANDBOX_PORT (default 5055); each port is its own sandbox, so several can run at once.
# State: AWS_SESSION_SANDBOX_STATE (default sandbox/.state/PORT, gitignored). Accounts: AWS_SESSION_SANDBOX_ACCOUNTS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${AWS_SESSION_SANDBOX_PORT:-5055}"
state="${AWS_SESSION_SANDBOX_STATE:-$here/.state/$port}"
url="http://127.0.0.1:$port"
accounts="${AWS_SESSION_SANDBOX_ACCOUNTS:-25}"
# Release, like the README's test command, so the tests and the sandbox share one build.
out="$root/src/AwsSession/bin/Release/net10.0"
bin="$out/aws-session"
# Nothing of the caller's AWS settings reaches seed.py or the tool (a stale AWS_PROFILE would break seeding).
for v in $(compgen -e | grep '^AWS_' || true); do unset "$v"; done

say() { echo "sandbox: $*" >&2; }
fail() { say "$*"; exit 1; }

# Alive and not a zombie (a killed moto whose parent has not reaped it still answers kill -0).
alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo R)" != Z ]]; }
pid_of() { cat "$state/$1.pid" 2>/dev/null || true; }
running() { alive "$(pid_of moto)"; }

# moto and the federation stub run in a session of their own (setsid): ^C, ^\ or a closed terminal in the shell
# that started them never reaches them, even when that shell is the interactive one running `eval "$(... env)"`.
daemon() { # name log command...
  local name=$1 log=$2
  shift 2
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$state/$name.pid" "$@" </dev/null >"$log" 2>&1 &
}

stop_one() { # name: TERM, wait until gone (KILL after 5 s); true if it was running
  local pid
  pid=$(pid_of "$1")
  rm -f "$state/$1.pid"
  alive "$pid" || return 1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do alive "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  for _ in $(seq 20); do alive "$pid" || return 0; sleep 0.1; done
  fail "pid $pid (the sandbox's $1) does not exit"
}

if [[ "${1:-}" == stop ]]; then
  was=no
  stop_one moto && was=yes
  stop_one federation || true
  stop_one sso || true
  rm -rf "$state"
  if [[ $was == yes ]]; then say "stopped (port $port)"; else say "nothing was running on port $port"; fi
  exit 0
fi

mkdir -p "$state/home" "$state/cache"
if ! running; then
  command -v moto_server >/dev/null || fail "moto_server not found: pip install 'moto[server]'"
  [[ -s "$state/seed.json" ]] && say "moto on port $port had stopped; starting it again with new keys and accounts"
  rm -rf "$state/seed.json" "$state/cache" && mkdir -p "$state/cache"
  # Another program on the port would answer the readiness check below and be seeded as if it were ours.
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null \
    && fail "port $port is in use by another program (not this sandbox's moto): set AWS_SESSION_SANDBOX_PORT to another port"
  say "starting moto_server on $url"
  daemon moto "$state/moto.log" moto_server -H 127.0.0.1 -p "$port"
  for i in $(seq 150); do
    curl -fsS "$url/moto-api/" >/dev/null 2>&1 && running && break
    ((i > 5)) && ! running && fail "moto_server exited; see $state/moto.log (is port $port taken? set AWS_SESSION_SANDBOX_PORT)"
    ((i == 150)) && fail "moto_server did not answer on $url within 15 s; see $state/moto.log"
    sleep 0.1
  done
fi
if ! alive "$(pid_of federation)"; then
  rm -f "$state/federation.port"
  daemon federation "$state/federation.log" python3 "$here/federation.py" "$state/federation.port"
  for _ in $(seq 50); do [[ -s "$state/federation.port" ]] && break; sleep 0.1; done
  [[ -s "$state/federation.port" ]] || fail "the federation stub did not start; see $state/federation.log"
fi
if [[ ! -s "$state/seed.json" ]]; then
  say "seeding moto: user alice with an MFA device, an organization with $accounts accounts"
  python3 "$here/seed.py" "$url" --accounts "$accounts" >"$state/seed.json.tmp" || fail "seeding failed (above; python3 with boto3 is needed)"
  mv "$state/seed.json.tmp" "$state/seed.json"
fi

# Built when a source is newer than the binary, or than the last build made here (a build that changes no output
# leaves the binary's time alone). bin/ and obj/ are not sources: a build writes .cs files there.
stamp="$out/.sandbox-built"
stale() {
  [[ -x "$bin" && -e "$out/aws-session.dll" ]] || return 0
  local ref="$out/aws-session.dll"
  [[ -e "$stamp" && "$stamp" -nt "$ref" ]] && ref="$stamp"
  [[ -n "$( (find "$root/src" \( -name bin -o -name obj \) -prune -o \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$ref" -print
    find "$root" -maxdepth 1 \( -name '*.props' -o -name global.json \) -newer "$ref" -print) | head -1)" ]]
}
if stale; then
  mkdir -p "$out"
  exec 9>"$out/.sandbox-build.lock"
  flock 9 # another sandbox may be building the same tree
  if stale; then
    say "building aws-session (Release; the first build takes a minute or two)"
    dotnet build "$root/src/AwsSession/AwsSession.csproj" -c Release -nologo -v q -clp:NoSummary >&2 || fail "the build failed (above)"
    touch "$stamp"
  fi
  exec 9>&-
fi

read -r key secret < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["AccessKeyId"], d["SecretAccessKey"])' "$state/seed.json")
federation="http://127.0.0.1:$(cat "$state/federation.port")/federation"
export AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_ENDPOINT_URL="$url" AWS_REGION=us-east-1
export AWS_DEFAULT_REGION=us-east-1 AWS_SESSION_FEDERATION_URL="$federation" AWS_EC2_METADATA_DISABLED=true
export HOME="$state/home" XDG_CACHE_HOME="$state/cache"

if [[ "${1:-}" == env ]]; then
  # For the user's shell: the sandbox's base keys, and nothing left of an earlier session (an exported session
  # token would be sent with these keys and refused; AWS_SESSION_IDENTITY would make aws-session pose from it).
  for v in AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_ENDPOINT_URL AWS_REGION AWS_DEFAULT_REGION AWS_SESSION_FEDERATION_URL AWS_EC2_METADATA_DISABLED; do
    printf "export %s='%s'\n" "$v" "${!v}"
  done
  echo "unset AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_SESSION_IDENTITY AWS_CREDENTIAL_EXPIRATION AWS_PROFILE AWS_DEFAULT_PROFILE" \
    "AWS_CREDENTIAL_FILE AWS_SDK_LOAD_CONFIG AWS_CONTAINER_CREDENTIALS_FULL_URI AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" \
    "AWS_CONTAINER_AUTHORIZATION_TOKEN AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE AWS_WEB_IDENTITY_TOKEN_FILE AWS_ROLE_ARN"
  exit 0
fi
[[ "${1:-}" == sso ]] && shift && exec "$here/sso.sh" "$state" "$bin" "$@" # IAM Identity Center: see sso.sh
exec "$bin" "$@"
