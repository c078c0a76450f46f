"""Places that are in the text but not where the act happened, and how a record's place
is bounded (yalu/places/geoparse.py, yalu/extract/clustering.py): a wire's dateline
before its agency in brackets, a place left out ("excluding Pyongyang"), a trading
partner ("trade with China"), a place that only locates another ("north of the capital
Pyongyang"), a capital's possessive ("Seoul's dramas"), and a borrowed town outside the
province the act's own clause names.

Every sentence here is fictional, written in the style of AFP / RFA / Daily NK / AP
copy for these tests; none is real news.
"""

import pytest


def excluded(found, name):
    return next(m.excluded for m in found if m.text == name)


@pytest.mark.parametrize("head", ["by Staff Writers Seoul (AFP) Oct 3, 2019 ", "Seoul (Reuters) "])
def test_a_place_before_an_agency_in_brackets_is_its_dateline(mentions, head):
    _, found = mentions(head + "A soldier was shot dead by border guards after crossing the river.")
    assert excluded(found, "Seoul") == "dateline"


@pytest.mark.parametrize("text, name, why", [
    # where an organ or an official that speaks sits (place.speaker_seat)
    ("Nine North Koreans in a fishing boat crossed the sea border on Sunday, the defence ministry in Seoul said.",
     "Seoul", "source"),
    ("The agency cited a North Korean human rights official in Seoul who spoke on condition of anonymity.", "Seoul", "source"),
    ("Two traders were detained at the port, according to officials in Seoul.", "Seoul", "source"),
    ("Police in Dandong said they detained three North Korean women on Friday.", "Dandong", None),
    # one of context.toml's [speakers] seats, however the parser hangs it
    ("Guards shot a woman crossing the river near the border with China, an activist in Tokyo said.", "Tokyo", "source"),
    ("A researcher at a private institute in Tokyo said the camp had grown.", "Tokyo", "source"),
    # the venue where the news was told, abroad (context.toml [speakers] venues)
    ("The agency told a press conference in Bangkok that pigs had died on a farm in Kangwon Province.", "Bangkok", "source"),
    ("At a forum in Seoul on Monday, a defector said guards shot three people in Hoeryong.", "Seoul", "source"),
    ("The ministry told a press conference in Pyongyang that a spy had been caught.", "Pyongyang", None),
    ("A fire broke out at the conference hall in Seoul on Monday, killing two guards.", "Seoul", None),
    # "source" is no seat: the citation marks a source's home, which still places its story
    ("A source in Hyesan said the guards were replaced.", "Hyesan", None),
    # a seat sits only abroad or in the South: Daily NK cites people inside by their town
    ("A group of women in Hoeryong told Daily NK that guards beat a smuggler to death.", "Hoeryong", None),
    ("A trading organization in Sinuiju said its manager had been arrested for smuggling copper.", "Sinuiju", None),
    ("A smuggling group in Hyesan reported to police that two of its members had been arrested.", "Hyesan", None),
    # a capital abroad hung on the reporting verb (place.said_in); an act's own place stays
    ("A farmer was shot for stealing maize, a rights group said in Tokyo, citing witnesses.", "Tokyo", "source"),
    ("The group told reporters on Friday in Beijing that the family had been sent back.", "Beijing", "source"),
    ("Two North Korean agents were arrested in Seoul on Friday, prosecutors said.", "Seoul", None),
    ("A courier was caught in Hyesan, the source said in a phone call.", "Hyesan", None),
    # people of the story who speak where they are keep the place
    ("North Korean defectors were detained by Chinese police and said in Beijing that they would be sent back.",
     "Beijing", None),
    # up an organ's proper name to the one who speaks; not up a common noun
    ("A spokeswoman for the World Food Programme in Bangkok quoted officials as saying crops had failed.", "Bangkok", "source"),
    ("A spokesman for the police in Dandong said three women were detained.", "Dandong", None),
    # a place a long distance is counted from (place.far_from); near, or an origin, is a place
    ("The boat was drifting 200 kilometers away from the port of Sokcho.", "Sokcho", "locator"),
    ("Guards shot a man about 3 km away from Hyesan on Monday.", "Hyesan", None),
    # a capital abroad a compass bearing is taken from (place.compass_of); inside it, a town, or
    # Pyongyang, whose bounds reach far (geoparse keeps its first level only), stays
    ("Guards shot two men at a ford to the northwest of Seoul.", "Seoul", "locator"),
    ("A Chinese court sentenced three defectors held at a camp north of Beijing.", "Beijing", "locator"),
    ("Twelve workers died in the accident south of the capital Pyongyang on Friday.", "Pyongyang", None),
    # with a distance the point is placed (geoparse's offset), not struck out
    ("Guards shot two men at a ford 90 miles north of the capital Pyongyang.", "Pyongyang", None),
    ("A fire broke out in a market in the north of Pyongyang on Friday.", "Pyongyang", None),
    ("Guards shot a man at a ford north of Hyesan on Monday.", "Hyesan", None),
    ("The missile flew 780 km from Sunan before falling into the sea.", "Sunan", None),
    # a capital spoken against or to is its state (place.state_addressed); one visited is a place
    ("North Korea holds a Southern engineer for criticizing Pyongyang", "Pyongyang", "state"),
    ("The envoy warned Pyongyang against another launch on Monday.", "Pyongyang", "state"),
    ("The envoy visited Pyongyang on Monday.", "Pyongyang", None),
    # where someone is based, told after the noun (place.based): the same as "Seoul-based"
    ("Some residents have died of hunger, a newspaper based in Seoul reported on Monday.", "Seoul", "owner"),
    ("Good Friends, a support group based in Seoul, said a famine continued in Haeju.", "Seoul", "owner"),
    ("Seoul-based Daily NK said a famine continued in Haeju.", "Seoul", "owner"),
    ("Guards arrested a broker in Hyesan based on a tip from a neighbour.", "Hyesan", None),
    ("A source based in South Hamgyong Province said the market was closed.", "South Hamgyong Province", "owner"),
    # a capital opening the headline with a colon is whose word it gives (place.headline_voice)
    ("Tokyo: North Korea's two missile launches end in failure\nGuards fired on a boat.", "Tokyo", "state"),
    ("Musan: Guards arrest three smugglers at the river", "Musan", None),
    # two capitals joined before an active verb are the two states (place.capitals_acting)
    ("Trade collapsed when the outbreak began and Moscow and Pyongyang closed their border crossing.", "Pyongyang", "state"),
    ("Both Tokyo and Pyongyang were hit by heavy snow on Friday.", "Pyongyang", None),
    # a place that locates provinces named before it (place.locator)
    ("Dozens died of hunger in North and South Pyongan provinces, north of Pyongyang, the capital.", "Pyongyang", "locator"),
    # a soldier's or a unit's base is where it acts (place.unit_base)
    ("The young sentry, based in Musan County, crossed the Tumen River on Sunday night.", "Musan County", None),
    ("Three soldiers from the 9th brigade based in Chagang Province slipped across the Yalu.", "Chagang Province", None),
    ("A Sinuiju-based guard unit sold its rations to smugglers.", "Sinuiju", None),
])
def test_a_speakers_seat_or_base_a_far_reference_and_a_state_addressed_are_no_place_of_the_story(mentions, text, name, why):
    _, found = mentions(text)
    assert excluded(found, name) == why


@pytest.mark.parametrize("text", [
    "(Seoul) – China should release the eight North Koreans detained in Shenyang, the group said today.",
    "Human Rights Release\n(Seoul) - China should release the eight North Koreans detained in Shenyang.",
])
def test_a_place_in_brackets_opening_a_release_is_its_dateline(mentions, text):
    # place.bracket_dateline
    _, found = mentions(text)
    assert excluded(found, "Seoul") == "dateline"
    assert excluded(found, "Shenyang") is None


def test_a_place_in_brackets_inside_a_sentence_is_a_place(mentions):
    _, found = mentions("Guards detained a woman in the border city (Hyesan) – the source said on Monday.")
    assert excluded(found, "Hyesan") is None


def test_a_place_in_brackets_later_in_the_story_is_no_dateline(mentions):
    filler = "Prices rose again in the markets this week, traders said. " * 12
    _, found = mentions(filler + "Guards fired on a man near Hyesan (NK) on Monday.")
    assert excluded(found, "Hyesan") is None


@pytest.mark.parametrize("cue", ["excluding", "except", "other than", "apart from"])
def test_a_place_left_out_is_not_the_place(mentions, where, cue):
    text = f"Some 60 people were publicly executed last month in six cities {cue} Pyongyang."
    _, found = mentions(text)
    assert excluded(found, "Pyongyang") == "excepted"
    assert where(text, "executed", "punishment") is None


def test_a_trading_partner_is_not_where_the_act_happened(where):
    text = "The city was sealed off after smuggling with China was uncovered in Hyesan."
    loc = where(text, "sealed", "lockdown")
    assert (loc.admin1_code, loc.admin2) == ("KP-10", "Hyesan")
    assert where("Prices surged as trade with China resumed.", "surged", "economic_measure") is None


@pytest.mark.parametrize("locator", ["north of the capital Pyongyang", "near Pyongyang", "northeast of Pyongyang",
                                     "near the North Korean capital Pyongyang"])
def test_a_place_that_locates_another_is_not_a_place_of_the_story(mentions, locator):
    text = f"Students were searched after every shift, a resident of South Pyongan province, {locator}, said."
    _, found = mentions(text, sources=["a resident of South Pyongan province"])
    assert excluded(found, "Pyongyang") == "locator"


def test_a_second_place_of_a_list_locates_nothing(mentions):
    _, found = mentions("Arrests were made in Hoeryong, Musan and Onsong last week.")
    assert all(m.excluded is None for m in found)


@pytest.mark.parametrize("phrase, state", [("Seoul's latest dramas", "kr.seoul"), ("Beijing's strict quarantine", "cn.beijing")])
def test_a_capital_that_owns_a_thing_is_its_state(mentions, phrase, state):
    _, found = mentions(f"Residents were caught watching {phrase} on smuggled phones.")
    [m] = [m for m in found if m.place.id == state]
    assert m.excluded == "state"


@pytest.mark.parametrize("phrase", ["Pyongyang's streets", "Pyongyang's rainfall"])
def test_a_capital_whose_streets_or_weather_are_told_is_a_place(mentions, phrase):
    _, found = mentions(f"Floods swept through {phrase} on Sunday.")
    [m] = [m for m in found if m.place.id == "kp.pyongyang"]
    assert m.excluded is None


def test_a_borrowed_town_never_leaves_the_province_the_act_names(read_with_rules):
    text = (
        "Eight miners died when a tunnel collapsed in January, state media said on Monday, "
        "in a rare admission of a deadly accident.\n\n"
        "In 2015, officials apologised for the collapse of an apartment block in Pyongyang, the capital.\n\n"
        "The newspaper said the accident at the mine in South Hwanghae province was the worst in its history.\n\n"
        "Market prices have been unstable since the start of the year. Many families now skip meals, the "
        "source added. Officials have not commented on the situation. Similar reports have come from other "
        "regions. Prices are expected to rise again before the harvest. Some traders have stopped travelling."
    )
    _, incidents = read_with_rules(text, published="2024-03-10", outlet="Associated Press")
    [mine] = [i for i in incidents if i.event_type == "disaster" and "tunnel" in i.evidence[0].text]
    # the first sentence borrows the article's Pyongyang (named by the 2015 sentence, history,
    # whose act is no article focus since session 24); the mine's own province bounds it
    assert "place.article_named" in mine.evidence[0].rules
    assert (mine.location.admin1_code, mine.location.admin2) == ("KP-05", None)


FILLER = (
    "\n\nMarket prices have been unstable since the start of the year. Many families now skip meals, "
    "the source added. Officials have not commented on the situation. Similar reports have come from "
    "other regions. Prices are expected to rise again before the harvest. Some traders have stopped travelling."
)


HUNT = "Security agents arrested three users of Chinese phones in North Hamgyong Province, a source told Daily NK.\n\n"


@pytest.mark.parametrize("second, admin2", [
    # the one town the article tells of in the province
    ("Signal detection teams are searching homes in Musan County to track the callers down.", "Musan"),
    # two towns there: the province stays
    ("Signal detection teams are searching homes in Musan County and in Hoeryong.", None),
    # a town in another province refines nothing
    ("Signal detection teams are searching homes in Hyesan as well.", None),
    # nor does a town someone came from, next to the town of the story
    ("Teams searching homes in Musan County were joined by experts from Chongjin.", "Musan"),
])
def test_an_act_placed_in_a_province_is_in_the_one_town_the_article_names_there(read_with_rules, second, admin2):
    _, incidents = read_with_rules(HUNT + second + FILLER)
    [hunt] = [i for i in incidents if i.event_type == "arrest"]
    assert (hunt.location.admin1_code, hunt.location.admin2) == ("KP-09", admin2)
    assert ("place.article_town" in hunt.evidence[0].rules) == (admin2 is not None)


def test_with_no_other_town_a_source_living_in_the_province_places_the_act(read_with_rules):
    text = (
        "Authorities are investigating residents in Ryanggang Province who ignored a labour order, "
        "a source in Kim Jong Suk County told Daily NK." + FILLER
    )
    _, incidents = read_with_rules(text)
    [probe] = [i for i in incidents if "investigating" in i.evidence[0].text]
    assert (probe.location.admin1_code, probe.location.admin2) == ("KP-10", "Kim Jong Suk")


@pytest.mark.parametrize("first, where", [
    # the article's town inside North Korea
    ("Two smugglers were arrested in Manpo last week, a source in Chagang Province told Daily NK.", ("KP-04", "Manpho")),
    # a town in China lends nothing to an act the text places in North Korea
    ("Two smugglers were arrested in Dandong last week, a trader told Daily NK.", (None, None)),
])
def test_an_act_placed_only_in_north_korea_takes_the_article_place_there(read_with_rules, first, where):
    text = first + "\n\nA man was publicly executed in North Korea for selling copper wire, the source said." + FILLER
    _, incidents = read_with_rules(text)
    [execution] = [i for i in incidents if i.event_type == "punishment"]
    assert execution.location.country == "KP"
    assert (execution.location.admin1_code, execution.location.admin2) == where
    assert ("place.within_country" in execution.evidence[0].rules) == (where[0] is not None)


@pytest.mark.parametrize("late, admin2", [
    # the one town of the province, named only near the end (place.article_town)
    ("Her family still runs a stall at the market in Hyesan, the source added.", "Hyesan"),
    # two towns there: the province stays
    ("Her family still runs stalls at the markets in Hyesan and in Samjiyon.", None),
    # a town in another province refines nothing
    ("Her family still runs a stall at the market in Musan, the source added.", None),
])
@pytest.mark.parametrize("lead", [
    # placed only in North Korea, lent the province of the source (place.within_country)
    "A woman was publicly executed in North Korea for selling copper wire, a source in Ryanggang Province told Daily NK.",
    # placed in the province by its own clause
    "A woman was publicly executed in Ryanggang Province for selling copper wire, a source told Daily NK.",
    # placed nowhere, lent the province the article names next (place.article_named)
    "A woman was publicly executed for selling copper wire, a source told Daily NK.\n\n"
    "Markets in Ryanggang Province have been quiet since the spring.",
])
def test_an_act_lent_only_a_province_is_in_the_one_town_the_article_names_there(read_with_rules, lead, late, admin2):
    _, incidents = read_with_rules(lead + FILLER + FILLER + "\n\n" + late)
    [execution] = [i for i in incidents if i.event_type == "punishment"]
    assert (execution.location.admin1_code, execution.location.admin2) == ("KP-10", admin2)
    assert ("place.article_town" in execution.evidence[0].rules) == (admin2 is not None)


def test_an_act_a_dated_caption_shows_is_no_article_focus(read_with_rules):
    # place.caption_focus: the picture of a rally abroad places none of the story's acts
    text = (
        "Defectors shout slogans outside the Chinese embassy in Tokyo demanding that Beijing drop plans to "
        "repatriate North Korean refugees, Feb. 3, 2015.\n\n"
        "Chinese police have arrested six North Korean women and their broker, a source told RFA." + FILLER
    )
    _, incidents = read_with_rules(text)
    [arrest] = [i for i in incidents if i.event_type == "arrest"]
    assert arrest.location.admin1_code != "JP-13"


@pytest.mark.parametrize("credit, admin2", [
    (" in late September. (ASIAPRESS)", None),
    (" in late September.", "Sakju"),
    # a credit after a bar, as the Japan Times' galleries print it
    (" in late September. | AFP-JIJI", None),
    # a line that ends on the day the picture was taken (place.caption_dated)
    (", Sept. 21, 2019.", None),
])
def test_a_line_ending_on_a_credit_is_a_caption_and_lends_no_place(read_with_rules, credit, admin2):
    text = (
        "Farmers bring in the maize. Taken on the far bank across from Sakju County" + credit + "\n\n"
        "Inspection teams have detained a farm official over missing grain, a source told Daily NK." + FILLER
    )
    _, incidents = read_with_rules(text)
    [arrest] = [i for i in incidents if i.event_type == "arrest"]
    assert arrest.location.admin2 == admin2


@pytest.mark.parametrize("text, admin2", [
    # where a person lives is second to the place the clause gives the act
    ("Police at Musan Station detained a Chongjin resident on Tuesday.", "Musan"),
    ("Police detained a resident of Chongjin at Musan Station on Tuesday.", "Musan"),
    # alone, it still places the act
    ("Police detained a Chongjin resident on Tuesday.", "Chongjin"),
])
def test_a_persons_home_is_second_to_the_acts_place(where, text, admin2):
    assert where(text, "detained", "arrest").admin2 == admin2


@pytest.mark.parametrize("text, admin2", [
    # place.went_from_home: the town the people went to, not the home they left
    ("Three smugglers from Kaechon County were arrested after slipping into Hoeryong on Monday.", "Hoeryong"),
    ("Two Musan residents were detained after travelling to Hyesan last week.", "Hyesan"),
    # a country they went to is no town: the home stays
    ("Two Musan residents were detained after fleeing to China last week.", "Musan"),
    # a journey is no people: where it set out is no home
    ("Police detained the driver during a journey from Sinuiju to Hyesan.", "Sinuiju"),
])
def test_people_arrested_where_they_went_not_at_home(where, text, admin2):
    verb = "detained" if "detained" in text else "arrested"
    assert where(text, verb, "arrest").admin2 == admin2


@pytest.mark.parametrize("text, verb, where_", [
    # place.arrived_south: a defection across the line is placed where it reached the South
    ("The soldier crossed into Yanggu County on the east coast and was taken into custody by South Korean guards.",
     "crossed", ("KR-42", "Yanggu")),
    ("A North Korean man swam to Gyodong Island in Ganghwa County and defected.", "defected", ("KR-28", "Ganghwa")),
    # not the South's capital a defector lives in, nor a Chinese county reached (place.origin)
    ("She defected to Seoul in 2012.", "defected", None),
    ("Two guards defected into Changbai from Hyesan on Monday.", "defected", ("KP-10", "Hyesan")),
])
def test_a_defection_to_the_south_is_placed_where_it_reached_the_south(where, text, verb, where_):
    found = where(text, verb, "defection")
    assert (found and (found.admin1_code, found.admin2)) == where_


def test_a_city_abroad_where_the_north_acted_is_its_own_second_level(read_with_rules):
    # Kuala Lumpur, where reports on the North recall an assassination (data/places/international.csv)
    _, incidents = read_with_rules(
        "Two agents attacked a North Korean diplomat at a hotel in Kuala Lumpur on Tuesday, police said." + FILLER)
    [attack] = [i for i in incidents if i.event_type == "attack"]
    assert (attack.location.country, attack.location.admin2) == ("MY", "Kuala Lumpur")


@pytest.mark.parametrize("second, where", [
    # the article's town in China (context.toml within_countries)
    ("The worker had been employed at a seafood plant in Hunchun since 2019.", ("CN-JL", "Hunchun")),
    # a town in North Korea lends nothing to an act placed in China
    ("The worker had been employed at a seafood plant in Rason since 2019.", (None, None)),
])
def test_an_act_placed_only_in_china_takes_the_article_town_there(read_with_rules, second, where):
    text = "A North Korean worker was arrested in China last week after a quarrel, a trader told Daily NK.\n\n" + second + FILLER
    _, incidents = read_with_rules(text)
    [arrest] = [i for i in incidents if i.event_type == "arrest"]
    assert arrest.location.country == "CN"
    assert (arrest.location.admin1_code, arrest.location.admin2) == where


@pytest.mark.parametrize("text, where", [
    # of two places as precise in one sentence, the one inside the other (place.finer_unit)
    ("Building new flats in Pyongyang's Sosong District has fallen behind schedule, a source told Daily NK.\n\n"
     "Two soldiers were killed in an accident at the site last week, the source said.", ("KP-01", "Sosong")),
    # of two places as precise that the record names, the one with a county (place.with_county):
    # a mountain names none; the same fire told again in a village of Kosong County is Kosong's
    ("Pyongyang, May 3 (KCNA) -- Forests in the Mt Kumgang area of Kangwon Province were damaged by fire.\n\n"
     "The forest fire broke out near a lake in Onjong-ri, Kosong County on the afternoon of May 1.", ("KP-07", "Kosong")),
])
def test_of_two_places_as_precise_the_finer_one_places_the_disaster(read_with_rules, text, where):
    _, incidents = read_with_rules(text + FILLER)
    [disaster] = [i for i in incidents if i.event_type == "disaster"]
    assert (disaster.location.admin1_code, disaster.location.admin2) == where
