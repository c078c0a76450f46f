"""Where the annotate and extract stages run: in this process, in worker processes on
this machine (`--jobs N`), or on a Dask cluster's workers (`--scheduler ADDRESS`). The
caller stays the one writer: it reads the articles, hands them out in batches and gets
back, in input order, each article's incidents and error lines (docs/scale.md).

Every runner cuts the input into the same batches (`Settings.batch_size` articles) and
runs each as `yalu ingest` always has (`each_alone`: a batch that breaks is run again
an article at a time), so the output is the same whichever runs it. A worker builds its
pipeline once and keeps it for every batch it is given.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import chain, islice
from multiprocessing import get_context
from typing import Any, Protocol

from .pipeline import DEFAULT_TIME_BUDGET, Done, Item, Pipeline

Report = Callable[[str], None]  # one error line
Event = Done | str  # what a batch gives back, in order: a done article or an error line


@dataclass(frozen=True)
class Settings:
    """What a worker builds its pipeline from (sent to each worker: it must pickle)."""

    rules_only: bool = False
    time_budget: float | None = DEFAULT_TIME_BUDGET
    keep_annotations: bool = False
    batch_size: int = 32
    from_cache: bool = False  # most articles come with their annotation (`Pipeline`)

    def pipeline(self) -> Pipeline:
        return Pipeline(rules_only=self.rules_only, time_budget=self.time_budget,
                        keep_annotations=self.keep_annotations, batch_size=self.batch_size,
                        from_cache=self.from_cache)


def stderr_report(line: str) -> None:
    print(f"error: {line}", file=sys.stderr)


def where(article: Any) -> str:
    """The file and record an article came from, as an error line names them."""
    return " ".join(filter(None, [article.source_path, article.record]))


def one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= 200 else text[:197] + "..."


def each_alone(pipeline: Pipeline, items: Iterable[Item], report: Report) -> Iterator[Done]:
    """The pipeline's results, where a record that breaks a stage (a parser's recursion, a
    model's limit) is one error line and the others go on: a batch that fails is run
    again an article at a time, from the first not yet done (from copies: the pipeline
    dates an article in place)."""
    def skipped(error: Exception) -> None:
        report(str(error))

    stream = iter(items)
    while batch := list(islice(stream, pipeline.batch_size)):
        done = 0
        try:
            for result in pipeline.process([(replace(a), c) for a, c in batch], skipped):
                done += 1
                yield result
        except Exception:
            for article, cached in batch[done:]:
                try:
                    alone = list(pipeline.process([(replace(article), cached)], skipped))
                except Exception as e:
                    report(f"{where(article)}: not processed ({type(e).__name__}: {one_line(e)})")
                    continue
                yield from alone


# each worker process's pipelines, by settings; the lock keeps a worker's threads (Dask
# runs tasks in threads) off one spaCy pipeline at once
_pipelines: dict[Settings, Pipeline] = {}
_lock = threading.Lock()


def work(settings: Settings, batch: list[Item]) -> list[Event]:
    """One batch in a worker: its results and error lines, in order."""
    with _lock:
        if settings not in _pipelines:
            _pipelines[settings] = settings.pipeline()
        events: list[Event] = []
        events.extend(each_alone(_pipelines[settings], batch, events.append))
        return events


def replay(events: list[Event], report: Report) -> Iterator[Done]:
    for event in events:
        if isinstance(event, str):
            report(event)
        else:
            yield event


def lost(batch: list[Item], why: str, report: Report) -> None:
    for article, _ in batch:
        report(f"{where(article)}: not processed ({why})")


class Runner(Protocol):
    def results(self, items: Iterable[Item], report: Report = stderr_report) -> Iterator[Done]: ...


class InProcess:
    """The stages in this process (`--jobs 1`)."""

    def __init__(self, settings: Settings, pipeline: Pipeline | None = None):
        self.settings = settings
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = self.settings.pipeline()
        return self._pipeline

    def results(self, items: Iterable[Item], report: Report = stderr_report) -> Iterator[Done]:
        return each_alone(self.pipeline, items, report)


class Processes:
    """The stages in `jobs` worker processes (forkserver: no copy of this process's state
    or threads), each with its own pipeline; at most two batches a worker in flight, so
    memory stays bounded however long the input. An input of one batch is run here:
    starting workers (each loads spaCy, ~5 s) would cost more than it saves."""

    def __init__(self, settings: Settings, jobs: int, work: Callable[[Settings, list[Item]], list[Event]] = work):
        self.settings = settings
        self.jobs = jobs
        self.work = work  # what a worker runs on a batch
        self.local = InProcess(settings)

    def results(self, items: Iterable[Item], report: Report = stderr_report) -> Iterator[Done]:
        chunks = batches(items, self.settings.batch_size)
        head = list(islice(chunks, 2))
        if len(head) < 2:
            yield from self.local.results(chain.from_iterable(head), report)
            return
        pending: deque[tuple[list[Item], Future]] = deque()
        pool = self._pool()
        try:
            for batch in chain(head, chunks):
                pending.append((batch, self._submit(pool, batch)))
                if len(pending) >= 2 * self.jobs:
                    pool = yield from self._next(pending, pool, report)
            while pending:
                pool = yield from self._next(pending, pool, report)
        finally:
            pool.shutdown(cancel_futures=True)

    def _submit(self, pool: ProcessPoolExecutor, batch: list[Item]) -> Future:
        try:
            return pool.submit(self.work, self.settings, batch)
        except BrokenProcessPool as e:
            # The pool broke after its older batches were read: this batch waits as a
            # failed one, and `_next` runs it again with the others.
            failed: Future = Future()
            failed.set_exception(e)
            return failed

    def _pool(self, jobs: int | None = None) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs or self.jobs, mp_context=get_context("forkserver"))

    def _next(self, pending: deque[tuple[list[Item], Future]], pool: ProcessPoolExecutor,
              report: Report) -> Generator[Done, None, ProcessPoolExecutor]:
        """The oldest batch's results. A worker that died (killed, out of memory) breaks
        the pool and every batch in it: those are run again one at a time (`_alone`), so
        only the batch that kills its worker is lost; then a new pool goes on."""
        batch, future = pending.popleft()
        try:
            events = future.result()
        except BrokenProcessPool:
            pool.shutdown(cancel_futures=True)
            yield from self._alone([batch] + [other for other, _ in pending], report)
            pending.clear()
            return self._pool()
        yield from replay(events, report)
        return pool

    def _alone(self, batches: list[list[Item]], report: Report) -> Iterator[Done]:
        """Each batch in a worker of its own, in order; one whose worker dies is reported
        lost, an error line an article."""
        solo: ProcessPoolExecutor | None = None
        for batch in batches:
            solo = solo or self._pool(1)
            try:
                events = solo.submit(self.work, self.settings, batch).result()
            except BrokenProcessPool as e:
                lost(batch, f"its worker process died: {one_line(e) or type(e).__name__}", report)
                solo.shutdown(cancel_futures=True)
                solo = None
                continue
            yield from replay(events, report)
        if solo is not None:
            solo.shutdown()


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    stream = iter(items)
    while batch := list(islice(stream, size)):
        yield batch


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def runner(settings: Settings, jobs: int | None = None, scheduler: str | None = None) -> Runner:
    """The runner `--jobs` and `--scheduler` ask for (none: one process a core)."""
    if scheduler:
        from .cluster import DaskRunner

        return DaskRunner(settings, scheduler)
    jobs = jobs or default_jobs()
    return InProcess(settings) if jobs <= 1 else Processes(settings, jobs)
