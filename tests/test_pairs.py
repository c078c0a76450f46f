"""`yalu eval --pairs`: the records of a story's two editions matched on type, province and
county, and the share the two editions' gold allows."""

from __future__ import annotations

from yalu.evaluate.pairs import gold_matched, matched, score_pairs
from yalu.evaluate.scoring import GoldDoc


def _gold(event_type: str, admin1: str | None, admin2: list[str], *, alt: list[str] | None = None,
          optional: bool = False) -> dict:
    return {"event_type": event_type, "alt_types": alt or [], "admin1_code": admin1, "admin2": admin2,
            "optional": optional}


def test_gold_incidents_match_on_a_shared_type_province_and_county() -> None:
    korean = [_gold("lockdown", "KP-10", ["Hyesan", "혜산"]), _gold("arrest", "KP-10", ["Hyesan"]),
              _gold("smuggling", None, [], optional=True)]
    english = [_gold("crackdown", "KP-10", ["Hyesan City", "Samjiyon"], alt=["lockdown"]),
               _gold("arrest", "KP-10", ["Samjiyon"]), _gold("smuggling", None, [])]
    # the lockdown (an alternative type, a county both accept); not the arrest (another
    # county) nor the smuggling (optional in the Korean gold)
    assert gold_matched(korean, english) == 1
    assert gold_matched([_gold("statement", None, [])], [_gold("statement", None, [])]) == 1
    assert gold_matched([_gold("missile_launch", "KP-08", ["Hamju"])], [_gold("missile_launch", None, [])]) == 0


def test_records_match_one_to_one() -> None:
    one = {"event_type": "attack", "admin1_code": "KP-10", "admin2": "Taehongdan"}
    assert matched([one, one], [one]) == 1
    assert matched([one], [{**one, "admin2": None}]) == 0


def test_a_pair_scored_with_the_share_its_gold_allows() -> None:
    korean = GoldDoc("ko-1", "양강도 혜산시에서 지난 3일 주민 2명이 밀수를 하다 보위부에 체포됐다고 소식통이 전했다.\n",
                     None, None, [_gold("arrest", "KP-10", ["Hyesan"]), _gold("smuggling", "KP-10", ["Hyesan"])],
                     [], lang="ko", pair="en-1", split="dev")
    english = GoldDoc("en-1", "Two residents of Hyesan, Ryanggang Province, were arrested by the Ministry of State "
                      "Security on Jan. 3, a source told Daily NK.\n",
                      None, None, [_gold("arrest", "KP-10", ["Hyesan"])], [], lang="en", pair="ko-1", split="dev")
    result = score_pairs([korean, english], "dev")
    (pair,) = result.pairs
    assert pair["pair"] == ["en-1", "ko-1"] and pair["gold"] == [1, 2] and pair["gold_matched"] == 1
    summary = result.summary()
    assert summary["gold_agreement"] == round(2 / 3, 4)
    assert "arrest" in pair["types"][0] and "arrest" in pair["types"][1] and pair["matched"] >= 1, pair
