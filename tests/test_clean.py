"""Page furniture: set aside from incident text, conservatively (yalu.ingest.furniture)."""

from pathlib import Path

import pytest

from yalu.ingest.furniture import KINDS, classify_line, load_rules, parse_rules, split_furniture

SEED = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "seed"
    / "dailynk-soldier-defects-with-weapon.txt"
)


def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"real seed article not available ({SEED} missing; it lives in ../shared)")
    return SEED.read_text(encoding="utf-8")


# --- the real seed ------------------------------------------------------------------


@pytest.mark.shared
def test_seed_furniture_is_set_aside():
    text, furniture = split_furniture(seed_text())
    kinds = {f.kind: f.text for f in furniture}
    assert [f.kind for f in furniture] == ["tags", "caption", "contact", "link"]
    assert kinds["tags"] == "remittance ryanggang province border agreement equipment"
    assert kinds["caption"].endswith("/ Image: Daily NK")
    assert "Sakju County" in kinds["caption"]
    assert kinds["contact"].startswith("Please direct any comments or questions about this article to")
    assert kinds["link"] == "Read in Korean"
    # none of it is incident text
    for absent in ("Sakju", "Image: Daily NK", "remittance ryanggang", "Please direct", "Read in Korean"):
        assert absent not in text


@pytest.mark.shared
def test_seed_incident_sentences_stay_unchanged():
    original = seed_text()
    text, _ = split_furniture(original)
    # the incident sentences stay: their place names are still in the text
    for name in ("Sinpa County", "Yalu River", "Hyesan"):
        assert name in text
    # not rewritten: every kept line is a line of the original, curly quotes
    # and no-break spaces included
    original_lines = set(original.split("\n"))
    for line in text.split("\n"):
        assert line in original_lines
    assert "\u201c" in text and "\u00a0" in text
    # paragraphs kept, and no hole where the furniture was
    assert "\n\n" in text and "\n\n\n" not in text
    assert text == text.strip("\n")


# --- each kind of furniture ---------------------------------------------------------


@pytest.mark.parametrize(
    "line, kind",
    [
        ("A sentry post in Sakju County, North Pyongan Province. / Image: Daily NK", "caption"),
        ("Soldiers at a checkpoint / Photo: Example Wire", "caption"),
        ("Image: Daily NK", "caption"),
        ("Photo: a market in Hyesan", "caption"),
        ("Caption: Guards on the river bank", "caption"),
        ("Guards on the river bank in Hyesan. (Photo: Yonhap)", "caption"),
        ("(Photo: Yonhap)", "caption"),
        ("[Photo: KCNA]", "caption"),
        ("Kim Jong Un at a factory. [Photo: KCNA]", "caption"),
        ("A ferry on the Taedong River (Yonhap photo)", "caption"),
        ("Photo courtesy of Example Wire", "caption"),
        ("Tags: border, smuggling, Hyesan", "tags"),
        ("Keywords: defection", "tags"),
        ("Read in Korean", "link"),
        ("Read this article in Korean", "link"),
        ("read in korean", "link"),
        ("Korean version", "link"),
        ("Related articles", "link"),
        ("Related: Guards seize boat near Hyesan", "link"),
        ("Read more: Landmine blasts on the border", "link"),
        ("See also", "link"),
        ("Share this article", "link"),
        ("Print", "link"),
        ("Facebook Twitter Email Print", "link"),
        ("Share | Print | Email", "link"),
        ("Please direct any comments or questions about this article to desk@example.org.", "contact"),
        ("Sign up for our weekly newsletter", "other"),
        ("Subscribe to our newsletter for daily updates", "other"),
        ("Copyright 2021 Example News. All rights reserved.", "other"),
        ("© Example News", "other"),
        ("(c) 2020-2021 Example Wire", "other"),
        ("Example Wire 2021. All rights reserved.", "other"),
        ("By Jane Doe", "byline"),
        ("By Jane Doe and Kim Min-ji", "byline"),
        ("By Jane Doe, Example Wire", "byline"),
        ("Written by J. R. Doe", "byline"),
        ("[Fictional report written for Yalu tests.]", "disclaimer"),
        ("This is a fictional report written for Yalu; names are invented.", "disclaimer"),
    ],
)
def test_furniture_lines(line, kind):
    assert classify_line(line) == kind
    text, furniture = split_furniture(f"Guards detained two men in Hyesan.\n\n{line}\n\nThe men were released.")
    assert [(f.kind, f.text) for f in furniture] == [(kind, line)]
    assert text == "Guards detained two men in Hyesan.\n\nThe men were released."


@pytest.mark.parametrize(
    "line",
    [
        "The photo, taken by a source, shows guards at the river.",
        "A photo taken by the source shows officers carrying boxes out of the market.",
        "Image quality was poor, the source said.",
        "Photographs of the site were shared with Daily NK.",
        "By Tuesday the guards had left the post.",
        "By the end of the month, the market had reopened.",
        "Copyright laws are rarely enforced in North Korea.",
        "Related reports said troops were moved to the border.",
        "Read more about the Storm Corps in our earlier report.",
        "Share prices in Seoul fell after the launch.",
        "Print shops in Pyongyang were told to close.",
        "Tags were attached to each of the confiscated phones.",
        "He asked how a soldier could read in Korean and Chinese.",
        "Please direct your questions to the ministry, the official said.",
        "Residents subscribe to the state newspaper, the source said.",
        "The regime has been stepping up its drive to seal the frontier.",
        "Pyongyang, December 24 (KCNA) -- Japan continues discharging water into the sea.",
    ],
)
def test_real_sentences_stay_text(line):
    assert classify_line(line) is None
    text, furniture = split_furniture(f"First paragraph.\n\n{line}\n\nLast paragraph.")
    assert furniture == []
    assert line in text


def test_bare_tag_line_needs_a_paragraph_of_its_own():
    # a hard-wrapped paragraph: a lowercase line inside it is prose
    wrapped = (
        "Guards detained two men near the river late on Sunday and\n"
        "held them overnight before handing them over\n"
        "to the security ministry in the city.\n"
    )
    text, furniture = split_furniture(wrapped)
    assert furniture == []
    assert text == wrapped.rstrip("\n")


def test_bare_tag_line_between_sentences_without_blank_lines():
    text, furniture = split_furniture(
        "Guards detained two men.\nborder smuggling ryanggang\nThe men were released."
    )
    assert [(f.kind, f.text) for f in furniture] == [("tags", "border smuggling ryanggang")]
    assert text == "Guards detained two men.\nThe men were released."


def test_bare_tag_line_next_to_furniture_and_not_prose():
    text, furniture = split_furniture(
        "Guards detained two men.\n\nkim jong un defection border\nImage: Example\n\nThe end came."
    )
    assert [f.kind for f in furniture] == ["tags", "caption"]
    assert text == "Guards detained two men.\n\nThe end came."
    # two lowercase words, or a lowercase sentence full of function words, is not a tag list
    for line in ("border smuggling", "and then the guards were told to leave"):
        _, furniture = split_furniture(f"One.\n\n{line}\n\nTwo.")
        assert furniture == []


def test_paragraph_breaks_and_edges():
    text, furniture = split_furniture(
        "\n\nBy Jane Doe\n\nFirst paragraph.\n\n\nImage: X\nRead in Korean\n\nSecond paragraph.\nRead in Korean\n\n"
    )
    assert text == "First paragraph.\n\n\nSecond paragraph."
    assert [f.kind for f in furniture] == ["byline", "caption", "link", "link"]
    # only furniture: nothing left
    assert split_furniture("Read in Korean\nImage: X\n") == ("", split_furniture("Read in Korean\nImage: X")[1])
    # no furniture: the text comes back as it was (outer blank lines aside)
    plain = "  Indented first line.\n\u201cQuoted,\u201d he said.\u00a0\n\nLast."
    assert split_furniture(plain + "\n") == (plain, [])
    assert split_furniture("") == ("", [])


def test_furniture_text_is_stripped():
    _, furniture = split_furniture("Text here.\n\n   Read in Korean\u00a0  \n")
    assert furniture[0].text == "Read in Korean"


# --- the rules file ---------------------------------------------------------------------


def test_bundled_rules_load():
    rules = load_rules()
    assert rules.patterns
    assert {p.kind for p in rules.patterns} <= KINDS
    assert {"caption", "tags", "byline", "link", "contact", "other", "disclaimer"} <= {
        p.kind for p in rules.patterns
    }
    assert "the" in rules.function_words
    names = [p.name for p in rules.patterns]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"name": "x", "kind": "caption", "regex": "a", "colour": "red"}, "unknown keys"),
        ({"name": "x", "kind": "banner", "regex": "a"}, "kind must be one of"),
        ({"name": "x", "kind": "caption"}, "no regex"),
        ({"name": "x", "kind": "caption", "regex": "(unclosed"}, "bad regex"),
    ],
)
def test_bad_rules_are_rejected(entry, message):
    with pytest.raises(ValueError, match=message):
        parse_rules({"pattern": [entry]})


def test_no_rules_is_an_error():
    with pytest.raises(ValueError, match="no furniture patterns"):
        parse_rules({})


def test_custom_rules_and_max_len():
    rules = parse_rules(
        {"pattern": [{"name": "ad", "kind": "other", "regex": "Advert.*", "max_len": 12}]}
    )
    text, furniture = split_furniture("News.\nAdvert here\nAdvertising is banned here.", rules)
    assert [f.text for f in furniture] == ["Advert here"]
    assert text == "News.\nAdvertising is banned here."


def test_long_lines_do_not_hang():
    # the patterns must not backtrack badly on long near-misses
    import time

    nasty = [
        "By " + "Aa " * 200 + "x",
        "Copyright " + "A." * 300 + "x",
        "Share " * 100 + "now",
        "a " * 2000 + ".",
        "x / Image: " + "a" * 5000,
    ]
    start = time.perf_counter()
    split_furniture("\n\n".join(nasty))
    assert time.perf_counter() - start < 2.0


# --- a credit line and its caption, furniture inside a line ----------------------------


def test_credit_line_in_custom_rules():
    rules = parse_rules({"pattern": [{"name": "credit", "kind": "credit", "regex": "Wire Photo"}]})
    text, furniture = split_furniture("News.\n\nA parade in the capital, Oct. 10, 2020.\nWire Photo\n\nMore news.", rules)
    assert text == "News.\n\nMore news."
    assert [(f.kind, f.text) for f in furniture] == [
        ("caption", "A parade in the capital, Oct. 10, 2020."), ("credit", "Wire Photo"),
    ]  # fmt: skip


def test_keep_group_in_custom_rules():
    rules = parse_rules(
        {"pattern": [{"name": "stamp", "kind": "date", "regex": r"Stamp \d+ (?P<keep>.+)"}]}
    )
    text, furniture = split_furniture("Stamp 12 Guards left.\nStamp 13", rules)
    assert text == "Guards left.\nStamp 13"
    assert [(f.kind, f.text) for f in furniture] == [("date", "Stamp 12")]
