"""The review queue (/review) and the audit log (/audit), through the test client."""

import csv
import io
import re

import pytest
import queue_data
import sample
from test_app import client_for, form_fields, form_token

from yalu.review import queue
from yalu.store import Store
from yalu.store import query as q

LOCAL = ("127.0.0.1", 50000)


@pytest.fixture
def second(db_path):
    return queue_data.add_second_report(db_path)


@pytest.fixture
def local(db_path, second):
    """A single-user server's client: writes without signing in, as user 'tester'."""
    c = client_for(db_path, single_user=True, client=LOCAL)
    c.app.state.web.settings.single_user_name = "tester"
    return c


def shown_id(html):
    return re.search(r'id="queue-record" data-id="([^"]+)"', html).group(1)


def progress(html):
    return re.search(r'id="queue-progress">\s*<strong>([^<]+)</strong>', html).group(1)


def test_queue_walks_by_confidence_both_ways(local, ids, second):
    page = local.get("/review").text
    assert shown_id(page) == ids["missile"]  # 0.97: the most confident first
    assert progress(page) == f"0 of {sample.TOTAL + 1} reviewed"
    nxt = re.search(r'id="queue-next" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert shown_id(local.get(nxt).text) == ids["arrest"]  # 0.91
    least = local.get("/review?order=least").text
    assert shown_id(least) == second  # 0.55
    assert 'id="queue-prev"' not in least  # the first has no previous
    # a filter narrows the queue and its progress
    page = local.get("/review?admin1=KP-10").text
    assert shown_id(page) == ids["arrest"] and progress(page) == "0 of 5 reviewed"


def test_approve_from_the_queue_goes_to_the_next_and_counts(local, ids):
    page = local.get("/review").text
    r = local.post(f"/incidents/{ids['missile']}/approve",
                   data={"csrf_token": form_token(page), **{k: v[0] for k, v in form_fields(
                       page.split('id="approve-form"')[1].split("</form>")[0]).items()}},
                   follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/review?id={ids['arrest']}"
    page = local.get(r.headers["location"]).text
    assert "Approved." in page and progress(page) == f"1 of {sample.TOTAL + 1} reviewed"
    # the approved record left the queue: the queue starts at the next one
    assert shown_id(local.get("/review").text) == ids["arrest"]
    # an error (a stale record) comes back to the same record, with the message
    r = local.post(f"/incidents/{ids['arrest']}/approve", data={
        "csrf_token": form_token(page), "expected_updated_at": "1999", "next": "/review?id=x",
        "here": f"/review?id={ids['arrest']}"}, follow_redirects=True)
    assert shown_id(r.text) == ids["arrest"] and "was changed at" in r.text


def test_a_form_never_redirects_off_the_queue(local, ids):
    token = form_token(local.get("/review").text)
    r = local.post(f"/incidents/{ids['arrest']}/approve",
                   data={"csrf_token": token, "next": "https://evil.example/review"},
                   follow_redirects=False)
    assert r.headers["location"] == f"/incidents/{ids['arrest']}"


def test_suggestions_come_from_other_articles_and_merge_in_one_click(local, ids, second, db_path):
    page = local.get(f"/review?id={ids['arrest']}").text
    suggested = re.findall(r'<li class="suggestion" data-id="([^"]+)"', page)
    assert suggested == [second]  # same type, a day apart, 1.5 km away, another outlet
    assert "same county · 1 day apart · another outlet (Example Radio)" in page
    form = page.split('class="inline merge-suggestion"')[1].split("</form>")[0]
    r = local.post(f"/incidents/{ids['arrest']}/merge", data={
        k: v[0] for k, v in form_fields(form).items()}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/review")
    store = Store(db_path)
    merged = q.get(store, ids["arrest"])
    assert merged["sources"] == ["daily-1", "radio-5"]
    assert q.get(store, second)["merged_into"] == ids["arrest"]
    assert [row["action"] for row in q.audit_trail(store, ids["arrest"])] == ["merge"]
    # the same article's other records are never suggested; nor is a merged one
    assert queue.suggestions(store, q.get(store, ids["smuggling"])) == []
    assert queue.suggestions(store, merged) == []


def test_edit_from_the_queue_comes_back_with_rows_and_iso_dates(local, ids):
    page = local.get(f"/review?id={ids['arrest']}").text
    edit_url = re.search(r'id="edit-link" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    edit = local.get(edit_url).text
    assert 'name="date_start" value="2024-03-12" placeholder="YYYY-MM-DD"' in edit
    assert 'type="date"' not in edit  # not the browser's mm/dd/yyyy picker
    fields = form_fields(edit)
    assert fields["next"] == [f"/review?id={ids['arrest']}"]
    fields["actor_text"][1] = "four smugglers"  # an actor row
    fields["actor_text"][2], fields["actor_role"][2] = "a broker", "target"  # a new row
    fields["quantity_value"][0] = "4"
    fields["attribution_kind"] = ["official"]
    fields["corroboration"] = ["Chosun Ilbo; Daily NK"]
    fields["date_start"] = ["2024-03-11"]
    r = local.post(f"/incidents/{ids['arrest']}/edit", data=fields, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/review?id={ids['arrest']}"
    rec = local.get(f"/api/incidents/{ids['arrest']}").json()
    assert [(a["role"], a["text"]) for a in rec["actors"]] == [
        ("agent", "Border guards"), ("target", "four smugglers"), ("target", "a broker")]
    assert rec["quantities"][0]["value"] == 4 and rec["attribution"]["kind"] == "official"
    assert rec["corroboration"] == ["Chosun Ilbo", "Daily NK"] and rec["date_start"] == "2024-03-11"
    assert "between 2024-03-11 and 2024-03-12" in rec["summary"]  # written again
    # a bad value comes back to the form, still bound for the queue
    fields["date_start"], fields["expected_updated_at"] = ["03/11/2024"], [rec["updated_at"]]
    r = local.post(f"/incidents/{ids['arrest']}/edit", data=fields, follow_redirects=False)
    assert r.headers["location"] == (f"/incidents/{ids['arrest']}/edit?next=/review%3Fid%3D"
                                     f"{ids['arrest']}")
    assert "not an ISO date" in local.get(r.headers["location"]).text


def test_empty_queue_says_so(local, ids):
    page = local.get("/review?event_type=weapons_test").text
    assert 'id="queue-empty"' in page and "0 of 0 reviewed" in page


def test_queue_needs_a_reviewer(db_path):
    anon = client_for(db_path)
    r = anon.get("/review", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_audit_log_filters_and_exports(local, ids, db_path):
    from yalu import review
    store = Store(db_path)
    review.approve(store, ids["arrest"], "alice")
    review.reject(store, ids["flood"], "bob", note="=HYPERLINK(1)")
    review.edit(store, ids["crackdown"], "alice", {"confidence": 0.5})
    store.close()
    page = local.get("/audit").text
    assert re.search(r'id="audit-count"><strong>3</strong> rows', page)
    page = local.get("/audit?user=alice").text
    assert re.findall(r'data-action="(\w+)"', page) == ["edit", "approve"]  # newest first
    page = local.get(f"/audit?action=reject&incident_id={ids['flood']}").text
    assert re.findall(r'data-action="(\w+)"', page) == ["reject"]
    assert 'href="/audit.csv?action=reject&amp;incident_id=' in page
    rows = list(csv.DictReader(io.StringIO(local.get("/audit.csv?user=bob").text)))
    assert [(r["user"], r["action"], r["incident_id"]) for r in rows] == [("bob", "reject", ids["flood"])]
    assert rows[0]["after"] == '{"note": "=HYPERLINK(1)", "review_status": "rejected"}'
    data = local.get("/audit.json?action=approve").json()
    assert [(d["user"], d["after"]) for d in data] == [("alice", {"review_status": "approved"})]
    assert local.get("/audit.json?since=2999-01-01").json() == []
    today = data[0]["at"][:10]
    assert len(local.get(f"/audit.json?until={today}").json()) == 3  # the whole day
    assert local.get("/audit.xml").status_code == 404


def test_audit_log_shows_the_automatic_merges(local, db_path):
    from datetime import date

    from yalu.cli import store_and_merge
    from yalu.model import Article, Evidence, Incident, TimeSpan

    store = Store(db_path)
    for outlet, text in (("Outlet A", "Police held a trader in Musan on Monday (fictional)."),
                         ("Outlet B", "A trader was held in Musan on Monday (fictional).")):
        location = sample.loc("Musan", "North Hamgyong", "KP-09", "Musan", (42.23, 129.2))
        store_and_merge(store, Article(text=text, outlet=outlet, published=date(2024, 9, 3)), [
            Incident(event_type="arrest", category="repression", summary="Arrest.",
                     time=TimeSpan(date(2024, 9, 2), date(2024, 9, 2), 1), location=location,
                     evidence=[Evidence(0, len(text), 0, 6, text)], confidence=0.7)])
    store.close()
    page = local.get("/audit?user=yalu").text
    assert re.findall(r'data-action="(\w+)"', page) == ["auto_merged_into", "auto_merge"]
    assert "Outlet B" in page
