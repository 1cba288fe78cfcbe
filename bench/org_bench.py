#!/usr/bin/env python3
"""The measurements behind bench/org-bench.sh (see there). Prints a small table; exits 1 when a goal is missed."""
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

binary, proxy, runs, seed_file, total = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
pages = -(-total // 20)  # ListAccounts pages of 20
seed = json.load(open(seed_file))
env = dict(os.environ, AWS_ACCESS_KEY_ID=seed["AccessKeyId"], AWS_SECRET_ACCESS_KEY=seed["SecretAccessKey"],
           AWS_ENDPOINT_URL=proxy, AWS_REGION="us-east-1")
for k in ("AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_SESSION_IDENTITY"):
    env.pop(k, None)
name = seed["Accounts"][-1]["Name"]          # the last one: a lookup cannot stop early
account_id = seed["Accounts"][-1]["Id"]


def call(url, data=None):
    with urllib.request.urlopen(urllib.request.Request(proxy + url, data=data, method="POST" if data is not None else "GET")) as r:
        return json.load(r)


def pose(*args):
    start = time.perf_counter()
    p = subprocess.run([binary, "pose", *args, "-t", "123456", "--shell", "sh"], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"pose {' '.join(args)} failed ({p.returncode}): {p.stderr.strip()}")
    return elapsed


def counted(*args):
    call("/__reset", b"")
    elapsed = pose(*args)
    return elapsed, call("/__counts")


cold_time, cold = counted(name)
warm_time, warm = counted(name)
pose(account_id)                               # makes the id's role session (same role, same cache entry)
name_times, id_times = [], []
for _ in range(runs):  # interleaved, so load on a shared machine hits both alike
    name_times.append(pose(name))
    id_times.append(pose(account_id))
call("/__reset", b"")
for _ in range(3):
    pose(name)
warm_many = call("/__counts")



def picker_time(n):
    """Launch to the picker on screen, warm cache, in a tmux terminal (polled every 5 ms)."""
    sock = f"org-bench-{os.getpid()}-{n}"   # a fresh server each time: reusing a just-killed socket races
    tenv = dict(env, TERM="xterm-256color")
    tenv.pop("TMUX", None)
    start = time.perf_counter()
    subprocess.run(["tmux", "-L", sock, "new-session", "-d", "-x", "160", "-y", "40", f"'{binary}' pose --shell sh > /dev/null"], env=tenv, check=True)
    try:
        while time.perf_counter() - start < 10:
            screen = subprocess.run(["tmux", "-L", sock, "capture-pane", "-p"], env=tenv, capture_output=True, text=True).stdout
            if "Which account?" in screen:
                return time.perf_counter() - start
            time.sleep(0.005)
        sys.exit("the picker did not appear within 10 s")
    finally:
        subprocess.run(["tmux", "-L", sock, "kill-server"], env=tenv, capture_output=True)


has_tmux = subprocess.run(["sh", "-c", "command -v tmux"], capture_output=True).returncode == 0
picker_times = [picker_time(n) for n in range(min(runs, 7))] if has_tmux else []

n_med, i_med = statistics.median(name_times), statistics.median(id_times)
rows = [
    ("cold pose NAME: ListAccounts calls", cold.get("ListAccounts", 0), str(pages)),
    ("cold pose NAME: all AWS calls", sum(cold.values()), ", ".join(f"{k} {v}" for k, v in sorted(cold.items()))),
    ("cold pose NAME: wall time", f"{cold_time * 1000:.0f} ms", ""),
    ("warm pose NAME: ListAccounts calls", warm.get("ListAccounts", 0), "0"),
    ("warm pose NAME x3: any AWS calls", sum(warm_many.values()), "0"),
    (f"warm pose NAME: median of {runs}", f"{n_med * 1000:.0f} ms", f"min {min(name_times) * 1000:.0f}, max {max(name_times) * 1000:.0f}"),
    (f"warm pose ID: median of {runs}", f"{i_med * 1000:.0f} ms", f"min {min(id_times) * 1000:.0f}, max {max(id_times) * 1000:.0f}"),
    ("NAME / ID", f"{n_med / i_med:.2f}x", "goal <= 1.2x: " + ("PASS" if n_med <= 1.2 * i_med else "FAIL")),
]
if picker_times:
    p_med = statistics.median(picker_times)
    rows += [
        (f"warm picker on screen: median of {len(picker_times)}", f"{p_med * 1000:.0f} ms", "launch to 'Which account?' (tmux)"),
        ("  minus a whole warm pose ID", f"{(p_med - i_med) * 1000:.0f} ms", "goal < 150 ms: " + ("PASS" if p_med - i_med < 0.150 else "FAIL")),
    ]
print(f"{'measure':<38} {'value':>10}  note")
for label, value, note in rows:
    print(f"{label:<38} {str(value):>10}  {note}")
ok = cold.get("ListAccounts") == pages and warm.get("ListAccounts", 0) == 0 and n_med <= 1.2 * i_med \
    and (not picker_times or statistics.median(picker_times) - i_med < 0.150)
sys.exit(0 if ok else 1)
