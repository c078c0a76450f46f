"""Acts of the genre's reports that their wording used to hide or mistype: a mine
accident told by its dead (trigger.disaster.mine), a crew rescued at sea
(trigger.other.rescue), prisoners breaking out of a camp or their escort
(trigger.other.escape), enforcers sent (trigger.crackdown.enforcers_sent).

All sentences are fictional, written in the style of Daily NK / RFA / AP copy for
these tests; none is real news.
"""

import pytest


@pytest.fixture(scope="module")
def fired_types(fired):
    """text -> {event type: [trigger words]} over its sentences (the surest rule of each word)."""
    def run(text):
        found: dict[str, list[str]] = {}
        for t in fired(text):
            found.setdefault(t.event_type, []).append(t.token.text)
        return found
    return run


# --- a mine accident (trigger.disaster.mine), a rescue at sea (trigger.other.rescue) ---------

@pytest.mark.parametrize(
    ("text", "kind", "fires"),
    [
        # the collapse, and the dead counted in the mine, are the accident
        ("Nine workers died last month when a coal mine collapsed in Kaechon.", "disaster", True),
        ("Five miners were killed in an incident at the Ryongyang mining complex in late May.", "disaster", True),
        ("Three miners were buried alive after a shaft caved in near Tanchon on Friday.", "disaster", True),
        # a landmine, miners shot or put to death, a mine's hunger: no accident of the mine
        ("Two soldiers were killed when a landmine exploded near the DMZ.", "disaster", False),
        ("Guards shot and killed a miner who stole copper from the mine in Hyesan.", "disaster", False),
        ("A miner was publicly executed for selling ore from the mine to Chinese traders.", "disaster", False),
        ("Miners at the Musan mine are dying of hunger this spring, a source said.", "disaster", False),
        # a crew rescued at sea (trigger.other.rescue); its boat was sinking, not sunk by anyone
        ("Four North Korean fishermen were rescued from their drifting boat off Sokcho on Monday.", "other", True),
        ("The coast guard rescued the crew of a sinking North Korean vessel near Dokdo.", "other", True),
        ("The coast guard rescued the crew of a sinking North Korean vessel near Dokdo.", "attack", False),
        # a rescue hoped for or rehearsed is none
        ("Hopes faded for the rescue of the sailors missing after the blast.", "other", False),
        ("The navy held a drill to rescue the crew of a fishing boat.", "other", False),
    ],
)
def test_a_mine_accident_and_a_rescue_at_sea(fired_types, text, kind, fires):
    found = fired_types(text)
    assert (kind in found) == fires, found


def test_miners_killed_in_a_mine_are_not_an_execution_or_an_attack(read_with_rules):
    """A site "for producing" metals is no offence killed for, and the dead of a collapse
    are its toll (frame.toll_of_disaster): disasters only."""
    for text in (
        "Seven miners were recently killed in an incident at the Songchon Mining Complex, "
        "the country's largest site for producing zinc, a source told Daily NK.\n\n"
        "The source said the accident happened one night in late April.",
        "Twelve workers were killed at the end of March when a mine collapsed at the Unsan "
        "mine in North Pyongan Province, a source told Daily NK.",
    ):
        _, incidents = read_with_rules(text)
        types = [i.event_type for i in incidents]
        assert types and set(types) == {"disaster"}, types


# --- a breakout from custody (trigger.other.escape) ----------------------------------------

@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Some 40 prisoners escaped from the labor camp in Kaechon on March 2.", "other"),
        ("Two convicts escaped while being transported to a forced labor camp last week.", "other"),
        ("Three inmates fled the prison in Chongjin after cutting the wire fence.", "other"),
        # across the border it is a defection, not a breakout
        ("Two prisoners escaped to China across the Tumen River on Sunday.", "defection"),
    ],
)
def test_prisoners_breaking_out_are_an_escape_not_a_defection(fired_types, text, kind):
    found = fired_types(text)
    assert kind in found, found
    assert not ({"other", "defection"} - {kind}) & set(found), found


@pytest.mark.parametrize(
    "text",
    [
        # a camp's rule, an attempt, a punishment escaped: no breakout happened
        "Any prisoner attempting escape will be sentenced to death.",
        "Two inmates tried to escape from the prison but were caught at the gate.",
        "The official did not escape punishment for the bribes he took.",
    ],
)
def test_an_escape_attempted_or_ruled_on_is_no_breakout(fired_types, text):
    assert "other" not in fired_types(text), fired_types(text)


# --- enforcers sent are the campaign they wage (trigger.crackdown.enforcers_sent) ------------

@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A joint task force was dispatched to Hyesan last week to root out phone users.", "crackdown"),
        ("The ministry sent a large group of investigators to the border region in December.", "crackdown"),
        ("In April, the authorities deployed security details throughout the province.", "crackdown"),
        ("Pyongyang started dispatching special inspection forces to the border towns in October.", "crackdown"),
        # troops sent stay a deployment; officials sent to survey a flood's damage wage no campaign
        ("North Korea sent 3,000 troops to the border near Sinuiju on Monday.", "deployment"),
        ("Investigators were dispatched to the flood-hit county of Unsan on Monday.", None),
    ],
)
def test_inspectors_and_task_forces_sent_are_a_crackdown(fired_types, text, kind):
    found = fired_types(text)
    assert kind is None or kind in found, found
    assert not ({"crackdown", "deployment"} - {kind}) & set(found), found


# --- an inspection is a crackdown with what it targets (trigger.crackdown.inspection) ---------

@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # the customs house, smartphones, people to punish: what the inspection is after
        ("In March the Party began inspections at Sinuiju customs to punish corrupt officers.", True),
        ("Officials have carried out random inspections of workers' smartphones since May.", True),
        # a leader's or a plant's inspection is none
        ("Kim Jong Un made an inspection of the Sinuiju customs house under construction.", False),
        # state media's labour campaign: the houses it builds are no homes searched
        ("Youth league members in Kusong have waged a shock brigade campaign to build modern houses for farmers.", False),
        ("Workers in Kilju conducted a campaign to speed up the construction of dwelling houses.", False),
        # near miss: a campaign that searches houses stays a crackdown
        ("Police launched a campaign to search houses for South Korean dramas in Hyesan last week.", True),
    ],
)
def test_an_inspection_of_customs_or_smartphones_is_a_crackdown(fired_types, text, fires):
    assert ("crackdown" in fired_types(text)) == fires, fired_types(text)


# --- a wanted notice or order is the hunt for fugitives (trigger.crackdown.wanted, .order) ----

@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("The security ministry put out a wanted notice for the two men on Tuesday.", True),
        ("A wanted order was issued in Hyesan for the soldier who fled his unit.", True),
        # a film's poster, a notice of a meeting: no hunt
        ("The theatre put up a poster for the new film about the war.", False),
        ("The committee posted a notice of the meeting on Monday.", False),
    ],
)
def test_a_wanted_notice_is_a_crackdown(fired_types, text, fires):
    assert ("crackdown" in fired_types(text)) == fires, fired_types(text)


# --- the doer a participle names is the act's (clause.py, _participle_agents) -----------------

@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # who speaks is named only in the participle after the noun
        ("A statement released by a spokesman for the Supreme Command said the truce was void.", True),
        ("A statement drafted last week and released by the foreign ministry said the talks were over.", True),
        # the South's joint chiefs are not the North's voice
        ("A statement released by the South's Joint Chiefs of Staff said the shells fell at sea.", False),
    ],
)
def test_a_statement_released_by_the_norths_spokesman_is_its_statement(fired_types, text, fires):
    assert ("statement" in fired_types(text)) == fires, fired_types(text)


def test_the_participles_agent_joins_the_nouns_clause(nlp):
    from yalu.extract.clause import window

    doc = nlp("A statement released by a spokesman for the army declared the armistice void.")
    words = [t.text for t in window(next(t for t in doc if t.text == "statement"))]
    assert "spokesman" in words and "army" in words, words


# --- people tried, the verb of a trial (trigger.punishment.tried) ---------------------------

@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Four students were publicly tried in the yard of a middle school in Musan on Aug. 2.", True),
        ("The two men were tried by military law for robbing a trader in Hyesan.", True),
        # an attempt and an effort are no court
        ("Two women tried to cross the river near Hyesan on Monday.", False),
        ("The officials tried hard to hide the accident from the public.", False),
    ],
)
def test_people_tried_in_court_are_a_punishment(fired_types, text, fires):
    assert ("punishment" in fired_types(text)) == fires, fired_types(text)


# --- people hauled off or taken away are arrested (trigger.arrest.taken_away) -----------------

@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Security agents hauled off everyone involved in the brawl at the market.", True),
        ("The two brothers were handcuffed and taken away to the provincial security unit.", True),
        # goods taken away are confiscated; the dead carried off are no one held
        ("Inspectors took away the goods of every trader at the market.", False),
        ("The bodies were taken away to the hospital in Hyesan.", False),
    ],
)
def test_people_hauled_off_are_arrested(fired_types, text, fires):
    assert ("arrest" in fired_types(text)) == fires, fired_types(text)


# --- goods confiscated from vendors are a crackdown (trigger.crackdown.confiscate) -----------

@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Market agents confiscated South Korean clothes from vendors in Hoeryong on Monday.", "crackdown"),
        ("The authorities confiscated four tons of rice from a trader selling above the set price.", "crackdown"),
        # drugs seized are a smuggling bust
        ("Police confiscated two kilograms of methamphetamine from a house in Hamhung.", "smuggling"),
    ],
)
def test_goods_confiscated_from_vendors_are_a_crackdown(fired_types, text, kind):
    found = fired_types(text)
    assert kind in found, found
    assert not ({"crackdown", "smuggling"} - {kind}) & set(found), found
