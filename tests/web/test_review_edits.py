"""Edits that keep a record consistent: the province against the gazetteer, and the
machine's summary written again from the edited fields."""

import pytest
from test_app import reviewer  # noqa: F401  (a fixture)

from yalu import review
from yalu.store import query as q


def test_api_refuses_a_province_name_that_is_not_its_code(reviewer, ids):  # noqa: F811
    r = reviewer.patch(f"/api/incidents/{ids['arrest']}",
                       json={"changes": {"admin1": "North Hamgyong", "admin1_code": "KP-10"}})
    assert r.status_code == 400
    assert r.json()["detail"] == ("admin1: 'North Hamgyong' is KP-09 (North Hamgyong) in the "
                                  "gazetteer, not KP-10 (Ryanggang)")
    assert reviewer.get(f"/api/incidents/{ids['arrest']}").json()["review_status"] == "machine"


@pytest.mark.parametrize("changes, message", [
    ({"admin1_code": "KP-99"}, "admin1_code: KP-99 is not a province in the gazetteer"),
    ({"admin1": "Atlantis", "admin1_code": None}, "admin1: 'Atlantis' is not a province"),
    ({"admin1_code": "KP-10", "admin1": "Ryanggang", "country": "KR"},
     "country: KP-10 (Ryanggang) is in KP, not KR"),
    ({"admin1": "Hyesan"}, "admin1: 'Hyesan' is no province"),  # a city, not a province
])
def test_province_checks(store, ids, changes, message):
    with pytest.raises(review.ReviewError, match=message.replace("(", r"\(").replace(")", r"\)")):
        review.edit(store, ids["flood"], "alice", changes)


def test_any_spelling_of_the_province_fills_the_other_field(store, ids):
    rec = review.edit(store, ids["flood"], "alice", {"admin1": "Yanggang", "admin1_code": None})
    assert (rec["admin1"], rec["admin1_code"], rec["country"]) == ("Yanggang", "KP-10", "KP")
    rec = review.edit(store, ids["flood"], "alice", {"admin1": None, "admin1_code": "kp-06"})
    assert (rec["admin1"], rec["admin1_code"]) == ("North Hwanghae", "KP-06")
    # a stored spelling the gazetteer lacks does not block an edit of something else
    store.conn.execute("UPDATE incidents SET admin1 = 'Old Spelling' WHERE id = ?", (ids["arrest"],))
    assert review.edit(store, ids["arrest"], "alice", {"confidence": 0.5})["admin1"] == "Old Spelling"


def test_an_edit_of_the_type_rewrites_the_summary(store, ids):
    rec = review.edit(store, ids["arrest"], "alice", {"event_type": "punishment"})
    assert rec["summary"] == ("Punishment by Border guards involving three smugglers in Hyesan, "
                              "Ryanggang on 2024-03-12 (people: 3), according to a source in "
                              "Ryanggang Province.")
    [row] = q.audit_trail(store, ids["arrest"])
    assert row["before"]["summary"] == "Border guards arrested three smugglers in Hyesan."
    assert row["after"]["summary"] == rec["summary"] and row["after"]["summary_from"] == "fields"
    # the exports read the stored summary: the new one
    exported = q.records(store, q.IncidentQuery(event_type=["punishment"], admin2=["Hyesan"], date_to=q.parse_day("2024-03-12")))
    assert [r["summary"] for r in exported] == [rec["summary"]]
    rec = review.edit(store, ids["arrest"], "alice", {"date_start": "2024-03-11"})
    assert "between 2024-03-11 and 2024-03-12" in rec["summary"]


def test_a_summary_the_reviewer_wrote_stays(store, ids):
    review.edit(store, ids["crackdown"], "alice", {"summary": "Phone users were hunted in Sinuiju."})
    rec = review.edit(store, ids["crackdown"], "alice", {"event_type": "illegal_communication"})
    assert rec["summary"] == "Phone users were hunted in Sinuiju."
