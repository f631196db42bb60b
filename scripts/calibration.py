#!/usr/bin/env python3
"""The recovery figures of shared/calibration/README.md, from the product's own `generate`.

For each ordinary training week of tests/data/coach-weeks.txt (no race, no run-walk, no
double, at most one long run: 261 weeks), the engine gets that coach's own constraints and
plans the week; the figures say how often its top five plans hold the coach's week:
- skeleton: `available_days` the coach's running days (the engine picks each day's
  session), recovered within 1 and within 2 days;
- free: every day available (the engine also places the rest days), within 2 days;
- moderate added: the first skeleton plan has more moderate runs than the coach's week (no
  coach week has one); and, a narrower reading, it puts one on a day the coach ran easy
  (easy, strides or recovery), rather than on a coach's rest, cross or key day.
Days are compared by class: recovery, easy and strides count alike; every other id is its own
class. A week for which no week fits counts as not recovered (and is counted apart).

The figures are in-sample: MODEL.md v2 was calibrated on these weeks.

Runs the release binary once, through `weekwright batch` on JSON Lines (every profile of both
modes in one run). Python 3 standard library only; not part of `cargo test`.

Usage: cargo build --release && python3 scripts/calibration.py [--binary PATH] [--weeks FILE]
       [--top N] [--threads N] [--misses]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# The codes table of shared/calibration/README.md. HMP+S is not in the table (it appears in
# race weeks only): read as HMP, tempo, with strides.
SESSION = {
    "R": "rest", "R/XT": "rest", "XT": "cross",
    "E": "easy", "E/R": "easy", "A": "easy", "MLR": "easy", "E+S": "strides",
    "M": "moderate", "M+S": "moderate",
    "L": "long", "L+S": "long", "L-A": "long",
    "L-MP": "long_fast", "L-T": "long_fast", "L-M": "long_fast", "L-I": "long_fast",
    "MP": "marathon", "T": "tempo", "HMP": "tempo", "HMP+S": "tempo",
    "I(hills)": "hills", "I": "intervals",
    "RACE": "race", "RACE(tune-up)": "race", "RW": "recovery", "WALK": "recovery",
}
QUALITY = {"long_fast", "marathon", "tempo", "intervals", "hills", "race"}
LONG = {"long", "long_fast"}
EASY_FAMILY = {"recovery", "easy", "strides"}
PACE = {"beginner": 10.5, "intermediate": 9.5, "advanced": 8.5}
# MODEL.md section 1's catalog minutes (B/I/A), for codes given without miles.
CATALOG = {
    "easy": (30, 45, 60), "strides": (30, 45, 60), "cross": (30, 45, 60),
    "recovery": (20, 30, 40), "moderate": (35, 50, 60),
    "long": (60, 100, 130), "long_fast": (60, 100, 130), "marathon": (50, 70, 90),
    "tempo": (35, 50, 65), "intervals": (35, 50, 65), "hills": (35, 45, 55),
}
LEVELS = ["beginner", "intermediate", "advanced"]


def level_of(plan):
    """README: novice, beginner, couch, c25k, senior: beginner; advanced, Pfitzinger's 70 and
    85-mile plans and the 84-mile half plan: advanced; the rest intermediate (`nov` is how the
    file spells Higdon's novice half plans)."""
    if any(w in plan for w in ("nov", "beginner", "couch", "c25k", "senior")):
        return "beginner"
    if "advanced" in plan or ("pfitzinger" in plan and plan.endswith(("_70", "_85", "_84"))):
        return "advanced"
    return "intermediate"


def goal_of(plan):
    """README: marathon plans, half plans and the base plans (half), couch-to-5k (5k)."""
    if "couch" in plan or "c25k" in plan:
        return "5k"
    if "mara" in plan:
        return "marathon"
    if "half" in plan or "base" in plan:
        return "half"
    raise ValueError(f"{plan}: the README gives no goal for this plan")


def parse_day(text):
    """`code[miles][ x2]` -> (code, session, miles or None, double)."""
    text = text.strip()
    double = text.endswith("x2")
    if double:
        text = text[:-2].rstrip()
    m = re.fullmatch(r"([^0-9]+)([0-9.]*)", text)
    if not m or m.group(1) not in SESSION:
        raise ValueError(f"unknown code in {text!r}")
    miles = float(m.group(2)) * (2 if double else 1) if m.group(2) else None
    return m.group(1), SESSION[m.group(1)], miles, double


def parse(path):
    weeks = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            head, *days = [x.strip() for x in line.split("|")]
            plan, week = head.split(" ", 1)
            if len(days) != 7:
                raise ValueError(f"line {number}: {len(days)} days")
            weeks.append({"plan": plan, "week": week, "line": number, "level": level_of(plan),
                          "goal": goal_of(plan), "days": [parse_day(d) for d in days]})
    return weeks


def ordinary(w):
    codes = [d[0] for d in w["days"]]
    sessions = [d[1] for d in w["days"]]
    return ("race" not in sessions and "RW" not in codes and "WALK" not in codes
            and not any(d[3] for d in w["days"]) and sum(s in LONG for s in sessions) <= 1)


def minutes(w):
    level = w["level"]
    return [0.0 if s == "rest" else miles * PACE[level] if miles is not None
            else CATALOG[s][LEVELS.index(level)] for _, s, miles, _ in w["days"]]


def profiles(w):
    """The coach's own constraints (README, "The recovery figure"): skeleton and free."""
    sessions = [d[1] for d in w["days"]]
    long_days = [DAYS[i] for i, s in enumerate(sessions) if s in LONG]
    back_to_back = any(sessions[i] in QUALITY and sessions[(i + 1) % 7] in QUALITY for i in range(7))
    free = {
        "name": f"{w['plan']} {w['week']}",
        "level": w["level"], "goal": w["goal"],
        "weekly_minutes": round(sum(minutes(w)), 6),
        "hard_sessions": sum(s in QUALITY for s in sessions),
        "long_run_day": long_days[0] if long_days else "none",
        "min_rest_days": sessions.count("rest"),
        "cross_training": "cross" in sessions,
        "allow_back_to_back": back_to_back,
    }
    skeleton = dict(free, available_days=[DAYS[i] for i, s in enumerate(sessions) if s != "rest"])
    return skeleton, free


def klass(session):
    return "easy" if session in EASY_FAMILY else session


def distance(a, b):
    return sum(klass(x) != klass(y) for x, y in zip(a, b))


def run_batch(binary, lines, top, threads):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "coach-profiles.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(json.dumps(p) + "\n" for p in lines))
        cmd = [binary, "batch", "--profiles", path, "--top", str(top), "-q"]
        if threads:
            cmd += ["--threads", str(threads)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 3):
        sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr}")
    out = [json.loads(l) for l in done.stdout.splitlines() if l.strip()]
    if len(out) != len(lines):
        sys.exit(f"batch gave {len(out)} lines for {len(lines)} profiles: {done.stderr}")
    errors = [o for o in out if "error" in o and o.get("exit") != 3]
    if errors:
        sys.exit(f"batch refused profiles: {errors[:3]}")
    # No week fits: no plans.
    return [[[d["session"] for d in p["days"]] for p in o["result"]["plans"]] if "result" in o else []
            for o in out]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "weekwright"))
    ap.add_argument("--weeks", default=os.path.join(ROOT, "tests", "data", "coach-weeks.txt"))
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--misses", action="store_true", help="list the weeks not held within 2 days")
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run `cargo build --release` first")
    weeks = [w for w in parse(args.weeks) if ordinary(w)]
    lines = [p for w in weeks for p in profiles(w)]
    plans = run_batch(args.binary, lines, args.top, args.threads)
    rows = {"skeleton within 1 day": 0, "skeleton within 2 days": 0, "free within 2 days": 0,
            "first plan adds a moderate run": 0, "... on a day the coach ran easy": 0}
    no_week = {"skeleton": 0, "free": 0}
    misses = []
    for i, w in enumerate(weeks):
        coach = [d[1] for d in w["days"]]
        skeleton, free = plans[2 * i], plans[2 * i + 1]
        no_week["skeleton"] += not skeleton
        no_week["free"] += not free
        best_s = min((distance(p, coach) for p in skeleton), default=8)
        best_f = min((distance(p, coach) for p in free), default=8)
        rows["skeleton within 1 day"] += best_s <= 1
        rows["skeleton within 2 days"] += best_s <= 2
        rows["free within 2 days"] += best_f <= 2
        first = skeleton[0] if skeleton else coach
        rows["first plan adds a moderate run"] += first.count("moderate") > coach.count("moderate")
        rows["... on a day the coach ran easy"] += any(
            p == "moderate" and c in EASY_FAMILY for p, c in zip(first, coach))
        if best_s > 2 or best_f > 2:
            misses.append((w, best_s, best_f, skeleton[:1]))
    n = len(weeks)
    print(f"{n} ordinary coach weeks (in-sample: the model was calibrated on them); top {args.top}")
    print(f"{'figure':<44} {'weeks':>5} {'share':>7}")
    for name, count in rows.items():
        print(f"{name:<44} {count:>5} {100 * count / n:>6.1f} %")
    print(f"no week fits: skeleton {no_week['skeleton']}, free {no_week['free']}")
    if args.misses:
        for w, s, f, first in misses:
            print(f"  {w['plan']} {w['week']}: skeleton {s}, free {f} days off; coach "
                  f"{','.join(d[1] for d in w['days'])}; first {','.join(first[0]) if first else '-'}")


if __name__ == "__main__":
    main()
