"""People sent home who are no defectors caught abroad: a rescued crew returned across the
line or through the truce village (frame.crew_sent_home), workers a host state sends home
(frame.workers_sent_home) are `other`; a state expelling another's envoy punishes no one
(trigger.punishment.expel, nor does the rhetoric of expelling foreign troops). A crew
returned through China's customs, people deported against their will, a defector sent back
from China, workers who fled and are handed back, and sailors among defectors returned by
any state stay forced repatriations; workers expelled from the party are punished.

All sentences are fictional, written in the style of Yonhap, RFA and Daily NK copy for
these tests; none is real news.
"""

import pytest


@pytest.fixture(scope="module")
def extract(read_with_rules):
    """text, published -> the incidents the rules make of it."""
    return lambda *args, **kwargs: read_with_rules(*args, **kwargs)[1]


def types(incidents):
    return sorted({i.event_type for i in incidents})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crew rescued at sea goes home across the line or through Panmunjom
        ("South Korea repatriated four North Korean fishermen rescued off Sokcho through Panmunjom on Friday, "
         "the unification ministry said.", "other"),
        ("The two sailors were repatriated across the NLL on Monday, the ministry said.", "other"),
        # workers a host state sends home end their posting
        ("Chinese authorities deported 80 North Korean workers of a seafood plant in Dandong last week, "
         "a source told Daily NK.", "other"),
        # a crew sent back from China, a defector handed back: forced returns
        ("The six North Korean crew members were repatriated through the Dandong customs on Monday, "
         "a source said.", "forced_repatriation"),
        ("Chinese police repatriated a woman who had fled across the Tumen River last month, "
         "a source in Ryanggang Province told Daily NK.", "forced_repatriation"),
        # the host state is who sends the workers, named or left "from"
        ("Russia began to deport North Korean workers after the sanctions took effect, officials said.", "other"),
        ("Dozens of North Korean workers were deported from Malaysia last month, a source said.", "other"),
        ("When Chinese police found them outside the factory at night, they expelled all 60 North Korean workers, "
         "a source said.", "other"),
        # workers expelled from the party are punished, not sent home
        ("Three workers at a steel complex in Chongjin were expelled from the Workers' Party last month, "
         "a source told Daily NK.", "punishment"),
        # workers who fled and are handed back, sailors among defectors: forced returns
        ("Chinese police repatriated five North Korean restaurant workers who had fled to Shenyang last month, "
         "a source said.", "forced_repatriation"),
        ("Vietnam repatriated nine North Korean defectors, including two sailors, to the North last week, "
         "a rights group said.", "forced_repatriation"),
    ],
)
def test_who_is_sent_home_tells_the_type(extract, text, expected):
    found = types(extract(text, published="2023-06-19"))
    assert expected in found
    assert ({"other", "forced_repatriation"} - {expected}).isdisjoint(found), found


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Malaysia expelled the North Korean ambassador on Saturday, the foreign ministry said.", False),
        ("Both countries expelled each other's envoys after the killing, officials said.", False),
        ("The university expelled three students in Pyongyang for watching South Korean dramas, "
         "a source told Daily NK.", True),
        # driving foreign troops out, inspectors sent away: rhetoric and diplomacy
        ("The rally in Pyongyang called for expelling the U.S. troops from the South, KCNA reported.", False),
        ("KCNA said the Korean people will expel the imperialist aggressor forces from the South.", False),
        ("North Korea expelled two IAEA inspectors from the Yongbyon complex on Tuesday.", False),
    ],
)
def test_an_envoy_expelled_is_no_punishment(triggers, text, fires):
    assert ("punishment" in triggers(text).types) is fires
