"""Issue 10, over-merging: acts of one type that the report tells apart are separate
records (yalu/extract/clustering.py, rules cluster.another, cluster.another_case, cluster.named_day, cluster.named_month,
cluster.doer_country, cluster.agent_country, cluster.dated_look_back and cluster.market_survey; data/triggers.toml kinds
and term_kinds), and
an act told twice stays one."""

import pytest


@pytest.fixture(scope="module")
def extract(read_with_rules):
    return lambda text, published="2024-03-12": read_with_rules(text, published=published, outlet="Yonhap")[1]


def texts(incidents, event_type):
    return [i.evidence[0].text.strip() for i in incidents if i.event_type == event_type]


def test_acts_done_also_or_again_after_a_dated_one_are_other_incidents(extract):
    incidents = extract(
        "Three North Korean fishing boats crossed the Northern Limit Line twice on Monday, "
        "the Joint Chiefs of Staff said.\n\n"
        "The boats crossed the NLL around 6 a.m. and went back after warning shots.\n\n"
        "Around noon, a North Korean patrol boat also crossed the NLL to guard the fishing boats.\n\n"
        "An hour later, the three fishing boats again crossed the NLL.")
    crossings = texts(incidents, "incursion")
    assert len(crossings) == 3, crossings
    assert crossings[1].startswith("Around noon") and crossings[2].startswith("An hour later")


def test_in_another_case_starts_a_new_incident_that_a_back_reference_joins(extract):
    """cluster.another, then cluster.nearest: "the arrest" is the latest one told."""
    incidents = extract(
        "On the 4th, police arrested a smuggler in Kimchaek, a source in North Hamgyong Province told Daily NK.\n\n"
        "In another case, police arrested a border guard, the source said.\n\n"
        "The arrest caused fear among the guards, the source added.")
    arrests = [i for i in incidents if i.event_type == "arrest"]
    assert len(arrests) == 2, texts(incidents, "arrest")
    assert [len(i.evidence) for i in arrests] == [1, 2]
    assert arrests[1].evidence[1].text.startswith("The arrest caused fear")


def test_one_more_than_an_undated_act_is_the_story_compared_with_the_past(extract):
    """"another lockdown" in a lead that retells the headline's lockdown is that lockdown."""
    incidents = extract(
        "Authorities have locked down the city of Hyesan, a source in Ryanggang Province told Daily NK.\n\n"
        "The source said the government put Hyesan under another lockdown for 20 days.")
    assert len(texts(incidents, "lockdown")) == 1, texts(incidents, "lockdown")


def test_one_more_with_a_date_of_its_own_after_an_undated_act_is_another_incident(extract):
    """cluster.another: "also" with its own day is a further act, not the story's act again."""
    incidents = extract(
        "Two smugglers were arrested in Manpo, a source in Chagang Province told Daily NK.\n\n"
        "Also, a soldier was arrested in Manpo on March 3 for selling fuel, the source said.")
    assert len(texts(incidents, "arrest")) == 2, texts(incidents, "arrest")


def test_one_more_without_a_date_or_in_the_same_sentence_joins(extract):
    """Near misses: "again" with no date of its own is the story's act compared with the past,
    and so is "another lockdown" with a date (a lead's lockdown told again); a date in the
    sentence that tells the act is that act's."""
    for text in (
        "Authorities have placed the city of Hyesan under a lockdown, a source in Ryanggang Province told Daily NK.\n\n"
        "The government put Hyesan under another lockdown from 5 p.m. on Friday, the source said.",
        "Authorities have locked down the city of Hyesan, a source in Ryanggang Province told Daily NK.\n\n"
        "The source said the government again locked down Hyesan because of fever cases.",
        "Authorities locked down Hyesan and on March 3 also locked down its outskirts, a source told Daily NK.",
    ):
        incidents = extract(text)
        assert len(texts(incidents, "lockdown")) == 1, texts(incidents, "lockdown")


def test_acts_on_different_named_days_are_different_incidents_even_unresolved(extract):
    """Without a publication date "on the 9th" resolves to no day, yet tells two acts apart."""
    incidents = extract(
        "South Korean coast guards rescued two North Korean fishermen on the 9th, a government official said.\n\n"
        "On the 17th, four more North Korean fishermen were rescued from a sinking boat near Ulleungdo.",
        published=None)
    assert len(texts(incidents, "other")) == 2, texts(incidents, "other")


@pytest.mark.parametrize(
    "text, published, event_type, count",
    [
        # cluster.named_month: without a publication date "in October" and "in May" resolve
        # to no day, yet tell two collapses apart; a resolved day in another month does too
        ("A dormitory under construction in Chongjin collapsed in October, killing 12 workers, a source said.\n\n"
         "In May, a school building also collapsed in Chongjin, the source added.", None, "disaster", 2),
        ("Two officials of the Chongjin city committee were executed on November 12, a source said.\n\n"
         "On December 8, 2013, the Chongjin city committee's secretary was executed, the source added.",
         None, "punishment", 2),
        # kinds of lockdown (data/triggers.toml): the sick quarantined and the flights halted
        # are two measures; the city locked down names no kind and joins them
        ("Authorities in Sinuiju have quarantined residents with fever for two weeks, a source told Daily NK.\n\n"
         "Flights in and out of the country have been halted since March 3, the source added.",
         "2024-03-12", "lockdown", 2),
        ("Authorities have locked down Sinuiju, a source told Daily NK.\n\n"
         "Residents of Sinuiju were quarantined at home during the lockdown, the source added.",
         "2024-03-12", "lockdown", 1),
        # a purge is a removal from office (data/triggers.toml): the minister's purge and his
        # deputies' execution are two punishments; the purge told again is one
        ("The regime purged the railway minister last month, a source in Pyongyang told Daily NK.\n\n"
         "Four of his deputies were executed by firing squad, the source added.",
         "2024-03-12", "punishment", 2),
        ("The regime purged the railway minister last month, a source in Pyongyang told Daily NK.\n\n"
         "The purge of the minister has frightened officials in the capital, the source added.",
         "2024-03-12", "punishment", 1),
    ],
)
def test_acts_told_apart_by_their_months_or_kinds(extract, text, published, event_type, count):
    incidents = extract(text, published=published)
    assert len(texts(incidents, event_type)) == count, texts(incidents, event_type)


def test_the_same_act_told_twice_stays_one(extract):
    for text in (
        "Three North Korean fishing boats crossed the Northern Limit Line on Monday, the Joint Chiefs of "
        "Staff said.\n\nThe boats crossed the NLL around 6 a.m. and went back after warning shots.",
        "South Korean coast guards rescued two North Korean fishermen on the 9th, a government official said.\n\n"
        "The two fishermen were rescued near Ulleungdo on the 9th after their engine failed.",
        # cluster.named_month: the same month named twice
        "A dormitory under construction in Chongjin collapsed in October, killing 12 workers, a source said.\n\n"
        "The collapse in October was blamed on poor cement, the source added.",
    ):
        incidents = extract(text, published=None)
        assert len(incidents) == len({i.event_type for i in incidents}), [(i.event_type, i.evidence[0].text) for i in incidents]


def test_acts_in_two_districts_of_one_city_are_two_incidents(extract):
    """cluster.within_county: Sunam and Pohang are districts of Chongjin, one county."""
    incidents = extract(
        "Military officials in Chongjin are taking bribes from the parents of new recruits, "
        "a source in North Hamgyong Province told Daily NK.\n\n"
        "A resident of Sunam district in Chongjin paid a bribe of $300 to an official, the source said.\n\n"
        "A resident of Pohang district in Chongjin paid a bribe of $500 to have his son posted to Pyongyang.")
    bribes = [i for i in incidents if i.event_type == "bribery"]
    assert [[e.text.split()[3] for e in i.evidence[1:]] for i in bribes] == [["Sunam"], []], texts(incidents, "bribery")
    assert bribes[1].evidence[0].text.startswith("A resident of Pohang")


def test_a_district_and_its_city_are_one_place(extract):
    incidents = extract(
        "A resident of Sunam district in Chongjin paid a bribe of $300 to an official, "
        "a source in North Hamgyong Province told Daily NK.\n\n"
        "The bribe was paid to a mobilization official in Chongjin, the source said.")
    assert len(texts(incidents, "bribery")) == 1, texts(incidents, "bribery")


@pytest.mark.parametrize(
    "expression, months",
    [("in October", {10}), ("on Sept. 3", {9}), ("in May and June", {5, 6}),
     # cluster.named_month reads the month names of data/dates.toml, not any word that
     # begins like one: "a decade ago" names no December, "separately" no September
     ("a decade ago", set()), ("in recent decades", set()), ("separately", set())],
)
def test_the_months_an_unresolved_date_names(expression, months):
    from types import SimpleNamespace

    from yalu.extract.clustering import _named_months
    from yalu.model import TimeSpan

    m = SimpleNamespace(time=TimeSpan(None, None, 4, expression), time_inherited=False)
    found = _named_months(m)  # type: ignore[arg-type]
    assert (set(found.numbers) if found else set()) == months
    assert found is None or not found.resolved


BALLOONS = "North Korea flew about 300 balloons carrying trash into South Korea on Sunday, the Joint Chiefs of Staff said.\n\n"
FLIGHT = ("A North Korean soldier fled across the Tumen River into China on the night of June 2, "
          "a source in North Hamgyong Province told Daily NK.\n\n"
          "Chinese border guards caught the soldier two days later near Tumen.\n\n")


@pytest.mark.parametrize(
    "text, event_type, count",
    [
        # cluster.doer_country: balloons from the South are not the North's launch
        (BALLOONS + "Kim Yo Jong said that 30 balloons carrying leaflets from South Korea had been found across the North.",
         "incursion", 2),
        # the North's balloons told again, as the doer or where they came from: one launch
        (BALLOONS + "The trash balloons from North Korea landed across South Korea, the military said.", "incursion", 1),
        (BALLOONS + "The military said North Korea sent the balloons to protest leaflets.", "incursion", 1),
        # cluster.agent_country: an arrest by China's forces and one by the North's are two acts
        (FLIGHT + "The Ministry of State Security then arrested the soldier's parents in Onsong County.", "arrest", 2),
        # near misses: the same country's forces, or an arrest told with no force named
        (FLIGHT + "The Chinese police arrested him in a village near the river, the source said.", "arrest", 1),
        (FLIGHT + "He was arrested in a village near the river, the source said.", "arrest", 1),
    ],
)
def test_acts_of_two_countries_are_two_incidents(extract, text, event_type, count):
    assert len(texts(extract(text, published="2024-06-12"), event_type)) == count



def test_an_economy_is_no_doer(extract):
    """cluster.doer_country reads military acts only: "North Korea's exchange rates" and
    "imports from China" name no doer of one rise of prices."""
    incidents = extract(
        "North Korea's exchange rates have risen sharply this month, a source told Daily NK.\n\n"
        "Prices rose as rice imports from China dropped, the source said.")
    assert len(texts(incidents, "economic_measure")) == 1, texts(incidents, "economic_measure")


@pytest.mark.parametrize(
    "text, count",
    [
        # cluster.other_victims: a named minister's purge and seven officials' dismissal; a
        # lone official's execution and five deputies'; a named official and a man brought in fresh
        ("The regime purged Minister Ri Chol Su last month, a source in Pyongyang told Daily NK.\n\n"
         "Seven officials in Kangwon Province have been dismissed under the order, the source added.", 2),
        ("A senior official of the provincial committee was executed last month, a source told Daily NK.\n\n"
         "Five deputy officials who worked under him were executed by firing squad, the source said.", 2),
        ("Reports spread that Ri Chol Su, a railway official, had been executed, a source told Daily NK.\n\n"
         "Another group reported that a man was executed in Onsong for using a Chinese phone.", 2),
        ("Police arrested 12 smugglers in Hyesan, a source in Ryanggang Province told Daily NK.\n\n"
         "Police arrested three border guards in Hyesan, the source added.", 2),
        # others counted, after people the words do not read ("they")
        ("They were sentenced to ten years of hard labor at a trial in Hyesan, a source told Daily NK.\n\n"
         "Six others were sentenced to five years of hard labor, the source said.", 2),
        ("They were arrested at the Hyesan market last week, a source told Daily NK.\n\n"
         "Two other traders were arrested at the market, the source said.", 2),
        # data/actors.toml people: four dealers, then a named man
        ("Chinese police arrested four drug dealers in Dandong last month, the paper reported.\n\n"
         "Police arrested Ri Chol Su in Dandong after a stakeout, the paper said.", 2),
        # a role told alone is one person (data/actors.toml people): the head and four managers
        ("The former head of the Hyesan customs office was executed last month, a source told Daily NK.\n\n"
         "Four managers who worked under him were executed by firing squad, the source said.", 2),
        # several of no count and one not named among them; people joined and one not among them
        ("The director of the trading company was executed at a public trial, a source told Daily NK.\n\n"
         "The ringleaders of the copper smuggling ring were executed in Hyesan, the source said.", 2),
        ("The head of the Onsong school was sent to a labor camp, a source told Daily NK.\n\n"
         "Pak and his two sons were sent to a labor camp near Onsong, the source said.", 2),
        # whom a trial was put on: a doctor, then four traders
        ("A doctor was put on public trial in Onsong last week, a source told Daily NK.\n\n"
         "Four traders who sold his medicine were put on public trial in Onsong, the source said.", 2),
        # in one sentence, by whom each act was handed to
        ("The ringleaders were executed in Hyesan, while the trader who hid the gold was handed a prison "
         "sentence of ten years, a source told Daily NK.", 2),
        # near misses: the group told again, a rough count of it, a name after its lead
        ("Pak and his wife were sent to a labor camp near Onsong, a source told Daily NK.\n\n"
         "Pak was sent to the labor camp after a trial in Onsong, the source said.", 1),
        # a role told after a group may be one of it
        ("Three young men were put on public trial in Onsong for selling films, a source told Daily NK.\n\n"
         "The court sentenced the ringleader to a labor camp in Onsong for ten years, the source said.", 1),
        ("Three smugglers were arrested at the Hyesan market, a source told Daily NK.\n\n"
         "The smugglers were arrested while loading copper onto a truck, the source said.", 1),
        ("The head of the Onsong customs office was dismissed last week, a source told Daily NK.\n\n"
         "The head was dismissed after the inspection found bribes, the source said.", 1),
        ("The family of a broker was exiled to a farm in Onsong, a source told Daily NK.\n\n"
         "Five people were exiled to a farm in Onsong for the broker's crimes, the source said.", 1),
        ("Police arrested 12 smugglers in Hyesan, a source in Ryanggang Province told Daily NK.\n\n"
         "The 12 were arrested at a market in Hyesan, the source said.", 1),
        ("Police arrested some 35 defectors in Shenyang this month, the paper reported.\n\n"
         "Police in Shenyang have arrested more than 30 defectors since the beginning of the month.", 1),
        ("A senior railway official was executed last month, a source in Pyongyang told Daily NK.\n\n"
         "Ri Chol Su was executed by firing squad at a military academy, the source said.", 1),
        ("Minister Ri Chol Su was executed last month, a source in Pyongyang told Daily NK.\n\n"
         "Ri was executed by firing squad at a military academy, the source said.", 1),
        # "others" with no count may be anyone
        ("They were sentenced to ten years of hard labor at a trial in Hyesan, a source told Daily NK.\n\n"
         "Others were sentenced to five years of hard labor, the source said.", 1),
        # some of the group told: "Of the twenty, six were sentenced"
        ("Twenty people were sentenced for drug crimes at a public trial in Hoeryong, a source told Daily NK.\n\n"
         "“Of the twenty, six were sentenced to ten years of re-education through labor for drug offences, "
         "and the rest got three years,” he said.", 1),
    ],
)
def test_acts_done_to_other_people_are_other_incidents(extract, text, count):
    incidents = extract(text)
    acts = [i for i in incidents if i.event_type in ("punishment", "arrest")]
    assert len(acts) == count, [i.evidence[0].text for i in acts]


@pytest.mark.parametrize(
    "text",
    [
        # near misses of cluster.other_victims: "three North Koreans" are counted, not named;
        # "sentences of 13 years" counts years, not people
        "Three North Koreans were executed in Hyesan for watching dramas, a source told Daily NK.\n\n"
        "Last month, three residents were shot to death in Hyesan for watching dramas, the source said.",
        "The two young men were sent to a labor camp in Hoeryong, a source told Daily NK.\n\n"
        "After a trial in Hoeryong, they received sentences of 13 years of forced labor.",
    ],
)
def test_the_same_people_counted_or_named_otherwise_are_one_act(extract, text):
    acts = [i for i in extract(text) if i.event_type == "punishment"]
    assert len(acts) == 1, [i.evidence[0].text for i in acts]



def test_some_of_a_group_told_is_that_groups_act(extract):
    """cluster.other_victims: "one of them" is one of the two, not other people."""
    incidents = extract(
        "Two officials of the Hyesan city committee were executed last week, a source told Daily NK.\n\n"
        "One of them was executed in front of his former colleagues, the source said.")
    assert len(texts(incidents, "punishment")) == 1, texts(incidents, "punishment")


def test_one_more_price_is_the_same_market_report(extract):
    """cluster.one_report: "also" on a market's price (ontology.toml one_report, the market
    kind of triggers.toml) adds a commodity to the report, not an act; a measure still adds."""
    incidents = extract(
        "The price of rice at the Hyesan market rose sharply during February, a source told Daily NK.\n\n"
        "Corn has also risen at a similar rate, the source said.")
    assert len(texts(incidents, "economic_measure")) == 1, texts(incidents, "economic_measure")


@pytest.mark.parametrize(
    "text, count",
    [
        # cluster.other_victims on the doers (ontology.toml counted_doers): two groups of deserters
        ("Five soldiers of the 25th brigade in Ryanggang Province deserted last week, a source told Daily NK.\n\n"
         "Two soldiers of the 12th corps in Ryanggang Province abandoned their posts during the holiday, "
         "the source said.", 2),
        # near misses: the group told again, and some of it
        ("Five soldiers of the 25th brigade in Ryanggang Province deserted last week, a source told Daily NK.\n\n"
         "The five soldiers abandoned their posts during the night, the source said.", 1),
        ("Five soldiers of the 25th brigade in Ryanggang Province deserted last week, a source told Daily NK.\n\n"
         "Two of them abandoned their posts while on guard duty, the source said.", 1),
    ],
)
def test_acts_done_by_other_people_are_other_incidents(extract, text, count):
    acts = [i for i in extract(text) if i.event_type == "desertion"]
    assert len(acts) == count, [i.evidence[0].text for i in acts]


@pytest.mark.parametrize(
    "text, count",
    [
        # cluster.another on the verb's doers or sufferers: "another woman", "a second group"
        ("Police arrested a smuggler at the Hyesan market on the 4th, a source told Daily NK.\n\n"
         "Another woman was arrested at the market, the source said.", 2),
        ("Eight defectors were repatriated to Onsong on the 3rd, a source told Daily NK.\n\n"
         "A second group was repatriated to Onsong, another source said.", 2),
        # cluster.another_case: other people, or a case told apart, are one more act even when
        # the act told has no date of its own
        ("Chinese police detained six defectors and a broker in Changchun, an activist told Yonhap.\n\n"
         "Another group of four defectors was apprehended near the border with Vietnam, the activist said.", 2),
        ("The leaders of a reading club were sentenced to 12 years of hard labor, a source told Daily NK.\n\n"
         "In another case, two dancers were sentenced to 4 years for singing Southern songs, the source said.", 2),
        # near miss: the group told again
        ("Eight defectors were repatriated to Onsong on the 3rd, a source told Daily NK.\n\n"
         "The group was repatriated through the Namyang bridge, the source said.", 1),
    ],
)
def test_another_group_is_another_act(extract, text, count):
    acts = [i for i in extract(text) if i.event_type in ("arrest", "forced_repatriation", "punishment")]
    assert len(acts) == count, [i.evidence[0].text for i in acts]


# a longer report's middle, which tells no act: a short item's look back is background already
MIDDLE = ("Analysts in Seoul said the timing was telling. They noted the season. "
          "Some expected more to come. Others were less sure.\n\n")


@pytest.mark.parametrize(
    "text, count",
    [
        # cluster.dated_look_back: the lead's undated launch, and one dated three months before
        # the report told after the lead
        ("North Korea fired a new cruise missile into the East Sea, the Joint Chiefs of Staff said.\n\n"
         "The launch came as South Korean and US forces held a drill, the JCS said.\n\n"
         "Officials said the missile launch showed progress in the weapons program.\n\n" + MIDDLE +
         "In December, the North fired two short-range ballistic missiles from Hamhung.", 2),
        # near misses: a date within a month of the report, and the person the lead named
        ("North Korea fired a new cruise missile into the East Sea, the Joint Chiefs of Staff said.\n\n"
         "The launch came as South Korean and US forces held a drill, the JCS said.\n\n"
         "Officials said the missile launch showed progress in the weapons program.\n\n" + MIDDLE +
         "The North fired the missile on March 3 from Hamhung, the JCS said.", 1),
        ("North Korea executed Ri Chol Su, a senior railway official, a source told Daily NK.\n\n"
         "The execution caused fear among railway workers, the source said.\n\n"
         "Officials said the execution was meant as a warning to cadres.\n\n" + MIDDLE +
         "Ri Chol Su was executed in December at a military academy, the source said.", 1),
    ],
)
def test_an_act_dated_a_month_before_the_report_is_not_the_leads_undated_act(extract, text, count):
    acts = [i for i in extract(text) if i.event_type in ("missile_launch", "punishment")]
    assert len(acts) == count, [[e.text for e in i.evidence] for i in acts]


@pytest.mark.parametrize(
    "text, count",
    [
        # triggers.toml term_kinds: a sentence to death and one to ten years of labor
        ("A smuggler of South Korean films was sentenced to death, a source in Ryanggang Province "
         "told Daily NK.\n\n"
         "A student who bought the films was sentenced to ten years of hard labor, the source said.", 2),
        ("A smuggler of South Korean films was sentenced to death, a source in Ryanggang Province "
         "told Daily NK.\n\n"
         "A student who bought the films received a life sentence, the source said.", 2),
        # near misses: a term tells sentences apart, not a sentence from the act its word names;
        # a sentence only asked for names no kind
        ("A smuggler of South Korean films was sentenced to ten years of hard labor, a source in "
         "Ryanggang Province told Daily NK.\n\n"
         "The smuggler was imprisoned at a camp in Hoeryong, the source said.", 1),
        ("A smuggler of South Korean films was sentenced to ten years of hard labor, a source in "
         "Ryanggang Province told Daily NK.\n\n"
         "The prosecutor had demanded a death sentence, the source said.", 1),
    ],
)
def test_sentences_to_death_and_to_prison_are_two_acts(extract, text, count):
    acts = [i for i in extract(text) if i.event_type == "punishment"]
    assert len(acts) == count, [[e.text for e in i.evidence] for i in acts]


def test_a_survey_of_several_markets_tells_the_whole_market_apart(extract):
    """cluster.market_survey: prices told of no town in a survey of two towns' markets are the
    country's market, not the first town's."""
    incidents = extract(
        "Rice prices have fallen across the country, according to a regular survey of market prices.\n\n"
        "In Hyesan, the price of rice fell 6 percent to 6,300 won per kilogram.\n\n"
        "In Sinuiju, the price of rice fell 3 percent to 5,740 won per kilogram.")
    prices = [i for i in incidents if i.event_type == "economic_measure"]
    assert sorted(i.location.admin2 or "" for i in prices if not i.evidence[0].text.startswith("Rice")) == ["Hyesan", "Sinuiju"]
    assert len(prices) == 3, [[e.text for e in i.evidence] for i in prices]


def test_one_towns_market_stays_one_report(extract):
    """Near miss of cluster.market_survey: a report of one town's market."""
    incidents = extract(
        "Rice prices have risen sharply, a source in Ryanggang Province told Daily NK.\n\n"
        "In Hyesan, the price of rice rose 6 percent to 6,300 won per kilogram.")
    assert len(texts(incidents, "economic_measure")) == 1, texts(incidents, "economic_measure")


SHELLING = "North Korea fired about 150 artillery shells near Baengnyeong Island on Thursday morning, the JCS said.\n\n"


@pytest.mark.parametrize(
    "text, types",
    [
        # part_of.answered: the South's drill told as the answer to the North's shelling is
        # another act, and the shelling stays a shelling
        (SHELLING + "South Korean marines on the island held a firing drill in response that afternoon.",
         ["artillery_fire", "military_exercise"]),
        (SHELLING + "In retaliation, the South's marines staged a live-fire exercise near the island.",
         ["artillery_fire", "military_exercise"]),
        # near miss: shells fired in the drill the next sentence tells are that drill
        (SHELLING + "The North's coastal units held the firing drill for two hours, the JCS said.",
         ["military_exercise"]),
    ],
)
def test_a_drill_told_as_the_answer_to_a_shelling_is_another_act(extract, text, types):
    incidents = extract(text, published="2024-03-15")
    assert sorted(i.event_type for i in incidents if i.event_type in ("artillery_fire", "military_exercise")) == types


LAUNCH = "North Korea fired a short-range ballistic missile into the East Sea on Tuesday, the JCS said.\n\n"
REPATRIATION = ("Chinese authorities forcibly repatriated about 20 North Korean defectors from Dandong on Monday, "
                "a source told Daily NK.\n\n")


@pytest.mark.parametrize(
    "text, event_type, count",
    [
        # cluster.another: "also conducted a launch" after a dated launch is a further launch
        (LAUNCH + "The North also conducted a cruise missile launch from near Pyongyang, the JCS said.", "missile_launch", 2),
        # near misses: the launch told again; "also" on a reporting verb retells the act
        (LAUNCH + "The North conducted the launch from near Pyongyang, the JCS said.", "missile_launch", 1),
        (REPATRIATION + "A Seoul-based rights group also reported the repatriation on Tuesday.", "forced_repatriation", 1),
    ],
)
def test_also_on_the_verb_that_does_a_noun_trigger_is_one_more_act(extract, text, event_type, count):
    assert len(texts(extract(text), event_type)) == count, texts(extract(text), event_type)


def test_a_disaster_told_in_two_towns_keeps_its_whole_toll_apart(extract):
    """cluster.market_survey for a disaster (ontology.toml `surveyed`): floods its own clauses
    place in two towns make the words of no town the country's toll, a record beside the towns'."""
    incidents = extract(
        "Heavy rains have flooded large parts of North Korea, killing at least 15 people, state media said.\n\n"
        "The floods destroyed some 3,000 houses across the country.\n\n"
        "In Kaechon, about 800 houses were flooded when the river burst its banks.\n\n"
        "In Sinpo, roads and bridges were flooded.")
    floods = [[e.text.split(",")[0].strip() for e in i.evidence] for i in incidents if i.event_type == "disaster"]
    assert floods == [["Heavy rains have flooded large parts of North Korea", "The floods destroyed some 3"],
                      ["In Kaechon"], ["In Sinpo"]], floods


def test_a_disaster_told_in_one_town_stays_one(extract):
    """Near miss: a flood told of one town and of no town is one flood."""
    incidents = extract(
        "Heavy rains have flooded parts of North Korea, killing at least 15 people, state media said.\n\n"
        "In Kaechon, about 800 houses were flooded when the river burst its banks.")
    assert len(texts(incidents, "disaster")) == 1, texts(incidents, "disaster")

