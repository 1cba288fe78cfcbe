#!/usr/bin/env bash
# IAM Identity Center in the sandbox: `sandbox/run.sh sso [aws-session args...]`. run.sh has started moto and
# exported the sandbox's endpoint, region, HOME and cache; this adds the tests' fake Identity Center
# (tests/Integration/Fixtures/fake_identity_center.py) on a free 127.0.0.1 port, an [sso-session sandbox] with two
# profiles in the sandbox HOME's ~/.aws/config, and runs aws-session with AWS_PROFILE=sandbox-sso. The fake approves
# whoever visits its sign-in page, and BROWSER is a script that visits it, so sign-ins complete by themselves; the
# URL and code are printed as with the real service. `sandbox/run.sh stop` stops the fake with moto.
#   sandbox/run.sh sso pose prod ReadOnly                        # exports, after one (automatic) sign-in
#   sandbox/run.sh sso exec pose prod ReadOnly -- aws sts get-caller-identity
#   sandbox/run.sh sso exec --profile sandbox-dev -- aws sts get-caller-identity
#   sandbox/run.sh sso accounts; sandbox/run.sh sso sessions; sandbox/run.sh sso logout
# Called by run.sh as: sso.sh STATE_DIR AWS_SESSION_BINARY [aws-session args...]
set -euo pipefail
state=$1 bin=$2
shift 2
root="$(cd "$(dirname "$0")/.." && pwd)"
fixtures="$root/tests/Integration/Fixtures"

say() { echo "sandbox: $*" >&2; }
fail() { say "$*"; exit 1; }
alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo R)" != Z ]]; }

if [[ $# -eq 0 ]]; then
  sed -n 's/^#   /  /p' "$0" >&2
  exit 2
fi

# Its own session, like moto's: a ^C in the shell that started it never reaches it. run.sh's stop reads sso.pid.
if ! alive "$(cat "$state/sso.pid" 2>/dev/null || true)"; then
  say "starting the fake IAM Identity Center"
  # Tokens and client registrations of an earlier fake mean nothing to a new one.
  rm -rf "$state/sso.log" "$HOME/.aws/sso/cache"
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$state/sso.pid" python3 "$fixtures/fake_identity_center.py" </dev/null >"$state/sso.log" 2>&1 &
  for _ in $(seq 100); do grep -q '^READY ' "$state/sso.log" 2>/dev/null && break; sleep 0.1; done
fi
port=$(sed -n 's/^READY //p' "$state/sso.log" 2>/dev/null | head -1)
[[ -n "$port" ]] || fail "the fake IAM Identity Center did not start; see $state/sso.log"

config="$HOME/.aws/config"
if ! grep -qs '^\[sso-session sandbox\]' "$config"; then
  mkdir -p "$HOME/.aws"
  cat >>"$config" <<'INI'
[sso-session sandbox]
sso_start_url = https://d-fake.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

# A base for pose and accounts: the fake's accounts are prod, staging and dev.
[profile sandbox-sso]
sso_session = sandbox
region = us-east-1

# One account and role, as most Identity Center profiles are.
[profile sandbox-dev]
sso_session = sandbox
sso_account_id = 333333333333
sso_role_name = Developer
region = us-east-1
INI
  say "added [sso-session sandbox] and profiles sandbox-sso, sandbox-dev to $config"
fi

# The sandbox's moto keys would outrank the profile; STS (for exec's commands) stays at moto via AWS_ENDPOINT_URL.
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
export AWS_PROFILE=sandbox-sso AWS_ENDPOINT_URL_SSO="http://127.0.0.1:$port" AWS_ENDPOINT_URL_SSO_OIDC="http://127.0.0.1:$port"
export BROWSER="$fixtures/test_browser.sh"
exec "$bin" "$@"
