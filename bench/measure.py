#!/usr/bin/env python3
"""The summary behind bench/run.sh: medians, ratios to the reference program, and the targets with PASS/FAIL.

  measure.py RESULTS_DIR      reads hot-*.json, cli-*.json (hyperfine exports), rss.txt (GNU time), labels.json,
                              calls.json; prints Markdown
"""
import glob
import json
import os
import random
import re
import statistics
import sys

TITLES = {
    "reference": "reference: empty Native AOT program (prints one line)",
    "version": "`aws-session --version`",
    "exec-hit": "`aws-session exec -- /bin/true`, cached",
    "exec-pose-hit": "`aws-session exec pose prod -- /bin/true`, cached",
    "exports-hit": "`aws-session pose prod` to a pipe (eval), cached",
    "awscli": "`aws configure export-credentials` (AWS CLI v2)",
}

# The issue's bounds on the cached commands' median wall time, as ratios to the reference (bench/pool.py reads them too)
BOUNDS = {"version": 1.3, "exec-hit": 1.5, "exec-pose-hit": 1.5, "exports-hit": 1.5}


def runs(pattern):
    """command (its copy's directory left out) -> every run's wall time (s) and CPU time (user+sys, s) over all rounds"""
    wall, cpu = {}, {}
    for path in sorted(glob.glob(pattern)):
        for r in json.load(open(path))["results"]:
            command = re.sub(r"\S*/copies/\d+/", "", r["command"])
            wall.setdefault(command, []).extend(r["times"])
            # hyperfine exports per-run user/system times from 1.16 on; 1.15 has the means only
            users, systems = r.get("user_times") or [r["user"]] * len(r["times"]), r.get("system_times") or [r["system"]] * len(r["times"])
            cpu.setdefault(command, []).extend(u + s for u, s in zip(users, systems))
    return wall, cpu


def rounds(pattern):
    """every round's wall times (s), by command, one dict per hot-N.json"""
    out = []
    for path in glob.glob(pattern):
        out.append({re.sub(r"\S*/copies/\d+/", "", r["command"]): r["times"] for r in json.load(open(path))["results"]})
    return out


def interval(per_round, cmd, ref_cmd, draws=2000):
    """The 95% interval of cmd's median ratio to the reference: rounds drawn again with replacement (a bootstrap).
    Rounds, not runs, are drawn, because a round's runs share its copy of the binaries and the machine's moment."""
    rng = random.Random(16)  # the same interval from the same results
    ratios = []
    for _ in range(draws):
        drawn = [rng.choice(per_round) for _ in per_round]
        ratios.append(statistics.median(t for r in drawn for t in r[cmd]) / statistics.median(t for r in drawn for t in r[ref_cmd]))
    ratios.sort()
    return ratios[int(draws * 0.025)], ratios[int(draws * 0.975) - 1]


def main(d):
    labels = json.load(open(os.path.join(d, "labels.json")))
    wall, cpu = runs(os.path.join(d, "hot-*.json"))
    cli_wall, _ = runs(os.path.join(d, "cli-*.json"))
    peaks = {}
    for line in open(os.path.join(d, "rss.txt")):
        label, _, kib = line.strip().rpartition(" ")
        if kib.isdigit():
            peaks.setdefault(label, []).append(int(kib) / 1024)

    med = {label: statistics.median(wall[cmd]) * 1000 for label, cmd in labels.items() if cmd in wall}
    cpu_med = {label: statistics.median(cpu[cmd]) * 1000 for label, cmd in labels.items() if cmd in cpu}
    rss = {label: statistics.median(v) for label, v in peaks.items()}
    ref, ref_rss, ref_cpu = med["reference"], rss.get("reference"), cpu_med["reference"]

    per_round = rounds(os.path.join(d, "hot-*.json"))
    ci = {label: interval(per_round, cmd, labels["reference"]) for label, cmd in labels.items() if label in med and label != "reference"}

    print("| command | median wall ms | x reference | 95% interval | CPU ms (user+sys) | x reference | peak RSS MiB | runs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, cmd in labels.items():
        if label in med:
            span = "{:.2f}-{:.2f}".format(*ci[label]) if label in ci else ""
            print(f"| {TITLES.get(label, label)} | {med[label]:.1f} | {med[label] / ref:.2f} | {span} | {cpu_med[label]:.1f} | "
                  f"{cpu_med[label] / ref_cpu:.2f} | {rss.get(label, 0):.1f} | {len(wall[cmd])} |")
    exec_cmd = labels["exec-hit"]
    cli_cmd = next(c for c in cli_wall if c != exec_cmd)
    cli_exec, cli = statistics.median(cli_wall[exec_cmd]) * 1000, statistics.median(cli_wall[cli_cmd]) * 1000
    print(f"| {TITLES['awscli']} | {cli:.1f} | {cli / ref:.1f} | | | | | {len(cli_wall[cli_cmd])} |")

    targets = [
        (f"`--version` <= {BOUNDS['version']}x the reference", med["version"] / ref, BOUNDS["version"], "<="),
        (f"cached `exec -- /bin/true` <= {BOUNDS['exec-hit']}x", med["exec-hit"] / ref, BOUNDS["exec-hit"], "<="),
        (f"cached `exec pose prod -- /bin/true` <= {BOUNDS['exec-pose-hit']}x", med["exec-pose-hit"] / ref, BOUNDS["exec-pose-hit"], "<="),
        (f"cached `pose prod` exports to a pipe <= {BOUNDS['exports-hit']}x", med["exports-hit"] / ref, BOUNDS["exports-hit"], "<="),
        ("`aws configure export-credentials` >= 50x the cached `exec` (interleaved with it)", cli / cli_exec, 50, ">="),
    ]
    print()
    print("| target | measured | result |")
    print("|---|---:|---|")
    for name, value, bound, op in targets:
        ok = value <= bound if op == "<=" else value >= bound
        print(f"| {name} | {value:.2f}x | {'PASS' if ok else 'FAIL'} |")
    worst = max((v, k) for k, v in rss.items() if k != "reference")
    ok = worst[0] <= ref_rss + 2
    print(f"| peak RSS of every cached command <= the reference's + 2 MiB ({ref_rss:.1f} + 2) | {worst[0]:.1f} MiB ({worst[1]}) | {'PASS' if ok else 'FAIL'} |")

    calls = os.path.join(d, "calls.json")
    if os.path.exists(calls):
        print()
        print("| run against moto | AWS calls | which |")
        print("|---|---:|---|")
        for c in json.load(open(calls)):
            print(f"| `{c['label']}` | {len(c['calls'])} | {', '.join(c['calls']) or '-'} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
