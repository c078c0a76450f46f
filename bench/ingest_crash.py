"""Benchmark: `yalu ingest` killed with SIGKILL, and two ingests at once (issue 13).

A clean ingest of the inputs (default: samples/reports, 60 fictional articles) into a
new database is the reference. Then:

  crash       --kills rounds: an ingest into a new database is killed with `kill -9` at a
              seeded random point: either a random time after it starts (loading the
              model, creating the schema, reading, storing) or a random 0-40 ms after a
              random number of articles has been committed (inside the next article's
              transaction, usually). The database must pass `yalu.store.integrity.problems`
              (integrity_check, no orphan rows, every incident with its source and
              evidence, FTS5 in step) and hold no partial article (every stored article
              has exactly the reference's incidents and evidence); an ingest of the same
              inputs then completes the set: exit 0, contents equal to the reference's,
              no duplicates.
  concurrent  --rounds rounds: two ingests of the same inputs start together on a new
              database. Both must exit 0 with no error line, their summaries add up (each
              article added by one of them and "already stored" by the other) and the
              contents equal the reference's.

    python bench/ingest_crash.py [--kills 20] [--rounds 20] [--seed 13] [INPUT ...]

Prints one line per round and a summary; exits 1 when any round fails. tests/test_ingest_crash.py
runs a few rounds of each through the same functions.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from yalu.store import Store
from yalu.store.integrity import contents, problems

REPO = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"(\d+) articles added \((\d+) incidents\), (\d+) already stored, (\d+) failed")
POLL = 0.005  # seconds between looks at the article count of a running ingest


@dataclass
class Round:
    """One round's outcome: what happened, and every way it fell short."""

    what: str
    failures: list[str] = field(default_factory=list)
    stored: int | None = None  # articles a killed ingest had committed...
    of: int = 0  # ...of so many

    @property
    def mid_ingest(self) -> bool:
        """The kill fell while it was storing: some articles were in, some not."""
        return self.stored is not None and 0 < self.stored < self.of

    @property
    def ok(self) -> bool:
        return not self.failures


def ingest(db: Path, inputs: list[str]) -> subprocess.Popen:
    """`yalu ingest` of the inputs into db, as a process of its own (this checkout's yalu)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-m", "yalu", "ingest", *inputs, "--db", str(db)],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(process: subprocess.Popen) -> tuple[int, list[str]]:
    """The exit status and stderr's lines, without the progress bar (which redraws
    itself after a carriage return: a line's last part is what stays on screen)."""
    _, err = process.communicate(timeout=600)
    lines = [line.split("\r")[-1].strip() for line in err.split("\n")]
    return process.returncode, [line for line in lines if line and not line.startswith("ingesting")]


def check(db: Path) -> tuple[list[str], dict[str, dict]]:
    """The database's problems and its contents (checked through a writable connection,
    as FTS5's own check needs one; opening it brings nothing to a new schema version
    since the ingest already did)."""
    store = Store(db)
    try:
        return problems(store), contents(store)
    finally:
        store.close()


def reference(folder: Path, inputs: list[str]) -> tuple[dict[str, dict], float]:
    """The contents of a clean ingest and how long it took."""
    db = folder / "reference.db"
    start = time.perf_counter()
    rc, err = finish(ingest(db, inputs))
    elapsed = time.perf_counter() - start
    found, held = check(db)
    if rc != 0 or found or not held:
        raise SystemExit(f"the clean ingest failed (exit {rc}): {err + found}")
    return held, elapsed


def committed(db: Path) -> int:
    """Articles committed so far by a running ingest (0 while there is no schema yet)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill_at_random(rng: random.Random, db: Path, inputs: list[str], total: int,
                   duration: float) -> str:
    """Start an ingest and SIGKILL it at a random point; say where."""
    process = ingest(db, inputs)
    if rng.random() < 0.5:
        delay = rng.uniform(0, duration)
        time.sleep(delay)
        where = f"at {delay:.2f} s"
    else:
        target = rng.randint(1, max(1, total - 1))
        while committed(db) < target and process.poll() is None:
            time.sleep(POLL)
        extra = rng.uniform(0, 0.04)
        time.sleep(extra)
        where = f"{extra * 1000:.0f} ms after article {target}"
    if process.poll() is not None:
        where += " (it had finished)"
    process.send_signal(signal.SIGKILL)
    process.communicate()
    return where


def partial_articles(held: dict[str, dict], expected: dict[str, dict]) -> list[str]:
    """Stored articles whose incidents or evidence differ from the reference's (merges
    and later sources aside: those depend on what came after)."""
    def own(article: dict) -> dict:
        return {i: (v["event_type"], v["evidence"]) for i, v in article["incidents"].items()}

    return [f"article {article['id']}: {len(article['incidents'])} incidents, "
            f"{len(expected.get(digest, {'incidents': {}})['incidents'])} expected"
            for digest, article in held.items()
            if digest not in expected or own(article) != own(expected[digest])]


def differences(held: dict[str, dict], expected: dict[str, dict]) -> list[str]:
    """How the contents differ from the reference's, one line each."""
    found = [f"article {expected[d]['id']} missing" for d in expected if d not in held]
    found += [f"article {held[d]['id']} unexpected" for d in held if d not in expected]
    found += [f"article {held[d]['id']} differs" for d in held
              if d in expected and held[d] != expected[d]]
    return found


def crash_round(rng: random.Random, folder: Path, inputs: list[str],
                expected: dict[str, dict], duration: float) -> Round:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "crash.db"
    where = kill_at_random(rng, db, inputs, len(expected), duration)
    outcome = Round(f"killed {where}", of=len(expected))
    if not db.exists():
        outcome.what += ": no database yet"
    else:
        found, held = check(db)
        outcome.stored = len(held)
        outcome.what += f": {len(held)} of {len(expected)} articles stored"
        outcome.failures += found + partial_articles(held, expected)
    rc, err = finish(ingest(db, inputs))
    if rc != 0:
        outcome.failures.append(f"the re-run exited {rc}: {err[-3:]}")
    found, held = check(db)
    outcome.failures += found + differences(held, expected)
    return outcome


def concurrent_round(folder: Path, inputs: list[str], expected: dict[str, dict]) -> Round:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "concurrent.db"
    first, second = ingest(db, inputs), ingest(db, inputs)
    outcome = Round("two ingests at once")
    added = skipped = 0
    for name, process in (("first", first), ("second", second)):
        rc, err = finish(process)
        if rc != 0:
            outcome.failures.append(f"the {name} exited {rc}")
        outcome.failures += [f"{name}: {line}" for line in err if not SUMMARY.search(line)]
        summary = next((SUMMARY.search(line) for line in err if SUMMARY.search(line)), None)
        if summary is None:
            outcome.failures.append(f"the {name} printed no summary")
            continue
        added += int(summary[1])
        skipped += int(summary[3])
        outcome.what += f"; {name}: {summary[1]} added, {summary[3]} already stored"
    if (added, skipped) != (len(expected), len(expected)):
        outcome.failures.append(f"{added} added and {skipped} already stored in all, "
                                f"{len(expected)} of each expected")
    found, held = check(db)
    outcome.failures += found + differences(held, expected)
    return outcome


def run(kills: int, rounds: int, seed: int, inputs: list[str]) -> list[Round]:
    """The rounds, each on a new database in a temporary folder."""
    rng = random.Random(seed)
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="yalu-crash-") as tmp:
        folder = Path(tmp)
        expected, duration = reference(folder, inputs)
        for n in range(kills + rounds):
            scratch = folder / f"round-{n}"
            outcome = (crash_round(rng, scratch, inputs, expected, duration) if n < kills
                       else concurrent_round(scratch, inputs, expected))
            print(f"{'crash' if n < kills else 'concurrent'} {n + 1 if n < kills else n - kills + 1}: "
                  f"{outcome.what}: " + ("ok" if outcome.ok else "FAILED: " + "; ".join(outcome.failures)),
                  flush=True)
            outcomes.append(outcome)
    return outcomes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", type=Path, default=[REPO / "samples" / "reports"])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    outcomes = run(args.kills, args.rounds, args.seed, [str(p.resolve()) for p in args.inputs])
    crashes, concurrent = outcomes[:args.kills], outcomes[args.kills:]
    storing = sum(o.mid_ingest for o in crashes)
    print(f"\nkill -9: {sum(o.ok for o in crashes)} of {len(crashes)} rounds whole "
          f"(no partial article, the re-run completes the set without duplicates); "
          f"{storing} kills fell while it was storing")
    print(f"two ingests on a new database: {sum(o.ok for o in concurrent)} of {len(concurrent)} "
          f"rounds with both exiting 0, no error line and complete data")
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
