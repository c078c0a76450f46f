"""Attribution (yalu/extract/attribution.py): who says so, where the source is,
and which other outlets corroborate. The source's location is where the source
lives, not where the incident happened: its span is handed to the geoparser.

Sentences are fictional, in the style of Daily NK / RFA / Yonhap / KCNA copy.
"""

import pytest

from yalu.extract.attribution import citations, corroboration, sentence_attribution
from yalu.ingest.metadata import canonical_outlet, own_outlet
from yalu.places.geoparse import Geoparser


@pytest.fixture(scope="module")
def attribute(nlp):
    """text, outlet -> [(sentence text, Attribution or None, corroboration)]."""

    def run(text, outlet="Daily NK"):
        doc = nlp(text)
        cites = citations(doc)
        return [(s.text, sentence_attribution(s, cites, outlet), corroboration(s, cites, outlet)) for s in doc.sents]

    return run


# --- anonymous sources ------------------------------------------------------------

def test_source_in_a_province_told_daily_nk(attribute):
    [(_, who, _)] = attribute(
        "Two soldiers deserted their unit last week, a source in North Hamgyong Province told Daily NK."
    )
    assert who is not None
    assert who.kind == "anonymous_source"
    assert who.text == "a source in North Hamgyong Province"
    assert who.location == "North Hamgyong Province"


@pytest.mark.parametrize(
    "text, phrase, location",
    [
        ("Two soldiers deserted their unit, two sources in Yanggang Province told Daily NK.",
         "two sources in Yanggang Province", "Yanggang Province"),
        ("Two soldiers deserted their unit, a Daily NK source in Hyesan said.",
         "a Daily NK source in Hyesan", "Hyesan"),
        ("Two soldiers deserted their unit, according to a source in Hyesan.",
         "a source in Hyesan", "Hyesan"),
        ("Police raided the market on Monday, a source told Daily NK.", "a source", None),
        # ASIAPRESS's reporting partners speak with their own verbs
        ("A reporting partner in Ryanggang Province gave us the following information in May.",
         "A reporting partner in Ryanggang Province", "Ryanggang Province"),
        ("A reporting partner living in Musan provided the following report in late October.",
         "A reporting partner living in Musan", "Musan"),
        ("Police detained her brother in 2019, a source now living in Seoul told Daily NK.",
         "a source now living in Seoul", "Seoul"),
        # RFA's province in lower case, after words that say where in the country it lies
        ("A fire broke out at the mine, a source in the country’s northern Ryanggang province told RFA.",
         "a source in the country’s northern Ryanggang province", "Ryanggang province"),
        ("A fire broke out at the mine, a source from North Pyongan province told RFA.",
         "a source from North Pyongan province", "North Pyongan province"),
        # RFA's resident of a town or province speaks for the place he lives in
        ("Police searched every household for televisions, a resident of Kanggye told RFA.",
         "a resident of Kanggye", "Kanggye"),
        ("Prices doubled in a week, a resident of North Hamgyong province told RFA on Monday.",
         "a resident of North Hamgyong province", "North Hamgyong province"),
        # an official "of" a body is its employee, not from a place
        ("The order came last month, an official of the Ministry of Commerce told Daily NK.",
         "an official", None),
        # older Daily NK copy opens on a bare plural and names the district of a city
        ("Sources residing in the district of Hyesan, Ryanggang informed on the 3rd that police raided the market.",
         "Sources residing in the district of Hyesan, Ryanggang", "Hyesan, Ryanggang"),
        # a source across the river, quoted by the outlet: his whole city is his home
        ("“Six crossed the river at night,” Daily NK quoted a source in the Chinese border city of Hunchun as saying.",
         "a source in the Chinese border city of Hunchun", "Hunchun"),
    ],
)
def test_anonymous_source_phrases(attribute, text, phrase, location):
    [(_, who, _)] = attribute(text)
    assert (who.kind, who.text, who.location) == ("anonymous_source", phrase, location)


def test_quote_is_the_earlier_sources(attribute):
    found = attribute(
        "Two soldiers deserted their unit, a source in Hyesan told Daily NK. "
        "“They crossed the river at night and nobody noticed for hours,” the source said."
    )
    assert len(found) == 2
    assert found[0][1].kind == found[1][1].kind == "anonymous_source"


def test_residents_who_act_are_not_sources(attribute):
    [(_, who, _)] = attribute("Police arrested residents in Hyesan for smuggling last week.")
    assert who is None


def test_residents_who_speak_are_sources(attribute):
    [(_, who, _)] = attribute("Police arrested two traders in Hyesan, a resident of the city told RFA.",
                              outlet="Radio Free Asia")
    assert who is not None and who.kind == "anonymous_source"


def test_the_writer_speaking_is_no_attribution(attribute):
    [(_, who, _)] = attribute("Police arrested two traders in Hyesan on Monday.")
    assert who is None


# --- named sources: officials, media, state media ----------------------------------

@pytest.mark.parametrize(
    "text, outlet, name, kind",
    [
        ("North Korea fired two ballistic missiles, South Korea's Joint Chiefs of Staff said.",
         "Yonhap", "Joint Chiefs of Staff", "official"),
        ("North Korea fired two ballistic missiles, according to the Joint Chiefs of Staff.",
         "Yonhap", "Joint Chiefs of Staff", "official"),
        ("A North Korean soldier crossed the MDL, the Defense Ministry said.",
         "Yonhap", "Ministry of National Defense", "official"),
        ("North Korea launched a satellite on Tuesday, KCNA reported.",
         "Yonhap", "KCNA", "state_media"),
        ("Two soldiers deserted their unit in Hyesan, Radio Free Asia reported.",
         "Daily NK", "Radio Free Asia", "media"),
    ],
)
def test_named_source(attribute, text, outlet, name, kind):
    [(_, who, _)] = attribute(text, outlet=outlet)
    assert (who.text, who.kind) == (name, kind)


def test_the_publishing_outlet_is_not_its_own_source(attribute):
    [(_, who, _)] = attribute("Two soldiers deserted their unit, Daily NK has learned.", outlet="Daily NK")
    assert who is None


def test_outlet_named_without_a_reporting_verb_is_no_source(attribute):
    [(_, who, _)] = attribute("Two soldiers deserted in Hyesan, as in a case covered by Yonhap.", outlet="Daily NK")
    assert who is None


# --- corroboration ---------------------------------------------------------------

@pytest.mark.parametrize(
    "text, outlets",
    [
        ("Yonhap also reported that two soldiers deserted in Hyesan.", ["Yonhap"]),
        ("South Korea's Chosun Ilbo has also reported the desertion.", ["Chosun Ilbo"]),
        ("The Korea Herald has also confirmed the desertion.", ["Korea Herald"]),
    ],
)
def test_other_outlet_also_reporting_is_corroboration(attribute, text, outlets):
    [(_, _, corroborating)] = attribute(text, outlet="Daily NK")
    assert corroborating == outlets


def test_own_outlet_is_no_corroboration(attribute):
    [(_, _, corroborating)] = attribute("Daily NK also reported the desertion.", outlet="Daily NK")
    assert corroborating == []


def test_plain_citation_is_no_corroboration(attribute):
    # a source told us: that is who says so, not a second outlet confirming it
    [(_, who, corroborating)] = attribute(
        "Two soldiers deserted their unit, a source in Hyesan told Daily NK.", outlet="Daily NK"
    )
    assert who is not None
    assert corroborating == []


def test_officials_are_not_corroborating_outlets(attribute):
    [(_, _, corroborating)] = attribute(
        "The Joint Chiefs of Staff also confirmed the launch.", outlet="Yonhap"
    )
    assert corroborating == []


# --- the source's location is handed on as a span ------------------------------------

def test_citation_span_covers_the_sources_location(nlp):
    text = "Police arrested two traders in Hyesan on Monday, a source in Yanggang Province told Daily NK."
    doc = nlp(text)
    anonymous = [c for c in citations(doc) if c.attribution.kind == "anonymous_source"]
    assert len(anonymous) == 1
    span = text[anonymous[0].start:anonymous[0].end]
    assert "Yanggang Province" in span
    assert "Hyesan" not in span


def test_sources_location_is_excluded_from_incident_places(nlp):
    text = "Police arrested two traders in Hyesan on Monday, a source in Yanggang Province told Daily NK."
    doc = nlp(text)
    places = Geoparser().mentions(doc, [(c.start, c.end) for c in citations(doc)])
    excluded = {m.text: m.excluded for m in places}
    assert excluded == {"Hyesan": None, "Yanggang Province": "source"}


def test_citations_in_document_order(nlp):
    doc = nlp(
        "North Korea fired two missiles on Monday, the Joint Chiefs of Staff said. "
        "KCNA reported the launch on Tuesday. Yonhap also reported it."
    )
    names = [c.attribution.text for c in citations(doc)]
    assert names == ["Joint Chiefs of Staff", "KCNA", "Yonhap"]
    assert [c.start for c in citations(doc)] == sorted(c.start for c in citations(doc))


# --- the outlet a report speaks for -------------------------------------------------

@pytest.mark.parametrize(
    "text, agency, expected",
    [
        ("Two soldiers deserted, a source in Hyesan told Daily NK on Monday.", None, "Daily NK"),
        ("North Korea fired a missile, the JCS said.", "Yonhap", "Yonhap"),
        ("Pyongyang, May 3 -- The meeting opened.", "KCNA", "KCNA"),
        ("The shipyard burned, satellite imagery reviewed by NK News shows.", None, "NK News"),
        ("Rice prices rose, an ASIAPRESS reporting partner in Musan said.", None, "ASIAPRESS"),
        ("A depot exploded in Kusong.\nReported by a staff writer for RFA Korean.", None, "Radio Free Asia"),
        # another outlet cited is not the report's own
        ("Two soldiers deserted last week. The Chosun Ilbo also reported the desertion.", None, None),
        ("North Korea fired a missile, Yonhap reported.", None, None),
    ],
)
def test_own_outlet(text, agency, expected):
    assert own_outlet(text, agency) == expected


@pytest.mark.parametrize(
    "name, expected",
    [("Yonhap News Agency", "Yonhap"), ("RFA", "Radio Free Asia"), ("ASIAPRESS Rimjin-gang", "ASIAPRESS"),
     ("KCNA Watch", "NK News"), ("Example Wire", "Example Wire")],
)
def test_canonical_outlet(name, expected):
    assert canonical_outlet(name) == expected


def test_state_media_reports_the_states_acts(pipeline):
    """What KCNA says happened is reported, with KCNA as the attribution, in the DPRK
    when no place is named (fictional dispatch written for Yalu's tests)."""
    from yalu.ingest import read_text

    text = (
        "Pyongyang, May 3 (KCNA) -- The Academy of Defence Science conducted a test of a new-type engine on Friday.\n\n"
        "[Fictional report written for Yalu's tests; not real news.]"
    )
    [(_, incidents)] = list(pipeline.run([read_text(text, published="2024-05-03", outlet="KCNA")]))
    test = next(i for i in incidents if i.event_type == "weapons_test")
    assert (test.modality, test.attribution.text, test.attribution.kind) == ("reported", "KCNA", "state_media")
    assert test.location.country == "KP"
