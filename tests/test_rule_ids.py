"""Every rule has an id, and every incident's evidence names the rules that made it
(trigger, frame, modality, place, date), so an analyst can audit a record.

The reports are fictional, written for these tests; none is real news.
"""

import tomllib
from importlib.resources import files

from yalu.extract import modality
from yalu.ingest import read_text


def _toml(name):
    with files("yalu").joinpath(f"data/{name}").open("rb") as f:
        return tomllib.load(f)


def test_trigger_and_frame_ids_are_unique():
    for name, key in (("triggers.toml", "rule"), ("frames.toml", "frame")):
        ids = [r["id"] for r in _toml(name)[key]]
        assert len(ids) == len(set(ids)), name
        assert all(i.startswith(("trigger.", "frame.")) for i in ids)


def test_modality_rules_are_named_once():
    ids = [rule_id for rule_id, _ in modality.RULES]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("modality.") for i in ids)


def test_evidence_names_its_rules(pipeline):
    text = (
        "Border guards arrested three smugglers in Hyesan on March 3, a source in Yanggang Province "
        "told Daily NK. They were taken to the provincial security department.\n\n"
        "Prices in the market rose this week. Traders said rice was scarce. Many stalls stayed empty. "
        "Residents were worried about the winter.\n\n"
        "Meanwhile, a soldier deserted his unit.\n\n"
        "[Fictional report written for Yalu's tests; not real news.]"
    )
    article = read_text(text, published="2024-03-10", outlet="Daily NK")
    [(_, incidents)] = list(pipeline.run([article]))
    trigger_ids = {r["id"] for r in _toml("triggers.toml")["rule"]}
    by_type = {i.event_type: i for i in incidents}
    arrest = by_type["arrest"].evidence[0].rules
    assert arrest[0] in trigger_ids and arrest[0].startswith("trigger.arrest.")
    assert "modality.reported" in arrest  # a source told it
    assert "place.clause" in arrest  # Hyesan is in the arrest's own clause
    desertion = by_type["desertion"].evidence[0].rules
    assert desertion[0].startswith("trigger.desertion.")
    assert "place.article_focus" in desertion  # no place of its own: the article's town
    assert "date.recent_window" in desertion  # undated: the report's recent window
    assert "date.month_day" in arrest  # "on March 3"


def test_dropped_mention_names_no_record(nlp):
    doc = nlp("Smugglers would flee to China if the border opened.")
    sent = next(doc.sents)
    token = next(t for t in sent if t.text == "flee")
    verdict = modality.judge(token, sent, attributed=False)
    assert verdict.modality is None and verdict.rule == "modality.hypothetical"
