#!/usr/bin/env python3
"""Exam-date scheduling, measured: a simulated learner studies with `codedrill drill --json`.

The learner's memory is FSRS-6 as py-fsrs 6.3.2 computes it, with weights perturbed from the
defaults (the learner is not the average user codedrill assumes). Every study day it runs one
`codedrill drill --json` session: for each question it recalls the item with the probability its
memory predicts (a first sight is right with probability --first-correct), answers right (rating
Good) or wrong (Again), and its memory is updated. On exam day the mean predicted recall over
every item it started is the result; reviews spent is every answer given.

Runs:
  fsrs   codedrill without an exam date
  exam   codedrill with `learner set --exam-date` (readiness from `stats` is recorded the day before)
  fixed  a fixed 1-3-7-14-30-60-120-day schedule over the same items in the same order, simulated
         here, introduced and relearned the way codedrill's steps do it (two answers on the day an
         item is introduced, three if the first is wrong; one extra answer after a later failure);
         `fixed` takes the numbers as successive gaps, `fixedOffsets` as days after the introduction

Usage:
  python3 -m venv .venv-prep && .venv-prep/bin/pip install fsrs==6.3.2
  swift build -c release --product codedrill
  .venv-prep/bin/python scripts/exam-simulation/simulate.py --codedrill .build/release/codedrill
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

# Multiple-choice kinds whose right answer can be picked by label (typed-answer and authored kinds are left out).
KINDS = ["vignette", "contrast", "indication", "next-step", "not-included", "diagnosis", "pcs"]
FIXED_GAPS = [1, 3, 7, 14, 30, 60, 120]


def perturbed_parameters(rng, spread):
    values = []
    for i, w in enumerate(DEFAULT_PARAMETERS):
        v = w * (2.718281828459045 ** rng.gauss(0, spread))
        values.append(min(max(v, LOWER_BOUNDS_PARAMETERS[i]), UPPER_BOUNDS_PARAMETERS[i]))
    return tuple(values)


class Learner:
    """The simulated memory: one py-fsrs card per item, reviewed with the learner's own weights."""

    def __init__(self, parameters, seed, first_correct):
        self.scheduler = Scheduler(parameters=parameters, learning_steps=(), relearning_steps=(), enable_fuzzing=False)
        self.cards = {}
        self.rng = random.Random(seed)
        self.first_correct = first_correct

    def answer(self, item, now):
        card = self.cards.get(item)
        if card is None:
            recalled = self.rng.random() < self.first_correct
            card = Card()
        else:
            recalled = self.rng.random() < self.scheduler.get_card_retrievability(card, now)
        rating = Rating.Good if recalled else Rating.Again
        self.cards[item], _ = self.scheduler.review_card(card, rating, now)
        return recalled

    def recall_on(self, when):
        values = [self.scheduler.get_card_retrievability(c, when) for c in self.cards.values()]
        return sum(values) / len(values) if values else 0.0


def run(cmd, env, stdin=None):
    result = subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def drive_codedrill(args, parameters, exam_date, label):
    """Runs codedrill day by day; returns (exam-day recall, reviews, readiness or None, item order)."""
    workdir = tempfile.mkdtemp(prefix=f"codedrill-sim-{label}-")
    env = dict(os.environ, CODEDRILL_DB=os.path.join(workdir, "progress.sqlite"), TZ="UTC")
    start = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
    exam_day = start + timedelta(days=args.exam_day)
    base = [args.codedrill]
    run(base + ["learner", "add", "sim"], env)
    run(base + ["learner", "set", "sim", "--new-per-day", str(args.new_per_day)], env)
    if args.retention:
        run(base + ["learner", "set", "sim", "--retention", str(args.retention)], env)
    if exam_date:
        run(base + ["learner", "set", "sim", "--exam-date", exam_day.strftime("%Y-%m-%d")], env)
    learner = Learner(parameters, args.seed + 1, args.first_correct)
    # item -> right answer's text: first from each item's default-seed question, then from feedback
    answer_text = {q["item"]: q["answer"]["text"] for q in json.loads(run(
        base + ["questions", "--format", "json"], env)) if isinstance(q.get("answer"), dict) and "text" in q["answer"]}
    order = []
    reviews = 0
    kind_args = [a for k in KINDS for a in ("--kind", k)]
    for day in range(1, args.days + 1):
        now = start + timedelta(days=day)
        stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        proc = subprocess.Popen(base + ["drill", "--learner", "sim", "--json", "--now", stamp] + kind_args,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, bufsize=1)
        for line in proc.stdout:
            event = json.loads(line)
            if event.get("type") != "question":
                continue
            item = event["item"]
            if item not in learner.cards:
                order.append(item)
            recalled = learner.answer(item, now)
            labels = [o["label"] for o in event["options"]]
            # A vignette's answer is its code whatever the seed; other kinds' answers depend on the seed.
            right = None
            if event["kind"] == "vignette":
                right = next((o["label"] for o in event["options"] if o["text"] == answer_text.get(item)), None)
            if right is None:
                shown = json.loads(run(base + ["questions", "--item", item, "--seed", str(event["seed"]), "--format", "json"], env))
                right = shown[0]["answer"]["label"]
            given = right if recalled else next(l for l in labels if l != right)
            proc.stdin.write(given + "\n")
            proc.stdin.flush()
            feedback = json.loads(proc.stdout.readline())
            if feedback.get("correct") != recalled:
                sys.exit(f"day {day}: {item} judged {feedback.get('correct')} for an intended {recalled}")
            answer_text[item] = feedback["answer"]["text"]
            reviews += 1
        proc.stdin.close()
        proc.wait()
        if proc.returncode != 0:
            sys.exit(f"drill on day {day} failed: {proc.stderr.read()}")
    readiness = None
    if not exam_date:
        run(base + ["learner", "set", "sim", "--exam-date", exam_day.strftime("%Y-%m-%d")], env)
    stats = json.loads(run(base + ["stats", "--learner", "sim", "--format", "json", "--now",
                                   (start + timedelta(days=args.days)).strftime("%Y-%m-%dT%H:%M:%SZ")], env))
    readiness = stats.get("readiness", {}).get("predictedRecall")
    return learner.recall_on(exam_day), reviews, readiness, order, len(learner.cards)


def fixed_schedule(args, parameters, order, offsets=False):
    """The fixed-interval baseline over the same items, introduced new_per_day a day in `order`: reviews
    1, 3, 7, … days apart (successive gaps) or, with `offsets`, 1, 3, 7, … days after the introduction."""
    learner = Learner(parameters, args.seed + 1, args.first_correct)
    start = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
    plan = {}  # day -> items due
    for index, item in enumerate(order):
        intro = 1 + index // args.new_per_day
        if intro > args.days:
            break
        plan.setdefault(intro, []).append((item, -1))
    reviews = 0
    for day in range(1, args.days + 1):
        now = start + timedelta(days=day)
        for item, step in plan.get(day, []):
            recalled = learner.answer(item, now)
            reviews += 1
            if step == -1:  # introduced today: codedrill's learning steps give one or two more answers
                if not recalled:
                    learner.answer(item, now)
                    reviews += 1
                learner.answer(item, now)
                reviews += 1
            elif not recalled:  # relearning step
                learner.answer(item, now)
                reviews += 1
            nxt = step + 1
            if nxt < len(FIXED_GAPS):
                wait = FIXED_GAPS[nxt] - (FIXED_GAPS[step] if offsets and step >= 0 else 0)
                plan.setdefault(day + wait, []).append((item, nxt))
    return learner.recall_on(start + timedelta(days=args.exam_day)), reviews, len(learner.cards)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--codedrill", default=".build/release/codedrill")
    parser.add_argument("--days", type=int, default=89, help="study days (sessions)")
    parser.add_argument("--exam-day", type=int, default=90, help="exam day, counted like the study days")
    parser.add_argument("--new-per-day", type=int, default=20)
    parser.add_argument("--first-correct", type=float, default=0.6)
    parser.add_argument("--spread", type=float, default=0.15, help="log-normal spread of the learner's weights")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", default="fsrs,exam,fixed")
    parser.add_argument("--retention", type=float, help="the learner's desired retention in codedrill (default 0.9)")
    parser.add_argument("--order-from", help="a previous result file: compute only the fixed baselines over its item order")
    args = parser.parse_args()
    parameters = perturbed_parameters(random.Random(args.seed), args.spread)
    runs = args.runs.split(",")
    results = {"learnerParameters": parameters, "days": args.days, "examDay": args.exam_day,
               "newPerDay": args.new_per_day, "kinds": KINDS}
    order = json.load(open(args.order_from))["order"] if args.order_from else None
    for label in ("fsrs", "exam"):
        if args.order_from:
            break
        if label in runs:
            recall, reviews, readiness, order, started = drive_codedrill(args, parameters, label == "exam", label)
            results[label] = {"examDayRecall": round(recall, 4), "reviews": reviews, "itemsStarted": started,
                              "readinessPredictedRecall": readiness}
            print(label, results[label], file=sys.stderr, flush=True)
    if "fixed" in runs and order:
        for key, offsets in (("fixed", False), ("fixedOffsets", True)):
            recall, reviews, started = fixed_schedule(args, parameters, order, offsets)
            results[key] = {"examDayRecall": round(recall, 4), "reviews": reviews, "itemsStarted": started}
    results["order"] = order
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
