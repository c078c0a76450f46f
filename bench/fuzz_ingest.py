"""Fuzz `yalu ingest` and `yalu extract` with seeded hostile inputs mixed with good records.

The inputs come from bench/fuzz_inputs.py (families: encodings, dates, sizes, depth,
binary, file types; the same seed gives the same bytes). They are laid out in batches:
a folder holding good .txt reports and a JSONL file whose good records alternate with the
batch's hostile lines, the batch's hostile files beside them, and its special files (a
FIFO and a link to /dev/zero named on the command line too). Each batch runs through
`python -m yalu ingest` and `python -m yalu extract` in their own processes, and the run
checks, for every batch:

- no traceback on stderr, exit status 0 or 1, every stderr line an error line or the summary;
- no input over 60 s: ingest stores the good records between the hostile ones as it goes,
  so the database is watched; where it stands still longer than 60 s past the startup of
  an empty batch, the batch is split in halves until each part keeps under it, and a lone
  input that does not is a hang (extract, the same stages without the store, is given
  30 minutes a batch);
- the peak RSS of each process (os.wait4), against 1 GiB;
- the database: PRAGMA integrity_check, foreign_key_check, the full-text index holding
  one row an article, no incident without its evidence or its source (no partial rows);
- every good record stored (by id, or by path for the good files) and extracted.

    python bench/fuzz_ingest.py                        # 10,000 inputs, seed 13
    python bench/fuzz_ingest.py --inputs 600 --batch 100 --workers 2 --keep /tmp/fuzz
"""

from __future__ import annotations

import argparse
import json
import os
import select
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_inputs import Hostile, hostile_inputs  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
HANG_SECONDS = 60
EXTRACT_LIMIT = 1800  # a whole batch through one command
RSS_LIMIT = 1024**3
GOOD_FILES = 3


@dataclass
class Run:
    """One command over one batch: how long, how much memory, what it said."""

    seconds: float
    rss: int
    code: int | None  # None: killed at the time limit
    stdout: str
    stderr: str
    stall: float  # the longest time without progress (the whole run where none is watched)


@dataclass
class Report:
    inputs: Counter = field(default_factory=Counter)
    tracebacks: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    slow_batches: int = 0
    peak_rss: int = 0
    db_problems: list[str] = field(default_factory=list)
    missing_good: list[str] = field(default_factory=list)
    good_records: int = 0
    error_lines: int = 0
    batches: int = 0

    def add(self, other: Report) -> None:
        """Another batch's findings into these."""
        for name, value in vars(other).items():
            mine = getattr(self, name)
            setattr(self, name, max(mine, value) if name == "peak_rss" else mine + value)


def run(cmd: list[str], timeout: float, progress: Callable[[], int] | None = None) -> Run:
    """A child process with its wall time, peak RSS, and the longest time `progress()` (a
    count that grows as it works) stood still; killed past `timeout`."""
    start = last_change = time.perf_counter()
    last, stall = -1, 0.0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            now = time.perf_counter()
            if progress is not None and (seen := progress()) != last:
                last, last_change = seen, now
            stall = max(stall, now - last_change)
            if now - start > timeout:
                proc.kill()
                _, _, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.5)
        proc.returncode = code if code is not None else -9  # reaped here: Popen must not wait again
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return Run(seconds, usage.ru_maxrss * 1024, code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   max(stall, seconds - (last_change - start)) if progress else seconds)


# --- laying a batch out ---------------------------------------------------------------------------


def good_jsonl(batch: str, i: int) -> str:
    return json.dumps({"id": f"good-{batch}-{i}", "published": "2021-03-02",
                       "text": f"Guards in Hyesan detained {i + 2} smugglers near the Yalu River on Monday, a source said ({batch} {i})."})


def lay_out(folder: Path, batch: str, hostile: list[Hostile], outside: Path) -> tuple[list[str], set[str], set[str]]:
    """Write a batch: (paths to name on the command line besides the folder, good ids, good paths)."""
    folder.mkdir(parents=True)
    good_ids, good_paths, explicit = set(), set(), []
    for i in range(GOOD_FILES):
        path = folder / f"good-{i}.txt"
        path.write_text(f"Guards in Musan detained {i + 3} women on Tuesday, a source told Daily NK ({batch} file {i}).\n", encoding="utf-8")
        good_paths.add(str(path))
    lines = []
    for k, h in enumerate(hostile):
        lines.append(good_jsonl(batch, k))
        good_ids.add(f"good-{batch}-{k}")
        if h.line is not None:
            lines.append(h.line.replace("\n", " "))
        elif h.special:
            explicit += make_special(folder / f"h{k}-{h.name}", h.special, outside)
        else:
            (folder / f"h{k}-{h.name}").write_bytes(h.data)
    lines.append(good_jsonl(batch, len(hostile)))
    good_ids.add(f"good-{batch}-{len(hostile)}")
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return explicit, good_ids, good_paths


def make_special(path: Path, special: str, outside: Path) -> list[str]:
    """Make a special file; the paths to name on the command line too."""
    if special == "fifo":
        os.mkfifo(path)
        return [str(path)]
    if special == "link-out":
        path.symlink_to(outside / "secret.txt")
    elif special == "link-dev":
        path.symlink_to("/dev/zero" if path.suffix != ".xml" else "/dev/urandom")
        return [str(path)]
    elif special == "loop":
        path.symlink_to(path.parent, target_is_directory=True)
    elif special == "dangling":
        path.symlink_to(path.parent / "gone")
    else:
        path.mkdir()
    return []


# --- checking a batch -----------------------------------------------------------------------------


def check_db(db: Path) -> list[str]:
    """What is wrong in the database: integrity, foreign keys, the full-text index, partial rows."""
    if not db.exists():
        return []
    with closing(sqlite3.connect(db)) as conn:
        problems = []
        (integrity,) = conn.execute("PRAGMA integrity_check").fetchone()
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check: rows without their parent")
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        if articles != indexed:
            problems.append(f"full-text index: {indexed} rows for {articles} articles")
        for what, table, key in (("incidents without evidence", "evidence e", "e.incident_id = i.id"),
                                 ("incidents without a source", "incident_sources s", "s.incident_id = i.id"),
                                 ("incidents of no article", "articles a", "a.id = i.article_id")):
            n = conn.execute(f"SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {key})").fetchone()[0]
            if n:
                problems.append(f"{what}: {n}")
        return problems


def articles_in(db: Path) -> int:
    """How many articles the database holds so far (0 before it exists)."""
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def stored(db: Path) -> tuple[set[str], set[str]]:
    if not db.exists():
        return set(), set()
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT id, source_path FROM articles").fetchall()
    return {r[0] for r in rows}, {r[1] for r in rows}


def stray_lines(stderr: str) -> list[str]:
    """Lines that are neither an error line nor the summary: a traceback, a warning."""
    return [line for line in stderr.splitlines()
            if line.strip() and not line.startswith("error: ") and " articles added (" not in line]


def commands(folder: Path, explicit: list[str], db: Path) -> dict[str, list[str]]:
    yalu = [sys.executable, "-m", "yalu"]
    return {"ingest": [*yalu, "ingest", str(folder), *explicit, "--db", str(db), "-q"],
            "extract": [*yalu, "extract", str(folder), "-q"]}


def check_batch(name: str, hostile: list[Hostile], root: Path, outside: Path, limit: float) -> Report:
    """One batch through both commands, and what went wrong."""
    report = Report()
    folder = root / name
    explicit, good_ids, good_paths = lay_out(folder, name, hostile, outside)
    db = root / f"{name}.db"
    cmds = commands(folder, explicit, db)
    # ingest stores the good records between the hostile ones as it goes: a stall of the
    # store is an input (or a few next to each other) taking that long
    runs = {"ingest": run(cmds["ingest"], EXTRACT_LIMIT, lambda: articles_in(db)), "extract": run(cmds["extract"], EXTRACT_LIMIT)}
    for what, r in runs.items():
        report.peak_rss = max(report.peak_rss, r.rss)
        stray = stray_lines(r.stderr)
        if r.code not in (0, 1) or stray or "Traceback" in r.stderr:
            report.tracebacks.append(f"{name} {what}: exit {r.code}: {' | '.join(stray[-3:])[:500]}")
        report.error_lines += sum(1 for line in r.stderr.splitlines() if line.startswith("error: "))
    if runs["ingest"].stall > limit or runs["extract"].code is None:
        report.slow_batches += 1
        report.hangs += find_hangs(name, hostile, root, HANG_SECONDS)
    ids, paths = stored(db)
    extracted = {json.loads(line)["id"] for line in runs["extract"].stdout.split("\n") if line.strip()}
    report.missing_good += [f"{name}: {g} not stored" for g in sorted(good_ids - ids)]
    report.missing_good += [f"{name}: {p} not stored" for p in sorted(good_paths - paths)]
    report.missing_good += [f"{name}: {g} not extracted" for g in sorted(good_ids - extracted)]
    report.db_problems += [f"{name}: {p}" for p in check_db(db)]
    report.good_records += len(good_ids) + len(good_paths)
    report.inputs.update(h.family for h in hostile)
    report.batches += 1
    return report


def find_hangs(name: str, hostile: list[Hostile], root: Path, limit: float) -> list[str]:
    """The inputs of a batch whose store stalled that take longer than the limit, timed one
    by one through the same stages (read_file, then the pipeline) in a child process that
    is killed when one runs past the limit and started again after it."""
    folder = root / f"{name}-timing"
    folder.mkdir()
    paths = []
    for k, h in enumerate(hostile):
        if h.line is not None:
            (folder / f"{k}.jsonl").write_text(h.line.replace("\n", " ") + "\n", encoding="utf-8", errors="surrogatepass")
            paths.append(str(folder / f"{k}.jsonl"))
        else:
            paths.append(str(root / name / f"h{k}-{h.name}"))
    hangs, k = [], 0
    while k < len(paths):
        proc = subprocess.Popen([sys.executable, __file__, "--time-inputs", *paths[k:]], stdout=subprocess.PIPE, text=True,
                                cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert proc.stdout is not None
        started = None
        while True:
            ready, _, _ = select.select([proc.stdout], [], [], 1.0)
            line = proc.stdout.readline() if ready else ""
            if line.startswith("start"):
                started = time.perf_counter()
            elif line.startswith("done"):
                k, started = k + 1, None
            elif ready and not line:  # the child finished every input
                proc.wait()
                k = len(paths)
                break
            if started is not None and time.perf_counter() - started > limit:
                proc.kill()
                proc.wait()
                h = hostile[k]
                hangs.append(f"{name}: {h.family} input over {HANG_SECONDS} s ({len(h.line or h.data):,} bytes): {(h.line or h.name or '')[:80]!r}")
                k += 1
                break
    return hangs


def time_inputs(paths: list[str]) -> None:
    """The child of find_hangs: each input through the stages, a line before and after."""
    from yalu.ingest import IngestError, read_file
    from yalu.pipeline import Pipeline

    pipeline = Pipeline()
    for path in paths:
        print("start", path, flush=True)
        articles = [a for a in read_file(path) if not isinstance(a, IngestError)]
        try:
            for _ in pipeline.run(articles):
                pass
        except Exception:  # the batch run reports failures; this only times
            pass
        print("done", path, flush=True)


# --- the whole run ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--inputs", type=int, default=10_000, help="hostile inputs in all")
    parser.add_argument("--batch", type=int, default=200, help="hostile inputs a batch")
    parser.add_argument("--workers", type=int, default=2, help="batches run at once")
    parser.add_argument("--keep", type=Path, help="lay the batches out here and keep them (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="write the report as JSON here too")
    parser.add_argument("--time-inputs", nargs="+", help=argparse.SUPPRESS)  # the child of find_hangs
    args = parser.parse_args()
    if args.time_inputs:
        time_inputs(args.time_inputs)
        return

    root = args.keep or Path(tempfile.mkdtemp(prefix="yalu-fuzz-"))
    outside = root / "outside"
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text("Secret: guards in Hyesan detained the author of this file on Monday.\n", encoding="utf-8")
    report = Report()
    started = time.perf_counter()
    # the startup and good records of an empty batch: the time an input is measured beyond
    report.add(check_batch("baseline", [], root, outside, 600))
    again = root / "baseline-again.db"
    baseline = run(commands(root / "baseline", [], again)["ingest"], 600, lambda: articles_in(again)).stall
    limit = HANG_SECONDS + baseline
    inputs = hostile_inputs(args.seed, args.inputs)
    batches = [inputs[i:i + args.batch] for i in range(0, len(inputs), args.batch)]
    with ThreadPoolExecutor(args.workers) as pool:
        jobs = [pool.submit(check_batch, f"b{n:03d}", batch, root, outside, limit) for n, batch in enumerate(batches)]
        for n, job in enumerate(jobs, start=1):
            report.add(job.result())
            print(f"batch {n}/{len(batches)} done ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    summary = {
        "seed": args.seed, "inputs": sum(report.inputs.values()), "by_family": dict(report.inputs), "batches": report.batches,
        "good_records": report.good_records, "error_lines": report.error_lines, "tracebacks": report.tracebacks,
        "hangs_over_60s": report.hangs, "slow_batches_split": report.slow_batches, "peak_rss_mib": round(report.peak_rss / 2**20),
        "rss_within_1gib": report.peak_rss <= RSS_LIMIT, "db_problems": report.db_problems, "good_records_missing": report.missing_good,
        "baseline_seconds": round(baseline, 1), "seconds": round(time.perf_counter() - started),
    }
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(json.dumps(summary, indent=1))
    failed = report.tracebacks or report.hangs or report.db_problems or report.missing_good or report.peak_rss > RSS_LIMIT
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
