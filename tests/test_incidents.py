"""Incident records (yalu/extract/: article.py and its steps): the whole extract() on short
fictional reports, read through yalu.ingest.read_text and yalu.pipeline.Pipeline.

Every article here is fictional, written in the style of Daily NK / RFA / Yonhap
/ KCNA copy for these tests; none is real news.
"""

from datetime import date

import pytest


@pytest.fixture(scope="module")
def extract(read_with_rules):
    """text, published, outlet -> (article, incidents), from the rules alone."""
    return read_with_rules


def of_type(incidents, event_type):
    return [i for i in incidents if i.event_type == event_type]


# --- one record per incident -------------------------------------------------------

DESERTION = (
    "Two soldiers deserted their unit in Hyesan on March 2, a source in Yanggang Province told Daily NK. "
    "The desertion was discovered the next morning, the source said. "
    "The Chosun Ilbo has also reported the desertion."
)


def test_one_record_for_an_incident_mentioned_three_times(extract):
    article, incidents = extract(DESERTION)
    [desertion] = of_type(incidents, "desertion")
    assert len(desertion.evidence) == 3
    assert [e.start for e in desertion.evidence] == sorted(e.start for e in desertion.evidence)


def test_evidence_offsets_point_into_the_stored_text(extract):
    article, incidents = extract(DESERTION)
    [desertion] = of_type(incidents, "desertion")
    for e in desertion.evidence:
        assert article.text[e.start:e.end] == e.text
        assert e.start <= e.trigger_start < e.trigger_end <= e.end
        assert article.text[e.trigger_start:e.trigger_end].lower().startswith("desert")


def test_merged_record_keeps_place_time_source_and_corroboration(extract):
    _, incidents = extract(DESERTION)
    [desertion] = of_type(incidents, "desertion")
    loc = desertion.location
    assert (loc.country, loc.admin1_code, loc.admin2, loc.geo_precision) == ("KP", "KP-10", "Hyesan", 1)
    t = desertion.time
    assert (t.start, t.end, t.precision) == (date(2024, 3, 2), date(2024, 3, 2), 1)
    assert desertion.attribution.kind == "anonymous_source"
    assert desertion.attribution.location == "Yanggang Province"
    assert desertion.corroboration == ["Chosun Ilbo"]
    assert desertion.category == "movement"


def test_corroborating_outlet_joins_the_record_in_a_longer_report(extract):
    # "South Korea's" names the outlet's country, not a second desertion in the South
    _, incidents = extract(
        "A soldier deserted his post in Sinpa County on March 2, a source in Yanggang Province told Daily NK. "
        "The soldier had served for six years. He is in his twenties. His unit is short of food. "
        "Officers have been told to watch their men.\n\n"
        "South Korea's Chosun Ilbo has also reported the desertion."
    )
    [desertion] = of_type(incidents, "desertion")
    assert desertion.corroboration == ["Chosun Ilbo"]
    assert len(desertion.evidence) == 2
    assert (desertion.location.country, desertion.location.admin2) == ("KP", "Kim Jong Suk")


def test_incidents_of_different_places_are_not_merged(extract):
    _, incidents = extract(
        "Police arrested two smugglers in Hyesan on March 1, a source in Yanggang Province told Daily NK. "
        "Police also arrested three smugglers in Musan on March 1."
    )
    arrests = of_type(incidents, "arrest")
    assert sorted(i.location.admin2 for i in arrests) == ["Hyesan", "Musan"]


# --- two types from one story ------------------------------------------------------

def test_desertion_and_defection_both_coded(extract):
    _, incidents = extract(
        "A soldier of the border guard deserted his post in Musan County on March 2 and defected to China, "
        "a source in North Hamgyong Province told Daily NK."
    )
    [desertion] = of_type(incidents, "desertion")
    [defection] = of_type(incidents, "defection")
    for incident in (desertion, defection):
        assert (incident.location.admin2, incident.location.admin1_code) == ("Musan", "KP-09")
        assert incident.time.start == date(2024, 3, 2)
    # China is where he went, not where he defected from
    assert defection.location.country == "KP"


def test_busted_for_smuggling_is_one_arrest_record(extract):
    _, incidents = extract(
        "Three women were busted for smuggling copper across the border in Hyesan last week, "
        "a source in Yanggang Province told Daily NK.",
        published="2024-05-20",
    )
    # the arrest is the incident; the smuggling it was for is its charge, no record of its own
    assert [i.event_type for i in incidents] == ["arrest"]
    [arrest] = incidents
    assert arrest.location.admin2 == "Hyesan"
    # the people arrested are on the record
    assert any(a.normalized == "civilians" and a.role != "agent" for a in arrest.actors)
    # last week in either convention: Sunday May 12 (US copy) to Sunday May 19
    assert (arrest.time.start, arrest.time.end, arrest.time.precision) == (
        date(2024, 5, 12), date(2024, 5, 19), 2
    )


def test_arrests_for_offences_keep_their_own_days(extract):
    _, incidents = extract(
        "Security agents in Hoeryong detained a tailor on June 3 for selling foreign songs on memory cards, "
        "a source in North Hamgyong Province said.\n\n"
        "Two guards in Onsong were arrested last week for taking bribes from smugglers and letting them cross.\n\n"
        "[Fictional report written for Yalu's tests; not real news.]",
        published="2024-06-20",
    )
    # two arrests, each with its own place and day; no smuggling, bribery or phone record
    # takes the arrest's day (the offence came before it)
    assert sorted((i.event_type, i.location.admin2) for i in incidents) == [("arrest", "Hoeryong"), ("arrest", "Onsong")]
    [tailor] = [i for i in incidents if i.location.admin2 == "Hoeryong"]
    assert tailor.time.start == date(2024, 6, 3)


@pytest.mark.parametrize(
    "text, types",
    [
        # what an arrest is "over" may be an accident, no offence: both are incidents
        ("Police in Pyongsong arrested three engineers on April 9 over the collapse of a new apartment "
         "building in the city, a source said.", {"disaster", "arrest"}),
        # the smuggling is its own clause, not what the arrest was for
        ("Four traders smuggled copper wire into China on May 2, and security agents in Hyesan "
         "arrested a broker on May 9, a source said.", {"smuggling", "arrest"}),
    ],
)
def test_an_act_beside_an_arrest_not_its_offence_stays(extract, text, types):
    _, incidents = extract(text + "\n\n[Fictional report written for Yalu's tests; not real news.]", published="2024-05-20")
    assert types <= {i.event_type for i in incidents}


# --- places ---------------------------------------------------------------------

def test_paragraph_place_is_inherited(extract):
    # long enough not to be a short item; the article's first place is Hyesan,
    # the second paragraph's is Sinpa (Kim Jong Suk) County
    article, incidents = extract(
        "Police in Hyesan arrested a trader on March 1, a source in Yanggang Province told Daily NK. "
        "The trader had been selling Chinese goods at the market. He is in his forties. "
        "His wife runs a small food stall.\n\n"
        "A soldier deserted his post in Sinpa County on March 4. "
        "Two days later he crossed the river into China at night. He had served for six years."
    )
    assert len(list(article.text.split("\n\n"))) == 2
    [desertion] = of_type(incidents, "desertion")
    [defection] = of_type(incidents, "defection")
    [arrest] = of_type(incidents, "arrest")
    assert desertion.location.admin2 == "Kim Jong Suk"
    assert defection.location.admin2 == "Kim Jong Suk"
    assert defection.location.admin1_code == "KP-10"
    assert arrest.location.admin2 == "Hyesan"


def test_sources_province_is_not_the_incident_place(extract):
    _, incidents = extract(
        "Two soldiers deserted their unit last week, a source in North Hamgyong Province told Daily NK."
    )
    [desertion] = incidents
    assert desertion.location.admin1_code is None
    assert desertion.attribution.location == "North Hamgyong Province"


def test_kcna_dateline_is_not_the_incident_place(extract):
    _, incidents = extract(
        "Pyongyang, March 3 (KCNA) -- Kim Jong Un inspected a fertilizer factory in Hamhung.",
        published="2024-03-03", outlet="KCNA",
    )
    [visit] = incidents
    assert visit.event_type == "leadership_activity"
    assert (visit.location.admin2, visit.location.admin1_code) == ("Hamhung", "KP-08")
    assert visit.time.start == date(2024, 3, 3) or visit.time.end == date(2024, 3, 3)


# --- time ------------------------------------------------------------------------

def test_undated_short_wire_item_is_the_news_cycle(extract):
    _, incidents = extract(
        "Police arrested three smugglers in Hyesan, a source in Yanggang Province told Daily NK.",
        published="2024-04-11",
    )
    [arrest] = of_type(incidents, "arrest")
    t = arrest.time
    assert (t.start, t.end, t.precision) == (date(2024, 4, 10), date(2024, 4, 11), 1)


def test_since_october_is_open_ended_from_october_first(extract):
    _, incidents = extract(
        "The authorities have been cracking down on mobile phone use in Hyesan since October, "
        "a source in Yanggang Province told Daily NK.",
        published="2024-12-02",
    )
    [crackdown] = incidents
    assert crackdown.event_type == "crackdown"
    assert (crackdown.time.start, crackdown.time.end) == (date(2024, 10, 1), date(2024, 12, 2))
    assert crackdown.time.precision == 3  # coded as precisely as its start (date.since_start)
    assert crackdown.time.expression == "since October"
    assert crackdown.modality == "ongoing"


# --- quantities, confidence, summary ---------------------------------------------

def test_money_on_the_record_in_iso_currency(extract):
    _, incidents = extract(
        "A border guard demanded RMB 500 from a smuggler in Hyesan on Tuesday, "
        "a source in Yanggang Province told Daily NK.",
        published="2024-04-11",
    )
    [bribery] = of_type(incidents, "bribery")
    assert [(q.kind, q.value, q.unit) for q in bribery.quantities if q.kind == "money"] == [("money", 500, "CNY")]
    assert ("agent", "Border Guard") in {(a.role, a.normalized) for a in bribery.actors}
    assert bribery.time.start == date(2024, 4, 9)


def test_placed_and_dated_incident_is_more_confident_than_a_bare_one(extract):
    _, incidents = extract("Police arrested two women in Hyesan on Tuesday, a source told Daily NK.",
                           published="2024-04-11")
    [placed] = of_type(incidents, "arrest")
    _, incidents = extract("Police arrested two women, a source told Daily NK.", published="2024-04-11")
    [bare] = of_type(incidents, "arrest")
    assert placed.location.admin2 == "Hyesan" and bare.location.admin2 is None
    assert placed.confidence > bare.confidence
    assert 0 < bare.confidence < placed.confidence <= 1


def test_summary_is_written_from_the_slots(extract):
    article, incidents = extract(
        "Bowibu agents arrested three women in Hyesan on Tuesday, a source in Yanggang Province told Daily NK.",
        published="2024-04-11",
    )
    [arrest] = of_type(incidents, "arrest")
    summary = arrest.summary
    assert summary not in article.text
    assert all(summary != e.text for e in arrest.evidence)
    assert summary.startswith("Arrest")
    assert "Ministry of State Security" in summary  # normalised, not the article's word
    assert "Hyesan" in summary
    assert "2024-04-09" in summary
    assert summary.endswith(".")


# --- no incident ------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        # generic background and rhetorical questions
        "North Korea has been intensifying its efforts to control the population. "
        "Who would dare to defect under such conditions? Why would anyone risk smuggling now?",
        "How long can the regime keep the border closed? Nobody in Hyesan knows.",
        # negated acts
        "The soldier did not defect, the source said. He returned to his unit the next day.",
        # a hypothetical
        "Residents would defect if the border reopened, the source said.",
        # habits
        "Smugglers usually bribe the border guards. North Koreans often cross the river in winter.",
    ],
)
def test_no_incident(extract, text):
    _, incidents = extract(text)
    assert [(i.event_type, i.evidence[0].text) for i in incidents] == []


def test_planned_act_without_date_or_place_is_not_an_incident(extract):
    _, incidents = extract("The authorities vowed to crack down on smuggling.")
    assert incidents == []


def test_records_carry_ontology_fields(extract):
    _, incidents = extract(DESERTION)
    record = of_type(incidents, "desertion")[0].to_dict()
    assert record["event_type"] == "desertion" and record["category"] == "movement"
    assert record["admin1_code"] == "KP-10"
    assert record["date_start"] == "2024-03-02" and record["time_precision"] == 1
    assert record["modality"] in ("asserted", "reported")
    assert record["id"]


# --- one record a day of a run of days (ACLED's atomic days) ----------------------------

RUN_OF_DAYS = (
    "From June 3rd to June 5th, North Korean troops clashed with South Korean soldiers near "
    "Samcheok, Gangwon Province, killing 7 soldiers and capturing 2, the military said."
)


def test_a_clash_over_a_run_of_days_is_one_record_a_day(extract):
    article, incidents = extract(RUN_OF_DAYS, published="2001-06-07")
    clashes = of_type(incidents, "armed_clash")
    assert [(c.time.start, c.time.end, c.time.precision) for c in clashes] == [
        (date(2001, 6, d), date(2001, 6, d), 1) for d in (3, 4, 5)
    ]
    assert {(c.episode.start, c.episode.end) for c in clashes} == {(date(2001, 6, 3), date(2001, 6, 5))}
    assert len({c.id for c in clashes}) == 3
    assert all(c.evidence == clashes[0].evidence for c in clashes)
    # the dead are divided among the days and add up to the text's count
    dead = [sum(q.value for q in c.quantities if q.kind == "fatalities") for c in clashes]
    assert dead == [3, 2, 2]
    assert "(day 2 of 3)" in clashes[1].summary


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        # a window in which it happened, not every day of it: as wide as it runs
        ("North Korean troops clashed with South Korean soldiers near Samcheok between June 3 and June 5.", 2),
        # a state over the days, not an act each day: not a by_day type; its days are told (day_run)
        ("From June 3 to June 5, the authorities closed the main market in Hoeryong.", 1),
        # one night across two dates, both told
        ("North Korean troops clashed with South Korean soldiers near Samcheok on the night of June 3-4.", 1),
        ("North Korean troops clashed with South Korean soldiers near Samcheok overnight June 3-4.", 1),
    ],
)
def test_windows_and_states_stay_one_record(extract, text, precision):
    article, incidents = extract(text, published="2001-06-07")
    assert len(incidents) == 1
    assert incidents[0].episode is None and incidents[0].time.precision == precision


def test_a_run_of_days_lent_by_another_sentence_is_not_split(extract):
    text = (
        "From June 3 to June 5, North Korean troops clashed with South Korean soldiers near Samcheok. "
        "North Korean artillery also shelled an island off the coast."
    )
    article, incidents = extract(text, published="2001-06-07")
    assert len(of_type(incidents, "armed_clash")) == 3
    [shelling] = of_type(incidents, "artillery_fire")
    assert shelling.episode is None


def test_an_act_counted_from_another_date(extract):
    text = (
        "Security officers arrested a smuggler in Hyesan on March 2, a source in Yanggang Province told Daily NK. "
        "Two days later, his brother deserted his army unit in Hyesan."
    )
    article, incidents = extract(text, published="2024-03-10")
    [desertion] = of_type(incidents, "desertion")
    assert (desertion.time.start, desertion.time.end, desertion.time.precision) == (date(2024, 3, 4), date(2024, 3, 4), 1)
    assert desertion.time.expression == "Two days later"


def test_a_paragraph_tells_one_sequence(extract):
    text = (
        "Border guards in Hoeryong shot a man dead on the Tumen River this month, a source in North Hamgyong Province told Daily NK.\n\n"
        "The shooting took place on the 9th, according to the source. Two residents tried to cross the river at night. "
        "Guards opened fire without warning. His companion, a woman, was detained on the spot.\n\n"
        "Since January, soldiers have been building a second fence along the river in Hoeryong."
    )
    article, incidents = extract(text, published="2025-03-21")
    [shooting] = of_type(incidents, "attack")
    assert (shooting.time.start, shooting.time.end) == (date(2025, 3, 9), date(2025, 3, 9))  # "the shooting" names it again
    [detained] = of_type(incidents, "arrest")
    assert (detained.time.start, detained.time.end) == (date(2025, 3, 9), date(2025, 3, 9))


def test_a_launch_told_again_by_a_pronoun(extract):
    text = (
        "North Korea launched two ballistic missiles into the East Sea on Monday, the military said. "
        "They were fired from Hwangju County in North Hwanghae Province."
    )
    article, incidents = extract(text, published="2026-03-10", outlet="Yonhap")
    [launch] = of_type(incidents, "missile_launch")
    assert (launch.location.admin2, launch.location.admin1_code) == ("Hwangju", "KP-06")
    assert len(launch.evidence) == 2


def test_the_next_sentence_says_where_on_the_line(extract):
    text = (
        "About 20 North Korean soldiers briefly crossed the military demarcation line on Monday, the military said. "
        "The soldiers came about 30 meters south of the line near Cheorwon, Gangwon Province.\n\n"
        "They returned north after warning shots, officials said."
    )
    article, incidents = extract(text, published="2025-06-17", outlet="Yonhap")
    [crossing] = of_type(incidents, "incursion")
    assert (crossing.location.admin2, crossing.location.admin1_code, crossing.location.geo_precision) == ("Cheorwon", "KR-42", 2)


def test_a_next_sentence_with_an_act_of_its_own_keeps_its_place(extract):
    text = (
        "North Korean soldiers crossed the military demarcation line on Monday, the military said. "
        "Separately, police arrested two smugglers in Hyesan."
    )
    article, incidents = extract(text, published="2025-06-17", outlet="Yonhap")
    [crossing] = of_type(incidents, "incursion")
    assert crossing.location.admin1_code is None


@pytest.mark.parametrize(
    "text, event_type, admin1_code",
    [
        # a launch site is stated or unknown: never the next sentence's town
        ("North Korea fired a ballistic missile into the East Sea on Monday, the military said. "
         "The South Korean military remains on alert in Seoul.", "missile_launch", None),
        # a country is not a line between the Koreas
        ("A North Korean woman was arrested in China on Monday, a source told Daily NK. "
         "She is originally from Hyesan.", "arrest", None),
    ],
)
def test_only_acts_on_a_line_take_the_next_sentences_town(extract, text, event_type, admin1_code):
    article, incidents = extract(text + " " + " ".join(["Officials gave no further details."] * 6),
                                 published="2025-06-17", outlet="Yonhap")
    [incident] = of_type(incidents, event_type)
    assert incident.location.admin1_code == admin1_code


# --- history the report recalls ------------------------------------------------------

RECALLED = (  # longer than a wire brief, whose later sentences are marked background anyway
    "North Korean soldiers fired on a fishing boat near the border on Monday, the South's military said. "
    "The boat returned to port with two crew members hurt. "
    "The military said it was investigating. "
    "Fishing in the area was suspended for the day. "
    "The ministry protested through the liaison channel. "
    "Residents of the island were told to stay indoors. "
    "On June 3, 2015, guards killed two fishermen near the same island, the ministry recalled."
)


def test_an_act_dated_years_before_the_report_is_history_not_news(extract):
    _, incidents = extract(RECALLED, published="2024-03-10")
    assert [i.time.start for i in of_type(incidents, "attack")] == [date(2024, 3, 4)]
    # the same act told in the lead is the news, however old its date
    _, lead = extract("North Korean guards killed two fishermen near the island on June 3, 2015, the ministry said.",
                      published="2024-03-10")
    assert [i.time.start for i in of_type(lead, "attack")] == [date(2015, 6, 3)]


# --- what an article without an act costs ----------------------------------------------

def test_the_date_rules_read_only_an_article_with_an_act(extract, monkeypatch):
    """The date rules' scan, the costliest step, runs once a sentence has a trigger: an article
    with none (most of a state outlet's) gives no record without it."""
    from yalu import dates

    scanned = []
    find_dates = dates.find_dates
    monkeypatch.setattr(dates, "find_dates", lambda *a, **k: scanned.append(1) or find_dates(*a, **k))
    article, incidents = extract("Farmers of Ryongchon County finished the wheat harvest on June 20, KCNA said.")
    assert incidents == [] and scanned == []
    article, incidents = extract("Guards arrested two smugglers in Hyesan on June 20, a source told Daily NK.")
    assert of_type(incidents, "arrest") and scanned == [1]
    assert of_type(incidents, "arrest")[0].to_dict()["date_start"].endswith("-06-20")  # read, once


def test_the_places_are_found_only_for_an_article_with_an_act(extract, monkeypatch):
    """The geoparser reads an article once a trigger's rules ask for place tags or a trigger
    fires: a report of a harvest asks none."""
    from yalu.places.geoparse import Geoparser

    found = []
    mentions = Geoparser.mentions
    monkeypatch.setattr(Geoparser, "mentions", lambda self, *a: found.append(1) or mentions(self, *a))
    article, incidents = extract("Farmers of Ryongchon County finished the wheat harvest on June 20, KCNA said.")
    assert incidents == [] and found == []
    article, incidents = extract("Guards arrested two smugglers in Hyesan on June 20, a source told Daily NK.")
    assert of_type(incidents, "arrest")[0].to_dict()["admin1"] == "Ryanggang" and found == [1]
