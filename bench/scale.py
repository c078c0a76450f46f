"""Benchmark (issue 14): every core, cached annotations, a Dask cluster. Each part prints
wall times measured in the same run and their ratios against its target.

(a) cold ingest of the KCNA corpus: `yalu ingest --jobs 2` (and `--jobs 1`) against
    spaCy's stock `en_core_web_sm` `nlp.pipe` in one process on the same texts (the
    baseline of bench/extract_throughput.py); peak RSS of each process of the ingest
    (the parent and every worker, sampled from /proc). Target: >= 1.5x, <= 1 GB a worker.
(b) `yalu reprocess` of that database, which reads the annotations ingest stored,
    against the cold ingest at the same --jobs; the records must be identical.
    Target: >= 20x.
(c) `yalu ingest --scheduler` on a Dask cluster of 2 workers against 1 worker (each a
    `dask worker` process of one thread, a `dask scheduler` on loopback), over a
    synthetic archive of `--articles` distinct articles built in a temporary folder from
    the KCNA corpus: article i takes the paragraphs of a seeded random KCNA article,
    adds one paragraph of another, shuffles them (seed 14) and keeps the text only if
    no earlier one has it. Target: >= 1.7x.

    python bench/scale.py [--part a b c] [--articles 20000] [--corpus ../shared/corpora/kcna-2024.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

from extract_throughput import BASELINE, CORPUS

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}  # this checkout's yalu, in workers too
YALU = [sys.executable, "-m", "yalu"]
STAMPS = {"ingested_at", "created_at", "updated_at", "at"}


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], list(children.get(pid, []))
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found


def peak_rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run(cmd: list[str], **kw) -> tuple[float, dict[int, int]]:
    """Wall seconds of one command, and the peak RSS of it (first) and of each process
    under it (sampled every 0.2 s: a worker's peak is read while it lives)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        for pid in [proc.pid, *descendants(proc.pid)]:
            peaks[pid] = max(peaks.get(pid, 0), peak_rss(pid))
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1) or "Traceback" in err:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return elapsed, peaks


def records(db: Path) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        cursor = conn.execute("SELECT * FROM incidents ORDER BY id")
        names = [d[0] for d in cursor.description]
        return [tuple(v for k, v in zip(names, row) if k not in STAMPS) for row in cursor]


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def part_a(corpus: Path, tmp: Path) -> dict[int, tuple[Path, float]]:
    texts = [json.loads(line)["story_text"] for line in corpus.open(encoding="utf-8") if line.strip()]
    chars = sum(map(len, texts))
    print(f"(a) cold ingest of {corpus.name}: {len(texts)} articles, {chars:,} characters")
    base_s, base_peaks = run([sys.executable, "-c", BASELINE, str(corpus)])
    print(f"    stock en_core_web_sm nlp.pipe, one process: {base_s:6.1f} s  peak RSS {mib(max(base_peaks.values()))}")
    ingests = {}
    for jobs in (1, 2):
        db = tmp / f"kcna-{jobs}.db"
        took, peaks = run(YALU + ["ingest", str(corpus), "--db", str(db), "-q", "--jobs", str(jobs)])
        ingests[jobs] = (db, took)
        parent, *under = peaks.values()
        workers = sorted((rss for rss in under if rss > 2**28), reverse=True)  # the forkserver itself is small
        print(f"    yalu ingest --jobs {jobs}:                       {took:6.1f} s  ratio {base_s / took:.2f}  "
              f"peak RSS: parent {mib(parent)}, workers {', '.join(mib(r) for r in workers) or '-'} "
              f"(target <= 1 GB a worker: {'met' if all(r <= 10**9 for r in workers) else 'NOT met'})")
    ratio = base_s / ingests[2][1]
    print(f"    --jobs 2 against stock spaCy: {ratio:.2f}x (target >= 1.5: {'met' if ratio >= 1.5 else 'NOT met'}); "
          f"--jobs 2 against --jobs 1: {ingests[1][1] / ingests[2][1]:.2f}x")
    return ingests


def part_b(ingests: dict[int, tuple[Path, float]], tmp: Path) -> None:
    print("(b) yalu reprocess from the cached annotations against the cold ingest")
    for jobs, (db, cold) in ingests.items():
        copy = tmp / f"reprocess-{jobs}.db"
        shutil.copy(db, copy)
        took, _ = run(YALU + ["reprocess", "--db", str(copy), "-q", "--jobs", str(jobs)])
        same = records(copy) == records(db)
        with closing(sqlite3.connect(copy)) as conn:
            stored = conn.execute("SELECT count(*), sum(length(doc)) FROM annotations").fetchone()
        ratio = cold / took
        print(f"    --jobs {jobs}: ingest {cold:6.1f} s, reprocess {took:6.1f} s: {ratio:.1f}x "
              f"(target >= 20: {'met' if ratio >= 20 else 'NOT met'}); records identical: {same}; "
              f"{stored[0]} annotations, {mib(stored[1] or 0)}")


def synthetic(corpus: Path, n: int, path: Path, seed: int = 14) -> int:
    """The synthetic archive (see the module's text); its characters."""
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    articles = [(r["date"][:10], [p for p in r["story_text"].split("\n") if p.strip()]) for r in rows]
    rng = random.Random(seed)
    seen: set[str] = set()
    chars = 0
    with path.open("w", encoding="utf-8") as out:
        while len(seen) < n:
            date, paragraphs = rng.choice(articles)
            mixed = paragraphs + [rng.choice(rng.choice(articles)[1])]
            rng.shuffle(mixed)
            text = "\n".join(mixed)
            if text in seen:
                continue
            seen.add(text)
            chars += len(text)
            out.write(json.dumps({"id": f"syn-{len(seen)}", "published": date, "text": text}) + "\n")
    return chars


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def on_cluster(workers: int, archive: Path, db: Path) -> float:
    dask = str(Path(sys.executable).with_name("dask"))
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": REPO, "env": ENV}
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet)]
    try:
        time.sleep(2)
        procs += [subprocess.Popen([dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1",
                                    "--no-dashboard", "--memory-limit", "0"], **quiet) for _ in range(workers)]
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)
        took, _ = run(YALU + ["ingest", str(archive), "--db", str(db), "-q", "--scheduler", address])
        return took
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=60)


def part_c(corpus: Path, n: int, tmp: Path) -> None:
    archive = tmp / "synthetic.jsonl"
    chars = synthetic(corpus, n, archive)
    print(f"(c) Dask: yalu ingest --scheduler over a synthetic archive of {n:,} articles, {chars:,} characters")
    one = on_cluster(1, archive, tmp / "dask-1.db")
    print(f"    1 worker:  {one:7.1f} s  {n / one:5.1f} articles/s")
    two = on_cluster(2, archive, tmp / "dask-2.db")
    same = records(tmp / "dask-1.db") == records(tmp / "dask-2.db")
    print(f"    2 workers: {two:7.1f} s  {n / two:5.1f} articles/s; ratio {one / two:.2f} "
          f"(target >= 1.7: {'met' if one / two >= 1.7 else 'NOT met'}); records identical: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--part", nargs="+", choices=["a", "b", "c"], default=["a", "b", "c"])
    parser.add_argument("--articles", type=int, default=20_000, help="Size of (c)'s synthetic archive.")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus} is absent: nothing to measure (the corpus lives in ../shared)")
        return
    print(f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="yalu-scale-") as folder:
        tmp = Path(folder)
        if "a" in args.part or "b" in args.part:
            ingests = part_a(args.corpus, tmp)
            if "b" in args.part:
                part_b(ingests, tmp)
        if "c" in args.part:
            part_c(args.corpus, args.articles, tmp)


if __name__ == "__main__":
    main()
