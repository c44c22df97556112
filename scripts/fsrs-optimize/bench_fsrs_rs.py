#!/usr/bin/env python3
"""The optimizer benchmark's data, and fsrs-rs (fsrs-rs-python 0.9.3) fitted to it.

Generates exactly the histories `SimulatedHistories.generate` draws in Swift (same SplitMix64
stream, same float64 formulas through the C library's pow/exp) for the benchmark's learner, writes
them in `fsrs replay` input format, times fsrs-rs's `compute_parameters` on them, and reports the
log loss (unweighted mean cross-entropy over every review a study day or more after the previous
one, the quantity `codedrill fsrs optimize` reports) of the default weights, of fsrs-rs's weights
and, with --codedrill, of `codedrill fsrs optimize`'s weights on the same file, timing that too.

  .venv-prep/bin/pip install fsrs-rs-python==0.9.3
  .venv-prep/bin/python scripts/fsrs-optimize/bench_fsrs_rs.py --runs 5 --codedrill .build/release/codedrill
"""
import argparse
import json
import math
import resource
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

MASK = (1 << 64) - 1
DEFAULTS = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
            1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]
# The benchmark's learner (OptimizerBenchmarks, OptimizerTests.truth).
TRUTH = [0.4, 1.6, 3.1, 10.5, 6.0, 0.7, 2.4, 0.02, 1.6, 0.25, 1.1, 1.8, 0.1, 0.35, 1.4, 0.5, 2.2, 0.4, 0.2, 0.1, 0.25]


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * 2.0 ** -53


class Model:
    """TrainingLoss's forward formulas (fsrs-rs semantics), operation for operation."""

    def __init__(self, w):
        self.w = w
        self.factor = math.pow(0.9, -1 / w[20]) - 1
        self.e8 = math.exp(w[8])
        self.cap = math.exp(-w[17] * w[18])
        self.easy_d0 = w[4] - math.exp(3 * w[5]) + 1

    def r(self, t, s):
        return math.pow(1 + self.factor * t / s, -self.w[20])

    def init(self, g):
        w = self.w
        return max(w[g - 1], 0.001), min(max(w[4] - math.exp(w[5] * (g - 1)) + 1, 1), 10)

    def next(self, s, d, r, t, g):
        w = self.w
        if t == 0:
            inc = math.exp(w[17] * (g - 3 + w[18])) * math.pow(s, -w[19])
            if g != 1:
                inc = max(inc, 1)
            ns = s * inc
        elif g == 1:
            lt = w[11] * math.pow(d, -w[12]) * (math.pow(s + 1, w[13]) - 1) * math.exp(w[14] * (1 - r))
            ns = min(lt, s * self.cap)
        else:
            hard = w[15] if g == 2 else 1
            easy = w[16] if g == 4 else 1
            ns = s * (1 + self.e8 * (11 - d) * math.pow(s, -w[9]) * (math.exp(w[10] * (1 - r)) - 1) * hard * easy)
        ns = min(max(ns, 0.001), 36500.0)
        delta = -w[6] * (g - 3)
        damped = d + delta * (10 - d) / 9
        nd = min(max(w[7] * self.easy_d0 + (1 - w[7]) * damped, 1), 10)
        return ns, nd


def round_half_away(x):
    whole = int(x)
    return whole + (1 if x - whole >= 0.5 else 0)


def generate(w, cards, per_card, seed):
    """SimulatedHistories.generate: lists of (rating, elapsed days)."""
    rng = SplitMix64(seed)
    m = Model(w)
    out = []
    for _ in range(cards):
        u = rng.unit()
        first = 1 if u < 0.2 else 2 if u < 0.3 else 3 if u < 0.9 else 4
        reviews = [(first, 0)]
        s, d = m.init(first)
        while len(reviews) < per_card:
            if reviews[-1][0] == 1 and rng.unit() < 0.5:
                t = 0
            else:
                t = max(1, round_half_away(s * (0.5 + 2 * rng.unit())))
            r = m.r(t, s) if t > 0 else 1.0
            if rng.unit() >= r:
                g = 1
            else:
                v = rng.unit()
                g = 2 if v < 0.15 else 3 if v < 0.9 else 4
            reviews.append((g, t))
            s, d = m.next(s, d, r, t, g)
        out.append(reviews)
    return out


def log_loss(w, histories):
    m = Model(w)
    total, n = 0.0, 0
    for reviews in histories:
        s, d = m.init(reviews[0][0])
        for g, t in reviews[1:]:
            r = m.r(t, s) if t > 0 else 1.0
            if t > 0:
                p = min(max(r, 1e-12), 1 - 1e-12)
                total -= math.log(p) if g > 1 else math.log(1 - p)
                n += 1
            s, d = m.next(s, d, r, t, g)
    return total / n, n


def replay_lines(histories):
    start = datetime(2020, 1, 1, 12, 0, tzinfo=timezone.utc)
    lines = []
    for reviews in histories:
        day, same = 0, 0
        out = []
        for g, t in reviews:
            day += t
            same = same + 1 if t == 0 else 0
            when = start + timedelta(days=day, minutes=same)
            out.append([when.strftime("%Y-%m-%dT%H:%M:%SZ"), g])
        lines.append(json.dumps({"reviews": out}))
    return "\n".join(lines) + "\n"


def fsrs_rs_items(histories):
    from fsrs_rs_python import FSRSItem, FSRSReview
    keyed = []
    for reviews in histories:
        day = 0
        for i in range(1, len(reviews)):
            day += reviews[i][1]
            if reviews[i][1] > 0:
                keyed.append((day, FSRSItem([FSRSReview(g, t) for g, t in reviews[: i + 1]])))
    keyed.sort(key=lambda pair: pair[0])  # chronological, for fsrs-rs's recency weighting
    return [item for _, item in keyed]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--reviews-per-card", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default="/tmp/codedrill-optimizer-bench.jsonl")
    parser.add_argument("--codedrill")
    args = parser.parse_args()
    histories = generate(TRUTH, args.cards, args.reviews_per_card, args.seed)
    with open(args.out, "w") as f:
        f.write(replay_lines(histories))
    report = {"cards": len(histories), "reviews": sum(len(h) for h in histories)}
    report["defaultLogLoss"], report["targets"] = log_loss(DEFAULTS, histories)
    report["truthLogLoss"], _ = log_loss(TRUTH, histories)

    from fsrs_rs_python import FSRS
    items = fsrs_rs_items(histories)
    times, cpu, params = [], [], None
    for _ in range(args.runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        params = FSRS([]).compute_parameters(items)
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    report["fsrsRs"] = {"medianSeconds": statistics.median(times), "seconds": times, "params": list(params),
                        "medianCpuSeconds": statistics.median(cpu),
                        "logLoss": log_loss(list(params), histories)[0],
                        "ownEvaluate": {"logLoss": FSRS(list(params)).evaluate(items).log_loss,
                                        "rmseBins": FSRS(list(params)).evaluate(items).rmse_bins}}
    if args.codedrill:
        data = open(args.out).read()
        times, cpu, result = [], [], None
        for _ in range(args.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            began = time.perf_counter()
            done = subprocess.run([args.codedrill, "fsrs", "optimize"], input=data, capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - began)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            result = json.loads(done.stdout)
        report["codedrill"] = {"medianSeconds": statistics.median(times), "seconds": times, "params": result["params"],
                               "medianCpuSeconds": statistics.median(cpu),
                               "logLoss": log_loss(result["params"], histories)[0], "reported": result,
                               "ownEvaluateOfFsrsRs": {"logLoss": FSRS(result["params"]).evaluate(items).log_loss,
                                                      "rmseBins": FSRS(result["params"]).evaluate(items).rmse_bins}}
        report["logLossRatio"] = report["codedrill"]["logLoss"] / report["fsrsRs"]["logLoss"]
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
