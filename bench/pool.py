#!/usr/bin/env python3
"""Several bench/run.sh runs taken together: each cached command's median ratio to the reference over all their rounds.

  pool.py RESULTS_DIR...      the bench/results/<timestamp> directories of runs of one hit path; prints Markdown, and
                              exits 1 if a pooled figure's interval reaches above its bound

One run's median moves with the moment of the machine it ran in (on 2 shared CPUs, `exec` 1.37-1.62x over one
afternoon's runs of builds with the same hit path), so one run can put a figure on either side of a bound it sits
near. The targets are about the median itself: pooled over runs, with a 95% interval from the runs drawn again with
replacement (whole runs, because a run's rounds share its clone, its build and its stretch of time), that median is
measured, not guessed from one draw. A figure near its bound needs many runs before its whole interval is within it.
"""
import json
import os
import random
import statistics
import sys

from measure import BOUNDS, TITLES, rounds


def load(d):
    """one run: its rounds, each as {label: wall times (s)}"""
    labels = json.load(open(os.path.join(d, "labels.json")))
    by_command = rounds(os.path.join(d, "hot-*.json"))
    return [{label: r[cmd] for label, cmd in labels.items() if cmd in r} for r in by_command]


def ratio(rounds_, label):
    return statistics.median(t for r in rounds_ for t in r[label]) / statistics.median(t for r in rounds_ for t in r["reference"])


def main(dirs):
    runs = [load(d) for d in dirs]
    rng = random.Random(16)  # the same interval from the same results
    print(f"{len(runs)} runs, {sum(len(r) for r in runs)} rounds")
    print()
    print("| command | pooled x reference | 95% interval | single runs | single runs within the bound | bound | result |")
    print("|---|---:|---:|---:|---:|---:|---|")
    failed = False
    for label, bound in BOUNDS.items():
        pooled = ratio([r for run in runs for r in run], label)
        singles = [ratio(run, label) for run in runs]
        draws = sorted(ratio([r for run in (rng.choice(runs) for _ in runs) for r in run], label) for _ in range(2000))
        low, high = draws[50], draws[1949]
        ok = high <= bound
        failed |= not ok
        within = sum(s <= bound for s in singles)
        print(f"| {TITLES[label]} | {pooled:.2f} | {low:.2f}-{high:.2f} | {min(singles):.2f}-{max(singles):.2f} | "
              f"{within} of {len(singles)} | <= {bound} | {'PASS' if ok else 'FAIL'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
