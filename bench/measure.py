#!/usr/bin/env python3
"""The parts of bench/run.sh that hyperfine does not do: peak memory, and the summary table.

  measure.py rss OUT.json RUNS -- CMD...        peak RSS (GNU time's %M) of RUNS runs, median
  measure.py rss-waiting OUT.json -- CMD...     RSS of aws-session while its child (e.g. sleep 1) runs
  measure.py table RESULTS_DIR                  the table of medians and ratios, as Markdown
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def rss(out, runs, cmd):
    # GNU time forks from a small process, so the floor is a few MiB, not the size of this python process.
    peaks = []
    with tempfile.NamedTemporaryFile() as f:
        for _ in range(runs):
            subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name, *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            peaks.append(int(open(f.name).read().split()[-1]) / 1024)  # KiB -> MiB
    json.dump({"command": cmd, "peak_mib": peaks, "median_mib": statistics.median(peaks)}, open(out, "w"))


def rss_waiting(out, cmd):
    """Samples VmRSS/VmHWM of the aws-session process itself halfway through its child's run."""
    samples = []
    for _ in range(5):
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
        time.sleep(0.5)
        status = dict(line.split(":", 1) for line in open(f"/proc/{p.pid}/status"))
        samples.append({k: int(status[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")})
        p.wait()
    json.dump({"command": cmd, "samples": samples,
               "median_rss_mib": statistics.median(s["VmRSS"] for s in samples),
               "median_hwm_mib": statistics.median(s["VmHWM"] for s in samples)}, open(out, "w"))


def table(d):
    times = {}
    for name in sorted(os.listdir(d)):
        if name.startswith("time-") and name.endswith(".json"):
            for r in json.load(open(os.path.join(d, name)))["results"]:
                times[r["command"]] = r
    rss = {}
    for name in sorted(os.listdir(d)):
        if name.startswith("rss-") and name.endswith(".json") and not name.startswith("rss-waiting"):
            rss[name[4:-5]] = json.load(open(os.path.join(d, name)))["median_mib"]
    labels = json.load(open(os.path.join(d, "labels.json")))
    ms = {label: times[cmd]["median"] * 1000 for label, cmd in labels.items() if cmd in times}

    base, aot, jit, cli = ms.get("true"), ms.get("aot-exec-hit"), ms.get("jit-exec-hit"), ms.get("awscli-v2-export")
    print("| what (cache hit unless cold) | median wall ms | added over /bin/true ms | peak RSS MiB | runs |")
    print("|---|---:|---:|---:|---:|")
    for label, cmd in labels.items():
        if label not in ms:
            continue
        added = f"{ms[label] - base:.1f}" if base is not None and label != "true" else ""
        peak = f"{rss[label]:.1f}" if label in rss else ""
        print(f"| `{label}`: {describe(cmd)} | {ms[label]:.1f} | {added} | {peak} | {len(times[cmd]['times'])} |")

    print()
    if aot and jit:
        print(f"- JIT build / AOT binary: {jit / aot:.1f}x")
    if aot and cli:
        print(f"- AWS CLI v2 `configure export-credentials` / AOT `exec -- /bin/true`: {cli / aot:.1f}x (goal >= 30x: {'met' if cli / aot >= 30 else 'MISSED'})")
    if aot and base is not None:
        print(f"- AOT exec hit adds {aot - base:.1f} ms over /bin/true (goal <= 15 ms: {'met' if aot - base <= 15 else 'MISSED'})")
    waiting = os.path.join(d, "rss-waiting.json")
    if os.path.exists(waiting):
        w = json.load(open(waiting))
        print(f"- aws-session RSS while its child runs: {w['median_rss_mib']:.1f} MiB, high-water {w['median_hwm_mib']:.1f} MiB (goal <= 30 MiB: {'met' if w['median_hwm_mib'] <= 30 else 'MISSED'})")

    calls = os.path.join(d, "calls.json")
    if os.path.exists(calls):
        print()
        print("| cold run against moto | AWS calls | which | median wall ms |")
        print("|---|---:|---|---:|")
        for c in json.load(open(calls)):
            t = times.get(c["command"])
            print(f"| `{c['label']}` | {len(c['calls'])} | {', '.join(c['calls']) or '-'} | {t['median'] * 1000:.0f} |" if t else
                  f"| `{c['label']}` | {len(c['calls'])} | {', '.join(c['calls']) or '-'} | |")


def describe(cmd):
    words = cmd.split()
    return " ".join(os.path.basename(w) if w.startswith("/") and i < 2 else w for i, w in enumerate(words))


if __name__ == "__main__":
    a = sys.argv[1:]
    if a[0] == "rss":
        rss(a[1], int(a[2]), a[a.index("--") + 1:])
    elif a[0] == "rss-waiting":
        rss_waiting(a[1], a[a.index("--") + 1:])
    elif a[0] == "table":
        table(a[1])
    else:
        sys.exit(__doc__)
