"""Geoparsing in context (yalu/places/geoparse.py): which place an act happened
in, resolved against the gazetteer, with ontology.md's geo_precision. A source's
home, an agency's dateline and a destination are not where the act happened.

Sentences are fictional, in the style of Daily NK / RFA / Yonhap / KCNA copy.
"""

import pytest

# --- spelling variants --------------------------------------------------------------

@pytest.mark.parametrize("name", ["Ryanggang Province", "Yanggang Province", "Yangkang Province", "량강도"])
def test_ryanggang_in_any_spelling(where, name):
    loc = where(f"Two smugglers were arrested in {name} last week.", "arrested", "arrest")
    assert (loc.country, loc.admin1_code, loc.admin1) == ("KP", "KP-10", "Ryanggang")
    assert loc.admin2 is None
    assert loc.geo_precision == 3


@pytest.mark.parametrize("name", ["Sinpa County", "Kim Jong Suk County"])
def test_sinpa_is_now_kim_jong_suk(where, name):
    loc = where(f"A soldier deserted his unit in {name} on Monday.", "deserted", "desertion")
    assert (loc.admin1_code, loc.admin2, loc.geo_precision) == ("KP-10", "Kim Jong Suk", 1)


@pytest.mark.parametrize(
    "name, admin2, admin1_code",
    [
        ("Shinuiju", "Sinuiju", "KP-03"),
        ("Hoiryeong", "Hoeryong", "KP-09"),
        ("혜산", "Hyesan", "KP-10"),
        ("Musan County, North Hamgyong Province", "Musan", "KP-09"),
        # press spellings of spellings.toml: RFA's Hyeson, Daily NK's Suman-district
        ("Hyeson", "Hyesan", "KP-10"),
        ("Suman-district, Chongjin", "Chongjin", "KP-09"),
        # Daily NK's Hwasung, one of the 화성s, chosen by its province (ambiguities.toml)
        ("Hwasung, North Hamgyong Province", "Myonggan", "KP-09"),
        ("Yongchun, North Pyongan Province", "Ryongchon", "KP-03"),
        # ㅜ as oo in older press copy (romanize._oo)
        ("Moosan", "Musan", "KP-09"),
        ("Woonjeon, North Pyongan Province", "Unjon", "KP-03"),
    ],
)
def test_county_and_city_spellings(where, name, admin2, admin1_code):
    loc = where(f"Police arrested two smugglers in {name} on Monday.", "arrested", "arrest")
    assert (loc.admin2, loc.admin1_code, loc.geo_precision) == (admin2, admin1_code, 1)
    assert loc.latitude is not None and loc.longitude is not None


def test_rason_is_one_second_level(geoparser):
    """Rason's districts and the places in them are coded Rason (place.whole_city), as
    analysts code the special city; Pyongyang's districts stay their own."""
    places = geoparser.gazetteer.places
    for place_id in ("kp.rason.sonbong", "kp.rason.rajin", "kp.rason.wonjong", "kp.rason"):
        assert geoparser.location(places[place_id]).admin2 == "Rason", place_id
    assert geoparser.location(places["kp.pyongyang.pyongchon"]).admin2 == "Pyongchon"


def test_a_country_whose_people_are_named_is_not_where_they_were_caught(mentions):
    # exclusions._source_owner: "North Korea's" says whose soldiers, China where they were caught
    _, found = mentions("Two soldiers from North Korea’s border patrol were arrested for stealing food in China.")
    assert {m.text: m.excluded for m in found} == {"North Korea": "owner", "China": None}


@pytest.mark.parametrize("text", [
    "His car was stopped by a police checkpoint in Bukchong, South Hamgyong Province, last week.",
    "His car was stopped by a police checkpoint in Bukchong County of South Hamgyong Province last week.",
])
def test_a_town_spelt_loosely_before_its_province(where, text):
    """Geoparser._towns_of_named_provinces: a word the tagger left unmarked, known to the
    gazetteer only by a looser spelling, is the town of the province named after it."""
    loc = where(text, "stopped", "arrest")
    assert (loc.admin2, loc.admin1_code) == ("Pukchong", "KP-08")


@pytest.mark.parametrize(
    "text, admin2",
    [
        # a place in a site's name, the site placed elsewhere: where the site is
        ("Police arrested two workers at the Taedonggang Battery Factory in Pyongsong on Monday.", "Pyongsong"),
        # the site placed in a province that holds the name's own place: the name's place
        ("Police arrested two workers at the Musan Mine in North Hamgyong Province on Monday.", "Musan"),
        ("Police arrested two workers at the Hamhung Fertilizer Complex on Monday.", "Hamhung"),
    ],
)
def test_a_place_in_a_sites_name(where, text, admin2):
    assert where(text, "arrested", "arrest").admin2 == admin2


def test_the_most_specific_place_wins(where):
    loc = where("Police arrested two smugglers in Hyesan, Ryanggang Province.", "arrested", "arrest")
    assert (loc.location_name, loc.admin2, loc.admin1_code, loc.geo_precision) == ("Hyesan", "Hyesan", "KP-10", 1)


@pytest.mark.parametrize(
    "province, admin1_code",
    [("North Pyongan Province", "KP-03"), ("South Pyongan Province", "KP-02")],
)
def test_the_two_unsan_counties_by_their_province(where, province, admin1_code):
    loc = where(f"Police arrested two smugglers in Unsan County, {province}.", "arrested", "arrest")
    assert (loc.admin2, loc.admin1_code) == ("Unsan", admin1_code)


# --- not incident places ---------------------------------------------------------

def test_sources_province_is_not_the_incident_place(mentions, where):
    text = "Two soldiers deserted their unit last week, a source in Yanggang Province told Daily NK."
    source = "a source in Yanggang Province"
    _, found = mentions(text, [source])
    assert [(m.text, m.excluded) for m in found] == [("Yanggang Province", "source")]
    assert where(text, "deserted", "desertion", [source]) is None
    # without the source span the province would be taken: the exclusion is what keeps it out
    assert where(text, "deserted", "desertion").admin1_code == "KP-10"


def test_sources_province_leaves_the_incident_county(where):
    text = "Police arrested two traders in Hyesan on Monday, a source in North Hamgyong Province told Daily NK."
    loc = where(text, "arrested", "arrest", ["a source in North Hamgyong Province"])
    assert (loc.admin2, loc.admin1_code) == ("Hyesan", "KP-10")


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang, March 3 (KCNA) -- Kim Jong Un inspected a fertilizer factory.",
        "Pyongyang, March 3, 2024 (KCNA) -- Kim Jong Un inspected a fertilizer factory.",
    ],
)
def test_kcna_dateline_is_not_an_incident_place(mentions, where, text):
    _, found = mentions(text)
    assert [(m.text, m.excluded) for m in found] == [("Pyongyang", "dateline")]
    assert where(text, "inspected", "leadership_activity") is None


def test_place_after_the_dateline_counts(mentions, where):
    text = "Pyongyang, March 3 (KCNA) -- Kim Jong Un inspected a fertilizer factory in Hamhung."
    loc = where(text, "inspected", "leadership_activity")
    assert (loc.admin2, loc.admin1_code) == ("Hamhung", "KP-08")
    text = "Pyongyang, March 3 (KCNA) -- A meeting of party cadres was held in Pyongyang."
    _, found = mentions(text)
    assert [m.excluded for m in found] == ["dateline", None]


def test_yonhap_dateline_is_not_an_incident_place(where):
    loc = where("Seoul, March 3 (Yonhap) -- North Korea fired two missiles from Sunan.", "fired", "missile_launch")
    assert (loc.country, loc.admin2) == ("KP", "Sunan")


def test_destination_is_not_a_defections_place(where):
    assert where("Two soldiers fled to China on Monday.", "fled", "defection") is None
    loc = where("A soldier from Hyesan fled to China on Monday.", "fled", "defection")
    assert (loc.country, loc.admin2) == ("KP", "Hyesan")


@pytest.mark.parametrize("text, trigger, kind, admin2", [
    # context.toml [whither] (place.bound_for): where a vehicle or a traveller was headed
    ("Police arrested six women on a bus bound for Chongjin.", "arrested", "arrest", None),
    ("A truck heading for Sinuiju was robbed near Anju.", "robbed", "attack", "Anju"),
    ("A Hyesan-bound train derailed in Kowon County, killing nine.", "derailed", "disaster", "Kowon"),
    ("The woman left for Hoeryong and was arrested in Musan.", "arrested", "arrest", "Musan"),
    # near misses: "for" a crime, and the nearest preposition ("in") decides
    ("Police arrested a trader in Hyesan for smuggling.", "arrested", "arrest", "Hyesan"),
    ("Guards arrested smugglers heading for the border in Musan.", "arrested", "arrest", "Musan"),
    # near misses: one went there to act, or the act is told where one went
    ("An inspection team left for Hyesan last week to crack down on phone users.", "crack", "crackdown", "Hyesan"),
    ("The smuggler left for Hyesan, where he was arrested by security agents.", "arrested", "arrest", "Hyesan"),
])
def test_where_one_was_headed_is_not_the_acts_place(where, text, trigger, kind, admin2):
    loc = where(text, trigger, kind)
    assert (loc.admin2 if loc else None) == admin2


def test_splash_down_sea_is_not_a_launchs_place(where):
    loc = where("North Korea fired two ballistic missiles into the East Sea from Wonsan.", "fired", "missile_launch")
    assert (loc.admin2, loc.admin1_code) == ("Wonsan", "KP-07")


def test_changbaishan_cigarettes_are_not_a_place(mentions, where):
    _, found = mentions("Police arrested a trader selling Changbaishan cigarettes in Hyesan.")
    assert [m.text for m in found] == ["Hyesan"]
    assert where("Police arrested a trader selling Changbaishan cigarettes.", "arrested", "arrest") is None


@pytest.mark.parametrize("text, verb, admin", [
    ("An official of the North Pyongan Province branch of the labour union was dismissed last week.", "dismissed",
     ("KP-03", None)),
    ("Agents of the Musan County bureau of the security ministry arrested a broker.", "arrested", ("KP-09", "Musan")),
])
def test_an_organs_local_seat_is_a_place(where, text, verb, admin):
    # an organ's branch, bureau, department or court is where its people act (generics.toml place_heads)
    loc = where(text, verb, "punishment" if verb == "dismissed" else "arrest")
    assert (loc.admin1_code, loc.admin2) == admin


def test_changbai_itself_is_a_place(where):
    loc = where("Chinese police arrested a North Korean woman in Changbai on Monday.", "arrested", "arrest")
    assert loc.country == "CN"


def test_place_in_a_clause_of_its_own_is_not_the_acts(where):
    text = "Two soldiers deserted their unit after their commander had been arrested in Hyesan."
    assert where(text, "deserted", "desertion") is None
    assert where(text, "arrested", "arrest").admin2 == "Hyesan"


# --- precision --------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, word, event_type",
    [
        ("Soldiers laid landmines along the border.", "laid", "fortification"),
        ("Police arrested two smugglers near the border on Monday.", "arrested", "arrest"),
        ("Police arrested two smugglers in the border region.", "arrested", "arrest"),
    ],
)
def test_the_border_unnamed_is_precision_3_with_no_province(where, text, word, event_type):
    loc = where(text, word, event_type)
    assert loc.geo_precision == 3
    assert loc.admin1_code is None and loc.admin1 is None and loc.admin2 is None


def test_a_river_alone_is_precision_3_with_no_county(where):
    loc = where("Police arrested two smugglers along the Yalu River.", "arrested", "arrest")
    assert loc.geo_precision == 3
    assert loc.admin2 is None


def test_near_a_town_is_precision_2(where):
    loc = where("Smugglers were arrested near Hyesan on Monday.", "arrested", "arrest")
    assert (loc.admin2, loc.admin1_code, loc.geo_precision) == ("Hyesan", "KP-10", 2)
    loc = where("Smugglers were arrested in Hyesan on Monday.", "arrested", "arrest")
    assert loc.geo_precision == 1


def test_miles_southeast_of_panmunjom_is_in_south_korea(where):
    loc = where(
        "North Korean soldiers fired shots at a guard post 7 miles southeast of Panmunjom.", "fired", "armed_clash"
    )
    assert (loc.country, loc.admin1_code, loc.geo_precision) == ("KR", "KR-41", 2)
    assert "Panmunjom" in loc.location_name
    # the point moved: south and east of the truce village
    panmunjom = where("North Korean soldiers fired shots at a guard post at Panmunjom.", "fired", "armed_clash")
    assert loc.latitude < panmunjom.latitude and loc.longitude > panmunjom.longitude


def test_south_of_a_site_in_panmunjom_is_in_south_korea(where):
    loc = where("Infiltrators ambushed a patrol one mile south of the truce site in Panmunjom.", "ambushed", "attack")
    assert (loc.country, loc.admin1_code, loc.admin2, loc.geo_precision) == ("KR", "KR-41", "Paju", 2)


def test_panmunjom_has_a_country_and_the_direction_still_says_the_side(where):
    """Issue 12: Panmunjom had no country. Named alone it is its UNC side's (Paju, KR-41,
    as CSIS codes it); north or south of it, the direction says which side of the line."""
    loc = where("North Korean soldiers fired shots at a guard post at Panmunjom.", "fired", "armed_clash")
    assert (loc.country, loc.admin1_code) == ("KR", "KR-41")
    loc = where("Soldiers fired shots at a guard post just north of Panmunjom.", "fired", "armed_clash")
    assert (loc.country, loc.admin1_code) == ("KP", "KP-15")


def test_panmunjom_named_alone_is_its_own_second_level(where):
    """The truce village sits on the line, inside no county: analysts code it as its own
    admin2; an offset from it still lands in the county on that side."""
    loc = where("A soldier ran across the line at Panmunjom on Monday.", "ran", "defection")
    assert (loc.admin1_code, loc.admin2) == ("KR-41", "Panmunjom")
    loc = where("Infiltrators ambushed a patrol one mile south of the truce site in Panmunjom.", "ambushed", "attack")
    assert loc.admin2 == "Paju"


def test_an_offset_from_the_capital_named_as_such_moves_the_point(where):
    loc = where("Guards shot two men at a ford 90 miles north of the capital Pyongyang.", "shot", "attack")
    assert loc.admin1_code not in (None, "KP-01") and loc.geo_precision == 2


@pytest.mark.parametrize("text, trigger, event_type", [
    ("North Korea fired two ballistic missiles from an area north of Pyongyang on Tuesday.", "fired", "missile_launch"),
    ("Five prisoners were executed at a camp south of Pyongyang last month, a source said.", "executed", "punishment"),
])
def test_a_bearing_from_pyongyang_with_no_distance_keeps_the_capital_only(where, text, trigger, event_type):
    """Pyongyang's bounds reach far (Sunan, Kangdong): "north of Pyongyang" may be inside
    them or near; the capital's first level, no district."""
    loc = where(text, trigger, event_type)
    assert (loc.admin1_code, loc.admin2) == ("KP-01", None)


def test_a_place_named_after_an_offset_is_not_moved(where):
    loc = where("The missile was fired from a site 40 kilometers north of Pyongyang in Sunchon.", "fired", "missile_launch")
    assert loc.admin2 == "Sunchon"


def test_a_hangul_person_name_stays_a_person(mentions):
    doc, found = mentions("A statue of 김정숙 was unveiled in the square.")
    assert found == []


def test_to_the_southwest_of_an_island_is_where_not_whither(where):
    loc = where("Patrol boats crossed the NLL to the southwest of Yeonpyeong Island.", "crossed", "incursion")
    assert (loc.admin1_code, loc.admin2, loc.geo_precision) == ("KR-28", "Ongjin", 2)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Police in the port city of Kim Chaek raided homes.", "raided"),
        ("Police in Kimchaek raided homes.", "raided"),  # one word: the city, never the general
    ],
)
def test_kim_chaek_the_city(where, text, word):
    loc = where(text, word, "crackdown")
    assert (loc.admin2, loc.admin1_code) == ("Kim Chaek", "KP-09")


@pytest.mark.parametrize(
    "text, word",
    [
        ("North Korea fired two short-range missiles from Kim Chaek on Tuesday morning.", "fired"),
        ("The projectile was launched from near Kim Chaek, the military said.", "launched"),
        ("A missile was launched from the Kim Chaek area into the East Sea.", "launched"),
    ],
)
def test_kim_chaek_in_two_words_next_to_a_launch_is_the_city(where, text, word):
    loc = where(text, word, "missile_launch")
    assert (loc.admin2, loc.admin1_code) == ("Kim Chaek", "KP-09")


def test_kim_chaek_the_general_is_no_place(mentions):
    doc, found = mentions("Students laid flowers at the statue of Kim Chaek.")
    assert found == []


# --- context decides ----------------------------------------------------------------

@pytest.mark.parametrize(
    "text, admin1_code, country",
    [
        ("Floods hit Kangwon Province in North Korea.", "KP-07", "KP"),
        ("Floods hit Gangwon Province in South Korea.", "KR-42", "KR"),
        ("Heavy rains caused flooding in Kangwon Province, South Korea's weather agency said.", "KR-42", "KR"),
        ("Floods hit Kangwon Province, destroying homes in Wonsan.", "KP-07", "KP"),
        ("Heavy rain flooded Kangwon Province, cutting roads near Chuncheon.", "KR-42", "KR"),
        ("Heavy rain flooded Gangwon Province, cutting roads near Wonsan.", "KP-07", "KP"),
    ],
)
def test_kangwon_or_gangwon_by_context(where, nlp, text, admin1_code, country):
    doc = nlp(text)
    word = next(t.text for t in doc if t.lemma_.lower() in ("flood", "flooding"))
    loc = where(text, word, "disaster")
    assert (loc.admin1_code, loc.country) == (admin1_code, country)


def test_kosong_and_goseong(where):
    north = where("North Korean troops laid mines in Kosong County.", "laid", "fortification")
    assert (north.country, north.admin1_code, north.admin2) == ("KP", "KP-07", "Kosong")
    south = where("A North Korean soldier defected across the MDL in Goseong, South Korea.", "defected", "defection")
    assert (south.country, south.admin1_code) == ("KR", "KR-42")


# --- special cities ------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Police arrested two smugglers in Nampo on Monday.",
        "Police arrested two traders in the port city of Nampo.",
    ],
)
def test_special_city_is_its_own_admin2(where, text):
    loc = where(text, "arrested", "arrest")
    assert (loc.admin1_code, loc.admin2, loc.geo_precision) == ("KP-14", "Nampo", 1)


def test_location_record_of_a_special_city(geoparser):
    [nampo] = [p for p in geoparser.gazetteer.lookup("Nampo") if p.kind == "special_city"]
    loc = geoparser.location(nampo)
    assert (loc.admin1_code, loc.admin2, loc.country) == ("KP-14", "Nampo", "KP")
    # a county gets its province as admin1 and itself as admin2
    [hyesan] = geoparser.gazetteer.lookup("Hyesan")[:1]
    loc = geoparser.location(hyesan)
    assert (loc.admin1, loc.admin1_code, loc.admin2, loc.geo_precision) == ("Ryanggang", "KP-10", "Hyesan", 1)


def test_a_site_right_under_a_special_city_has_the_city_as_second_level(geoparser):
    """The Kaesong Industrial Complex lies in none of Kaesong's districts: analysts code it
    Kaesong, as a site in one of them (Kijong-dong, in Panmun) keeps its district."""
    def admin2(name):
        return geoparser.location(geoparser.gazetteer.lookup(name)[0]).admin2
    assert admin2("Kaesong Industrial Region") == "Kaesong"
    assert admin2("Kijong-dong") == "Panmun"
    assert admin2("Hyesan") == "Hyesan"


# --- tags the trigger rules read ------------------------------------------------------

def test_tags_give_countries_and_border_features(mentions, geoparser, nlp):
    doc, found = mentions("Two women crossed the Tumen River into China.")
    tags = geoparser.tags(list(doc), found)
    assert {"@CN", "@border"} <= tags
    doc, found = mentions("Two women were arrested in Hyesan, a source in Yanggang Province said.",
                          ["a source in Yanggang Province"])
    # an excluded place gives no tag; an incident place does, with its own id
    assert geoparser.tags(list(doc), found) == {"@KP", "@kp.ryanggang.hyesan"}


# --- villages and datelines -----------------------------------------------------------

def test_an_unknown_village_is_not_a_namesake_across_the_border(where):
    # Taechong is also an alias of the South's Daecheong Island: "-ri" makes it a village
    loc = where("An embankment burst in Taechong-ri, in Unpha County, flooding fields.", "flooding", "disaster")
    assert (loc.country, loc.admin1_code, loc.admin2) == ("KP", "KP-06", "Unpha")


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL - North Korea flew several drones across the border on Monday.",
        "SEOUL, South Korea — North Korea flew several drones across the border on Monday.",
        "Breaking\nSEOUL — North Korea flew several drones across the border on Monday.",
    ],
)
def test_an_undated_dateline_is_the_reporters_place(mentions, text):
    doc, found = mentions(text)
    seoul = next(m for m in found if m.text.lower() == "seoul")
    assert seoul.excluded == "dateline"


def test_a_dash_after_words_that_are_no_place_is_no_dateline(mentions):
    doc, found = mentions("North Korea has tolerated — for years — smuggling in Hyesan.")
    assert all(m.excluded is None for m in found)


@pytest.mark.parametrize(
    "text, word, admin2",
    [
        ("Two women were sent to a labour camp in Hyetan District, Hyesan.", "sent", "Hyesan"),
        ("A public execution was held at a stadium in Huiryung city last week.", "execution", "Hoeryong"),
        ("Prices rose sharply in Musan County, North Hamkyung Province, last month.", "rose", "Musan"),
    ],
)
def test_press_spellings(where, text, word, admin2):
    loc = where(text, word, "punishment")
    assert loc.admin2 == admin2


# --- directions (data/places/context.toml) --------------------------------------------

def test_directions_load_and_name_event_types():
    from yalu.ontology import event_types
    from yalu.places.geoparse import directions

    rules = directions()
    assert {r.id for r in rules} >= {"place.target", "place.origin"}
    assert all(r.types <= set(event_types()) for r in rules)


def test_a_shelling_is_placed_where_the_shells_landed(where):
    loc = where("North Korean artillery fired about 80 rounds into Baengnyeong Island on Tuesday afternoon.",
                "fired", "artillery_fire")
    assert (loc.country, loc.admin1_code, loc.admin2) == ("KR", "KR-28", "Ongjin")


def test_a_launch_is_not_placed_where_the_missile_fell(where):
    loc = where("North Korea fired two ballistic missiles from Sunan into the East Sea.", "fired", "missile_launch")
    assert loc.admin2 == "Sunan"


def test_a_defection_is_not_placed_where_the_defector_went(where):
    assert where("A soldier fled into Changbai County across the frozen river.", "fled", "defection") is None


def test_the_country_that_fired_is_not_where_the_shells_fell(where):
    assert where("The barrage from North Korea went on for an hour.", "barrage", "artillery_fire") is None


# --- the setting of an act told in a clause below it -------------------------------------

@pytest.mark.parametrize(
    "text, word, event_type, admin2",
    [
        ("A tourist was shot dead at dawn after straying from the path while visiting Mount Kumgang.",
         "shot", "attack", None),
        ("The two were given a year in a labour camp, which is in Masan-dong, Hyesan.", "year", "punishment", "Hyesan"),
        ("Agents arrested a man who lives in Wiyon-dong, Hyesan, on Monday.", "arrested", "arrest", "Hyesan"),
    ],
)
def test_a_place_in_a_clause_of_the_acts_setting(where, text, word, event_type, admin2):
    loc = where(text, word, event_type)
    assert loc is not None and loc.admin2 == admin2 and loc.country == "KP"


def test_a_place_someone_came_back_from_is_no_setting(where):
    assert where("He was detained after returning from Yanji.", "detained", "arrest") is None


def test_a_relative_clause_with_a_subject_of_its_own_tells_others_places(where):
    # where the relatives went, not where the families are punished
    assert where("North Koreans whose family members have resettled in South Korea are being banished "
                 "to rural areas.", "banished", "punishment") is None
    assert where("Police arrested a woman whose son lives in Seoul.", "arrested", "arrest") is None


def test_a_place_of_a_sequel_clause_is_no_setting(where):
    assert where("She was arrested after calling her brother in Seoul.", "arrested", "arrest") is None


# --- the home of an outlet, the state of an organ ---------------------------------------

@pytest.mark.parametrize(
    "text, name",
    [
        ("Pyongyang's Korean Central Television said heavy rain flooded Kowon County.", "Pyongyang"),
        ("Seoul's military said it tracked the drones.", "Seoul"),
        ("Seoul's Yonhap news agency carried the report.", "Seoul"),
    ],
)
def test_a_place_owning_an_outlet_or_an_organ_is_no_place(mentions, text, name):
    doc, found = mentions(text)
    assert next(m for m in found if m.text == name).excluded == "owner"


def test_a_place_owning_a_place_is_a_place(mentions):
    doc, found = mentions("Crowds gathered in Pyongyang's Kim Il Sung Square.")
    assert all(m.excluded is None for m in found)


@pytest.mark.parametrize("text, name, why", [
    ("(Xinhua)\nUpdated: 2011-03-02 09:10 PYONGYANG - The DPRK said on Tuesday that floods hit Kowon.", "PYONGYANG", "dateline"),
    # a capital in capitals before a colon (place.colon_dateline)
    (" date 2021-06-02 SEOUL: North Korea's leader visited a farm in Kowon, state media said.", "SEOUL", "dateline"),
    ("PYONGYANG: The DPRK said on Tuesday that floods hit Kowon.", "PYONGYANG", "dateline"),
    # with the agency in brackets before the colon, as older wire copy has it
    ("SEOUL (Reuter): A measles outbreak has hit Kowon, an intelligence agency said.", "SEOUL", "dateline"),
    # not a place in capitals inside a sentence
    ("Two men were held at a checkpoint near SEOUL: the police gave no names.", "SEOUL", None),
])
def test_a_capital_dateline_after_a_date_stamp(mentions, text, name, why):
    doc, found = mentions(text)
    assert next(m for m in found if m.text == name).excluded == why


# --- what a sentence lends to its neighbours ---------------------------------------------

def test_a_sentence_that_tells_no_act_lends_its_place(nlp, geoparser):
    doc = nlp("On the 12th, at Hoeryong Market, a kilo of rice sold for 6,000 won.")
    assert geoparser.context_place(next(doc.sents), geoparser.mentions(doc, [])).admin2 == "Hoeryong"


@pytest.mark.parametrize(
    "text",
    [
        "(Photo) Hyesan Market on a winter evening.",
        "Won Pyongyang Sinuiju Hyesan",
        "Soldiers stand guard in Sinuiju in this file photo taken in 2019.",
    ],
)
def test_a_caption_or_a_ticker_lends_no_place(nlp, geoparser, text):
    doc = nlp(text)
    assert geoparser.context_place(doc[:], geoparser.mentions(doc, [])) is None


@pytest.mark.parametrize("text", ["A fishing boat crossed the sea border on Friday.",
                                  "Patrol boats crossed the tense western sea border twice."])
def test_the_sea_border_between_the_koreas_is_the_nll(mentions, text):
    doc, found = mentions(text)
    assert [m.place.id for m in found] == ["border.nll"]


# --- a capital that acts is its state (context.toml, [metonymy]) ----------------------------

@pytest.mark.parametrize(
    "text, name",
    [
        ("The intrusion prompted Seoul to scramble fighter jets.", "Seoul"),
        ("The island was the target of an artillery attack by Pyongyang last year.", "Pyongyang"),
        ("Pyongyang fired three short-range missiles on Thursday.", "Pyongyang"),
    ],
)
def test_a_capital_that_acts_is_no_place(mentions, text, name):
    doc, found = mentions(text)
    assert next(m for m in found if m.text == name).excluded == "state"


@pytest.mark.parametrize("text", ["Pyongyang was hit by heavy rain on Sunday.", "Talks were held in Seoul on Friday."])
def test_a_capital_where_things_happen_is_a_place(mentions, text):
    doc, found = mentions(text)
    assert all(m.excluded is None for m in found)


def test_a_citys_airspace_is_the_city(where):
    loc = where("Radar detected a drone crossing into the Gimpo airspace at noon.", "crossing", "incursion")
    assert (loc.admin1_code, loc.admin2) == ("KR-41", "Gimpo")


# --- a misspelt province, confirmed by a county of it --------------------------------------

def test_a_misspelt_province_next_to_its_county(mentions):
    doc, found = mentions("Police raided homes in Kanggye, Jagan Province, on Sunday.")
    assert [(m.text, m.place.id) for m in found] == [("Kanggye", "kp.chagang.kanggye"), ("Jagan Province", "kp.chagang")]


def test_a_misspelt_province_decides_between_namesake_counties(where):
    loc = where("Police arrested traders in Unsan County, South Pyongang Province, on Monday.", "arrested", "arrest")
    assert loc.admin1_code == "KP-02"


def test_a_misspelt_province_with_its_compass_point_needs_no_county(mentions):
    doc, found = mentions("The leader toured new factories in South Pyongyan Province last week.")
    assert [(m.text, m.place.id) for m in found] == [("South Pyongyan Province", "kp.south-pyongan")]


def test_a_misspelt_province_alone_is_no_place(mentions):
    doc, found = mentions("Floods hit Japang Province on Monday.")
    assert found == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Troops stationed in Kaesong were relocated to Kumchon County on Aug. 10.", "relocated"),
        ("The corps sent two battalions from Sariwon to Kumchon County last week.", "sent"),
    ],
)
def test_a_deployment_is_placed_where_the_troops_were_sent(where, text, word):
    loc = where(text, word, "deployment")
    assert (loc.admin1_code, loc.admin2) == ("KP-06", "Kumchon")


@pytest.mark.parametrize(
    "text, word",
    [
        ("After the trial in Hoeryong, the authorities exiled his family to Kapsan County.", "exiled"),
        ("The security ministry banished the widow from Hoeryong to Kapsan last spring.", "banished"),
    ],
)
def test_a_banishment_is_placed_where_the_family_was_sent(where, text, word):
    loc = where(text, word, "punishment")
    assert (loc.admin1_code, loc.admin2) == ("KP-10", "Kapsan")


def test_a_forced_repatriation_is_placed_where_the_people_were_handed_over(where):
    """place.handed_over_at: the North Korean town they were sent back to, not the Chinese
    city they were caught in; sent back "to North Korea" names no town."""
    loc = where("The woman was caught in Yanji and forcibly repatriated to Musan in May.", "repatriated", "forced_repatriation")
    assert (loc.admin1_code, loc.admin2) == ("KP-09", "Musan")
    loc = where("Chinese police in Yanji repatriated the two women to North Korea.", "repatriated", "forced_repatriation")
    assert loc.admin2 == "Yanji"


def test_a_camp_sentence_stays_where_it_was_handed_down(where):
    """place.banished_to is for banishment verbs only: a man 'sent to' a camp after a
    trial in Hoeryong was sentenced in Hoeryong."""
    loc = where("The two men were sent to Hamhung Forced Labor Camp after a trial in Hoeryong.", "sent", "punishment")
    assert loc.admin2 == "Hoeryong"


@pytest.mark.parametrize("text", ["Border guards arrested three smugglers on Monday.",
                                  "The two men were arrested by Chinese border security forces."])
def test_border_as_the_kind_of_guard_is_no_place(mentions, text):
    """"border guards", "border security forces": who, not where."""
    _, found = mentions(text)
    assert [m.place.id for m in found if m.place.kind == "border"] == []


def test_the_border_village_named_after_it_is_the_place(where):
    loc = where("The handover took place at the border village of Panmunjom on Saturday.", "handover", "other")
    assert loc.location_name == "Panmunjom"
    # the border alone is still a place
    loc = where("Troops laid new mines along the border on Saturday.", "laid", "deployment")
    assert loc.location_name == "the border"


@pytest.mark.parametrize(
    "text, word",
    [
        ("Two smugglers were arrested last week, the Seoul-based Daily NK reported.", "arrested"),
        ("Two smugglers were arrested last week, a Tokyo-based reporter said.", "arrested"),
        ("Speaking from Seoul, a defector said her family was detained by police last month.", "detained"),
    ],
)
def test_where_a_reporter_is_based_or_speaks_from_is_no_place_of_the_act(where, text, word):
    """place.based, place.speaking_from: the home of whoever tells the story."""
    assert where(text, word, "arrest") is None


# place.birthplace: each name is where a person was born or comes from
BIRTHPLACES = {
    "Chongjin": "The former minister, a native of the port city of Chongjin, was executed on Tuesday.",
    "North Hamgyong Province": "The officer, a native of Hoeryong, North Hamgyong Province, was arrested last week.",
    "Hamhung": "The teacher, who was originally from Hamhung, was detained by security agents.",
    "Jagang Province": "The soldier was born in Jagang Province and was discharged last year.",
}


@pytest.mark.parametrize("name", sorted(BIRTHPLACES))
def test_a_birthplace_is_no_place_of_the_story(mentions, name):
    """place.birthplace: where a person was born or comes from is their background; it
    neither places the sentence's act nor is lent to the next ones."""
    doc, found = mentions(BIRTHPLACES[name])
    assert next(m for m in found if m.text == name).excluded == "birthplace"


# place.birthplace near misses: the cue's own noun phrase ends before the clause's act
NOT_BIRTHPLACES = {
    "The teacher, originally from Hamhung, was arrested in Hyesan last week.": "arrested",
    "A defector born in 1990 was caught in Hyesan last week.": "caught",
}


@pytest.mark.parametrize("text", sorted(NOT_BIRTHPLACES))
def test_a_place_after_a_birthplace_cue_and_a_verb_is_the_story_s(where, text):
    """place.birthplace: a place after the cue's phrase and a verb of its own is where the act is."""
    assert where(text, NOT_BIRTHPLACES[text], "arrest").admin2 == "Hyesan"


def test_a_resident_is_still_placed_where_he_lives(where):
    """place.person_home, not place.birthplace: "a resident of Hyesan" acts at home."""
    loc = where("A resident of Hyesan was arrested last week for selling phones.", "arrested", "arrest")
    assert loc.admin2 == "Hyesan"


def test_north_koreans_abroad_are_placed_where_they_were_caught(where):
    """international.csv: the places of North Koreans abroad (Laos, Vietnam, Panama)."""
    loc = where("Nine North Koreans were arrested by Lao police in Oudomxay province last week.", "arrested", "arrest")
    assert (loc.country, loc.admin1_code) == ("LA", "LA-OU")
    loc = where("Eleven defectors were caught again in Lang Son near the Chinese border.", "caught", "arrest")
    assert (loc.admin1_code, loc.admin2) == ("VN-09", "Lang Son")


def test_a_place_based_elsewhere_leaves_the_acts_own_place(where):
    loc = where("Police arrested two traders in Hyesan, the Seoul-based Daily NK reported.", "arrested", "arrest")
    assert loc.admin2 == "Hyesan"


def test_a_town_someone_visited_is_not_where_they_were_caught(where):
    """"visited Hamhung ... and was caught on her return": where she had gone; the visit
    itself still happened there."""
    assert where("She had visited Hamhung to buy goods and was caught on her return.", "caught", "arrest") is None
    loc = where("Kim Jong Un visited Hamhung on Monday.", "visited", "leadership_activity")
    assert loc.admin2 == "Hamhung"


def test_a_visit_keeps_the_place_it_visited_inside_a_longer_name(where):
    """The visit's own place, named inside "the Hamhung Fertilizer Complex" or as the
    second of two towns, is the visit's clause place, not a destination set aside."""
    loc = where("Kim Jong Un visited the Hamhung Fertilizer Complex on Monday.", "visited", "leadership_activity")
    assert loc.admin2 == "Hamhung"
    loc = where("Kim Jong Un visited a farm in Chongjin and the Wonsan shipyard.", "visited", "leadership_activity")
    assert loc is not None


def test_based_on_after_a_place_is_no_base(where):
    """place.based reads "Seoul-based", not "in Hyesan based on a tip"."""
    loc = where("Security agents arrested three smugglers in Hyesan based on a tip from a neighbour.", "arrested", "arrest")
    assert loc.admin2 == "Hyesan"
