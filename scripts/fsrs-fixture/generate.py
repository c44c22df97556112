#!/usr/bin/env python3
"""Generate the py-fsrs 6.3.2 reference fixtures for Tests/FSRSTests/Fixtures/.

Run with py-fsrs installed in a throwaway virtualenv outside the repository:

    python3 -m venv /tmp/fsrsvenv && /tmp/fsrsvenv/bin/pip install fsrs==6.3.2
    /tmp/fsrsvenv/bin/python scripts/fsrs-fixture/generate.py Tests/FSRSTests/Fixtures

Writes two JSON-lines files, one random review history per line (deterministic: fixed seeds):

* pyfsrs-replay.jsonl — Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False),
  default parameters, desired retention 0.9 (the `codedrill fsrs replay` contract):
  {"reviews": [["2026-01-01T09:00:00Z", 3], ...], "states": [[stability, difficulty, interval_days], ...]}
* pyfsrs-steps.jsonl — Scheduler with the default steps (1 min, 10 min / 10 min), fuzz off:
  {"reviews": [...], "states": [[state, step, stability, difficulty, due_unix_seconds], ...]}
  with state 1 Learning, 2 Review, 3 Relearning and step null in Review.
"""

import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs


DAY = 86400
START = datetime(2020, 1, 1, tzinfo=timezone.utc)
PROFILES = {  # rating weights Again, Hard, Good, Easy
    "uniform": [1, 1, 1, 1],
    "steady": [1, 1, 6, 1],
    "struggling": [4, 2, 3, 0.5],
    "confident": [0.5, 0.5, 3, 3],
}


def iso(moment: datetime) -> str:
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += ".%03d" % (moment.microsecond // 1000)
    return text + "Z"


def next_gap(rng: random.Random, card: fsrs.Card, now: datetime) -> timedelta:
    """Seconds until the next review: at due, early, late, same day, near 24 h, minutes, long gaps."""
    until_due = (card.due - now).total_seconds()
    kind = rng.choices(
        ["due", "early", "late", "same_day", "boundary", "minutes", "long", "uniform"],
        weights=[28, 10, 14, 14, 6, 8, 5, 15],
    )[0]
    if kind == "due":
        seconds = until_due
    elif kind == "early":
        seconds = until_due * rng.uniform(0.05, 0.95)
    elif kind == "late":
        seconds = until_due * rng.uniform(1.0, 4.0) + rng.randint(0, DAY)
    elif kind == "same_day":
        seconds = rng.randint(1, DAY - 1)
    elif kind == "boundary":
        seconds = DAY + rng.randint(-600, 600)
    elif kind == "minutes":
        seconds = rng.randint(0, 1200)
    elif kind == "long":
        seconds = rng.randint(100, 3000) * DAY + rng.randint(0, DAY)
    else:
        seconds = rng.randint(0, 60 * DAY)
    return timedelta(seconds=max(0, round(seconds)))


def history(rng: random.Random, scheduler: fsrs.Scheduler, length: int, with_millis: bool):
    weights = PROFILES[rng.choice(list(PROFILES))]
    now = START + timedelta(seconds=rng.randint(0, 7 * 365 * DAY))
    if with_millis:
        now += timedelta(milliseconds=rng.randint(1, 999))
    card = fsrs.Card(card_id=1, due=now)
    reviews, cards = [], []
    for index in range(length):
        if index:
            now = now + next_gap(rng, card, now)
            if with_millis:
                now += timedelta(milliseconds=rng.randint(0, 999))
        rating = rng.choices([1, 2, 3, 4], weights=weights)[0]
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), now)
        reviews.append([iso(now), rating])
        cards.append(card)
    return reviews, cards


def write(path: Path, count: int, seed: int, scheduler: fsrs.Scheduler, row) -> None:
    rng = random.Random(seed)
    with path.open("w") as out:
        for number in range(count):
            length = rng.choice([rng.randint(1, 5), rng.randint(6, 25), rng.randint(26, 60)])
            reviews, cards = history(rng, scheduler, length, with_millis=number % 20 == 19)
            line = {"reviews": reviews, "states": [row(card) for card in cards]}
            out.write(json.dumps(line, separators=(",", ":")) + "\n")


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/FSRSTests/Fixtures")
    replay = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    write(
        folder / "pyfsrs-replay.jsonl", 1200, 20260101, replay,
        lambda c: [c.stability, c.difficulty, (c.due - c.last_review).days],
    )
    steps = fsrs.Scheduler(enable_fuzzing=False)
    write(
        folder / "pyfsrs-steps.jsonl", 300, 20260102, steps,
        lambda c: [c.state.value, c.step, c.stability, c.difficulty, c.due.timestamp()],
    )


if __name__ == "__main__":
    main()
