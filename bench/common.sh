# Shared by bench/run.sh and bench/order.sh (sourced): moto behind the counting proxy, and an isolated user.

# Starts moto and the counting proxy in front of it (calls to $OUT/calls.log), seeds it, writes $OUT/seed.json.
start_moto() {
  echo "== moto" >&2
  MOTO_PORT=$((5100 + RANDOM % 800)); PROXY_PORT=$((MOTO_PORT + 1))
  moto_server -H 127.0.0.1 -p $MOTO_PORT >"$OUT/moto.log" 2>&1 & MOTO_PID=$!
  python3 bench/count_proxy.py $PROXY_PORT http://127.0.0.1:$MOTO_PORT "$OUT/calls.log" & PROXY_PID=$!
  trap 'kill $MOTO_PID $PROXY_PID 2>/dev/null || true' EXIT
  for port in $MOTO_PORT $PROXY_PORT; do # moto first: the proxy logs a traceback for each request it cannot forward
    for _ in $(seq 100); do python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/moto-api/')" 2>/dev/null && break; sleep 0.2; done
  done
  python3 sandbox/seed.py http://127.0.0.1:$MOTO_PORT --accounts 25 >"$OUT/seed.json"
  rm -f "$OUT/calls.log"
}

field() { python3 -c "import json,sys; d=json.load(open('$OUT/seed.json')); print(eval(sys.argv[1]))" "$1"; }

# An isolated user: keys in the environment, mfa_serial and region in ~/.aws/config, cache under $OUT.
isolated_user() {
  export HOME=$OUT/home XDG_CACHE_HOME=$OUT/cache AWS_ENDPOINT_URL=http://127.0.0.1:$PROXY_PORT AWS_REGION=us-east-1
  export AWS_ACCESS_KEY_ID; AWS_ACCESS_KEY_ID=$(field 'd["AccessKeyId"]')
  export AWS_SECRET_ACCESS_KEY; AWS_SECRET_ACCESS_KEY=$(field 'd["SecretAccessKey"]')
  unset AWS_SESSION_TOKEN AWS_PROFILE AWS_DEFAULT_PROFILE AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE
  mkdir -p "$HOME/.aws"
  printf '[default]\nregion = us-east-1\nmfa_serial = %s\n' "$(field 'd["Devices"][0]')" >"$HOME/.aws/config"
}

# Fills the cache with the MFA session, prod's role session and the account list (binary: $1).
warm_cache() {
  rm -rf "$XDG_CACHE_HOME"
  "$1" pose prod -t 123456 --shell sh >/dev/null 2>&1
}

# Waits until the CPUs are quiet (3 seconds in a row at least 90% idle; 120 s at most) and prints how idle the last
# second was. On 2 shared CPUs the tail of the build (compiler servers exiting, writeback) and a fresh machine's own
# start-up work fall hardest on the commands that start a second image, and would be measured as theirs.
wait_quiet() {
  python3 - <<'PY'
import time
def snap():
    v = list(map(int, open('/proc/stat').readline().split()[1:]))
    return v[3] + v[4], sum(v)
start, streak = time.time(), 0
while True:
    i0, t0 = snap(); time.sleep(1); i1, t1 = snap()
    idle = (i1 - i0) / max(1, t1 - t0)
    streak = streak + 1 if idle >= 0.9 else 0
    if streak >= 3 or time.time() - start > 120:
        break
print(f"{idle * 100:.0f}% idle after waiting {time.time() - start:.0f} s")
PY
}
