"""Trigger detection (yalu/extract/triggers.py, clause.py): which event types a
clause reports, read in the trigger's own clause.

All sentences are fictional, written in the style of Daily NK / RFA / Yonhap /
KCNA copy for these tests.
"""

import pytest

from yalu.extract.clause import Terms, window
from yalu.extract.triggers import rules
from yalu.ontology import event_types

# --- every event type fires on a typical clause -----------------------------------

TYPICAL = {
    "defection": "A soldier of the border guard defected to China last week.",
    "desertion": "Two soldiers deserted their unit in Hyesan on Monday.",
    "forced_repatriation": "Chinese police repatriated five North Korean women on Thursday.",
    "smuggling": "A ring of smugglers moved copper across the river into Changbai.",
    "bribery": "The inspector took bribes from traders at the market.",
    "illegal_communication": "A woman in Hoeryong called her relatives in South Korea on a Chinese phone.",
    "arrest": "Bowibu agents arrested three women in Hyesan on Tuesday.",
    "punishment": "A cadre of the county party committee was publicly executed in Hyesan.",
    "crackdown": "The authorities launched an intensive crackdown on mobile phone use in Musan.",
    "lockdown": "The authorities imposed a strict lockdown on Hyesan after a fever outbreak.",
    "deployment": "North Korea deployed additional troops to the border area near Sinuiju.",
    "fortification": "North Korean soldiers laid landmines along the riverbank near Hyesan.",
    "explosion_accident": "An ammunition depot exploded in Hoeryong, killing two soldiers.",
    "armed_clash": "North Korean and South Korean navy vessels exchanged fire near the NLL.",
    "attack": "A North Korean soldier shot and killed a fisherman near the river.",
    "missile_launch": "North Korea fired two short-range ballistic missiles into the East Sea on Wednesday.",
    "artillery_fire": "North Korea fired a barrage of rockets from multiple rocket launchers on Friday.",
    "weapons_test": "North Korea conducted an underground nuclear test at Punggye-ri.",
    "military_exercise": "The Korean People's Army held a large-scale artillery firing drill on Sunday.",
    "incursion": "A North Korean drone crossed the MDL into South Korean airspace.",
    "economic_measure": "Rice prices soared in Hyesan markets last week.",
    "disaster": "Heavy rains caused flooding in Hoeryong, destroying hundreds of houses.",
    "leadership_activity": "Kim Jong Un inspected a fertilizer factory in Hamhung.",
    "statement": "The Foreign Ministry spokesman issued a statement condemning the drills.",
    "other": "South Korean troops fired warning shots at the soldiers near the MDL on Tuesday.",
}


def test_every_event_type_of_the_ontology_has_a_case():
    assert set(TYPICAL) == set(event_types())


def test_every_event_type_has_a_rule():
    coded = {rule.event_type for by_lemma in rules().values() for rule in by_lemma}
    assert coded == set(event_types())


def test_the_residual_type_weighs_less_than_the_others():
    # "fired warning shots after the boat crossed the NLL": the typed act leads the story
    others = [rule for by_lemma in rules().values() for rule in by_lemma if rule.event_type == "other"]
    assert others and all(rule.weight <= 0.6 for rule in others)


@pytest.mark.parametrize("event_type", sorted(TYPICAL))
def test_event_type_fires_on_a_typical_clause(triggers, event_type):
    found = triggers(TYPICAL[event_type])
    assert event_type in found.types, found


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("He crossed the Tumen River and fled to China.", "defection"),
        # absent without leave: trigger.desertion.awol
        ("Several soldiers of the engineering battalion in Musan went AWOL last month.", "desertion"),
        ("A lot of conscripts at the driver school in Kapsan are going AWOL.", "desertion"),
        # unrest of merchants, workers or residents: trigger.other.riot
        ("Dozens of market traders rioted in Chongjin after the exchange limit was announced.", "other"),
        ("A shoe vendor clashed with the inspectors, and other merchants joined in.", "other"),
        ("Some 500 workers protested over unpaid wages at the plant in Helong.", "other"),
        ("Chinese authorities handed the defectors over to North Korean authorities.", "forced_repatriation"),
        ("A smuggler paid RMB 3,000 to the border guards.", "bribery"),
        ("Residents watched South Korean dramas on USB sticks.", "illegal_communication"),
        ("The company commander was sent to a labor camp.", "punishment"),
        ("The company commander was fired from his post.", "punishment"),
        ("Police cracked down on smuggling in Hyesan.", "crackdown"),
        ("The authorities closed the border crossing at Namyang.", "lockdown"),
        ("North Korea blew up roads connecting the two Koreas.", "fortification"),
        ("North Korea launched a reconnaissance satellite from Sohae.", "missile_launch"),
        ("North Korea conducted a ground test of a solid-fuel engine at Sohae.", "weapons_test"),
        ("North Korea sent hundreds of trash balloons across the border.", "incursion"),
        ("A fire broke out at a textile mill in Sinuiju.", "disaster"),
        ("North Korean agents abducted a missionary in Changbai.", "attack"),
        ("Two police officers were wounded by gunfire from the North's side on Tuesday.", "attack"),
        ("The allies are holding a combined command post exercise this week.", "military_exercise"),
        ("South Korea and the United States began a two-week combined air exercise.", "military_exercise"),
    ],
)
def test_event_type_fires_on_other_wordings(triggers, text, event_type):
    assert event_type in triggers(text).types, triggers(text)


# --- near misses -----------------------------------------------------------------

@pytest.mark.parametrize(
    "text, event_type",
    [
        # a name: the Storm Corps is a unit, not a storm; the Seventh Corps meets
        ("Members of the Storm Corps were seen in Hyesan.", "disaster"),
        # a protest of a state or an act done in protest is no unrest (trigger.other.riot)
        ("The North sent balloons of trash to the South in protest against the leaflets of defectors.", "other"),
        ("Seoul lodged a diplomatic protest with Beijing over the repatriation of the workers.", "other"),
        ("Riot police guarded the market after the vendors left.", "other"),
        # the Workers' Party is no workers who protest
        ("The Workers' Party newspaper Rodong Sinmun protested the joint drills of the United States and South Korea.", "other"),
        ("Soldiers of the Seventh Corps held a meeting.", "military_exercise"),
        # a word inside a place name
        ("Trucks were seen at the Punggye-ri nuclear test site.", "weapons_test"),
        ("Trucks were seen at the Sohae Satellite Launching Station.", "missile_launch"),
        # veto words in the clause
        ("North Korean defectors in Seoul held a press conference.", "defection"),
        ("Smugglers crossed the river with a load of copper.", "defection"),
        ("Tourists drove through the Gobi desert.", "desertion"),
        ("China sent food aid to North Korea.", "forced_repatriation"),
        ("Police cracked down on smuggling in Hyesan.", "smuggling"),
        ("Workers were paid their wages in yuan.", "bribery"),
        ("The source spoke to Daily NK by phone.", "illegal_communication"),
        ("The two sides held another round of talks.", "arrest"),
        ("The factory executed the plan ahead of schedule.", "punishment"),
        ("Kim Jong Un conducted an inspection of a fertilizer factory.", "crackdown"),
        ("Cadres kept a close eye on the market.", "lockdown"),
        ("The regime mobilized students for the rice harvest.", "deployment"),
        ("Workers built new apartments in Pyongyang.", "fortification"),
        ("North Korea detonated a nuclear device underground.", "explosion_accident"),
        ("The two Koreas exchanged letters.", "armed_clash"),
        ("The exchange rate fell sharply in Sinuiju.", "armed_clash"),
        ("The official died of a heart attack.", "attack"),
        ("North Korea fired artillery shells into the sea.", "missile_launch"),
        ("The army held an artillery drill near Kaesong.", "artillery_fire"),
        ("North Korea test-fired two ballistic missiles.", "weapons_test"),
        ("Students took part in a fire drill.", "military_exercise"),
        ("The report documented human rights violations in North Korea.", "incursion"),
        ("Residents visited the statues of Kim Il Sung on his birthday.", "leadership_activity"),
        ("A source told Daily NK that the authorities announced new rules.", "statement"),
        # state media's rhetoric and campaigns (fictional sentences in its style)
        ("The DPRK will never tolerate acts of violating its sovereignty.", "incursion"),
        ("Farmers in the county launched a harvest campaign.", "crackdown"),
        ("The mine stepped up technical innovation.", "explosion_accident"),
        ("The coal mine built a new storehouse.", "fortification"),
        ("The people overcame all the trials of the arduous years.", "punishment"),
        ("The team put pressure on the rival with a strong attack in the match.", "attack"),
        ("The law on quality control was adopted for its execution.", "punishment"),
        # a statement is an incident when the North makes it, not the South's JCS or a rally
        ("The Joint Chiefs of Staff said in a statement that the missile flew 600 km.", "statement"),
        ("A declaration for peace was read out at the rally.", "statement"),
        ("The boxer beat all her rivals and advanced to the finals.", "attack"),
    ],
)
def test_near_miss_does_not_fire(triggers, text, event_type):
    assert event_type not in triggers(text).types, triggers(text)


def test_near_misses_fire_what_they_are(triggers):
    # the vetoed reading gives way to the right one, not to nothing
    assert "crackdown" in triggers("Police cracked down on smuggling in Hyesan.").types
    assert "artillery_fire" in triggers("North Korea fired artillery shells into the sea.").types
    assert "military_exercise" in triggers("The army held an artillery drill near Kaesong.").types
    assert "weapons_test" in triggers("North Korea detonated a nuclear device underground.").types
    assert "leadership_activity" in triggers("Kim Jong Un conducted an inspection of a fertilizer factory.").types


@pytest.mark.parametrize(
    "text, fires",
    [
        # another theatre's acts are not North Korea's incidents (fictional sentences)
        ("Israeli troops attacked a refugee camp in Rafah, killing dozens.", False),
        ("Ukrainian forces shelled a town near the front.", False),
        # unless a Korean party is in the sentence
        ("North Korean troops attacked Ukrainian positions near the front.", True),
        ("North Korean drones flew into South Korean airspace.", True),
    ],
)
def test_other_theatres(triggers, text, fires):
    assert bool(triggers(text)) is fires, triggers(text)


def test_a_pronoun_does_not_bring_another_theatres_launch(triggers):
    text = "Russia fired dozens of cruise missiles at Kyiv on June 5. They were launched from bombers over the sea."
    assert "missile_launch" not in triggers(text).types


def test_the_norths_words_about_another_theatre(triggers):
    # the spokesman's statement is the North's; the attack it speaks of is not Korean
    found = triggers("A DPRK Foreign Ministry spokesperson denounced the Israeli attack on the hospital.").types
    assert "statement" in found and "attack" not in found


def test_blasts_and_explosive_tests(triggers):
    # fictional sentences in the style of satellite-imagery reports
    assert "explosion_accident" in triggers("An explosion damaged a workshop at the shipyard in Sinpo.").types
    assert "weapons_test" in triggers("North Korea conducted a high-explosive test near Yongbyon.").types
    assert "weapons_test" not in triggers("Agents detonated an explosive device at the airport.").types


def test_the_norths_statements(triggers):
    assert "statement" in triggers("Kim Yo Jong issued a press statement on Monday.").types
    assert "statement" in triggers("A spokesman for the Foreign Ministry of the DPRK released a statement.").types


def test_court_trials_stay_punishments(triggers):
    assert "punishment" in triggers("A public trial was held in Hyesan for three smugglers.").types
    assert "incursion" in triggers("A North Korean drone violated South Korean airspace.").types


def test_plain_background_fires_nothing(triggers):
    assert triggers("Traders sold rice at the market.") == []
    assert triggers("The Gobi desert is vast.") == []


# --- "test-fired" kept whole ---------------------------------------------------------

def test_test_fired_is_one_token(nlp):
    doc = nlp("North Korea test-fired two cruise missiles and test-launched a rocket.")
    words = [t.text for t in doc]
    assert "test-fired" in words and "test-launched" in words
    assert "test" not in words


@pytest.mark.parametrize(
    "text",
    [
        "North Korea test-fired two cruise missiles on Wednesday.",
        "North Korea Test-fired two cruise missiles on Wednesday.",
        "Kim Jong Un oversaw the test-firing of two cruise missiles.",
    ],
)
def test_test_fired_missiles_is_a_launch(triggers, text):
    found = triggers(text)
    assert ("missile_launch" in found.types), found
    assert any(word.lower().startswith("test-") for event_type, word in found if event_type == "missile_launch")


# --- the clause window ----------------------------------------------------------

def _token(doc, word):
    return next(t for t in doc if t.text == word)


def test_window_of_a_noun_takes_its_verb_and_the_verbs_arguments(nlp):
    doc = nlp("North Korea conducted a missile launch from Sunan on Tuesday.")
    words = {t.text for t in window(_token(doc, "launch"))}
    assert {"conducted", "North", "Korea", "missile", "Sunan"} <= words


def test_window_leaves_out_an_embedded_relative_clause(nlp):
    doc = nlp(
        "The soldier, who had been caught last winter smuggling copper across the river "
        "into China, deserted his unit in March."
    )
    words = {t.text for t in window(_token(doc, "deserted"))}
    assert {"soldier", "unit", "March"} <= words
    assert not {"caught", "smuggling", "copper", "winter"} & words


def test_window_leaves_out_a_prepositions_clause_with_its_own_subject(nlp):
    doc = nlp("North Korea fired around 250 rounds of artillery late Tuesday, in what its army called "
              "warning shots against South Korean exercises.")
    words = {t.text for t in window(_token(doc, "fired"))}
    assert {"rounds", "artillery", "Tuesday"} <= words
    assert not {"exercises", "warning"} & words
    # a bare clause of a preposition stays: the charge of an arrest
    doc = nlp("Police arrested two women for selling South Korean films.")
    assert {"selling", "films"} <= {t.text for t in window(_token(doc, "arrested"))}


def test_window_of_a_reported_clause_leaves_out_the_reporter(nlp):
    doc = nlp("Officials said that the market in Hyesan had been closed since Monday because of a fever outbreak.")
    words = {t.text for t in window(_token(doc, "closed"))}
    assert {"market", "Hyesan", "Monday"} <= words
    assert "Officials" not in words


def test_window_of_a_second_verb_takes_the_first_verbs_subject(nlp):
    doc = nlp("He crossed the Tumen River and fled to China.")
    words = {t.text for t in window(_token(doc, "fled"))}
    assert {"He", "China"} <= words


def test_veto_word_outside_the_clause_does_not_veto(triggers):
    # "told" and "source" veto a phone call only inside the call's own clause
    found = triggers(
        "A source told Daily NK that a woman in Hyesan called her relatives in South Korea on a Chinese phone."
    )
    assert "illegal_communication" in found.types, found


def test_place_tags_decide_a_rule(triggers):
    # crossing into a country is a defection; crossing a street is nothing
    assert "defection" in triggers("Two women crossed into China at night.").types
    assert "defection" not in triggers("Two women crossed the street at night.").types


def test_only_a_rule_whose_lists_read_place_tags_asks_for_the_places():
    """find_triggers reads the clause's places only for such a rule (or another theatre's
    sentence): the geoparser then reads only an article that needs it."""
    crossing = [r for r in rules()["cross"] if r.event_type == "defection"]
    assert crossing and all(r.reads_tags for r in crossing)  # "@CN": into China
    assert [r for r in rules()["inspect"] if not r.reads_tags]  # Kim inspected a factory: words alone


# --- the lexicon's word lists ------------------------------------------------------

def test_terms_match_words_lemmas_and_prefixes(nlp):
    doc = nlp("The smugglers were caught at dawn.")
    tokens = list(doc)
    assert Terms(["smuggl*"]).found(tokens, set())
    assert Terms(["catch"]).found(tokens, set())  # by lemma
    assert Terms(["at dawn"]).found(tokens, set())  # a phrase
    assert not Terms(["at noon"]).found(tokens, set())


def test_terms_do_not_match_part_of_a_word(nlp):
    tokens = list(nlp("The smugglers were caught at dawn."))
    assert not Terms(["smuggle"]).found(tokens, set())  # neither "smugglers" nor the lemma "smuggler"
    assert not Terms(["gle"]).found(tokens, set())
    assert not Terms(["daw*"]).found(list(nlp("They were caught.")), set())


def test_terms_may_find_only_what_the_sentence_holds(nlp):
    """The cheap test before a clause is read: a clause's words are its sentence's, so a list
    whose first words are nowhere in the sentence (as written or as lemmas) finds nothing."""
    from yalu.extract.clause import Words, sentence_texts

    sent = next(nlp("Border guards test-fired rifles and caught two smugglers near the river.").sents)
    texts = sentence_texts(sent)
    assert Terms(["test-fire*"]).may_find(texts)  # a word the tokenizer split, joined again
    assert Terms(["catch"]).may_find(texts)  # by lemma
    assert Terms(["smuggler ring", "drone"]).may_find(texts)  # a phrase's first word is enough to read on
    assert not Terms(["drone", "balloon*"]).may_find(texts)  # the near miss: nothing to read
    assert not Terms(["drone"]).found(Words(list(sent)), set())
    assert Terms(["@CN"]).may_find(texts)  # a place tag is read in the clause, not here


def test_a_rule_whose_second_list_is_nowhere_in_the_sentence_may_not_fire(nlp, triggers):
    """Rule.may_fire: `also` (a second list of which one word is needed) is tested against the
    sentence before the clause is read; the verdicts stay those of the clause."""
    from yalu.extract.clause import sentence_texts

    [blow_up] = [r for r in rules()["blow"] if r.id == "trigger.other.blow_up"]

    def may_fire(text):
        sent = next(nlp(text).sents)
        blew = next(t for t in sent if t.lemma_ == "blow")
        return blow_up.may_fire(blew, set(), lambda: sentence_texts(sent))

    assert not may_fire("Engineers blew up the old dam at dawn.")  # no building of its list
    assert may_fire("Soldiers blew up the liaison office at dawn.")
    assert "other" not in triggers("Engineers blew up the old dam at dawn.").types


def test_terms_place_tags(nlp):
    tokens = list(nlp("They went there."))
    assert Terms(["@CN"]).found(tokens, {"@CN"})
    assert not Terms(["@CN"]).found(tokens, {"@KP"})
    assert not Terms([])

