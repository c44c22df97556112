#!/usr/bin/env python3
"""Time py-fsrs 6.3.2 on the same workload as Benchmarks/SchedulerBenchmarks.

1,000 cards x 100 reviews = 100,000 review steps, ratings and waits drawn from SplitMix64 seed 2026
exactly as the Swift benchmark draws them, so both review the same histories (the stepless,
fuzz-free checksum printed here equals the Swift one).

    /tmp/fsrsvenv/bin/python scripts/fsrs-fixture/bench_pyfsrs.py [repeats]
"""

import statistics
from importlib.metadata import version
import sys
import time
from datetime import datetime, timedelta, timezone

import fsrs

MASK = (1 << 64) - 1
CARDS, REVIEWS = 1_000, 100
LONGEST_WAIT = timedelta(days=365)


def splitmix64(seed: int):
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def workload(seed: int = 2026):
    draws = splitmix64(seed)
    unit = lambda: (next(draws) >> 11) * 2.0**-53  # noqa: E731
    ratings, factors = [], []
    for _ in range(CARDS * REVIEWS):
        u = unit()
        ratings.append(fsrs.Rating(1 if u < 0.1 else 2 if u < 0.2 else 3 if u < 0.9 else 4))
        factors.append(0.5 + 1.5 * unit())
    return ratings, factors


def run(scheduler: fsrs.Scheduler, ratings, factors) -> float:
    """Every card's first review, then every card's second, ... as the Swift benchmark does."""
    start = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)
    cards = [fsrs.Card(card_id=card_id, due=start) for card_id in range(CARDS)]
    for review in range(REVIEWS):
        for index, card in enumerate(cards):
            k = index * REVIEWS + review
            when = start
            if card.last_review is not None:
                when = card.last_review + min(card.due - card.last_review, LONGEST_WAIT) * factors[k]
            cards[index], _ = scheduler.review_card(card, ratings[k], when)
    return sum(card.stability for card in cards)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    ratings, factors = workload()
    setups = {
        "no steps, no fuzz": fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False),
        "default steps and fuzz": fsrs.Scheduler(),
    }
    for name, scheduler in setups.items():
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            checksum = run(scheduler, ratings, factors)
            times.append(time.perf_counter() - began)
        median = statistics.median(times)
        steps = CARDS * REVIEWS
        print(f"py-fsrs {version('fsrs')} {name}: median {median * 1000:.1f} ms per {steps} review steps "
              f"= {steps / median:,.0f} steps/s (checksum {checksum:.6f}, {repeats} runs)")


if __name__ == "__main__":
    main()
