"""Slots an act takes from its context (yalu/extract/slots.py): the place of the
paragraph or the article when its own clause names none, whether that place came
with another act or with a sentence that tells none; the home of a source as the
last resort; the country left for a defection.

Every article here is fictional, written in the style of Daily NK / RFA / Yonhap
copy for these tests; none is real news.
"""

import pytest


@pytest.fixture(scope="module")
def extract(read_with_rules):
    """text, published, outlet -> the incidents the rules make of it."""
    return lambda *args, **kwargs: read_with_rules(*args, **kwargs)[1]


# a report longer than a wire item's six sentences, so that its acts borrow from the
# paragraph and the article rather than from the item as a whole
FILLER = (
    "\n\nMarket prices have been unstable since the start of the year. "
    "Many families now skip meals, the source added. "
    "Officials have not commented on the situation. "
    "Similar reports have come from other border regions. "
    "Prices are expected to rise again before the harvest. "
    "Some traders have stopped travelling altogether."
)


def one(incidents, event_type):
    [found] = [i for i in incidents if i.event_type == event_type]
    return found


def rules(incident):
    return {rule for e in incident.evidence for rule in e.rules}


def test_a_place_told_without_an_act_is_lent_to_the_next_sentence(extract):
    text = (
        "Residents are struggling as food runs short, a source told Daily NK.\n\n"
        "Last week a fire swept through a warehouse behind the station in Kilju County. "
        "Two guards were arrested the next morning for negligence."
    ) + FILLER
    arrest = one(extract(text), "arrest")
    assert (arrest.location.admin1_code, arrest.location.admin2) == ("KP-09", "Kilju")


def test_the_article_place_may_come_from_a_sentence_that_tells_no_act(extract):
    text = (
        "Two young men living in Wiyon-dong, Hyesan, have been watching South Korean films for months, "
        "a source told Daily NK on Monday.\n\n"
        "Inspectors burst into the house on Saturday and arrested both men."
    ) + FILLER
    arrest = one(extract(text), "arrest")
    assert (arrest.location.admin1_code, arrest.location.admin2) == ("KP-10", "Hyesan")
    assert "place.article_named" in rules(arrest)


def test_with_no_place_at_all_a_source_in_north_korea_places_its_story(extract):
    text = (
        "Local authorities have banned the sale of corn at markets, a source in Chagang Province told Daily NK. "
        "Traders caught selling corn were arrested last week, the source said."
    ) + FILLER
    arrest = one(extract(text), "arrest")
    assert arrest.location.admin1_code == "KP-04"
    assert "place.source_home" in rules(arrest)


def test_a_source_abroad_does_not_place_the_story(extract):
    text = (
        "Traders caught selling corn were arrested last week, a source in Dandong told Daily NK. "
        "The arrests have frightened the whole market, the source said."
    ) + FILLER
    arrest = one(extract(text), "arrest")
    assert arrest.location.admin1_code is None


def test_a_defection_borrows_no_place_in_the_country_reached(extract):
    text = (
        "Chinese border police have stepped up patrols around Changbai County since last week, "
        "a source told Daily NK.\n\n"
        "The patrols began after three soldiers defected on a moonless night, the source said.\n\n"
        "The soldiers had served in a border guard unit in Kimjongsuk County."
    ) + FILLER
    defection = one(extract(text), "defection")
    assert (defection.location.country, defection.location.admin2) == ("KP", "Kim Jong Suk")
    assert "place.origin" in rules(defection)


def test_a_caption_lends_no_place(extract):
    text = (
        "Soldiers on patrol near Sinuiju in this file photo.\n\n"
        "Two soldiers deserted their post last week, a source told Daily NK."
    ) + FILLER
    desertion = one(extract(text), "desertion")
    assert desertion.location.admin2 is None


def test_a_caption_lends_no_place_to_a_short_item(extract):
    text = (
        "Soldiers on patrol near Sinuiju in this file photo.\n\n"
        "Two soldiers deserted their post last week, a source told Daily NK."
    )
    assert one(extract(text), "desertion").location.admin2 is None


def test_a_short_items_town_does_not_override_the_province_an_act_names(extract):
    text = (
        "Kim Jong Un inspected flood damage in North Hwanghae Province, KCNA said on Friday.\n\n"
        "The area, south of Pyongyang, is a major farming region.\n\n"
        "Many houses were flooded, KCNA said."
    )
    inspection = one(extract(text, published="2020-08-07"), "leadership_activity")
    assert inspection.location.admin1_code == "KP-06" and inspection.location.admin2 is None


@pytest.mark.parametrize(("town", "province"), [("Hyesan", "KP-10"), ("Pyongyang", None)])
def test_a_short_items_border_takes_the_border_town_of_the_item(extract, town, province):
    """A short item from a border town tells of that town's stretch of the border, as a longer
    report does, when the item lends its act no place of its own (place.border_province); a
    short item from Pyongyang lends the border nothing."""
    text = (
        "Security agents are cracking down on phone calls in the border region, Daily NK has learned.\n\n"
        f"A woman living in {town} was arrested last week, a source said."
    )
    crackdown = one(extract(text, published="2024-10-11"), "crackdown")
    assert crackdown.location.admin1_code == province
    assert ("place.border_province" in rules(crackdown)) == (province is not None)


def test_a_sea_crossing_is_placed_where_the_boat_landed(extract):
    text = (
        "Nine North Koreans crossed the sea border in a small wooden boat on Sunday, the Joint Chiefs of Staff said.\n\n"
        "The boat reached South Korea's Baengnyeong Island early in the morning."
    ) + FILLER
    incidents = extract(text, outlet="Yonhap")
    crossing = next(i for i in incidents if i.event_type in ("defection", "incursion"))
    assert (crossing.location.admin1_code, crossing.location.admin2) == ("KR-28", "Ongjin")


# --- dates of undated acts ------------------------------------------------------------------

def dated(incident):
    return (str(incident.time.start), str(incident.time.end), incident.time.precision)


@pytest.mark.parametrize(("text", "event_type"), [
    ("North Korea has floated dozens of balloons carrying leaflets toward the South, "
     "the South's military said Thursday.\n\n"
     "Some of the balloons landed in fields, officials said.", "incursion"),
    # date.earlier_act (Cluster.best_time): "its last missile two months ago" is another
    # launch the record took in, not the day of the news
    ("North Korea has fired two ballistic missiles into the East Sea, the military said Thursday.\n\n"
     "The missiles flew about 600 km before landing, officials said.\n\n"
     "North Korea launched its last ballistic missile about two months ago.", "missile_launch"),
])
def test_an_act_an_agency_announces_on_a_day_is_that_days_news(extract, text, event_type):
    act = one(extract(text + FILLER, published="2024-10-11", outlet="Yonhap"), event_type)
    assert dated(act) == ("2024-10-09", "2024-10-10", 1)
    assert "date.reported_news" in rules(act)


@pytest.mark.parametrize(("text", "published", "event_type", "expected", "rule"), [
    # date.announced_carried: the lockdown is Sunday's news, as the sentence before told it
    ("Officials in Seoul confirmed the man's identity on Tuesday.\n\n"
     "Pyongyang said Sunday that the man was feared to carry the virus. "
     "The case led the leader to impose a total lockdown on the border city of Kaesong.\n\n"
     "Seoul has asked for more details, officials said.",
     "2024-10-15", "lockdown", ("2024-10-12", "2024-10-13", 1), "date.announced_carried"),
    # date.announced_before: the killing came before the deportation's news, at no stated time
    ("South Korea sent three sailors back to the North after learning that they had killed "
     "their captain on the boat, the ministry said Thursday.\n\n"
     "The men were handed over at the truce village, officials said.",
     "2024-10-11", "attack", ("None", "2024-10-10", 4), "date.announced_before"),
])
def test_an_announced_day_bounds_acts_told_beside_it(extract, text, published, event_type, expected, rule):
    act = one(extract(text + FILLER, published=published, outlet="Wire"), event_type)
    assert dated(act) == expected
    assert rule in rules(act)


def test_a_sources_quote_goes_on_after_the_day_it_spoke(extract):
    # date.source_quote_on: the quote's next sentence keeps the quote's day, not the day it was told
    text = ("A source in the province explained on the 9th, \u201cOn the 3rd of this month a soldier shot two "
            "officers of his company in Hoeryong. The soldier fled but was arrested on the river bank.\u201d") + FILLER
    arrest = one(extract(text, published="2024-10-11", outlet="Daily NK"), "arrest")
    assert "date.announced_carried" not in rules(arrest)
    assert dated(arrest) == ("2024-10-03", "2024-10-03", 1)


@pytest.mark.parametrize(("text", "event_type"), [
    ("Police arrested several smugglers in Hyesan, a source told Daily NK on Thursday.\n\n"
     "The arrests came amid a wider campaign, the source said.", "arrest"),
    # the day of a picture that "reveals" is no announcement either
    ("Satellite imagery of the Yongbyon complex from October 6 reveals that floods damaged a pump house.\n\n"
     "The river rose after heavy rain, analysts said.", "disaster"),
])
def test_what_a_source_tells_on_a_day_is_no_days_news(extract, text, event_type):
    act = one(extract(text + FILLER, published="2024-10-11"), event_type)
    assert act.time.precision == 3  # the month-wide recent window, not Thursday's news
    assert "date.reported_news" not in rules(act)


@pytest.mark.parametrize("said", [
    # date.relayed_report: an unnamed report relays news gathered before the day it ran
    "a report said yesterday.", "a news report said Monday.", "media reports said on Wednesday.",
])
def test_what_an_unnamed_report_said_on_a_day_is_no_days_news(extract, said):
    text = ("Three officials of the Kimchaek city party committee were executed for embezzling grain, " + said + "\n\n"
            "The officials had sold the grain in the market, the report said.") + FILLER
    act = one(extract(text, published="2024-10-17", outlet="Wire"), "punishment")
    assert "date.reported_news" not in rules(act)
    assert "date.recent_window" in rules(act)
    assert dated(act) == ("2024-09-17", "2024-10-17", 3)


@pytest.mark.parametrize(("said", "expected"), [
    # a statement told with no day is the news of the day it is told (date.statement_news)
    ("its foreign ministry said in a statement.", ("2024-10-10", "2024-10-11", 1)),
    # one told as said earlier this year is as old as that
    ("its foreign ministry said earlier this year in a statement.", ("2024-01-01", "2024-10-11", 4)),
])
def test_a_statement_is_the_news_of_the_day_it_is_told(extract, said, expected):
    text = (
        "North Korea will stay away from the nuclear talks for an indefinite period, " + said + "\n\n"
        "The talks have stalled for months, diplomats said."
    ) + FILLER
    statement = one(extract(text, published="2024-10-11", outlet="Wire"), "statement")
    assert dated(statement) == expected
    assert "date.statement_news" in rules(statement)


def test_an_act_state_media_announced_last_week_is_that_weeks_news(extract):
    text = (
        "The army began clearing mines near the border on Tuesday, officials said.\n\n"
        "(Last week, state media said the country had tested a new coastal rocket.)"
    ) + FILLER
    test = one(extract(text, published="2024-10-17", outlet="Yonhap"), "missile_launch")
    # last week in either convention: Sunday Oct. 6 (US copy) to Sunday Oct. 13
    assert dated(test) == ("2024-10-06", "2024-10-13", 2)
    assert "date.reported_news" in rules(test)


def test_what_someone_told_rfa_last_week_is_no_weeks_news(extract):
    text = (
        "Workers who escaped from a building site in Nakhodka are being hunted by agents, "
        "Pak Myong-chol, a Korean-Russian trader, told RFA's Korean Service last week.\n\n"
        "The search has widened, the trader said."
    ) + FILLER
    [act] = [i for i in extract(text, published="2024-10-17", outlet="RFA") if i.event_type in ("defection", "desertion")]
    assert "date.reported_news" not in rules(act)
    assert str(act.time.end) == "2024-10-17"  # the recent window up to the report, not last week


def test_background_years_start_no_window(extract):
    text = (
        "North Korea has banned private sales of grain since 2019, a source told Daily NK on Tuesday.\n\n"
        "Police in Musan arrested grain traders, the source said."
    ) + FILLER
    arrest = one(extract(text, published="2024-10-11"), "arrest")
    assert (str(arrest.time.start), arrest.time.precision) == ("2024-09-11", 3)


def test_a_recent_since_continues_in_its_paragraph(extract):
    text = (
        "Since August, troops have been laying mines along the border in Kaesong, the JCS said. "
        "Several blasts during the work have killed soldiers, the JCS added."
    ) + FILLER
    incidents = extract(text, published="2024-10-11", outlet="Yonhap")
    blasts = next(i for i in incidents if i.event_type in ("explosion_accident", "attack", "disaster"))
    # from August to publication, coded as precisely as its start (date.since_start)
    assert (str(blasts.time.start), str(blasts.time.end), blasts.time.precision) == ("2024-08-01", "2024-10-11", 3)


@pytest.mark.parametrize(("sentence", "start", "precision"), [
    ("Security agents have been inspecting every household in Hyesan since mid-August", "2024-08-11", 3),
    ("Police have been searching trains at Hyesan station since October 2", "2024-10-02", 1),
])
def test_an_act_going_on_since_a_date_is_as_precise_as_its_start(extract, sentence, start, precision):
    text = sentence + ", a source in Ryanggang province told Daily NK." + FILLER
    crackdown = one(extract(text, published="2024-10-11"), "crackdown")
    assert (str(crackdown.time.start), str(crackdown.time.end), crackdown.time.precision) == (start, "2024-10-11", precision)


@pytest.mark.parametrize(("lead", "since", "start", "precision"), [
    ("The worst drought in decades is threatening the harvest in South Hwanghae province.",
     "The province has seen little rain since April 27, the weather agency said.", "2024-04-27", 1),
    ("Cholera is spreading in Sinuiju, sources said.",
     "\"Since early May, the number of patients has been rising,\" a resident said.", "2024-05-01", 3),
    # the North's GPS jamming runs for days, not the day of the news that tells it
    ("GPS jamming from North Korea disrupted hundreds of flights near Seoul, officials said.",
     "A total of 300 aircraft since Saturday have reported the failure of GPS signals.", "2024-06-01", 1),
])
def test_a_lasting_condition_goes_on_since_the_reports_recent_since(extract, lead, since, start, precision):
    text = lead + "\n\nIt is the worst since 1962, officials said. " + since + FILLER
    [found] = [i for i in extract(text, published="2024-06-06") if i.event_type in ("disaster", "other")]
    assert (str(found.time.start), str(found.time.end), found.time.precision) == (start, "2024-06-06", precision)
    assert "date.lasting_since" in rules(found)


def test_the_recent_window_ends_at_publication_as_analysts_code_it(extract):
    # the source spoke on Tuesday (Oct. 8), but an analyst codes an undated act "on or before"
    # the report: the window holds both bounds
    text = (
        "Police have arrested several smugglers in Hyesan, a source told Daily NK on Tuesday.\n\n"
        "The arrests came amid a wider campaign, the source said."
    ) + FILLER
    arrest = one(extract(text, published="2024-10-11"), "arrest")
    assert str(arrest.time.end) == "2024-10-11" and arrest.time.precision == 3


@pytest.mark.parametrize(("before", "start", "precision"), [
    # an undated act in a longer report: the thirty days before publication are a month (3)
    ("Police have arrested several smugglers in Hyesan, a source said.", "2024-09-11", 3),
    # a window that reaches back to an act dated months earlier is not
    ("On August 3, border guards shot a man crossing the Yalu River near Hyesan, a source said.", "2024-08-03", 4),
    # one of two months at most is still a month, as analysts code the last weeks (date.month_window)
    ("On September 2, border guards shot a man crossing the Yalu River near Hyesan, a source said.", "2024-09-02", 3),
    # June 3 is over a season before the report: history told beside the news, no start for it
    ("On June 3, border guards shot a man crossing the Yalu River near Hyesan, a source said.", "2024-09-11", 3),
])
def test_the_recent_window_is_as_precise_as_it_is_wide(extract, before, start, precision):
    text = before + "\n\nPolice have also arrested several smugglers in the city, the source said." + FILLER
    arrests = [i for i in extract(text, published="2024-10-11") if i.event_type == "arrest"]
    arrest = arrests[-1]  # the undated one, told after the paragraph before it
    assert (str(arrest.time.start), str(arrest.time.end), arrest.time.precision) == (start, "2024-10-11", precision)
    assert "date.recent_window" in arrest.evidence[0].rules


def test_a_government_announcing_is_not_the_source_speaking(extract):
    text = (
        "The South Korean government said last month that the North has tightened border controls.\n\n"
        "Police have arrested several smugglers in Hyesan, a source said."
    ) + FILLER
    arrest = one(extract(text, published="2024-10-11"), "arrest")
    assert str(arrest.time.end) == "2024-10-11"


def test_a_sentence_that_tells_no_act_lends_its_date_to_the_next(extract):
    text = (
        "Earlier this month, four soldiers broke into a farmhouse in Kapsan County looking for food. "
        "One of them was arrested on the spot, Daily NK has learned."
    ) + FILLER
    arrest = one(extract(text, published="2024-10-21"), "arrest")
    assert dated(arrest) == ("2024-10-01", "2024-10-21", 3)
    assert "date.paragraph_before" in rules(arrest)


def test_the_dated_incident_that_follows_dates_the_act_told_before(extract):
    text = (
        "A North Korean soldier defected across the eastern border last week, the military said on Monday.\n\n"
        "The Oct. 15 incident was the third such breach this year."
    ) + FILLER
    defection = one(extract(text, published="2024-10-21", outlet="Yonhap"), "defection")
    assert dated(defection) == ("2024-10-15", "2024-10-15", 1)
    assert "date.anaphor" in rules(defection)


def test_the_next_sentence_narrows_the_week_of_the_act_to_its_day(extract):
    text = (
        "Nine North Koreans crossed the sea border on a small boat over the weekend, the military said Monday.\n\n"
        "The boat reached Baengnyeong Island on Saturday, with all nine on board."
    ) + FILLER
    incidents = extract(text, published="2024-10-21", outlet="Yonhap")
    crossing = next(i for i in incidents if i.event_type in ("defection", "incursion"))
    assert dated(crossing) == ("2024-10-19", "2024-10-19", 1)


def test_a_retelling_does_not_cut_an_ongoing_act_to_a_day(extract):
    text = (
        "Authorities have sealed off Hyesan since October 2, a source told Daily NK on Monday.\n\n"
        "Residents queued at the market gate on October 15, the source said."
    ) + FILLER
    lockdown = one(extract(text, published="2024-10-21"), "lockdown")
    # still from October 2 to publication, coded by its start (date.since_start), not October 15
    assert (str(lockdown.time.start), str(lockdown.time.end), lockdown.time.precision) == ("2024-10-02", "2024-10-21", 1)


def test_an_outlets_city_is_no_sources_home(extract):
    text = (
        "Heavy rain has flooded farmland and homes, Pyongyang's Korean Central Television said.\n\n"
        "Rescue work is under way, the broadcaster added."
    ) + FILLER
    flood = one(extract(text, published="2024-07-30", outlet="UPI"), "disaster")
    assert flood.location.admin1_code is None


def test_a_narrative_carries_its_date_across_one_sentence_paragraphs(extract):
    # broadcast copy: one sentence a paragraph; "then" carries the story on from the last
    # date told, two paragraphs up
    text = (
        "North Korea fired several artillery shells toward a South Korean island near the sea border "
        "on Saturday afternoon, the Joint Chiefs of Staff said.\n\n"
        "The shells fell into the sea, the JCS said.\n\n"
        "North Korean soldiers then opened fire with rifles on a South Korean guard post in Cheorwon."
    ) + FILLER
    incidents = extract(text, published="2024-10-14", outlet="Yonhap")
    later = [i for i in incidents if any("then opened fire" in e.text for e in i.evidence)]
    assert later and all(dated(i) == ("2024-10-12", "2024-10-12", 1) for i in later)
    assert any("date.sequence_cue" in rules(i) for i in later)


def test_without_a_sequence_word_the_act_is_not_dated_by_another_paragraph(extract):
    text = (
        "North Korea fired several artillery shells toward a South Korean island near the sea border "
        "on Saturday afternoon, the Joint Chiefs of Staff said.\n\n"
        "The shells fell into the sea, the JCS said.\n\n"
        "North Korean soldiers have opened fire with rifles on a South Korean guard post in Cheorwon."
    ) + FILLER
    incidents = extract(text, published="2024-10-14", outlet="Yonhap")
    other = [i for i in incidents if any("have opened fire" in e.text for e in i.evidence)]
    assert other and all("date.sequence_cue" not in rules(i) for i in other)


def test_a_short_items_news_cycle_ends_when_its_source_spoke(extract):
    text = (
        "Authorities in Musan have sealed off the town's market, a source in North Hamgyong "
        "Province told Daily NK on Tuesday.\n\n"
        "Only vendors with a permit may enter, the source said."
    )
    lockdown = one(extract(text, published="2024-10-11"), "lockdown")
    assert dated(lockdown) == ("2024-10-07", "2024-10-08", 1)
    assert "date.news_cycle" in rules(lockdown)


def test_a_speaking_read_in_the_week_before_leaves_the_acts_date(extract):
    # the agency's Thursday is the next day abroad; read against a Wednesday publication it
    # falls a week earlier, before the act: it must not cut the act's day into an inverted span
    text = ("North Korea tested a new guided rocket on Wednesday, state media said on Thursday.\n\n"
            "The test was overseen by senior officers, the report said.")
    test = one(extract(text, published="2024-10-16", outlet="Reuters"), "missile_launch")
    assert dated(test) == ("2024-10-16", "2024-10-16", 1)


# --- the news of the day ---------------------------------------------------------------------

WIRE_LEAD = ("SEOUL (Wire) - A North Korean soldier defected to the South across the border on Monday, "
             "the South's military said.\n\n")


def test_an_undated_act_in_the_days_news_is_that_news_cycle(extract):
    # (not the soldier's own flight: that is his desertion, one record with the dated lead)
    text = WIRE_LEAD + FILLER + "\n\nThe North sealed off a border crossing before dawn, an official said."
    incidents = extract(text, published="2024-10-14", outlet="Wire")
    [sealed] = [i for i in incidents if "date.news_of_the_day" in rules(i)]
    assert sealed.event_type == "lockdown"
    assert dated(sealed) == ("2024-10-13", "2024-10-14", 1)


def test_a_day_a_source_told_an_outlet_is_no_news_of_the_day(extract):
    text = ("Police in Hyesan have detained several traders, a source told Daily NK on Monday.\n\n"
            "Guards also arrested two smugglers near the river, the source said.") + FILLER
    incidents = extract(text, published="2024-10-15", outlet="Daily NK")
    assert incidents and not any("date.news_of_the_day" in rules(i) for i in incidents)


def test_a_pages_date_line_is_no_news_of_the_day(extract):
    text = ("October 15th, 2024\n\nPolice in Hyesan have detained several traders, a source said.\n\n"
            "Guards also arrested two smugglers near the river, the source said.") + FILLER
    incidents = extract(text, published="2024-10-15", outlet="Daily NK")
    assert incidents and not any("date.news_of_the_day" in rules(i) for i in incidents)


def test_a_lasting_condition_keeps_the_recent_window_in_the_days_news(extract):
    text = WIRE_LEAD + FILLER + "\n\nA severe drought has hit the western farming provinces, officials said."
    [drought] = [i for i in extract(text, published="2024-10-14", outlet="Wire") if i.event_type == "disaster"]
    assert "date.news_of_the_day" not in rules(drought)
    assert drought.time.precision >= 3


@pytest.mark.parametrize(("told", "news_cycle"), [
    # told after the lead in the present perfect: done some time before the day's news
    ("Chinese police have also arrested several smugglers in Dandong, an official said.", False),
    # the same act told plainly is the day's news
    ("Chinese police also arrested several smugglers in Dandong, an official said.", True),
])
def test_an_act_told_after_the_lead_in_the_perfect_is_not_the_days_news(extract, told, news_cycle):
    text = WIRE_LEAD + "Border guards fired warning shots at the fleeing soldier, the military added.\n\n" + FILLER + "\n\n" + told
    arrest = one(extract(text, published="2024-10-14", outlet="Wire"), "arrest")
    assert ("date.news_of_the_day" in rules(arrest)) == news_cycle


def test_a_bylines_time_stamp_dates_no_act(extract):
    # a page's byline glued to the lead: the stamp dates the writing, not the dismissal
    text = ("News By Daily NK - 2024.10.15 7:48pm Share this article. "
            "A party secretary in Hyesan was dismissed for taking bribes, a source told Daily NK.") + FILLER
    incidents = extract(text, published="2024-10-15", outlet="Daily NK")
    assert incidents
    for incident in incidents:
        assert (str(incident.time.start), str(incident.time.end)) != ("2024-10-15", "2024-10-15")
        assert "date.news_of_the_day" not in rules(incident)


def test_the_act_of_an_after_clause_is_an_earlier_act_of_its_own(extract):
    # the lead's own clause is undated: only the after-clause's act is counted back to a day
    text = ("North Korea fired a ballistic missile over Japan, the military said.\n\n"
            "Japan's government issued an alert to residents in the north on Friday morning.\n\n"
            "The North fired the missile three days after it fired two short-range missiles into the sea.") + FILLER
    launches = [i for i in extract(text, published="2024-10-18", outlet="Wire") if i.event_type == "missile_launch"]
    assert sorted(dated(i) for i in launches) == [("2024-10-15", "2024-10-15", 1), ("2024-10-17", "2024-10-18", 1)]


def test_an_act_after_a_recent_one_runs_from_it_to_publication(extract):
    text = ("South Korea fired warning shots after North Korean soldiers briefly crossed the border "
            "earlier this week, the military said.\n\n"
            "In April, a similar crossing also drew warning shots.") + FILLER
    incidents = extract(text, published="2024-10-19", outlet="Wire")
    shots = next(i for i in incidents if "date.after_clause" in rules(i))
    assert dated(shots) == ("2024-10-13", "2024-10-19", 2)  # this week (from Sunday) to the report


MUSAN_LEAD = ("A soldier of the border guard unit in Musan County shot his platoon leader on Monday, "
              "a source told Daily NK.\n\n")


def test_an_act_placed_only_on_the_border_takes_the_border_town_of_the_story(extract):
    """place.border_town: "fled across the border" in a story from Musan is Musan's
    stretch of the border, as an analyst codes it."""
    text = MUSAN_LEAD + "The soldier then fled across the border with China before dawn." + FILLER
    desertion = one(extract(text), "desertion")
    assert (desertion.location.admin1_code, desertion.location.admin2) == ("KP-09", "Musan")
    assert "place.border_town" in rules(desertion)


@pytest.mark.parametrize("river", ["the Tumen River", "the Yalu River"])
def test_an_act_placed_only_on_a_border_river_takes_the_border_town_of_the_story(extract, river):
    """place.border_town: the Yalu and the Tumen are the land border ("crossed the Tumen
    River", "left the country across the Yalu"): an act placed only on one is in the
    story's town on the border, as for "fled across the border"."""
    text = MUSAN_LEAD + f"The soldier then fled across {river} before dawn." + FILLER
    desertion = one(extract(text), "desertion")
    assert (desertion.location.admin1_code, desertion.location.admin2) == ("KP-09", "Musan")
    assert "place.border_town" in rules(desertion)


@pytest.mark.parametrize(
    "text, event_type",
    [
        # a town on the border, never just a province: a source's province lends nothing
        ("A family was caught near the border with China after trying to flee the country, "
         "a source in Ryanggang Province told Daily NK.", "arrest"),
        # the town must lie in a province along the land border: a Pyongyang story lends nothing
        ("Traders at Tongil Market in Pyongyang say that goods from China are scarce, a source told "
         "Daily NK.\n\nTwo smugglers were arrested near the border with China last week.", "arrest"),
    ],
)
def test_the_border_stays_the_border(extract, text, event_type):
    """place.border_town lends no place to these acts placed only on the border."""
    found = one(extract(text + FILLER), event_type)
    assert found.location.admin1_code is None
    assert "place.border_town" not in rules(found)


def test_a_border_campaign_with_no_town_is_the_sources_border_province(extract):
    """place.border_source: a campaign along the border in a text that names no town on it
    is coded at the border province its source lives in; a single act there stays on the
    border (test_the_border_stays_the_border)."""
    text = ("Smugglers now check every parcel before sending it across the river, a Ryanggang "
            "Province-based source told Daily NK.\n\nThe authorities have tightened controls along "
            "the border with China since the elections.")
    crackdown = one(extract(text + FILLER), "crackdown")
    assert (crackdown.location.admin1_code, crackdown.location.admin2) == ("KP-10", None)
    assert "place.border_source" in rules(crackdown)


@pytest.mark.parametrize(
    "text",
    [
        MUSAN_LEAD + "The authorities then tightened controls along the border with China.",
        # a sentence of its own paragraph takes the article's town the same way
        "Smugglers in Hyesan were fined last week, a source in Ryanggang Province told Daily NK.\n\n"
        + "Security agents are cracking down on phone calls in the border region.",
    ],
)
def test_a_campaign_along_the_border_is_coded_at_the_town_of_the_story(extract, text):
    """context.toml border_wide_types: controls along the border told in a story from Musan
    are coded at Musan, the stretch of the border the story tells of, as the gold of Daily NK's
    and ASIAPRESS's reports codes them (place.border_province)."""
    crackdown = one(extract(text + FILLER), "crackdown")
    assert (crackdown.location.admin1_code, crackdown.location.admin2) == (
        ("KP-09", "Musan") if "Musan" in text else ("KP-10", "Hyesan"))
    assert "place.border_province" in rules(crackdown)


def test_a_campaign_along_the_border_takes_no_town_of_a_story_from_inland(extract):
    """A story from Pyongyang lends the border's campaign nothing (place.border_province)."""
    text = ("Traders at Tongil Market in Pyongyang say that goods from China are scarce, a source told "
            "Daily NK.\n\nSecurity agents are cracking down on phone calls in the border region.")
    crackdown = one(extract(text + FILLER), "crackdown")
    assert crackdown.location.admin2 is None
    assert "place.border_province" not in rules(crackdown)


def test_a_reporting_partners_province_places_a_story_that_names_no_other(extract):
    """ASIAPRESS: 'A reporting partner in North Hamgyong Province provided the following
    report' makes a source, whose home places acts of a story with no other place
    (place.source_home)."""
    text = (
        "Inspection teams have been sent to collective farms after the harvest. One farm official was "
        "detained by the authorities. A reporting partner in North Hamgyong Province provided the "
        "following report in late October."
    ) + FILLER
    arrest = one(extract(text), "arrest")
    assert arrest.location.admin1_code == "KP-09"
    assert "place.source_home" in rules(arrest)


def test_those_punished_are_not_placed_where_they_worked(extract):
    """"Those executed included a restaurant manager in Pyongyang": the people of the act
    told before, where they worked, not a second execution in Pyongyang."""
    text = (
        "Nine people were publicly executed in Hyesan on Monday, a source told Daily NK. "
        "Those executed included a farm official and a restaurant manager in Pyongyang."
    ) + FILLER
    [punishment] = [i for i in extract(text) if i.event_type == "punishment"]
    assert punishment.location.admin2 == "Hyesan"

# the inverted pyramid (date.lead_when): the lead tells the act, the next paragraph its day;
# not when the lead's own sentence dates something ("last week"), nor a day months old
LEAD_WHEN_CASES = [("date.lead_when", *case) for case in [
    ("A North Korean fishing boat was seized by Chinese border guards near Dandong.\n\n"
     "Late at night on October 3, a raid was carried out on the river bank opposite Sinuiju. "
     "Chinese officials had watched the shore for weeks.", ("2024-10-03", "2024-10-03", 1)),
    ("Two soldiers deserted their unit last week, and police arrested several smugglers in Hyesan.\n\n"
     "On October 3, the border unit was put on alert.", None),
    ("Police have arrested several smugglers in Hyesan, a source said.\n\n"
     "On June 3, the province ordered a new campaign against smuggling.", None),
    # a present perfect takes no day told with another act (the province's order)
    ("Police have arrested several smugglers in Hyesan, a source said.\n\n"
     "On October 3, the province ordered a new campaign against smuggling.", None),
    # "since" and "recently" told in between name no day of the lead's act: read on
    ("A North Korean fishing boat was seized by Chinese border guards near Dandong.\n\n"
     "It is the third such case since August 30, and fishing there has recently become dangerous.\n\n"
     "Late at night on October 3, a raid was carried out on the river bank opposite Sinuiju.",
     ("2024-10-03", "2024-10-03", 1)),
    # ... to a day of the recent news only
    ("A North Korean fishing boat was seized by Chinese border guards near Dandong.\n\n"
     "It is the third such case since August 30, and fishing there has recently become dangerous.\n\n"
     "Late at night on July 3, a raid was carried out on the river bank opposite Sinuiju.", None),
]]
# a lead in the present perfect and a body that tells its day in a sentence of no other act
# (date.lead_perfect); not an act named by the noun of the perfect ("has ordered the arrest")
LEAD_PERFECT_CASES = [("date.lead_perfect", *case) for case in [
    ("Police have arrested dozens of smugglers in Hyesan, sources told RFA.\n\n"
     "\u201cOn the 3rd, the market stood empty by noon,\u201d a source said.",
     ("2024-10-03", "2024-10-03", 1)),
    ("The provincial party has ordered the arrest of a smuggler who fled to China, sources said.\n\n"
     "\u201cOn the 3rd, the man was last seen near the river,\u201d a source said.", None),
]]
# a lead that says "recently" and a body that says when (date.recently_told); not a day that
# dates another act, not the day of the news, not a day older than a season
RECENTLY_TOLD_CASES = [("date.recently_told", *case) for case in [
    ("Police recently arrested several smugglers in Hyesan, a source said.\n\n"
     "The most striking raid came on September 20, in the middle of the night.", ("2024-09-20", "2024-09-20", 1)),
    ("Police recently arrested several smugglers in Hyesan, a source said.\n\n"
     "On September 20, guards shot a soldier who tried to desert.", None),
    ("Police recently arrested several smugglers in Hyesan, a source said.\n\n"
     "On Thursday the market was quiet all day.", None),
    ("Police recently arrested several smugglers in Hyesan, a source said.\n\n"
     "The most striking raid came on March 20, in the middle of the night.", None),
]]

# a lead dated to a month or a week and a body that tells its day (date.day_told_after); not a
# day outside it, not a day that dates another act or a thing
DAY_TOLD_AFTER_CASES = [("date.day_told_after", *case) for case in [
    ("Police arrested several smugglers in Hyesan last month, a source said.\n\n"
     "The most striking raid came on September 20, in the middle of the night.", ("2024-09-20", "2024-09-20", 1)),
    ("Police arrested several smugglers in Hyesan last month, a source said.\n\n"
     "The most striking raid came on October 2, in the middle of the night.", None),
    ("Police arrested several smugglers in Hyesan last month, a source said.\n\n"
     "On September 20, guards shot a soldier who tried to desert.", None),
    # the day of a thing (a photo, a document), not of what was done
    ("Police arrested several smugglers in Hyesan last month, a source said.\n\n"
     "Photos from September 20 show the empty stalls of the market.", None),
]]


@pytest.mark.parametrize(("rule", "lead", "expected"), LEAD_WHEN_CASES + LEAD_PERFECT_CASES + RECENTLY_TOLD_CASES
                         + DAY_TOLD_AFTER_CASES)
def test_the_lead_takes_the_date_told_after_it(extract, rule, lead, expected):
    arrest = one(extract(lead + FILLER, published="2024-10-11"), "arrest")
    assert (rule in rules(arrest)) == (expected is not None)
    if expected:
        assert dated(arrest) == expected


def test_a_sentence_that_retells_the_lead_act_alone_gives_its_day(extract):
    # date.day_told_after: the day the retelling names ("the collapse Sept. 7"), though the parse
    # hangs it on no verb of the act, not a day counted from it ("12 days later")
    text = (
        "Five workers died when the roof of a mine collapsed in September, state media said on Monday.\n\n"
        "Six miners were first trapped after the collapse Sept. 7 at the Kumdok coal mine, a major producer, "
        "the party newspaper said. It added that one was pulled out 12 days later."
    ) + FILLER
    disaster = one(extract(text, published="2024-10-11"), "disaster")
    assert "date.day_told_after" in rules(disaster)
    assert dated(disaster) == ("2024-09-07", "2024-09-07", 1)


@pytest.mark.parametrize("text, event_type, expected", [
    # date.lead_day: the lead's day, told in a sentence of no act, dates the act told after it
    ("A fishing boat from the North was spotted off Sokcho port last Friday, officials said.\n\n"
     "The boat had sailed some 90 kilometers south across the sea border without being noticed.",
     "incursion", ("2024-10-04", "2024-10-04", 1)),
    ("It rained heavily in the eastern provinces between 2 and 4 of October, a state newspaper reported.\n\n"
     "In the Kosan area, many people died and more than 3,000 houses were destroyed by floods.",
     "disaster", ("2024-10-02", "2024-10-04", 2)),
    # not a day of the news cycle (the news of the day), nor one over a season old
    ("A fishing boat from the North was spotted off Sokcho port on Thursday, officials said.\n\n"
     "The boat had sailed some 90 kilometers south across the sea border without being noticed.",
     "incursion", None),
    ("It rained heavily in the eastern provinces between 2 and 4 of June, a state newspaper reported.\n\n"
     "In the Kosan area, many people died and more than 3,000 houses were destroyed by floods.",
     "disaster", None),
])
def test_the_lead_day_dates_the_act_told_after_it(extract, text, event_type, expected):
    found = one(extract(text + FILLER, published="2024-10-11"), event_type)
    assert ("date.lead_day" in rules(found)) == (expected is not None)
    if expected:
        assert dated(found) == expected


@pytest.mark.parametrize("text, expected", [
    # date.put_out: a fire runs from the day it broke out to the day it was put out
    ("A forest fire broke out near Mount Myohyang on October 6, state media said.\n\n"
     "The blaze spread quickly in strong winds. It was finally put out at about 10:00 on October 7, the agency said.",
     ("2024-10-06", "2024-10-07", 1)),
    ("A wildfire broke out in the border county around 3 p.m. on Tuesday, officials said.\n\n"
     "Firefighters put out the flames the next day.", ("2024-10-08", "2024-10-09", 1)),
    # a few days on at most: a later day is another story's
    ("A forest fire broke out near Mount Myohyang on October 6, state media said.\n\n"
     "It was finally put out on October 10, the agency said.", ("2024-10-06", "2024-10-06", 1)),
])
def test_a_fire_runs_until_it_was_put_out(extract, text, expected):
    assert dated(one(extract(text + FILLER, published="2024-10-11"), "disaster")) == expected


def test_a_longer_reports_look_back_of_years_does_not_date_the_lead(extract):
    # "its first test, in 2016" is history; the lead's undated test is the report's news
    text = (
        "North Korea has carried out another nuclear test at its northeastern test site, officials in Seoul said.\n\n"
        "Seismic agencies recorded a strong tremor near the site.\n\n"
        "The country carried out its first nuclear test in 2016 at the same site."
    ) + FILLER
    tests = [i for i in extract(text, published="2024-10-11", outlet="Wire") if i.event_type == "weapons_test"]
    assert tests and all(str(i.time.end) == "2024-10-11" for i in tests)


def test_a_tally_of_years_neither_dates_the_lead_nor_makes_a_record(extract):
    text = (
        "A North Korean soldier defected to the South across the demilitarized zone, officials said.\n\n"
        "He was found by a guard post in the morning and taken in for questioning.\n\n"
        "From 2015 to August 2024 a total of 60 North Korean soldiers have crossed the zone to the South."
    ) + FILLER
    incidents = extract(text, published="2024-09-20", outlet="Wire")
    crossings = [i for i in incidents if i.event_type in ("defection", "desertion")]
    assert crossings and all(i.time.start and str(i.time.start) >= "2024-08-01" for i in crossings)


@pytest.mark.parametrize("story, admin1", [
    # place.sent_from (context.toml sent_verbs): prosecutors from Pyongyang dispatched to a
    # county arrest people in the county, not in the capital
    ("Smuggling across the Tumen has grown in Onsong County this winter, a source told Daily NK.\n\n"
     "A team of prosecutors from Pyongyang was dispatched to the county and arrested five traders on Friday.", "KP-09"),
    # crossing is no sending: crossers caught on the river are placed at the town they left
    ("Border controls have tightened since spring, a source told Daily NK.\n\n"
     "Three people who were crossing the Yalu River from Huchang to Changbai were arrested by security agents.", "KP-10"),
])
def test_where_people_were_sent_from_is_not_where_they_acted(extract, story, admin1):
    assert one(extract(story + FILLER), "arrest").location.admin1_code == admin1


WIRE_LAUNCH = ("North Korea fired two short-range ballistic missiles into the East Sea on Wednesday, "
               "South Korea's military said.\n\n")


@pytest.mark.parametrize(
    "later, admin2",
    [
        # the wire names the site a few lines on, in a sentence that tells no act of its own
        ("The Joint Chiefs of Staff said it detected the launches from the Sunan area in Pyongyang "
         "between 3:30 a.m. and 3:46 a.m.", "Sunan"),
        # a sentence that tells an act of its own (an earlier launch) lends its place to no other
        ("In May, the North fired a satellite rocket from Tongchang-ri in North Pyongan Province.", None),
    ],
)
def test_a_launch_takes_the_site_a_later_sentence_names(extract, later, admin2):
    """place.site_named_later (slots.refine_sites)."""
    launches = [i for i in extract(WIRE_LAUNCH + later + FILLER, published="2024-07-19", outlet="Wire")
                if i.event_type == "missile_launch" and "Wednesday" in i.evidence[0].text]
    assert [i.location.admin2 for i in launches] == [admin2]
    assert ("place.site_named_later" in rules(launches[0])) == (admin2 is not None)


def test_a_record_the_same_words_tell_as_another_type_takes_its_day(extract):
    # date.same_words: the soldier's defection is his desertion too (frame.soldier_deserts);
    # the headline that tells both is of the day the lead gives the defection
    text = (
        "Border guard defects to the South after shooting his officer\n\n"
        "A North Korean border guard on Saturday crossed the military demarcation line in the central "
        "section to defect to South Korea after shooting his platoon leader, officials said on Monday."
    ) + FILLER
    incidents = extract(text, published="2024-10-08")
    defection, desertion = one(incidents, "defection"), one(incidents, "desertion")
    assert dated(defection) == ("2024-10-05", "2024-10-05", 1)
    assert "date.same_words" in rules(desertion)
    assert dated(desertion) == dated(defection)


def test_a_twin_lends_the_day_it_has_when_the_record_is_dated():
    # review 21, finding 15: the twin is looked up as it stands, not as it stood before the
    # dating loop; a day the loop gave it comes with the rule that gave it
    from datetime import date
    from types import SimpleNamespace

    from yalu.extract.slots import _twin_date
    from yalu.model import TimeSpan

    day = TimeSpan(date(2024, 11, 10), date(2024, 11, 10), 1, None)

    def twin(time, rule):
        return SimpleNamespace(best_time=lambda: time, first=SimpleNamespace(rules={"date": rule} if rule else {}))

    undated, in_loop, own_words = twin(None, None), twin(day, "date.lead_when"), twin(day, "date.month_day")
    assert _twin_date([undated], set()) is None
    assert _twin_date([undated, in_loop], set()) == (day, "date.lead_when")
    assert _twin_date([own_words], {id(own_words)}) == (day, "date.same_words")



def test_a_record_left_to_the_news_of_the_day_takes_the_day_of_its_twin(extract):
    # date.twin_dated: the headline's defection and the body's incursion share the sentence
    # that tells the crossing; the incursion is dated in the loop after the defection, so the
    # defection was left to the news of the day (the military "said on Thursday")
    headline = "Three North Korean fishermen defect across the NLL on a boat"
    text = (
        f"{headline}\n\n{headline}\n\n"
        "Three North Korean fishermen entered the South by sailing across the de facto inter-Korean "
        "maritime border in the Yellow Sea earlier this month, the military said on Thursday.\n\n"
        "The radar of a coastal unit detected the small wooden boat on the evening of May 3.\n\n"
        "The Navy then sent a patrol ship to stop the boat as it was headed to Baengnyeong Island "
        "after crossing the NLL, an official said."
    ) + FILLER
    by_type = {i.event_type: i for i in extract(text, published="2023-05-18")}
    assert [dated(by_type[t]) for t in ("defection", "incursion")] == [("2023-05-03", "2023-05-03", 1)] * 2
    assert "date.twin_dated" in rules(by_type["defection"])


# session 24 (dates10): a short item's lead, a gathering told before, history and quotes


def test_a_planned_act_lends_no_date_to_a_short_items_lead(extract):
    # date.short_item_lead: the drill "next week" is planned and after the report; the launch
    # is the news cycle's
    text = (
        "North Korea fired a ballistic missile from Kusong toward the East Sea, the JCS said.\n\n"
        "The United States and South Korea will hold a joint naval drill next week."
    )
    launch = one(extract(text, published="2025-03-12"), "missile_launch")
    assert dated(launch) == ("2025-03-11", "2025-03-12", 1)


@pytest.mark.parametrize("later", [
    # "Two days later" counts from the seizure: the trial's week lends nothing to the seizure
    # told before it, which takes the lead's day
    "\n\nTwo days later, a public trial was held at the Manpo city stadium.",
    # near miss: with nothing after it, the act told first still lends its day
    "",
])
def test_a_short_items_lead_lends_its_own_day_not_a_later_acts(extract, later):
    text = (
        "Police detained four traders in Manpo, Chagang Province, on May 6, a source told RFA.\n\n"
        "Agents confiscated their goods."
    ) + later
    seized = one(extract(text, published="2025-05-20"), "crackdown")
    assert dated(seized) == ("2025-05-06", "2025-05-06", 1) and "date.short_item_lead" in rules(seized)


@pytest.mark.parametrize(("opened", "expected"), [
    # date.gathering_told: "the meeting" is the one the first sentence dated to Monday
    ("North Korea on Monday opened", ("2025-10-13", "2025-10-13", 1)),
    # near miss: the meeting was never dated, so the act takes no day from it
    ("North Korea opened", None),
])
def test_an_act_at_a_gathering_told_before_takes_its_day(extract, opened, expected):
    text = (
        f"{opened} a meeting of provincial party secretaries in Pyongyang.\n\n"
        "Officials reviewed the harvest.\n\n"
        "Farm output fell last year in several regions.\n\n"
        "Kim Jong Un spoke at the meeting and inspected a fertilizer factory, KCNA said."
    ) + FILLER
    visit = one(extract(text, published="2025-10-16"), "leadership_activity")
    assert ("date.gathering_told" in rules(visit)) == (expected is not None)
    assert expected is None or dated(visit) == expected


def test_a_short_items_follow_up_act_takes_the_items_town(extract):
    # "across the city" names no place of its own; the item is about Kanggye
    text = (
        "Police arrested three men in Kanggye, Chagang Province, on Oct. 7 for selling copper, "
        "a source told Daily NK.\n\n"
        "The next day, agents searched homes across the city for stolen metal."
    )
    search = one(extract(text, published="2025-10-20"), "crackdown")
    assert (search.location.admin1_code, search.location.admin2) == ("KP-04", "Kanggye")


@pytest.mark.parametrize(("second", "town"), [
    # place.article_town / place.short_item: the 2019 executions in Kapsan are history told
    # beside this week's, which the province alone places
    ("In 2019, two women were executed in Kapsan County for the same crime.", None),
    # near miss: the same town told with this week's act is its own
    ("The execution took place in Kapsan County, the source said.", "Kapsan"),
])
def test_history_beside_a_short_item_lends_no_town(extract, second, town):
    text = (
        "Authorities in Ryanggang Province publicly executed a man on Monday for drug dealing, "
        "a source told RFA.\n\n"
    ) + second
    found = [i for i in extract(text, published="2025-06-12") if i.event_type == "punishment"]
    monday = next(i for i in found if dated(i)[0] == "2025-06-09")
    assert (monday.location.admin1_code, monday.location.admin2) == ("KP-10", town)


@pytest.mark.parametrize(("span", "tally"), [
    # a tally of years dates the executions it counts, and lends nothing to the next act
    ("from 2011 to 2016", True),
    # near miss: a day of the news lends its day to the short item's next act
    ("on April 30", False),
])
def test_a_tally_of_years_lends_no_date_to_a_short_items_act(extract, span, tally):
    text = (
        f"The rights group said on Tuesday it had recorded 14 public executions in Hamhung {span}.\n\n"
        "The group also said that at least 40 people had been sent to prison camps in Hamhung."
    )
    camps = next(i for i in extract(text, published="2017-05-10")
                 if i.event_type == "punishment" and any("prison camps" in e.text for e in i.evidence))
    assert ("date.short_item_lead" in rules(camps)) == (not tally)


@pytest.mark.parametrize(("text", "event_type", "kept"), [
    # date.sentence_history: the closing is told with 2015, history beside the news, though the
    # parse hangs the year on the arrivals: never the day's news, and no record
    ("The number of defectors who reached the South fell to 150 last year, the ministry said on Monday.\n\n"
     "A total of 900 defectors reached the South in 2015, before the authorities closed the border.",
     "lockdown", False),
    # near miss: a year in a relative clause is the flight's, not the arrest's
    ("A woman who fled North Korea in 2015 was arrested by Chinese police in Tumen, a source told Daily NK.\n\n"
     "She had worked at a restaurant, the source said.",
     "arrest", True),
])
def test_an_act_told_with_an_old_year_is_history_not_the_news(extract, text, event_type, kept):
    found = [i for i in extract(text, published="2017-05-10") if i.event_type == event_type]
    assert bool(found) == kept
    assert all(i.time.start and i.time.start.year == 2017 for i in found)
