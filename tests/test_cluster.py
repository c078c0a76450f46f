"""Issue 14: `yalu ingest --scheduler` and `yalu reprocess --scheduler` on a Dask cluster
give what one process gives: against a LocalCluster of two worker processes, and
against a real `dask scheduler` with two `dask worker` processes on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_cli import error_lines, ok, yalu
from test_scale import mixed_input, rows

from yalu.cluster import DaskRunner
from yalu.parallel import InProcess, Settings

distributed = pytest.importorskip("distributed")
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    folder = mixed_input(tmp_path_factory.mktemp("cluster") / "reports")
    (folder / "zz-mixed.jsonl").unlink()
    lines = [f'{{"id": "wire-{i}", "published": "2024-05-03", "text": "Guards in Musan detained {i + 2} smugglers on Monday."}}'
             for i in range(12)]
    (folder / "zz-wire.jsonl").write_text("\n".join(lines[:5] + ["{not json"] + lines[5:]) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single(reports, tmp_path_factory) -> tuple[Path, list[str]]:
    """The database one process makes, and its error lines."""
    db = tmp_path_factory.mktemp("single") / "one.db"
    result = ok(yalu("ingest", reports, "--db", db, "-q", "--jobs", "1"), code=1)
    return db, error_lines(result.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def same_as_single(db: Path, errors: list[str], single: tuple[Path, list[str]]) -> None:
    assert sorted(errors) == sorted(single[1]) and any("line 6: invalid JSON" in e for e in errors)
    assert rows(db) == rows(single[0])


def test_local_cluster_ingest_and_reprocess_match_one_process(reports, single, tmp_path):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        address = cluster.scheduler_address
        db = tmp_path / "dask.db"
        result = ok(yalu("ingest", reports, "--db", db, "-q", "--scheduler", address), code=1)
        same_as_single(db, error_lines(result.stderr), single)
        # both workers took batches, each building its pipeline once (eval: a builtin pickles by name)
        built = client.run(eval, "len(__import__('yalu.parallel').parallel._pipelines)")
        assert list(built.values()) == [1, 1]
        before = rows(db)
        ok(yalu("reprocess", "--db", db, "-q", "--scheduler", address))
        after = rows(db)
        assert after["incidents"] == before["incidents"] and after["annotations"] == before["annotations"]


def test_runner_streams_results_in_input_order(reports):
    """The cluster's results come back as they finish; the runner hands them on in order."""
    from distributed import Client, LocalCluster

    from yalu.cli import _articles

    class Bar:
        def set_postfix_str(self, *a, **k) -> None: ...

    articles = list(_articles([str(reports)], None, None, [], Bar()))
    settings = Settings(batch_size=4)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        got = [(d.article.key, [i.id for i in d.incidents]) for d in DaskRunner(settings, client).results((a, None) for a in articles)]
    want = [(d.article.key, [i.id for i in d.incidents]) for d in InProcess(settings).results((a, None) for a in articles)]
    assert got == want and len(got) == len(articles)


@pytest.fixture
def dask_cluster(tmp_path):
    """A `dask scheduler` and two `dask worker` processes on loopback, as on real machines."""
    dask = shutil.which("dask") or str(Path(sys.executable).with_name("dask"))
    if not os.access(dask, os.X_OK):
        pytest.skip("the `dask` command is not installed (pip install distributed)")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    logs = tmp_path / "logs"
    logs.mkdir()
    commands = [[dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]]
    commands += [[dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                  "--name", f"w{i}"] for i in range(2)]
    procs = []
    try:
        for i, command in enumerate(commands):
            procs.append(subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                                          stderr=(logs / f"{i}.log").open("w")))
            if i == 0:
                time.sleep(1)
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_dask_scheduler_and_workers_match_one_process(reports, single, dask_cluster, tmp_path):
    db = tmp_path / "dask.db"
    result = ok(yalu("ingest", reports, "--db", db, "-q", "--scheduler", dask_cluster), code=1)
    same_as_single(db, error_lines(result.stderr), single)
    before = rows(db)
    ok(yalu("reprocess", "--db", db, "-q", "--scheduler", dask_cluster))
    after = rows(db)
    assert after["incidents"] == before["incidents"] and after["annotations"] == before["annotations"]
