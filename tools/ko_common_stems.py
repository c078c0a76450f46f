"""The county and district stems that are everyday Korean words (data/ko/slots.toml's
`common_stems`, docs/korean.md): the gazetteer's Hangul names that Kiwi's own dictionary
(its bare model, without Yalu's user words) holds as a common noun (NNG) among its
COMMON_RANK most frequent morphemes ("과일" fruit, "세포" cell, "동창" classmate, "선봉"
vanguard, "연안" coast). Yalu's user words make every gazetteer name a proper noun, so such
a word would place an act in Kwail or Sepho; written bare it is no place (with its suffix,
"과일군", or right after its province it still is). Not a city's name (papers write a city
bare: 개천, 안주), nor the stems `not_places` already lists, nor BARE_PLACES. Prints the
list to paste into slots.toml:

    python tools/ko_common_stems.py
"""

from __future__ import annotations

from kiwipiepy import Kiwi

from yalu import resources
from yalu.places import Gazetteer
from yalu.places import romanize as rz

# Kiwi numbers its morphemes by frequency; an unknown word (a guess) has the id 2
COMMON_RANK = 20000
UNKNOWN = 2
# the genre's border county, written bare in headlines and leads ("무산서 연료 차량 추락")
BARE_PLACES = {"무산"}
# names written bare as the places they name
BARE_KINDS = {"city", "special_city", "province", "country"}


def common_stems(gazetteer: Gazetteer, kiwi: Kiwi) -> list[str]:
    listed = set(resources.load("ko/slots.toml")["places"]["not_places"]) | BARE_PLACES
    found = set()
    for surface, place_id in gazetteer.surface_forms():
        if not rz.is_hangul(surface) or len(surface) < 2 or surface in listed:
            continue
        if gazetteer.get(place_id).kind in BARE_KINDS:
            continue
        tokens = kiwi.tokenize(surface)
        if len(tokens) == 1 and tokens[0].tag == "NNG" and UNKNOWN < tokens[0].id < COMMON_RANK:
            found.add(surface)
    # a name that is also a city's stays a place
    cities = {s for s, p in gazetteer.surface_forms() if gazetteer.get(p).kind in BARE_KINDS}
    return sorted(found - cities)


if __name__ == "__main__":
    print(", ".join(f'"{w}"' for w in common_stems(Gazetteer.default(), Kiwi())))
