""""Captured" by a satellite company, a map service or a thermal sight is a picture taken,
no one held (trigger.arrest.arrest); guards capturing a man stays an arrest. Corn lying
fallen and soldiers fallen ill tell no price (trigger.economic_measure.price).

All sentences are fictional, written in the style of NK News, Yonhap and RFA copy for these
tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Captured on June 3 by Planet Labs, the images show flooded fields near Sinuiju.", False),
        ("The soldier was captured on thermal cameras twice before he reached the fence.", False),
        ("The consulate building in Shenyang, captured from Google Maps.", False),
        ("Border guards captured two men near the fence in Kaesong on Monday.", True),
        # a thermal power plant or a guard's thermal sight is no picture credit
        ("Police arrested four workers at the thermal power plant in Pukchang for stealing coal.", True),
        ("Guards using thermal imaging cameras captured two women crossing the river near Hyesan.", True),
    ],
)
def test_a_picture_captured_holds_no_one(triggers, text, fires):
    assert ("arrest" in triggers(text).types) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Children picked fallen corn ears from the flooded fields near Sinuiju, a source said.", False),
        ("Several soldiers have fallen ill after eating the new rations, a source told RFA.", False),
        ("Corn prices have fallen by 300 won per kilogram in Hyesan's market this week.", True),
    ],
)
def test_fallen_corn_and_the_sick_tell_no_price(triggers, text, fires):
    assert ("economic_measure" in triggers(text).types) is fires
