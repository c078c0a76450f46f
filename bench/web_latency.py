"""Benchmark: web app latency over 100,000 incidents, or under load from several clients.

Generates a database of N incidents (default 100,000; 8 per article, fictional text) in a
temp folder by bulk inserts that respect the schema, starts `yalu serve` on it on a free
loopback port (a process of its own), then times a bounded number of requests per
scenario, all scenarios mixed, from --clients clients at once (each over a keep-alive
connection of its own):

  list    GET /api/incidents (pages and sort orders)
  filter  GET /api/incidents with filters (category, province, dates, outlet, ...)
  search  GET /api/incidents?q=... (FTS5 over the articles)
  page    GET /incidents/{id} (the HTML incident page)
  map, timeline   GET /api/map, /api/timeline: half unfiltered, half with the filters above
  facets  GET /api/facets (facet counts): unfiltered, with the filters, with a search
  + the HTML list (with its facet counts), search (snippets) and timeline pages, and the
  review queue (/review)

and prints p50/p95/max per scenario and the target check: with one client issue 6's
(filter p95 < 100 ms, incident page p95 < 150 ms) and issue 12's (list, facets,
search and the review queue p95 < 50 ms, as JSON and as HTML pages), with several issue 13's
(every endpoint p95 < 100 ms; measured with --incidents 10000 --clients 8).

    python bench/web_latency.py [--incidents 100000] [--clients 1] [--requests 200] [--db PATH]
                                [--workers 1 [2 ...]] [--no-check] [--without-indexes]

--workers N is passed to `yalu serve`; several values (`--workers 1 2`) measure each in
the same run, one server after the other, with the same requests, and print each
scenario's p95 side by side with its ratio to the first (the machine's load average is
printed before each).

--db postgresql://... generates the incidents in (or reuses) that PostgreSQL database and
serves it (docs/postgresql.md); an empty database is filled, one with incidents reused.

Store migration 2 adds a covering index for the incident filters and two small ones;
--without-indexes measures the schema without them.

Exits 1 when a target is missed (unless --no-check). Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # this checkout's yalu builds the database, not an installed one

from yalu.store import Store  # noqa: E402
from yalu.store.postgres import is_url  # noqa: E402
from yalu.store.writes import add_sources, insert_evidence  # noqa: E402

TARGETS_MS = {"list": 100, "filter": 100, "search": 100, "page": 150}  # issue 6: one client
# issue 12, one client: the list, its facet counts, a search (now with snippets) and the
# review queue's page
ISSUE12_MS = {"list": 50, "facets": 50, "search": 50, "list (HTML)": 50, "search (HTML)": 50,
              "queue (HTML)": 50}
LOAD_TARGET_MS = 100  # issue 13: every endpoint, with several clients at once

PROVINCES = [
    ("Ryanggang", "KP-10", ["Hyesan", "Samjiyon", "Kimjongsuk", "Pochon", "Kapsan"], (41.4, 128.2)),
    ("North Hamgyong", "KP-09", ["Chongjin", "Hoeryong", "Musan", "Onsong", "Kyongsong"], (41.8, 129.7)),
    ("South Hamgyong", "KP-08", ["Hamhung", "Tanchon", "Sinpo", "Hongwon"], (40.0, 127.5)),
    ("Chagang", "KP-04", ["Kanggye", "Manpo", "Chasong", "Huichon"], (40.9, 126.6)),
    ("North Pyongan", "KP-03", ["Sinuiju", "Uiju", "Sakju", "Chongju", "Yongchon"], (40.1, 124.6)),
    ("South Pyongan", "KP-02", ["Pyongsong", "Anju", "Sunchon", "Kaechon"], (39.4, 125.9)),
    ("Pyongyang", "KP-01", ["Pyongyang"], (39.03, 125.75)),
    ("North Hwanghae", "KP-06", ["Sariwon", "Kaesong", "Songrim"], (38.5, 126.3)),
    ("South Hwanghae", "KP-05", ["Haeju", "Ongjin", "Kangryong"], (38.0, 125.5)),
    ("Kangwon", "KP-07", ["Wonsan", "Tongchon", "Kosong"], (38.9, 127.6)),
    ("Rason", "KP-13", ["Rason"], (42.3, 130.4)),
]
OUTLETS = ["Daily NK", "NK News", "Yonhap", "KCNA", "Rodong Sinmun", "Radio Free Asia", "Chosun Ilbo",
           "Asia Press", "38 North", "Korea JoongAng Daily"]
MODALITIES = ["asserted", "reported", "reported", "reported", "alleged", "rumoured", "planned", "ongoing"]
STATUSES = ["machine"] * 85 + ["approved"] * 8 + ["edited"] * 5 + ["rejected"] * 2
# per-category vocabulary: an article is about one topic, as news reports are
WORDS = {
    "movement": "defected defector defectors crossed crossing river border escape escaped boat soldier "
                "Tumen Yalu fled broker guide China Russia night swim family caught repatriated",
    "illicit": "smuggling smugglers smuggled broker phones remittance bribe bribes trader copper "
               "contraband herbs ginseng drugs methamphetamine cash yuan dealers ring goods",
    "repression": "arrested detained interrogated sentenced executed labour camp inspection "
                  "public trial security ministry prosecutors investigation purge dismissed prison",
    "control": "lockdown quarantine closed market sealed crossing checkpoint curfew permit "
               "travel restrictions blockade isolation district suspended",
    "military": "troops missile launch artillery drill exercise mines fortification fired shells "
                "battalion regiment guard post DMZ drone submarine rocket warplanes",
    "society": "flood shortage prices rice fire collapse epidemic harvest electricity fuel "
               "famine typhoon rain landslide hospital school corn",
    "politics": "inspection speech meeting statement leader delegation congress plenum "
                "directive visit factory ceremony slogan",
    "other": "incident reported residents local",
}
FILLER = ("according to a source in the province the authorities have not explained the measure "
          "and residents said they were worried about the coming winter and the price of food "
          "officials local people party cadres week month recently last told reporters news "
          "situation city county village workers farm unit members order central committee").split()


def event_types() -> dict[str, str]:
    from yalu.store import query

    return query.event_types()


def sentence(rng: random.Random, category: str, place: str) -> str:
    words = WORDS.get(category, WORDS["other"]).split()
    body = rng.sample(FILLER, 10) + rng.sample(words, min(3, len(words)))
    rng.shuffle(body)
    return f"In {place} " + " ".join(body) + "."


FIRST_DAY = date(2015, 1, 1)
SPAN_DAYS = (date(2025, 12, 31) - FIRST_DAY).days
STAMP = "2026-01-01T00:00:00+00:00"


def insert_article(conn: sqlite3.Connection, rng: random.Random, types: list[tuple[str, str]], a: int,
                   count: int) -> list[str]:
    """Article number `a` with `count` incidents, each with one source and one evidence
    sentence. Returns the incident ids."""
    art_id = f"bench-{a:06d}"
    pub = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
    outlet = rng.choice(OUTLETS)
    plan = []
    sentences = []
    offset = 0
    topic = rng.choice(types)[1]
    topical = [t for t in types if t[1] == topic]
    home = rng.choice(PROVINCES)
    for _ in range(count):
        # most incidents of a report share its topic and its province
        event_type, category = rng.choice(topical) if rng.random() < 0.7 else rng.choice(types)
        province, code, towns, (lat, lon) = home if rng.random() < 0.8 else rng.choice(PROVINCES)
        town = rng.choice(towns)
        text = sentence(rng, category, town)
        start = offset
        offset += len(text) + 1
        sentences.append(text)
        plan.append((event_type, category, province, code, town, lat, lon, start, len(text)))
    text = " ".join(sentences)
    conn.execute(
        "INSERT INTO articles (id, content_hash, title, url, published, published_source, outlet, "
        "text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?)",
        (art_id, f"hash-{a}", f"Report {a} from {plan[0][4]}", f"https://example.org/{a}",
         pub.isoformat(), "bench", outlet, text, STAMP),
    )
    rows, evidence = [], []
    for k, (event_type, category, province, code, town, lat, lon, start, length) in enumerate(plan):
        inc_id = f"inc-b{a:06d}{k}"
        d0 = pub - timedelta(days=rng.randrange(0, 30))
        d1 = d0 + timedelta(days=rng.choice([0, 0, 0, 0, 1, 6, 30]))
        located = rng.random() < 0.9
        rows.append((
            inc_id, art_id, event_type, category,
            f"{event_type.replace('_', ' ').capitalize()} reported in {town}, {province}.",
            d0.isoformat(), d1.isoformat(), rng.choice([1, 1, 2, 3]), None, "KP", province, code,
            town, town, lat + rng.uniform(-0.2, 0.2) if located else None,
            lon + rng.uniform(-0.2, 0.2) if located else None, 1 if located else 3, None,
            json.dumps([{"role": "agent", "text": "security officials", "normalized": None,
                         "kind": "official", "unit": None, "rank": None}]),
            json.dumps([{"kind": "people", "value": rng.randint(1, 40), "unit": None, "text": None}]),
            rng.choice(MODALITIES),
            json.dumps({"text": f"a source in {province}", "kind": "anonymous_source", "location": province}),
            json.dumps([rng.choice(OUTLETS)] if rng.random() < 0.2 else []),
            round(rng.uniform(0.3, 0.99), 3), rng.choice(STATUSES), STAMP, STAMP,
        ))
        evidence.append((inc_id, {"article_id": art_id, "start": start, "end": start + length,
                                  "trigger_start": start + 3, "trigger_end": start + 3 + len(town)}))
    conn.executemany(
        "INSERT INTO incidents (id, article_id, event_type, category, summary, date_start, date_end, "
        "time_precision, date_expression, country, admin1, admin1_code, admin2, location_name, "
        "latitude, longitude, geo_precision, place_id, actors, quantities, modality, attribution, "
        "corroboration, confidence, review_status, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    for inc_id, sentence_span in evidence:
        add_sources(conn, inc_id, [art_id])
        insert_evidence(conn, inc_id, [sentence_span])
    return [inc_id for inc_id, _ in evidence]


def build(path: Path | str, n_incidents: int, seed: int = 6, per_article: int = 8) -> list[str]:
    """Bulk-insert n_incidents (per_article per article). Returns the incident ids."""
    rng = random.Random(seed)
    types = list(event_types().items())
    store = Store(path)
    if not store.postgres:
        store.conn.execute("PRAGMA journal_mode = OFF")
        store.conn.execute("PRAGMA synchronous = OFF")
    ids: list[str] = []
    n_articles = -(-n_incidents // per_article)
    # PostgreSQL: a transaction per 1,000 articles (the data version's row, updated by
    # every statement, is not pruned inside one transaction)
    batch = 1000 if store.postgres else n_articles
    for first in range(0, n_articles, batch):
        with store.atomic() as conn:
            for a in range(first, min(first + batch, n_articles)):
                ids += insert_article(conn, rng, types, a, min(per_article, n_incidents - a * per_article))
    if store.postgres:
        store.conn.execute("VACUUM ANALYZE")
    else:
        store.conn.execute("PRAGMA journal_mode = WAL")
    store.close()
    return ids


def _stored_ids(db: Path | str) -> list[str]:
    """The incidents of a database generated before (none: a new or empty one)."""
    if not is_url(str(db)) and not Path(db).exists():
        return []
    store = Store(db)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM incidents")]
    store.close()
    return ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, workers: int = 1) -> tuple[subprocess.Popen, int]:
    """`yalu serve` of this checkout on a free loopback port, as a process of its own (so
    the clients' threads do not share its interpreter); returns when it answers."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    # --single-user: the review queue answers without a sign-in (from this computer only)
    server = subprocess.Popen([sys.executable, "-m", "yalu", "serve", "--db", str(db), "--port", str(port),
                               "--single-user", "--workers", str(workers)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:  # the socket listens before the workers have made their apps: ask each one
            for _ in range(2 * workers):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", "/api/session")
                conn.getresponse().read()
                conn.close()
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"the server did not start: {server.communicate()[1][-2000:]}")


def scenarios(rng: random.Random, ids: list[str], n: int) -> dict[str, list[str]]:
    types = list(event_types())
    cats = sorted(set(event_types().values()))
    pages = [f"/api/incidents?page={rng.randint(1, 40)}" for _ in range(n // 2)]
    sorts = ["date", "confidence", "event_type", "admin1", "outlet", "review_status", "updated"]
    pages += [f"/api/incidents?sort={rng.choice(sorts)}&order={rng.choice(['asc', 'desc'])}"
              f"&page={rng.randint(1, 5)}" for _ in range(n - len(pages))]

    def one_filter() -> str:
        options = [
            lambda: f"category={rng.choice(cats)}",
            lambda: f"event_type={rng.choice(types)}",
            lambda: f"admin1={rng.choice(PROVINCES)[1]}",
            lambda: f"admin1={rng.choice(PROVINCES)[0].replace(' ', '+')}",
            lambda: f"admin2={rng.choice(rng.choice(PROVINCES)[2])}",
            lambda: f"outlet={rng.choice(OUTLETS).replace(' ', '+')}",
            lambda: f"modality={rng.choice(MODALITIES)}",
            lambda: f"review_status={rng.choice(['approved', 'edited', 'machine'])}",
            lambda: f"min_confidence={rng.choice([0.5, 0.8, 0.9])}",
            lambda: (lambda y: f"date_from={y}-01-01&date_to={y}-06-30")(rng.randint(2015, 2025)),
            lambda: f"date_from={rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}",
            lambda: "include_rejected=1",
        ]
        chosen = rng.sample(options, rng.choice([1, 1, 2, 3]))
        return "/api/incidents?" + "&".join(f() for f in chosen)

    filters = [one_filter() for _ in range(n)]
    # place names, topic words, a phrase, a prefix, FTS5 syntax typed as text, and words
    # found in (nearly) every report ("province", "source"): the broad worst case
    terms = ["smugglers", "Hyesan", "missile launch", '"labour camp"', "defector", "prices rice",
             "quarantine", "Sinuiju border", "smuggl*", "troops fired", "province", "Musan",
             "executed", "NEAR(", "flood OR fire", "Chongjin market", "source", "Kaesong drone",
             "ginseng", "public trial"]
    searches = ["/api/incidents?" + urlencode({"q": rng.choice(terms)})
                + (f"&category={rng.choice(cats)}" if rng.random() < 0.3 else "") for _ in range(n)]
    incident_pages = [f"/incidents/{rng.choice(ids)}" for _ in range(n)]
    # the map and the timeline open unfiltered, then follow the filters the analyst sets
    views = ["/api/incidents?"] * (n // 2) + filters[: n - n // 2]
    extra = {
        "list (HTML)": [f"/?page={rng.randint(1, 40)}" for _ in range(n // 4)],
        "filter (HTML)": [p.replace("/api/incidents?", "/?") for p in filters[: n // 4]],
        "map": [p.replace("/api/incidents?", "/api/map?") for p in views],
        "timeline": [p.replace("/api/incidents?", "/api/timeline?") for p in views],
        "timeline (HTML)": [p.replace("/api/incidents?", "/timeline?") for p in views[::4]],
        # the facet counts: unfiltered, then for the filters and searches the analyst sets
        "facets": [p.replace("/api/incidents?", "/api/facets?")
                   for p in views[: n // 2] + filters[n // 2: 3 * n // 4] + searches[: n // 4]],
        "search (HTML)": [p.replace("/api/incidents?", "/?") for p in searches[: n // 4]],
        # the review queue: its first record, a filter's, and walking to a record
        "queue (HTML)": [rng.choice(["/review", "/review?order=least", f"/review?id={rng.choice(ids)}",
                                     f"/review?admin1={rng.choice(PROVINCES)[1]}"]) for _ in range(n // 2)],
    }
    return {"list": pages, "filter": filters, "search": searches, "page": incident_pages, **extra}


def measure(port: int, plan: list[tuple[str, str]], clients: int) -> dict[str, list[float]]:
    """Times of the requests of the plan, by scenario: `clients` threads, each over a
    keep-alive connection of its own, take the requests in turn, all starting together."""
    times: dict[str, list[float]] = {name: [] for name, _ in plan}
    start = threading.Barrier(clients)
    failures: list[str] = []

    def client(share: list[tuple[str, str]]) -> None:
        # long enough for the first facet request at 1,000,000 incidents (it reads the arrays)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        start.wait()
        for name, path in share:
            began = time.perf_counter()
            conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
            resp = conn.getresponse()
            resp.read()
            times[name].append((time.perf_counter() - began) * 1000)  # list.append is atomic
            if resp.status != 200:
                failures.append(f"{path}: HTTP {resp.status}")
        conn.close()

    threads = [threading.Thread(target=client, args=(plan[k::clients],)) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"{len(failures)} requests failed, e.g. {failures[0]}")
    return times


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def run(db: Path | str, ids: list[str], args: argparse.Namespace, workers: int) -> dict[str, list[float]]:
    """One `yalu serve --workers N`: warmed by every client (so every worker), then timed."""
    print(f"\n--workers {workers}: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    server, port = start_server(db, workers)
    rng = random.Random(args.seed)  # the same requests for every worker count
    try:
        plan = scenarios(rng, ids, max(10, min(args.requests, 2000)))
        mixed = [(name, path) for name, paths in plan.items() for path in paths]
        rng.shuffle(mixed)  # every client asks for a bit of everything, as analysts do
        measure(port, [(name, path) for name, paths in plan.items() for path in paths[:5]], args.clients)
        return measure(port, mixed, args.clients)
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(results: dict[str, list[float]], clients: int, total: int, workers: int) -> list[str]:
    """Prints the table of one run; returns the scenarios that missed their target."""
    if clients == 1:
        targets = {**TARGETS_MS, **{k: min(v, TARGETS_MS.get(k, v)) for k, v in ISSUE12_MS.items()}}
    else:
        targets = dict.fromkeys(results, LOAD_TARGET_MS)
    print(f"\n{clients} client(s), {total:,} incidents, {workers} worker(s)")
    print(f"{'scenario':<16}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'target':>9}  ok")
    failed = []
    for name, times in results.items():
        target = targets.get(name)
        p50, p95 = statistics.median(times), pct(times, 95)
        ok = "" if target is None else ("yes" if p95 < target else "NO")
        if ok == "NO":
            failed.append(name)
        print(f"{name:<16}{len(times):>9}{p50:>9.1f}{p95:>9.1f}{max(times):>9.1f}"
              f"{(str(target) if target else '-'):>9}  {ok}")
    every = [t for times in results.values() for t in times]
    print(f"{'all':<16}{len(every):>9}{statistics.median(every):>9.1f}{pct(every, 95):>9.1f}{max(every):>9.1f}")
    goal = ("issue 6: filter p95 < 100 ms, incident page p95 < 150 ms; issue 12: list, facets, "
            "search, queue p95 < 50 ms (API and HTML)" if clients == 1
            else f"issue 13: every endpoint p95 < {LOAD_TARGET_MS} ms")
    print(f"targets ({goal}): " + ("met" if not failed else "MISSED by " + ", ".join(failed)))
    return failed


def compare(runs: dict[int, dict[str, list[float]]]) -> None:
    """Each scenario's p95 for every worker count measured, and its ratio to the first."""
    counts = list(runs)
    first = runs[counts[0]]
    print("\np95 ms by workers (ratio to --workers " + str(counts[0]) + ")")
    print(f"{'scenario':<16}" + "".join(f"{n:>9}" for n in counts) + "".join(f"{'x' + str(n):>8}" for n in counts[1:]))
    for name in [*first, "all"]:
        p95 = {n: pct(runs[n].get(name) or [t for ts in runs[n].values() for t in ts], 95) for n in counts}
        print(f"{name:<16}" + "".join(f"{p95[n]:>9.1f}" for n in counts)
              + "".join(f"{p95[n] / p95[counts[0]]:>8.2f}" for n in counts[1:]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="per scenario (bounded)")
    parser.add_argument("--clients", type=int, default=1, help="concurrent clients (1 to 64)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1],
                        help="server processes (yalu serve --workers); several: each measured")
    parser.add_argument("--db", help="keep the generated database here (reused if it exists), or a postgresql:// URL")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--no-check", action="store_true", help="exit 0 even when a target is missed")
    parser.add_argument("--without-indexes", action="store_true",
                        help="measure without migration 2's indexes (drops them)")
    args = parser.parse_args()
    args.clients = max(1, min(args.clients, 64))

    tmp = None
    if args.db:
        db = args.db
    else:
        tmp = tempfile.TemporaryDirectory(prefix="yalu-bench-")
        db = Path(tmp.name) / "bench.db"
    ids = _stored_ids(db)
    if ids:
        print(f"reusing {db}: {len(ids):,} incidents")
    else:
        t0 = time.perf_counter()
        ids = build(db, args.incidents, seed=args.seed)
        size = "" if is_url(str(db)) else f" ({Path(db).stat().st_size / 1e6:.0f} MB)"
        print(f"generated {len(ids):,} incidents in {len(ids) // 8 + 1:,} articles "
              f"in {time.perf_counter() - t0:.1f} s{size}")

    from yalu.store import query

    store = Store(db)
    if args.without_indexes:
        store.conn.executescript(
            "DROP INDEX IF EXISTS incidents_browse; DROP INDEX IF EXISTS incident_sources_article; "
            "DROP INDEX IF EXISTS articles_outlet_id;")
        print("schema as yalu/store/schema.py makes it, without the browse indexes of migration 2")
    else:
        print(f"schema version {store.schema_version}, browse index: {query.has_browse_index(store.conn)}")
    store.close()

    runs = {n: run(db, ids, args, n) for n in dict.fromkeys(max(1, min(n, 64)) for n in args.workers)}
    failed = [name for n, results in runs.items() for name in report(results, args.clients, len(ids), n)]
    if len(runs) > 1:
        compare(runs)
    if tmp:
        tmp.cleanup()
    return 1 if failed and not args.no_check else 0


if __name__ == "__main__":
    sys.exit(main())
