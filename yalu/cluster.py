"""The annotate and extract stages on a Dask `distributed` cluster (`--scheduler
tcp://HOST:8786`): batches of articles go to the workers, which run `parallel.work`
(each worker process builds its pipeline once); the results stream back as they finish
and are handed on in input order to the one writer, this process (docs/scale.md).

A worker runs tasks in threads, where the per-article time budget cannot interrupt
(`pipeline.time_budget` needs the main thread): on a cluster an article is not cut short.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from .parallel import Event, Report, Settings, batches, lost, one_line, replay, stderr_report, work
from .pipeline import Done, Item


class DaskRunner:
    """Batches to a cluster's workers: at most two a worker thread in flight, and as
    many again finished but waiting for an earlier one (a slow batch must not leave the
    other workers idle), so the input is read as the cluster keeps up and memory stays
    bounded."""

    def __init__(self, settings: Settings, scheduler: Any):
        """`scheduler`: the scheduler's address, or a `distributed.Client` already open."""
        self.settings = settings
        self.scheduler = scheduler

    def results(self, items: Iterable[Item], report: Report = stderr_report) -> Iterator[Done]:
        from distributed import Client

        client = self.scheduler if isinstance(self.scheduler, Client) else Client(self.scheduler)
        try:
            yield from self._stream(client, items, report)
        finally:
            if client is not self.scheduler:
                client.close()

    def _stream(self, client: Any, items: Iterable[Item], report: Report) -> Iterator[Done]:
        from distributed import as_completed

        window = max(2, 2 * sum(client.nthreads().values()))
        chunks = batches(items, self.settings.batch_size)
        sent: dict[Any, int] = {}  # future -> its batch's place
        given: dict[int, list[Item]] = {}
        arrived: dict[int, list[Event]] = {}
        finished = as_completed()
        next_out = 0
        places = itertools.count()

        def send() -> bool:
            batch = next(chunks, None)
            if batch is None:
                return False
            place = next(places)
            given[place] = batch
            future = client.submit(work, self.settings, batch, pure=False)
            sent[future] = place
            finished.add(future)
            return True

        def room() -> bool:
            return len(sent) < window and len(sent) + len(arrived) < 2 * window

        while room() and send():
            pass
        for future in finished:
            place = sent.pop(future)
            arrived[place] = self._events(future, given[place])
            future.release()
            while next_out in arrived:  # hand on in order what has come back
                events = arrived.pop(next_out)
                yield from replay(events, report)
                del given[next_out]
                next_out += 1
            while room() and send():
                pass

    @staticmethod
    def _events(future: Any, batch: list[Item]) -> list[Event]:
        try:
            return future.result()
        except Exception as e:  # the task failed or its worker died: its articles are lost
            events: list[Event] = []
            lost(batch, f"the cluster failed it: {type(e).__name__}: {one_line(e)}", events.append)
            return events
