import json

import pytest

from yalu import review
from yalu.serve import users
from yalu.store import query as q


def audit_rows(store, incident_id):
    return q.audit_trail(store, incident_id)


def test_approve_writes_audit(store, ids):
    rec = review.approve(store, ids["arrest"], "alice")
    assert rec["review_status"] == "approved"
    [row] = audit_rows(store, ids["arrest"])
    assert row["user"] == "alice" and row["action"] == "approve"
    assert row["before"] == {"review_status": "machine"}
    assert row["after"] == {"review_status": "approved"}
    assert row["at"].endswith("+00:00")  # UTC


def test_reject_hides_from_default_list(store, ids):
    review.reject(store, ids["flood"], "bob", note="not an incident")
    assert ids["flood"] not in {r["id"] for r in q.search(store).items}
    [row] = audit_rows(store, ids["flood"])
    assert row["after"]["note"] == "not an incident"


def test_edit_validates_and_records_diff(store, ids):
    rec = review.edit(store, ids["smuggling"], "alice",
                      {"event_type": "bribery", "summary": "A bribe was paid.", "confidence": "0.5",
                       "admin2": "Hyesan"})  # admin2 unchanged: not in the diff
    assert rec["event_type"] == "bribery" and rec["category"] == "illicit"
    assert rec["review_status"] == "edited" and rec["confidence"] == 0.5
    [row] = audit_rows(store, ids["smuggling"])
    assert row["action"] == "edit"
    assert row["before"]["event_type"] == "smuggling" and row["after"]["event_type"] == "bribery"
    assert "admin2" not in row["after"]
    # category follows the event type
    rec = review.edit(store, ids["smuggling"], "alice", {"event_type": "missile_launch"})
    assert rec["category"] == "military"


@pytest.mark.parametrize(
    "changes",
    [
        {"event_type": "alien_landing"},
        {"event_type": "arrest", "category": "military"},
        {"category": "nonsense"},
        {"date_start": "12/03/2024"},
        {"date_start": "2024-03-20", "date_end": "2024-03-01"},
        {"latitude": 95},
        {"confidence": 1.5},
        {"confidence": "nan"},
        {"modality": "certain"},
        {"time_precision": 9},
        {"country": "North Korea"},
        {"actors": "not json"},
        {"actors": [{"role": "boss", "text": "x"}]},
        {"actors": [{"role": "agent"}]},
        {"quantities": [{"kind": "people", "value": "many"}]},
        {"attribution": {"text": "x", "kind": "rumour"}},
        {"corroboration": [1, 2]},
        {"merged_into": "x"},
        {"review_status": "approved"},
        {"summary": "  "},
        {"id": "inc-other"},
    ],
)
def test_edit_rejects_invalid(store, ids, changes):
    with pytest.raises(review.ReviewError):
        review.edit(store, ids["arrest"], "alice", changes)
    assert audit_rows(store, ids["arrest"]) == []
    assert q.get(store, ids["arrest"])["review_status"] == "machine"


def test_edit_json_fields(store, ids):
    rec = review.edit(store, ids["arrest"], "alice", {
        "actors": json.dumps([{"role": "agent", "text": "Guards", "kind": "unit"}]),
        "quantities": [{"kind": "people", "value": "4", "text": "four"}],
        "attribution": "",
        "corroboration": '["Daily NK", "NK News"]',
    })
    assert rec["actors"] == [{"role": "agent", "text": "Guards", "normalized": None, "kind": "unit",
                              "unit": None, "rank": None}]
    assert rec["quantities"][0]["value"] == 4.0
    assert rec["attribution"] is None
    assert rec["corroboration"] == ["Daily NK", "NK News"]


def test_edit_nothing_changed_and_conflict(store, ids):
    rec = q.get(store, ids["arrest"])
    with pytest.raises(review.ReviewError, match="nothing changed"):
        review.edit(store, ids["arrest"], "alice", {"summary": rec["summary"]})
    review.approve(store, ids["arrest"], "bob", expected_updated_at=rec["updated_at"])
    # alice loaded the record before bob's approval, in the same second
    with pytest.raises(review.Conflict) as conflict:
        review.edit(store, ids["arrest"], "alice", {"summary": "x y"},
                    expected_updated_at=rec["updated_at"])
    assert conflict.value.current["review_status"] == "approved"
    assert conflict.value.current["updated_at"] > rec["updated_at"]
    assert q.get(store, ids["arrest"])["summary"] == rec["summary"]


def test_every_change_moves_the_stamp_on(store, ids):
    stamps = [q.get(store, ids["arrest"])["updated_at"]]
    for summary in ("one", "two", "three"):
        stamps.append(review.edit(store, ids["arrest"], "alice", {"summary": summary})["updated_at"])
    assert stamps == sorted(set(stamps))


def test_edit_form_resubmitted_unchanged_is_no_change(store, ids):
    """The edit form sends "" or [] for empty columns; a record that stores "" where others
    store NULL (a river's country) is not "changed" by saving the form as it was."""
    store.conn.execute("UPDATE incidents SET country = '' WHERE id = ?", (ids["artillery"],))
    rec = q.get(store, ids["artillery"])
    form = {name: ("" if rec[name] is None else rec[name]) for name in
            ("country", "admin1", "admin2", "location_name", "latitude", "date_expression")}
    form["actors"] = "[]"
    with pytest.raises(review.ReviewError, match="nothing changed"):
        review.edit(store, ids["artillery"], "alice", form)
    assert q.get(store, ids["artillery"])["review_status"] == "machine"
    assert audit_rows(store, ids["artillery"]) == []


def test_moving_an_incident_detaches_its_gazetteer_place(store, ids):
    store.conn.execute("INSERT OR IGNORE INTO places (id, name, kind) "
                       "VALUES ('kp.ryanggang.hyesan', 'Hyesan', 'city')")
    store.conn.execute("UPDATE incidents SET place_id = 'kp.ryanggang.hyesan' WHERE id IN (?, ?)",
                       (ids["arrest"], ids["smuggling"]))
    rec = review.edit(store, ids["arrest"], "alice",
                      {"admin2": "Unhung", "location_name": "Unhung", "latitude": "41.325"})
    assert rec["place_id"] is None and rec["admin2"] == "Unhung"
    [row] = audit_rows(store, ids["arrest"])
    assert row["before"]["place_id"] == "kp.ryanggang.hyesan" and row["after"]["place_id"] is None
    # an edit elsewhere keeps it
    rec = review.edit(store, ids["smuggling"], "alice", {"summary": "Phones smuggled near Hyesan."})
    assert rec["place_id"] == "kp.ryanggang.hyesan"


def test_unknown_incident_and_user(store, ids):
    with pytest.raises(review.NotFound):
        review.approve(store, "inc-nope", "alice")
    with pytest.raises(review.ReviewError):
        review.approve(store, ids["arrest"], "  ")


def test_merge(store, ids):
    # the defection and the crackdown come from the same article; merge the arrest (daily-1)
    # into the defection (wire-2) to check sources and evidence move over
    winner, loser = ids["defection"], ids["arrest"]
    before_ev = len(q.get(store, winner)["evidence"])
    rec = review.merge(store, winner, loser, "carol")
    assert set(rec["sources"]) == {"wire-2", "daily-1"}
    assert len(rec["evidence"]) == before_ev + 1
    assert "Chosun Ilbo" in rec["corroboration"]
    assert rec["review_status"] == "edited"
    lost = q.get(store, loser)
    assert lost["merged_into"] == winner
    assert loser not in {r["id"] for r in q.search(store).items}
    # full-text search through the loser's article now finds the winner
    hits = {r["id"] for r in q.search(store, q.IncidentQuery(q="smugglers")).items}
    assert winner in hits and loser not in hits
    assert audit_rows(store, winner)[0]["action"] == "merge"
    assert audit_rows(store, loser)[0]["after"] == {"merged_into": winner}
    with pytest.raises(review.ReviewError):
        review.merge(store, winner, loser, "carol")  # already merged
    with pytest.raises(review.ReviewError):
        review.merge(store, winner, winner, "carol")
    with pytest.raises(review.ReviewError):
        review.edit(store, loser, "carol", {"summary": "x"})


def test_split_moves_evidence(store, ids):
    rec = q.get(store, ids["lockdown"])
    first, second = rec["evidence"]
    original, new = review.split(store, ids["lockdown"], "dave", move_evidence=[second["id"]],
                                 changes={"event_type": "arrest", "summary": "Guards arrested people."})
    assert [e["id"] for e in original["evidence"]] == [first["id"]]
    assert [e["id"] for e in new["evidence"]] == [second["id"]]
    assert new["event_type"] == "arrest" and new["category"] == "repression"
    assert new["admin1_code"] == original["admin1_code"] == "KP-10"
    assert new["sources"] == ["daily-1"]
    assert new["id"] == ids["lockdown"] + "-s1"
    assert original["review_status"] == new["review_status"] == "edited"
    assert audit_rows(store, ids["lockdown"])[0]["after"]["split_into"] == new["id"]
    assert audit_rows(store, new["id"])[0]["action"] == "split_from"
    assert q.search(store).total == 10


def test_split_copy_and_rules(store, ids):
    rec = q.get(store, ids["arrest"])
    [only] = rec["evidence"]
    with pytest.raises(review.ReviewError, match="keep at least one"):
        review.split(store, ids["arrest"], "dave", move_evidence=[only["id"]])
    with pytest.raises(review.ReviewError, match="choose the evidence"):
        review.split(store, ids["arrest"], "dave")
    with pytest.raises(review.ReviewError, match="does not belong"):
        review.split(store, ids["arrest"], "dave", copy_evidence=[99999])
    original, new = review.split(store, ids["arrest"], "dave", copy_evidence=[only["id"]],
                                 changes={"event_type": "punishment"})
    assert len(original["evidence"]) == len(new["evidence"]) == 1
    assert new["evidence"][0]["start"] == only["start"]
    # a second split of the same record gets the next id
    _, again = review.split(store, ids["arrest"], "dave", copy_evidence=[only["id"]])
    assert again["id"].endswith("-s2")


def test_failed_action_leaves_nothing(store, ids, monkeypatch):
    calls = []

    def boom(*a, **k):
        calls.append(1)
        raise RuntimeError("disk full")

    monkeypatch.setattr(review.actions, "write_audit", boom)
    with pytest.raises(RuntimeError):
        review.approve(store, ids["arrest"], "alice")
    assert q.get(store, ids["arrest"])["review_status"] == "machine"
    assert not store.conn.in_transaction


def test_users(store):
    users.add(store, "alice", "correct horse battery")
    row = store.conn.execute("SELECT password_hash FROM users WHERE name='alice'").fetchone()
    assert row[0].startswith("$argon2id$")
    assert "correct horse" not in row[0]
    assert users.verify(store, "alice", "correct horse battery")
    assert not users.verify(store, "alice", "wrong password")
    assert not users.verify(store, "nobody", "correct horse battery")
    assert not users.verify(store, "alice", "")
    with pytest.raises(users.UserError):
        users.add(store, "alice", "another password")
    with pytest.raises(users.UserError):
        users.add(store, "bob", "short")
    with pytest.raises(users.UserError):
        users.add(store, "bad name!", "long enough password")
    users.set_password(store, "alice", "a new password")
    assert users.verify(store, "alice", "a new password")
    assert [u["name"] for u in users.names(store)] == ["alice"]
    users.remove(store, "alice")
    assert not users.exists(store, "alice")


def test_merge_and_split_keep_the_rules_of_the_evidence(store, ids):
    store.conn.execute("""UPDATE evidence SET rules = '["trigger.arrest.arrested"]'
                          WHERE incident_id = ?""", (ids["arrest"],))
    _, copy = review.split(store, ids["arrest"], "dave",
                           copy_evidence=[q.get(store, ids["arrest"])["evidence"][0]["id"]])
    assert copy["evidence"][0]["rules"] == ["trigger.arrest.arrested"]
    winner = review.merge(store, ids["defection"], ids["arrest"], "carol")
    gained = [e for e in winner["evidence"] if e["article_id"] == "daily-1"]
    assert [e["rules"] for e in gained] == [["trigger.arrest.arrested"]]
