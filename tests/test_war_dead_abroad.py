"""North Korean soldiers killed in Russia's war with Ukraine fell in the fighting: an armed
clash (frame.war_dead_abroad), not an attack; a killing at home, of a worker or of prisoners,
or one the war is only the reason for, stays an attack.

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
        # the war only the background of a killing: still an attack
        ("Officers beat a conscript to death in Hamhung after he refused to be sent to fight in Ukraine, "
         "a source said.", "attack", "armed_clash"),
        ("Security agents in Hyesan shot dead a man who had watched Ukrainian war videos on a smuggled phone, "
         "a source said.", "attack", "armed_clash"),
        ("A North Korean construction worker was killed when a Ukrainian drone struck a dormitory in Russia "
         "last week, a source said.", "attack", "armed_clash"),
        ("North Korean soldiers shot dead three Ukrainian prisoners of war near a village in Kursk, "
         "Kyiv said.", "attack", "armed_clash"),
    ],
)
def test_soldiers_killed_in_russias_war_fell_in_battle(extract, text, expected, not_expected):
    found = {i.event_type for i in extract(text, published="2025-02-10")}
    assert expected in found and not_expected not in found, found
