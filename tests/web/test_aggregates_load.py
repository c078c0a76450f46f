"""The map, timeline, list and facet APIs under load (issue 13): their answers are
remembered, encoded, until the data changes, by this app or by any other process."""

import json

from fastapi.testclient import TestClient

from yalu.serve import create_app, users
from yalu.store import Store


def _client(db_path):
    return TestClient(create_app(db_path, secret_key="test-secret"), client=("203.0.113.9", 50000),
                      base_url="http://127.0.0.1")


def _located(client):
    return {f["properties"]["id"] for f in client.get("/api/map").json()["features"]}


def test_the_map_is_sent_gzipped_or_plain_as_the_client_takes_it(db_path):
    client = _client(db_path)
    packed = client.get("/api/map", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    plain = client.get("/api/map", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert json.loads(plain.content) == packed.json() and packed.json()["features"]


def test_a_remembered_map_and_timeline_follow_every_change(db_path):
    anon = _client(db_path)
    before = _located(anon)
    # a reviewer signed in to another app (its own connection) rejects a located record
    store = Store(db_path)
    users.add(store, "alice", "correct horse battery")
    reviewer = _client(db_path)
    token = reviewer.get("/api/session").json()["csrf_token"]
    session = reviewer.post("/api/session", json={"name": "alice", "password": "correct horse battery"},
                            headers={"X-CSRF-Token": token})
    gone = sorted(before)[0]
    assert reviewer.post(f"/api/incidents/{gone}/reject",
                         headers={"X-CSRF-Token": session.json()["csrf_token"]}).status_code == 200
    assert _located(anon) == before - {gone}
    # another process (an ingest, a script) changes a charted record
    total = anon.get("/api/timeline").json()["total"]
    charted = anon.get("/api/incidents", params={"dated": "week"}).json()["items"][0]["id"]
    store.conn.execute("UPDATE incidents SET review_status = 'rejected' WHERE id = ?", (charted,))
    assert anon.get("/api/timeline").json()["total"] == total - 1
    store.close()


def test_a_remembered_list_and_facets_follow_every_change(db_path):
    anon = _client(db_path)
    listed = anon.get("/api/incidents", params={"review_status": "approved"}).json()
    counts = anon.get("/api/facets").json()["counts"]["review_status"]
    approved = {c["value"]: c["count"] for c in counts}.get("approved", 0)
    assert anon.get("/api/incidents", params={"review_status": "approved"}).json() == listed
    store = Store(db_path)  # another process approves one more record
    machine = store.conn.execute(
        "SELECT id FROM incidents WHERE review_status = 'machine' LIMIT 1").fetchone()[0]
    store.conn.execute("UPDATE incidents SET review_status = 'approved' WHERE id = ?", (machine,))
    store.close()
    after = anon.get("/api/incidents", params={"review_status": "approved"}).json()
    assert after["total"] == listed["total"] + 1 and machine in {r["id"] for r in after["items"]}
    counts = anon.get("/api/facets").json()["counts"]["review_status"]
    assert {c["value"]: c["count"] for c in counts}["approved"] == approved + 1


def test_the_filter_values_follow_another_process_s_change(db_path):
    """The provinces and outlets the filter form offers are keyed on the data version, as
    the answers are: another worker's write shows on this one's next page (they were
    kept 30 s in each process)."""
    app = create_app(db_path, secret_key="test-secret")
    offered = app.state.web.facets()
    assert "Example Press" not in offered["outlets"]
    assert "KP-13" not in {p["code"] for p in offered["provinces"]}
    store = Store(db_path)  # another process: a new outlet, a record moved to Rason
    store.conn.execute("UPDATE articles SET outlet = 'Example Press' WHERE id = "
                       "(SELECT min(id) FROM articles)")
    store.conn.execute("UPDATE incidents SET admin1 = 'Rason', admin1_code = 'KP-13' WHERE id = "
                       "(SELECT min(id) FROM incidents)")
    store.close()
    offered = app.state.web.facets()
    assert "Example Press" in offered["outlets"]
    assert {"code": "KP-13", "name": "Rason", "country": "KP"} in offered["provinces"]
    page = TestClient(app, base_url="http://127.0.0.1").get("/").text
    assert "Example Press" in page and "Rason" in page


def test_the_timeline_page_s_remembered_data_is_what_tojson_wrote_and_follows_changes(db_path):
    import re

    from yalu.serve import rendering
    from yalu.store import query as q

    client = _client(db_path)
    env = client.app.state.web.templates.env

    def block():
        page = client.get("/timeline?admin1=KP-10").text
        return re.search(r'id="timeline-data">(.*?)</script>', page).group(1)

    def written_by_tojson():
        store = Store(db_path)
        data = q.weekly_counts(store, q.IncidentQuery(admin1=["KP-10"]))
        store.close()
        value = {"weeks": data["weeks"], "categories": list(data["series"]), "series": data["series"],
                 "colours": rendering.CATEGORY_COLOURS}
        return env.from_string("{{ value|tojson }}").render(value=value)

    before = block()
    assert before == written_by_tojson() and json.loads(before)["series"]
    store = Store(db_path)  # another process rejects a charted record of the province
    store.conn.execute("UPDATE incidents SET review_status = 'rejected' WHERE id = (SELECT min(id) "
                       "FROM incidents WHERE admin1_code = 'KP-10' AND date_start = date_end)")
    store.close()
    after = block()
    assert after == written_by_tojson() and after != before
