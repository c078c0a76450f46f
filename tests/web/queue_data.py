"""A second outlet's report of the sample's Hyesan arrest (fictional), stored without the
automatic merge (as sample.py stores everything), so the queue has a merge to suggest."""

from datetime import date

import sample

from yalu.model import Actor, Article, Incident, TimeSpan
from yalu.store import Store

TEXT = "Guards detained three smugglers in Hyesan on Wednesday, Example Radio learned (fictional)."


def add_second_report(path) -> str:
    """Store the second report; returns its incident id."""
    store = Store(path)
    incident = Incident(
        event_type="arrest", category="repression", summary="Guards detained three smugglers in Hyesan.",
        time=TimeSpan(date(2024, 3, 13), date(2024, 3, 13), 1, "on Wednesday"),
        location=sample.loc("Hyesan", "Ryanggang", "KP-10", "Hyesan", (41.39, 128.17)),
        actors=[Actor("agent", "Guards", kind="unit")], modality="reported",
        evidence=[sample.ev(TEXT, TEXT, "detained")], confidence=0.55,
    )
    store.save_article(Article(text=TEXT, id="radio-5", title="Smugglers detained",
                               published=date(2024, 3, 14), outlet="Example Radio"), [incident])
    store.close()
    return incident.id
