"""A small fictional test database, built through Store.save_article so the web tests
do not depend on the extractor. Every article and incident here is invented."""

from __future__ import annotations

from datetime import date

from yalu.model import (
    Actor,
    Article,
    Attribution,
    Evidence,
    Incident,
    Location,
    Quantity,
    TimeSpan,
)
from yalu.store import Store

HYESAN = (41.40, 128.18)
SINUIJU = (40.10, 124.40)
CHONGJIN = (41.80, 129.78)
KAESONG = (37.97, 126.55)

ARTICLE_1 = (
    "Border guards in Hyesan arrested three smugglers last Tuesday, a source in Ryanggang "
    "Province told the paper. The smugglers had carried Chinese phones across the Yalu river. "
    "The source said a guard who had taken bribes was dismissed the next day. "
    "Separately, authorities closed the Hyesan market for a week to inspect traders."
)
ARTICLE_2 = (
    "A soldier crossed the river near Sinuiju and defected to China in early May, "
    "according to a source in North Pyongan Province. Security officials launched a "
    "crackdown on cross-border phone use in Sinuiju after the defection."
)
ARTICLE_3 = (
    "North Korea launched two ballistic missiles from near Kaesong on 3 June, the state "
    "news agency said. Artillery units also fired shells into the sea off the coast."
)
# untrusted text: must render as text, never as markup
ARTICLE_XSS = (
    "A flood hit Chongjin <script>alert('xss')</script> and <img src=x onerror=alert(1)> "
    "destroyed homes in the city, a source in North Hamgyong Province said."
)


def ev(text: str, sentence: str, trigger: str) -> Evidence:
    start = text.index(sentence)
    t = text.index(trigger, start)
    return Evidence(start=start, end=start + len(sentence), trigger_start=t,
                    trigger_end=t + len(trigger), text=sentence)


def loc(name, admin1, code, admin2, coords, precision=1):
    lat, lon = coords if coords else (None, None)
    return Location(location_name=name, country="KP", admin1=admin1, admin1_code=code,
                    admin2=admin2, latitude=lat, longitude=lon, geo_precision=precision)


def build(path) -> dict:
    """Create the test database at `path`; returns a few ids the tests use."""
    store = Store(path)
    t1 = ARTICLE_1
    s1 = "Border guards in Hyesan arrested three smugglers last Tuesday, a source in Ryanggang Province told the paper."
    s2 = "The smugglers had carried Chinese phones across the Yalu river."
    s3 = "The source said a guard who had taken bribes was dismissed the next day."
    s4 = "Separately, authorities closed the Hyesan market for a week to inspect traders."
    ryanggang = ("Hyesan", "Ryanggang", "KP-10", "Hyesan", HYESAN)
    att = Attribution(text="a source in Ryanggang Province", kind="anonymous_source",
                      location="Ryanggang")
    a1 = [
        Incident(event_type="arrest", category="repression",
                 summary="Border guards arrested three smugglers in Hyesan.",
                 time=TimeSpan(date(2024, 3, 12), date(2024, 3, 12), 1, "last Tuesday"),
                 location=loc(*ryanggang),
                 actors=[Actor("agent", "Border guards", kind="unit"),
                         Actor("target", "three smugglers", kind="civilian")],
                 quantities=[Quantity("people", 3, None, "three")],
                 modality="reported", attribution=att, corroboration=["Chosun Ilbo"],
                 evidence=[ev(t1, s1, "arrested")], confidence=0.91),
        Incident(event_type="smuggling", category="illicit",
                 summary="Smugglers carried Chinese phones across the Yalu near Hyesan.",
                 time=TimeSpan(date(2024, 3, 12), date(2024, 3, 12), 1, "last Tuesday"),
                 location=loc(*ryanggang), modality="reported", attribution=att,
                 evidence=[ev(t1, s2, "carried")], confidence=0.74),
        Incident(event_type="punishment", category="repression",
                 summary="A guard who took bribes was dismissed in Hyesan.",
                 time=TimeSpan(date(2024, 3, 13), date(2024, 3, 13), 1, "the next day"),
                 location=loc(*ryanggang), modality="reported", attribution=att,
                 evidence=[ev(t1, s3, "dismissed")], confidence=0.66),
        Incident(event_type="lockdown", category="control",
                 summary="Authorities closed the Hyesan market for a week.",
                 time=TimeSpan(date(2024, 3, 18), date(2024, 3, 24), 2, "for a week"),
                 location=loc(*ryanggang), modality="reported", attribution=att,
                 evidence=[ev(t1, s4, "closed"), ev(t1, s1, "Border guards")], confidence=0.58),
    ]
    ids = {}
    ids["article1"] = store.save_article(
        Article(text=t1, id="daily-1", title="Smugglers arrested in Hyesan",
                url="https://example.org/news/daily-1", published=date(2024, 3, 15),
                outlet="Example Daily"), a1)
    ids["arrest"], ids["smuggling"], ids["punishment"], ids["lockdown"] = [i.id for i in a1]

    t2 = ARTICLE_2
    n1 = "A soldier crossed the river near Sinuiju and defected to China in early May, according to a source in North Pyongan Province."
    n2 = "Security officials launched a crackdown on cross-border phone use in Sinuiju after the defection."
    np = ("Sinuiju", "North Pyongan", "KP-03", "Sinuiju", SINUIJU)
    a2 = [
        Incident(event_type="defection", category="movement",
                 summary="A soldier defected to China near Sinuiju.",
                 time=TimeSpan(date(2024, 5, 1), date(2024, 5, 10), 2, "in early May"),
                 location=loc(*np), actors=[Actor("agent", "A soldier", kind="unit")],
                 modality="reported",
                 attribution=Attribution("a source in North Pyongan Province", "anonymous_source"),
                 evidence=[ev(t2, n1, "defected")], confidence=0.88),
        Incident(event_type="crackdown", category="repression",
                 summary="Officials began a crackdown on phone use in Sinuiju.",
                 time=TimeSpan(date(2024, 5, 14), date(2024, 5, 14), 1, None),
                 location=loc(*np), modality="reported",
                 evidence=[ev(t2, n2, "crackdown")], confidence=0.71),
    ]
    ids["article2"] = store.save_article(
        Article(text=t2, id="wire-2", title="Soldier defects near Sinuiju",
                url="https://example.net/wire/2", published=date(2024, 5, 16),
                outlet="Example Wire"), a2)
    ids["defection"], ids["crackdown"] = [i.id for i in a2]

    t3 = ARTICLE_3
    m1 = "North Korea launched two ballistic missiles from near Kaesong on 3 June, the state news agency said."
    m2 = "Artillery units also fired shells into the sea off the coast."
    a3 = [
        Incident(event_type="missile_launch", category="military",
                 summary="Two ballistic missiles were launched from near Kaesong.",
                 time=TimeSpan(date(2024, 6, 3), date(2024, 6, 3), 1, "on 3 June"),
                 location=loc("Kaesong", "North Hwanghae", "KP-06", "Kaesong", KAESONG, 2),
                 quantities=[Quantity("weapon", 2, "missiles", "two")],
                 modality="asserted",
                 attribution=Attribution("the state news agency", "state_media"),
                 evidence=[ev(t3, m1, "launched")], confidence=0.97),
        Incident(event_type="artillery_fire", category="military",
                 summary="Artillery units fired shells into the sea.",
                 time=TimeSpan(date(2024, 6, 3), date(2024, 6, 3), 1, None),
                 location=loc(None, None, None, None, None, 0), modality="asserted",
                 evidence=[ev(t3, m2, "fired")], confidence=0.62),
    ]
    ids["article3"] = store.save_article(
        Article(text=t3, id="wire-3", title="Missiles launched", url="https://example.net/wire/3",
                published=date(2024, 6, 3), outlet="Example Wire"), a3)
    ids["missile"], ids["artillery"] = [i.id for i in a3]

    tx = ARTICLE_XSS
    x1 = ("A flood hit Chongjin <script>alert('xss')</script> and <img src=x onerror=alert(1)> "
          "destroyed homes in the city, a source in North Hamgyong Province said.")
    ax = [
        Incident(event_type="disaster", category="society",
                 summary="A flood destroyed homes in Chongjin <b>bold</b>.",
                 time=TimeSpan(date(2024, 7, 20), date(2024, 7, 20), 1, None),
                 location=loc("Chongjin", "North Hamgyong", "KP-09", "Chongjin", CHONGJIN),
                 modality="reported", evidence=[ev(tx, x1, "flood")], confidence=0.8),
    ]
    ids["article_xss"] = store.save_article(
        Article(text=tx, id="xss-4", title="Flood <script>alert(2)</script>",
                url="javascript:alert(3)", published=date(2024, 7, 22), outlet="Example Daily"), ax)
    ids["flood"] = ax[0].id
    store.close()
    return ids


# what the tests expect from the data above
TOTAL = 9
LOCATED = 8  # the artillery record has no coordinates
WEEK_DATED = 8  # on the weekly timeline: the defection ("in early May", 1-10 May) is a
                # ten-day window, dated only roughly
