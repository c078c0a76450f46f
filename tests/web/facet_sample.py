"""The sample database with what the facet, filter and default-view tests need besides:
a record two outlets report, records in three review states, an old record (2019) and
one far from Korea (Moscow). Every article and incident here is invented."""

from __future__ import annotations

from datetime import date

import sample

from yalu.model import Article, Incident, Location, TimeSpan
from yalu.store import Store
from yalu.store.writes import add_sources

MOSCOW = (55.75, 37.62)
OLD_TEXT = ("North Korean workers were sent home from a Moscow building site in January, "
            "a Russian paper reported.")


def build(path) -> dict:
    """The sample database plus the records above; returns the sample's ids and `old`."""
    ids = sample.build(path)
    store = Store(path)
    old = Incident(
        event_type="forced_repatriation", category="movement",
        summary="North Korean workers were sent home from Moscow.",
        time=TimeSpan(date(2019, 1, 10), date(2019, 1, 10), 1, "in January"),
        location=Location(location_name="Moscow", country="RU", admin1="Moscow",
                          admin1_code="RU-MOW", latitude=MOSCOW[0], longitude=MOSCOW[1],
                          geo_precision=1),
        modality="reported", evidence=[sample.ev(OLD_TEXT, OLD_TEXT, "sent home")],
        confidence=0.7)
    store.save_article(
        Article(text=OLD_TEXT, id="far-5", title="Workers sent home from Moscow",
                url="https://example.org/far/5", published=date(2019, 2, 1),
                outlet="Example Gazette"),
        [old])

    def change(conn) -> None:
        # the arrest is reported by the wire as well: two outlets
        add_sources(conn, ids["arrest"], ["wire-2"])
        for key, status in (("arrest", "approved"), ("smuggling", "edited"),
                            ("punishment", "rejected")):
            conn.execute("UPDATE incidents SET review_status = ? WHERE id = ?", (status, ids[key]))

    store.write(change)
    ids["old"] = old.id
    store.close()
    return ids
