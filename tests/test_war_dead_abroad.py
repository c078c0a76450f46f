"""North Korean soldiers killed in Russia's war with Ukraine fell in the fighting: an armed
clash (frame.war_dead_abroad), not an attack; a killing at home stays an attack.

All sentences are fictional, written in the style of Yonhap and RFA copy for these tests;
none is real news.
"""

import pytest


@pytest.fixture(scope="module")
def extract(read_with_rules):
    """text, published -> the incidents the rules make of it."""
    return lambda *args, **kwargs: read_with_rules(*args, **kwargs)[1]


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("About 200 North Korean soldiers have been killed in the fighting in Kursk, "
         "South Korea's spy agency said on Monday.", "armed_clash", "attack"),
        ("Dozens of North Korean troops were killed by Ukrainian drones near the front last week, "
         "the agency told lawmakers.", "armed_clash", "attack"),
        ("Border guards shot and killed a woman crossing the Tumen River near Hyesan last week, "
         "a source told RFA.", "attack", "armed_clash"),
    ],
)
def test_soldiers_killed_in_russias_war_fell_in_battle(extract, text, expected, not_expected):
    found = {i.event_type for i in extract(text, published="2025-02-10")}
    assert expected in found and not_expected not in found, found
