"""The Korean rules as rules (data/ko/*.toml): every rule reads its own examples and
none of its not_examples, as tests/test_date_rules.py runs the English date rules."""

from __future__ import annotations

import re
from datetime import date

import pytest

from yalu import resources
from yalu.annotate.korean import annotate
from yalu.extract.korean import slots
from yalu.extract.korean.dates import date_rules, find_dates
from yalu.extract.korean.triggers import _rules_by_form, find_triggers, judge, modality_rules, trigger_rules
from yalu.places.geoparse import Geoparser

PUB = date(2025, 6, 12)


def _example(example: str) -> tuple[str, int, int]:
    """ "[지난 9일] 체포됐다" -> the text and the part the rule reads (all of it without brackets)."""
    m = re.fullmatch(r"(.*)\[(.+)\](.*)", example)
    if m is None:
        return example, 0, len(example)
    return m.group(1) + m.group(2) + m.group(3), len(m.group(1)), len(m.group(1)) + len(m.group(2))


def _params(name: str, table: str, field: str = "examples"):
    data = resources.load(name)[table]
    return [pytest.param(r.get("id") or r.get("normalized") or r.get("form"), ex, id=f"{r.get('id') or r.get('form') or r['normalized']}:{ex}")
            for r in data for ex in r.get(field, [])]


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser()


def _fired(text: str) -> set[str]:
    doc = annotate(text)
    return {rule.id for s in doc.sentences for _, rule in find_triggers(doc, s)}


@pytest.mark.parametrize("rule_id,example", _params("ko/triggers.toml", "rule"))
def test_trigger_rule_fires_on_its_examples(rule_id: str, example: str) -> None:
    assert rule_id in _fired(example), f"{rule_id} does not fire on {example!r}"


@pytest.mark.parametrize("rule_id,example", _params("ko/triggers.toml", "rule", "not_examples"))
def test_trigger_rule_stays_silent_on_its_not_examples(rule_id: str, example: str) -> None:
    assert rule_id not in _fired(example)


def test_trigger_rules_are_looked_up_by_form_in_their_order() -> None:
    """find_triggers reads only the rules indexed under a morpheme's form: every rule under
    each of its forms and the last morpheme of each of its phrases, in the file's order
    (the first of equal weights wins), and under no other form."""
    rules = trigger_rules()
    for form, indexed in _rules_by_form().items():
        assert list(indexed) == [r for r in rules if form in r.forms or any(p[-1] == form for p in r.phrases)]
    lockdown = next(r for r in rules if r.id == "trigger.ko.lockdown.closed_doors")
    assert lockdown in _rules_by_form()["닫"]
    assert "문" not in lockdown.forms and lockdown not in _rules_by_form().get("문", ())  # a phrase's first part


def test_phrase_rule_fires_on_its_last_morpheme_only() -> None:
    # fictional: the idiom's verb after its noun fires; the noun without the verb does not
    assert "trigger.ko.lockdown.closed_doors" in _fired("가상시 세관이 어제 문을 닫았다.")
    assert "trigger.ko.lockdown.closed_doors" not in _fired("가상시 세관이 어제 새 문을 달았다.")


@pytest.mark.parametrize("rule_id,example", _params("ko/modality.toml", "rule"))
def test_modality_rule_reads_its_examples(rule_id: str, example: str) -> None:
    rule = next(r for r in modality_rules() if r.id == rule_id)
    assert rule.pattern.search(example), f"{rule_id} does not match {example!r}"


@pytest.mark.parametrize("rule_id,example", _params("ko/modality.toml", "rule", "not_examples"))
def test_modality_rule_skips_its_not_examples(rule_id: str, example: str) -> None:
    rule = next(r for r in modality_rules() if r.id == rule_id)
    assert not rule.pattern.search(example), f"{rule_id} matches {example!r}"


def test_modality_decides_in_context() -> None:
    """The clause's ending decides: negation, plan, conjecture; the genre's hearsay is reported."""
    cases = {
        "주민들은 탈북하지 않았다.": None,
        "당국은 다음 달 국경을 봉쇄할 계획이다.": "planned",
        "군인 2명이 탈북한 것으로 보인다.": "alleged",
        "혜산시가 봉쇄된 것으로 전해졌다.": "reported",
        "간부가 총살됐다는 소문이 돌고 있다.": "rumoured",
        "보위부가 주민 3명을 체포했다.": "asserted",
        # an act expected in its own clause, not one told before it (modality.ko.expected)
        "이 주민에게는 무거운 처벌이 예상된다.": "planned",
        "주민 2명이 체포돼 무거운 처벌이 예상된다.": "asserted",
        "당국이 국경봉쇄 조치를 취하고 있는 가운데 간부들의 행패가 심해졌다.": None,
        "‘강변을 철조망으로 완전 봉쇄하라’는 불호령이 떨어졌다.": None,
        "잡히면 죽는 줄 알면서 버텼다.": None,
        "한국 영화를 몰래 시청한 죄로 주민 2명이 처형당했다.": None,
        "대변인은 한미 연합훈련을 규탄했다.": None,
        # an act an order permits, one a campaign is bent on (modality.ko.intent)
        "김정은은 발포와 사살을 허가한다는 방침을 재확인했다.": None,
        "보위부는 도주한 간부를 체포하는 데 혈안이 되어 있다.": None,
        # a later quotation's plan is its own ("...남하했다”며 “... 하겠다는"), a quoted one's not
        "합참은 “경비정이 NLL을 침범해 계속 남하했다”며 “경고사격을 하겠다는 통신을 했다”고 밝혔다.": "asserted",
        "합참은 “경비정이 NLL을 침범할 계획”이라고 밝혔다.": "planned",
        # a source who "전해왔다" told the news: its 해왔 is no practice (modality.ko.habitual)
        "가상강에서 주민 2명이 익사했다고 소식통이 전해왔다.": "asserted",
        "가상군 주민들은 수년간 밀수를 해왔다.": None,
        # an act named as a campaign's priority is none (modality.ko.practice)
        "한국행을 시도하는 탈북자 체포가 우선이다.": None,
    }
    for text, expected in cases.items():
        doc = annotate(text)
        sentence = doc.sentences[0]
        trigger = find_triggers(doc, sentence)[0][0]
        assert judge(doc, sentence, trigger, attributed=False)[0] == expected, text
    # a statement's threat is what it says: the statement itself is no plan
    doc = annotate("총참모부 대변인은 담화를 발표하고 무자비하게 대응하겠다고 밝혔다.")
    trigger, rule = find_triggers(doc, doc.sentences[0])[0]
    assert judge(doc, doc.sentences[0], trigger, False, rule.type)[0] == "reported"
    assert judge(doc, doc.sentences[0], trigger, False)[0] == "planned"
    # a frequency told in a clause that leads into the act is the clause's own (modality.ko.frequency_clause)
    for text, expected in {"절도 사건이 잦아지자 당국은 지난 3일 가상시에서 절도범 2명을 공개처형했다.": "asserted",
                           "국경에서 총격 사건이 자주 발생하는 가운데 지난 3일 경비대가 탈북민 2명을 사살했다.": "asserted",
                           "군인들이 농작물을 훔치는 사건이 자주 발생했다.": None,
                           "국경을 넘어 강도질을 하는 일이 잦아지고 있다.": None}.items():
        doc = annotate(text)
        trigger, rule = find_triggers(doc, doc.sentences[0])[-1]
        assert judge(doc, doc.sentences[0], trigger, False, rule.type)[0] == expected, text
    # the puppets' act leads into the North's (modality.ko.puppets reads the sentence before the trigger)
    for text, expected in {"괴뢰군이 도발하자 인민군은 지난 3일 연평도에 포사격을 했다.": "asserted",
                           "괴뢰패당은 함정들을 내몰아 총포탄을 쏘아대는 도발을 감행했다.": None}.items():
        doc = annotate(text)
        trigger, rule = find_triggers(doc, doc.sentences[0])[0]
        assert judge(doc, doc.sentences[0], trigger, False, rule.type)[0] == expected, text


@pytest.mark.parametrize("rule_id,example", _params("ko/dates.toml", "rule"))
def test_date_rule_reads_its_examples(rule_id: str, example: str) -> None:
    text, start, end = _example(example)
    found = [(d.rule, d.start, d.end) for d in find_dates(text, PUB)]
    assert (rule_id, start, end) in found, f"{rule_id} does not read {text[start:end]!r} in {text!r}: {found}"


@pytest.mark.parametrize("rule_id,example", _params("ko/dates.toml", "rule", "not_examples"))
def test_date_rule_skips_its_not_examples(rule_id: str, example: str) -> None:
    assert rule_id not in {d.rule for d in find_dates(example, PUB)}


def test_dates_resolve_like_the_english_ones() -> None:
    """Against publication on 2025-06-12: the values of yalu/dates/resolution.py."""
    def one(text: str):
        d = find_dates(text, PUB)[0]
        return d.span.start.isoformat(), d.span.end.isoformat(), d.span.precision

    assert one("지난 9일") == ("2025-06-09", "2025-06-09", 1)
    assert one("지난 20일") == ("2025-05-20", "2025-05-20", 1)  # after publication's day: last month's
    assert one("지난달 초") == ("2025-05-01", "2025-05-10", 2)  # a dekad: date.ko.dekad
    assert one("이달 중순") == ("2025-06-11", "2025-06-12", 2)  # cut at publication
    assert one("지난달 하순") == ("2025-05-21", "2025-05-31", 2)  # 하순: the 21st on, not English "late"'s 20th
    assert one("3월 중순") == ("2025-03-11", "2025-03-20", 2)
    assert one("지난달 말")[2] == 3  # the end of a month is fuzzier than a dekad
    assert one("지난달")[2] == 3
    # a run of months: its told ends, cut at publication, at month precision (date.ko.month_run)
    assert one("지난해 6월부터 12월까지") == ("2024-06-01", "2024-12-31", 3)
    assert one("4월 말부터 7월 말까지") == ("2025-04-20", "2025-06-12", 3)
    assert one("작년 11월부터 2월까지") == ("2024-11-01", "2025-02-28", 3)
    assert one("2019년 3월부터 2020년 5월까지") == ("2019-03-01", "2020-05-31", 3)  # its second year told
    # a run that ends on a day is no run of months: the day is read
    assert "date.ko.month_run" not in {d.rule for d in find_dates("단속은 6월부터 7월 8일까지 이어졌다.", PUB)}
    assert one("3월 중") == ("2025-03-01", "2025-03-31", 3)  # "in the course of March": its month, no dekad
    assert find_dates("북한이 3일 연속 교란 전파를 쐈다.", PUB) == []  # a count of days, no day
    # a day told as approximate: the days within three of it, week precision (date.ko.about_day)
    assert one("지난달 20일께") == ("2025-05-17", "2025-05-23", 2)
    assert one("10일경") == ("2025-06-07", "2025-06-12", 2)  # cut at publication
    # a count of days told as approximate dates nothing; next month's day is next month's, as in
    # English "next month" (ko/dates.toml [relative])
    assert find_dates("그는 체포된 지 10일쯤 지나 풀려났다.", PUB) == []
    assert one("다음달 5일께") == ("2025-07-02", "2025-07-08", 2)
    assert one("다음 달 5일") == ("2025-07-05", "2025-07-05", 1)
    assert one("이달 5일") == ("2025-06-05", "2025-06-05", 1)
    assert one("25일 오후 5시경")[2] == 1  # an hour's 경: the day is told
    assert one("작년 말")[:2] == ("2024-09-01", "2024-12-31")
    assert one("주체112년") == ("2023-01-01", "2023-12-31", 4)
    # a holiday: the last one before publication, unless a year is told before it (date.ko.holiday)
    assert one("태양절을 맞으며") == ("2025-04-12", "2025-04-18", 2)
    assert one("지난해 태양절에도") == ("2024-04-12", "2024-04-18", 2)
    assert one("2021년 광명성절 직후") == ("2021-02-13", "2021-02-19", 2)
    # one still to come is not last year's (near miss: the holiday alone, read above)
    assert find_dates("다가오는 당창건기념일을 맞아 단속이 시작됐다.", PUB) == []
    assert one("최근")[1:] == ("2025-06-12", 4)
    assert all(d.spoken for d in find_dates("소식통은 2일 데일리NK에 전했다", PUB))
    # a dispatch's dateline is the day the agency filed, no act's
    assert [(d.rule, d.spoken) for d in find_dates("(평양 6월 3일발 조선중앙통신) 대변인은 2일 담화를 발표했다.", PUB)] == [
        ("date.ko.dateline", True), ("date.ko.day", False)]
    assert date_rules()


@pytest.mark.parametrize("form,example", _params("ko/lexicon.toml", "word"))
def test_user_word_stays_whole(form: str, example: str) -> None:
    assert form in {m.form for m in annotate(example).morphemes}


def test_gazetteer_names_are_user_words() -> None:
    """신파군, 김정숙군 and the South's 양강도 come from the gazetteer, not from code."""
    forms = {m.form for m in annotate("양강도 신파군과 김정숙군, 량강도 혜산시").morphemes}
    assert {"양강도", "신파군", "김정숙군", "량강도", "혜산시"} <= forms


def test_places_through_the_gazetteer(geoparser: Geoparser) -> None:
    for example in resources.load("ko/slots.toml")["places"]["examples"]:
        hits = slots.find_places(annotate(example), geoparser)
        assert hits and all(h.place.id.startswith("kp.") for h in hits), example
    hits = slots.find_places(annotate("양강도 소식통은 주민들이 중국으로 넘어갔다고 전했다."), geoparser)
    assert [(h.source_home, h.destination) for h in hits] == [(True, False), (False, True)]
    assert slots.find_places(annotate("단속이 강화됐다. 중국과 통화했다."), geoparser) == [] or all(
        h.place.id == "country.cn" for h in slots.find_places(annotate("단속이 강화됐다. 중국과 통화했다."), geoparser))


def test_verb_forms_are_no_places(geoparser: Geoparser) -> None:
    """place.ko.verb_form: a place word the analyser reads in a verb ("단속에 나선") is none;
    the place itself ("나선시", "함경북도 나선", "해주는 ... 도소재지다") stays one."""
    data = resources.load("ko/slots.toml")["places"]
    for example in data["verb_form_examples"]:
        assert slots.find_places(annotate(example), geoparser) == [], example
    for example in data["verb_form_not_examples"]:
        hits = slots.find_places(annotate(example), geoparser)
        assert any(h.place.kind != "province" for h in hits), example


def test_south_spelling_of_a_generic_word(geoparser: Geoparser) -> None:
    """The gazetteer writes 남양로동자구; the South's press writes its generic word 노동자구."""
    hits = slots.find_places(annotate("온성군 남양노동자구에서 주민 2명이 붙잡혔다."), geoparser)
    assert [(h.text, h.place.id) for h in hits][-1] == ("남양노동자구", "kp.north-hamgyong.onsong.namyang")


def test_the_genres_places_beyond_the_counties(geoparser: Geoparser) -> None:
    """Places the genre names that the counties do not cover: a Chinese city on the
    defectors' route south (쿤밍 is Yunnan, not the border's Jilin), the workers'
    districts of the border counties in the South's spelling."""
    def first(text: str) -> tuple[str, str | None]:
        hit = slots.find_places(annotate(text), geoparser)[0]
        return hit.place.id, hit.place.admin1_code

    assert first("탈북민 10명이 쿤밍에서 중국 공안에 붙잡혔다.") == ("cn.yunnan.kunming", "CN-YN")
    hits = slots.find_places(annotate("온성군 종성노동자구에서 주민이 두만강을 건넜다."), geoparser)
    assert ("종성노동자구", "kp.north-hamgyong.onsong.jongsong") in {(h.text, h.place.id) for h in hits}
    assert [h.place.id for h in slots.find_places(annotate("삼봉노동자구와 아오지에서 단속이 벌어졌다."), geoparser)] == [
        "kp.north-hamgyong.onsong.sambong", "kp.north-hamgyong.kyonghung.aoji"]
    # a county's former name, bare as the press writes it ("후창" for Kim Hyong Jik County)
    hits = slots.find_places(annotate("양강도 후창에서 주민이 체포됐다."), geoparser)
    assert ("후창", "kp.ryanggang.kim-hyong-jik") in {(h.text, h.place.id) for h in hits}


def test_county_stems_that_are_everyday_words(geoparser: Geoparser) -> None:
    """시중 "on the market", 증산 "output increase", 연탄 "briquette" are no places; 시중군,
    증산군, 연탄군 are."""
    for text in ("장마당 시중 가격이 올랐다.", "증산 투쟁을 벌였다.", "연탄 가격이 올랐다.", "고원 지대에서 훈련했다."):
        assert slots.find_places(annotate(text), geoparser) == [], text
    hits = slots.find_places(annotate("자강도 시중군과 평안남도 증산군, 연탄군에서 단속이 벌어졌다."), geoparser)
    assert {h.place.id for h in hits} >= {"kp.chagang.sijung", "kp.south-pyongan.jungsan", "kp.north-hwanghae.yonthan"}


def test_county_stems_the_analysers_dictionary_holds_as_common_words(geoparser: Geoparser) -> None:
    """slots.toml's `common_stems` (tools/ko_common_stems.py): stems Kiwi's own dictionary holds
    as frequent common nouns ("과일" fruit, "세포" cell, "동창" classmate, "선봉" vanguard) are no
    places bare; their full names, and the stem after its province, are; a city's bare name
    stays a place ("개천"). Kim Chaek's name before a university or a works is no county."""
    from kiwipiepy import Kiwi

    for text in ("장마당에서 과일 장사를 하던 여성 3명이 체포됐다.", "당 세포비서가 해임됐다.", "고등중학교 동창 3명이 붙잡혔다.",
                 "사회주의건설의 선봉에서 일했다.", "김책공업종합대학 학생 2명이 체포됐다.", "김책제철연합기업소에서 폭발 사고가 났다."):
        assert slots.find_places(annotate(text), geoparser) == [], text
    for text, place in (("황해남도 과일군에서 주민이 체포됐다.", "kp.south-hwanghae.kwail"),
                        ("황해남도 과일에서 주민이 체포됐다.", "kp.south-hwanghae.kwail"),
                        ("함경남도 낙원군에서 화재가 났다.", "kp.south-hamgyong.rakwon"),
                        ("개천 관리소에서 수감자들이 숨졌다.", "kp.south-pyongan.kaechon"),
                        ("함경북도 김책시에서 주민이 체포됐다.", "kp.north-hamgyong.kim-chaek")):
        assert place in {h.place.id for h in slots.find_places(annotate(text), geoparser)}, text
    # the list is what the tool reads from the bare analyser: a known common noun each
    kiwi = Kiwi()
    for stem in slots.slot_data()["places"]["common_stems"]:
        [token] = kiwi.tokenize(stem)
        assert token.tag == "NNG" and token.id > 2, stem


def test_korean_cues_decide_an_ambiguous_county(geoparser: Geoparser) -> None:
    """고성군 is a county of both Kangwons: Hangul cues near it decide, as English ones do."""
    def first(text: str) -> str:
        return next(h.place.id for h in slots.find_places(annotate(text), geoparser) if h.text == "고성군")

    assert first("강원 고성군 거진항 동쪽 NLL 이남 해상에서 목선이 발견됐다.") == "kr.gangwon.goseong"
    assert first("강원도 고성군 금강산 일대에서 훈련이 진행됐다.") == "kp.kangwon.kosong"
    # the South's army division and its front-line post below the line
    assert first("강원도 고성군 육군 22사단 최전방 소초로 북한군 병사 1명이 넘어왔다.") == "kr.gangwon.goseong"


def test_a_landmark_in_brackets_places_nothing(geoparser: Geoparser) -> None:
    """"문천(원산 북방)": Wonsan is what Munchon is measured from (place.ko.landmark); a
    bracketed other name of the same county is still a place."""
    texts = [h.text for h in slots.find_places(annotate("북한이 강원도 문천(원산 북방) 일대에서 미사일 2발을 쐈다."), geoparser)]
    assert "문천" in texts and "원산" not in texts
    texts = [h.text for h in slots.find_places(annotate("평안남도 숙천(평양 북쪽)에서 발사했다."), geoparser)]
    assert texts == ["평안남도", "숙천"]
    assert len(slots.find_places(annotate("김정숙군(신파군)에서 탈북 사건이 발생했다."), geoparser)) == 2


def test_places_the_launch_reports_name_by_their_short_names(geoparser: Geoparser) -> None:
    """The airfield the South's military names by its village ("방현 일대"), the headland the
    North's guns fire from ("등산곶"): the gazetteer's, with their counties."""
    def county(text: str, name: str) -> str | None:
        hit = next(h for h in slots.find_places(annotate(text), geoparser) if h.text == name)
        return geoparser.location(hit.place, text=hit.text).admin2

    assert county("북한이 평안북도 방현 일대에서 미사일을 쐈다.", "방현") == "Kusong"
    assert county("북한군이 등산곶 일대에서 해안포 사격을 했다.", "등산곶") == "Kangryong"
    # the launch sites the South's Joint Chiefs name by their air bases
    assert county("북한이 함경남도 선덕 일대에서 발사체를 쐈다.", "선덕") == "Jongphyong"
    assert county("북한이 함경남도 연포 일대에서 발사체 2발을 쐈다.", "연포") == "Hamju"


def test_places_the_genre_names_otherwise(geoparser: Geoparser) -> None:
    """A school named after the Kims' family is no county (the county keeps its suffix); the
    South's bare province before its county is the South's; the sea a missile fell in
    is where it went (place.ko.fell_off)."""
    def found(text: str) -> list[tuple[str, str, bool]]:
        return [(h.text, h.place.id, h.destination) for h in slots.find_places(annotate(text), geoparser)]

    assert found("혜산시 김정숙사범대학 학생 3명이 구류됐다.") == [("혜산시", "kp.ryanggang.hyesan", False)]
    assert ("김정숙군", "kp.ryanggang.kim-jong-suk", False) in found("양강도 김정숙군에서 주민이 체포됐다.")
    assert found("북한군 병사가 강원 철원 지역의 MDL을 넘어 귀순했다.")[:2] == [
        ("강원", "kr.gangwon", False), ("철원", "kr.gangwon.cheorwon", False)]
    assert ("원산", "kp.kangwon.wonsan", True) in found("북한이 함흥 인근에서 원산 앞바다로 미사일을 쐈다.")
    assert ("원산", "kp.kangwon.wonsan", False) in found("북한이 원산 인근에서 미사일을 쐈다.")
    # a place another is found by (place.ko.neighbour)
    assert found("온성과 마주한 도문 변방대에 구속됐다.") == [("도문", "cn.jilin.yanbian.tumen", False)]
    assert [h[0] for h in found("혜산시와 장백현은 압록강을 사이에 두고 맞닿아 있다.")] == ["장백현", "압록강"]
    assert [h[0] for h in found("신의주 맞은편 단둥에서 밀수꾼이 붙잡혔다.")] == ["단둥"]
    assert [h[0] for h in found("혜산시와 삼지연시에서 주민들이 체포됐다.")] == ["혜산시", "삼지연시"]
    # a team sent from the capital, the verb spaced as the genre often writes it (place.ko.sent_from)
    assert found("평양에서 내려 온 보위성원들이 순천에서 검열을 했다.") == [
        ("평양", "kp.pyongyang", True), ("순천", "kp.south-pyongan.sunchon", False)]
    # the ends of a train's route are where it went and came from (place.ko.bound_for)
    assert [(h[0], h[2]) for h in found("강원도 고원군 주변에서 혜산-평양행 열차가 전복됐다.")] == [
        ("강원도", False), ("고원군", False), ("혜산", True), ("평양", True)]
    assert found("평양 행사에서 간부가 체포됐다.") == [("평양", "kp.pyongyang", False)]
    # nor are the two ends a railway joins (place.ko.route_ends)
    assert [(h[0], h[2]) for h in found("보천군에서 혜산시와 삼지연을 연결하는 철길 공사 중 사고가 났다.")] == [
        ("보천군", False), ("혜산시", True), ("삼지연", True)]
    # "에서 살던" and "등에서 살던" say where people lived, as "에 살던" does (`home`)
    def homes(text: str) -> list[tuple[str, bool]]:
        return [(h.text, h.home) for h in slots.find_places(annotate(text), geoparser)]

    assert homes("선양에서 온성 등에서 살던 가족들이 붙잡혔다.") == [("선양", False), ("온성", True)]
    assert homes("온성군에서 살던 여성이 탈북했다.") == [("온성군", True)]
    assert homes("온성에서 가족들이 붙잡혔다.") == [("온성", False)]
    # where people came back from (a `destination` pattern); a quarantine there stays there
    assert found("칭다오에서 귀국한 주민이 격리됐다.") == [("칭다오", "cn.shandong.qingdao", True)]
    assert found("칭다오에서 주민이 격리됐다.") == [("칭다오", "cn.shandong.qingdao", False)]
    # an outlet's name is no place (place.ko.outlet_name); the city before a paper's
    # words is still one
    assert found("잠수함이 침몰했다고 도쿄신문이 보도했다.") == []
    assert [h[0] for h in found("도쿄에서 신문 기자들이 회견을 열었다.")] == ["도쿄"]


def test_places_that_place_no_act(geoparser: Geoparser) -> None:
    """A dateline's city and a caption's scene are no places at all; a source's home is
    only the source's."""
    for example in resources.load("ko/slots.toml")["places"]["not_examples"]:
        hits = slots.find_places(annotate(example), geoparser)
        assert all(h.source_home for h in hits), example
    assert slots.caption("▲ 혜산 시내의 모습.") and slots.caption("파주 접경지역에서 바라본 비무장지대 2024.6.6.뉴스1")
    assert not slots.caption("혜산시에서 주민 3명이 체포됐다.")
    assert slots.caption("훈련 중인 군인들. /사진=통신 화면 캡처")
    assert not slots.caption("/사진=데일리NK보위성이 검열을 진행하고 있는 것으로 알려졌다.")  # a credit glued to the lead
    hits = slots.find_places(annotate("(서울=연합뉴스) 혜산시에서 주민이 체포됐다."), geoparser)
    assert [h.text for h in hits] == ["혜산시"]
    # a caption's credit cut off as a sentence of its own still makes its line a caption
    doc = annotate("파주에서 바라본 비무장지대의 모습이다. 2024.6.6.뉴스1\n\n혜산시에서 주민이 체포됐다.")
    assert [h.text for h in slots.find_places(doc, geoparser)] == ["혜산시"]
    assert len(slots.captions(doc)) == len(doc.sentences) - 1


@pytest.mark.parametrize("rule_id,example", _params("ko/slots.toml", "attribution"))
def test_attribution_rule_reads_its_examples(rule_id: str, example: str) -> None:
    found = slots.attribution(example)
    assert found is not None and found[1] == rule_id, found


def test_a_source_home_is_named_in_english() -> None:
    found = slots.attribution("양강도 소식통은 2일 데일리NK에 전했다.")
    assert found is not None and found[0].text == "a source in Ryanggang Province"


@pytest.mark.parametrize("normalized,example", _params("ko/slots.toml", "actor"))
def test_actor_rule_reads_its_examples(normalized: str, example: str) -> None:
    assert normalized in {a.normalized for a in slots.actors(example)}


@pytest.mark.parametrize("rule_id,example", _params("ko/slots.toml", "quantity"))
def test_quantity_rule_reads_its_examples(rule_id: str, example: str) -> None:
    text, start, end = _example(example)
    spec = next(q for q in resources.load("ko/slots.toml")["quantity"] if q["id"] == rule_id)
    assert (spec["kind"], text[start:end]) in {(q.kind, q.text) for q in slots.quantities(text)}


def test_every_korean_rule_id_is_unique_and_named() -> None:
    for name, table in (("ko/triggers.toml", "rule"), ("ko/modality.toml", "rule"), ("ko/dates.toml", "rule"),
                        ("ko/slots.toml", "attribution"), ("ko/slots.toml", "quantity")):
        ids = [r["id"] for r in resources.load(name)[table]]
        assert len(ids) == len(set(ids)), name
        assert all(re.fullmatch(r"[a-z_]+\.ko\.[a-z_.]+", i) for i in ids), ids


def test_modality_reads_the_genre_constructions_in_context() -> None:
    """Each trigger of these fictional sentences, by its type: an ordered act, a posted
    person, an act one is at risk of, a habit, a reaction's object and an unknown kind
    report nothing; the order itself and the act told plainly do."""
    cases = {
        "최고사령부는 국경에 접근하는 사람은 무조건 사살 지시를 내렸다.": {"attack": None, "crackdown": "asserted"},
        "김여정은 가담자들을 모두 체포해 처형하고 보고하라는 지시를 내렸다.": {"arrest": None, "punishment": None, "crackdown": "asserted"},
        "총격한 것은 국경 경비에 투입된 7군단 병사였다.": {"deployment": None},
        "당국이 국경에 폭풍군단을 투입했다.": {"deployment": "asserted"},
        "중국에 구금돼 있거나 북송될 상황에 놓인 여성들이 많다.": {"arrest": None, "forced_repatriation": None},
        "양을 밀수해 팔던 주민들의 불만이 많다.": {"smuggling": None},
        "탈북을 시도하던 주민 2명이 체포됐다.": {"defection": "asserted", "arrest": "asserted"},
        # an act named as what the news resembles points back to an earlier one
        "무인기의 잔해가 파주에서 발견된 것과 유사해 정밀 분석 중이다.": {"incursion": None},
        "무인기의 잔해가 백령도 앞바다에서 발견됐다.": {"incursion": "asserted"},
        # what an act made possible or impossible is no act: the border was sealed, no one fled
        "당국은 주민들이 탈북할 수 없도록 국경을 봉쇄했다.": {"defection": None, "lockdown": "asserted"},
        "주민들은 당국이 국경을 폐쇄한 것에 대해 불만을 토로했다.": {"lockdown": None},
        "이날 발사된 발사체들이 미사일인지, 방사포인지는 확인되지 않았다.": {"artillery_fire": None},
        "북한이 이날 발사한 발사체는 방사포였다.": {"artillery_fire": "asserted"},
        "북한은 명절이 오면 전국에 특별경비주간을 설정하고 비상경비태세에 돌입한다.": {"crackdown": None},
        "밀수꾼 2명이 체포됐다고 소식통은 말한다.": {"arrest": "asserted"},
        "중국 각지에서 구금돼 있던 여성 270여명이 북송됐다.": {"arrest": None, "forced_repatriation": "asserted"},
        "당국은 밀수는 반역행위라고 규정했다.": {"smuggling": None},
        "위원장이 도주한 경비대원의 국외 구금을 지시했다.": {"arrest": None, "crackdown": "asserted"},
        "보위사령부는 체포팀을 조직해 중국에 보냈다.": {"arrest": "absent"},
        # "at the time of the arrest" points back to an arrest told before; caught and shot on
        # the spot, no one was held; caught and handed over, an arrest
        "그는 체포 당시 크게 다친 상태였다.": {"arrest": None},
        "주민 3명이 강을 건너려다 적발돼 현장에서 사살됐다.": {"arrest": None, "attack": "asserted"},
        "주민 3명이 강을 건너려다 적발돼 보위부로 넘겨졌다.": {"arrest": "asserted"},
        # the border closed since the pandemic is the setting; a lockdown of the news is one
        "당국은 코로나 사태 이후 국경을 봉쇄하고 주민 통제를 강화했다.": {"lockdown": None},
        "당국은 지난 2일 혜산시를 봉쇄했다.": {"lockdown": "asserted"},
        # how often a kind of act happens, and another state's launch, are no incident
        "국경에서는 밀수꾼들이 붙잡히는 경우가 많다.": {"arrest": None},
        "미국은 지난 3일 대륙간탄도미사일을 시험 발사했다.": {"missile_launch": None},
        "합참은 북한이 지난 3일 탄도미사일을 발사했다고 밝혔다.": {"missile_launch": "reported"},
        # the leader's guidance credited with a weapon's making, and guidance of a firing on the day
        "김정은 동지의 세심한 지도 속에 개발된 신형 로켓탄이 공개됐다.": {"leadership_activity": None},
        "김정은 동지의 지도 밑에 시험사격이 진행됐다.": {"leadership_activity": "asserted"},
        # offences listed as an inspection's targets; one smuggling told as done
        "이번 검열의 대상은 불법 통화와 간부의 비리, 밀수 등이다.": {"smuggling": None},
        "주민 2명이 중국에서 약초를 밀수했다.": {"smuggling": "asserted"},
    }
    for text, expected in cases.items():
        doc = annotate(text)
        sentence = doc.sentences[0]
        judged = {rule.type: judge(doc, sentence, m, False, rule.type)[0] for m, rule in find_triggers(doc, sentence)}
        assert {t: judged.get(t, "absent") for t in expected} == expected, (text, judged)


def test_the_news_act_named_to_count_days_since_an_earlier_one_is_not_read_again() -> None:
    """"이날 발사는 ... 쏜 지 사흘만이다": today's launch, told to count the days, takes no
    place nor day of that sentence; the earlier launch it names is read."""
    doc = annotate("이날 미사일 발사는 북한이 지난 16일 순안 일대에서 미사일을 쏜 지 사흘만이다.")
    sentence = doc.sentences[0]
    judged = [judge(doc, sentence, m, False, rule.type)[0] for m, rule in find_triggers(doc, sentence)]
    assert judged == [None, "asserted"]


def test_wire_photos_and_photographers_notes_are_captions() -> None:
    """People watching the news, a bracketed photo credit, a photographer's note and a
    line naming people by what they do show a scene; the news told in the past does not."""
    assert slots.caption("14일 오후 서울역 대합실에서 시민들이 미사일 발사 관련 뉴스를 시청하고 있다.")
    assert slots.caption("역 대합실에 관련 보도가 나오고 있다. [사진=연합뉴스]")
    assert slots.caption("초소에서 조사를 받는 주민들. ‘강에서 고기를 잡았다’고 촬영자가 전함.")
    assert slots.caption("국경 초소에서 취조를 받는 여러 명의 소년들")
    assert slots.caption("• ▲ 김정은이 순항미사일 시험발사를 지도했다고 중앙TV가 보도했다.")
    assert not slots.caption("북한이 14일 오후 동해상으로 탄도미사일을 발사했다.")
    assert not slots.caption("보위부는 밀수꾼 2명을 체포했다고 소식통은 전했다.")


def test_a_photographers_caption_is_no_story_line_and_no_headline() -> None:
    """place.ko.photographer: after "촬영" a caption names only who took the picture, so a
    story line that goes on to its verb ("촬영 유포했다") is none; a line naming a picture's
    place in brackets is a caption below the headline, not the headline that places its act."""
    assert slots.caption("가상시 국경경비대 초소. 2015년 3월 가상시에서 촬영 김철수.")
    assert slots.caption("강변의 초소. 2013년 8월 혜산시에서 촬영(아시아프레스)")
    assert not slots.caption("이들은 2019년 8월 가상시 국경에서 경비대원들이 뇌물을 받는 장면을 촬영 유포했다.")
    assert not slots.caption("기자는 2019년 8월부터 가상시에서 경비대를 촬영 중이다.")
    assert slots.caption("압록강 하류에 주둔하는 국경경비대(평안북도 삭주군).")
    assert not slots.caption("국경경비대원 2명 총살(양강도 혜산시)", headline=True)


def test_counties_by_their_province_their_bare_name_and_no_numbered_neighbourhood(geoparser: Geoparser) -> None:
    """A common word after its province is the county ("평안북도 대관"), not elsewhere
    ("대관 행사"); a county the gazetteer knows by its bare name is found with 군
    ("종성군"); a numbered neighbourhood is no city of its name ("안산1동")."""
    def ids(text: str) -> list[str]:
        return [h.place.id for h in slots.find_places(annotate(text, geoparser.gazetteer), geoparser)]

    assert "kp.north-pyongan.taegwan" in ids("합참은 북한이 평안북도 대관 일대에서 미사일을 쐈다고 밝혔다.")
    assert "kp.north-pyongan.taegwan" not in ids("올해 대관 행사가 성대하게 열렸다.")
    assert "kp.kangwon.kosong.jangjon" in ids("합참은 북한이 강원도 장전 일대에서 포병사격을 했다고 밝혔다.")
    assert "kp.kangwon.kosong.jangjon" not in ids("경비대원들은 실탄을 장전해 사격했다.")
    assert "kp.south-hwanghae.ongjin.changrin" in ids("북한군이 서해 창린도에서 해안포를 쐈다.")
    assert "kp.north-hamgyong.onsong.jongsong" in ids("함경북도 종성군에서 군인이 상관을 살해했다.")
    assert ids("평양 평천구역 안산1동에 있는 아파트가 무너졌다.") == ["kp.pyongyang", "kp.pyongyang.pyongchon"]


@pytest.mark.parametrize("text, name, goes", [
    # where the guard went, past the gloss and the suffix ("지린(吉林)성으로") or a space ("단둥 쪽으로")
    ("경비대원이 강을 건너 중국 지린(吉林)성으로 넘어갔다.", "지린", True),
    ("경비대원이 지린(吉林)성에서 붙잡혔다.", "지린", False),
    ("경비대원 2명이 신의주에서 단둥(丹東) 쪽으로 넘어갔다.", "단둥", True),
    ("경비대원 2명이 신의주에서 단둥(丹東) 쪽으로 넘어갔다.", "신의주", False),
    # a route ("판문점을 통해"), where people had gone ("중국에 월경했던")
    ("선원 2명은 판문점을 통해 북으로 돌려보냈다.", "판문점", True),
    ("병사 1명이 판문점에서 귀순했다.", "판문점", False),
    ("중국에 월경했던 주민 3명이 혜산에서 체포됐다.", "중국", True),
    ("중국에 월경했던 주민 3명이 혜산에서 체포됐다.", "혜산", False),
    # a country the act was done with ("중국과 밀수를 하던") is no place of it
    ("중국과 밀수를 하던 주민 5명이 체포됐다.", "중국", True),
    ("주민 5명이 중국에서 체포됐다.", "중국", False),
    # where something came from ("개성서 ... 올라왔나")
    ("주민들은 “개성서 전염병 올라왔나” 걱정했다.", "개성", True),
    ("개성서 전염병 환자가 늘었다.", "개성", False),
])
def test_places_an_act_went_to_or_through_place_nothing(geoparser: Geoparser, text: str, name: str, goes: bool) -> None:
    hits = slots.find_places(annotate(text), geoparser)
    assert [h.destination for h in hits if h.text == name] == [goes]


def test_chinese_border_towns_by_their_korean_reading(geoparser: Geoparser) -> None:
    """"이도백하", "송강하진": the Korean reading of Erdaobaihe and Songjianghe, Jilin."""
    hits = slots.find_places(annotate("탈북민 1명이 이도백하와 송강하진 사이에서 붙잡혔다."), geoparser)
    assert [(h.place.id, h.place.admin1_code) for h in hits] == [
        ("cn.jilin.yanbian.erdaobaihe", "CN-JL"), ("cn.jilin.baishan.songjianghe", "CN-JL")]


def test_since_reads_its_examples_and_skips_its_not_examples() -> None:
    """data/ko/dates.toml's [since]: the date a span starts from runs to publication."""
    since = resources.load("ko/dates.toml")["since"]
    for example in since["examples"]:
        text, start, end = _example(example)
        found = {(d.rule, d.start, d.end): d.span for d in find_dates(text, PUB)}
        span = found.get((since["id"], start, end))
        assert span is not None and span.end == PUB, f"{since['id']} does not read {text[start:end]!r}: {found}"
    for example in since["not_examples"]:
        assert since["id"] not in {d.rule for d in find_dates(example, PUB)}
    # a length after the start ("부터 1주일간") is no run's end: from the start to the day the source spoke
    found = {d.rule: d.span for d in find_dates("소식통은 11일 “지난 2일부터 1주일간 검열단이 간부 5명을 적발했다”고 전했다.", PUB)}
    assert (found["date.ko.since"].start, found["date.ko.since"].end) == (date(2025, 6, 2), date(2025, 6, 11))
    # a run of days told to its end stays a run
    assert "date.ko.since" not in {d.rule for d in find_dates("지난 2일부터 9일까지 검열단이 간부 5명을 적발했다.", PUB)}


def test_began_reads_the_words_after_its_trigger() -> None:
    """data/ko/dates.toml's [began]: "검열에 착수했다" tells an act begun, "검열을 마쳤다" none."""
    began = resources.load("ko/dates.toml")["began"]
    for example in began["examples"]:
        text, _, end = _example(example)
        assert re.match(began["pattern"], text[end:]), example
    for example in began["not_examples"]:
        text, _, end = _example(example)
        assert not re.match(began["pattern"], text[end:]), example


def test_a_date_a_count_runs_from_dates_nothing() -> None:
    """data/ko/dates.toml's [lookback]: "지난달 20일 이후 2주 만" names the earlier act's day."""
    lookback = resources.load("ko/dates.toml")["lookback"]
    for example in lookback["examples"]:
        text, start, end = _example(example)
        [found] = [d for d in find_dates(text, PUB) if (d.start, d.end) == (start, end)]
        assert found.rule == lookback["id"] and found.span.precision == 0
    for example in lookback["not_examples"]:
        assert all(d.span.precision for d in find_dates(example, PUB))


def test_days_counted_from_other_days() -> None:
    """A run of days, the day after another, the day of the news, a length of days."""
    def spans(text: str) -> list[tuple[str, str, str, int]]:
        return [(d.rule.removeprefix("date.ko."), str(d.span.start), str(d.span.end), d.span.precision)
                for d in find_dates(text, PUB)]

    assert spans("17~20일 사이 5명이 숨졌다") == [("run", "2025-05-17", "2025-05-20", 2)]
    # a run of told days is day precision (1); a window the act fell in ("사이") is as wide as it runs
    assert spans("28일부터 3일까지 봉쇄됐다") == [("run", "2025-05-28", "2025-06-03", 1)]  # across a month
    assert spans("12월 28일부터 1월 3일까지") == [("run", "2024-12-28", "2025-01-03", 1)]  # across a year
    # 이날 after an agency is the day it spoke; later, the day of the news, not the last day told
    assert spans("합참은 4일 밝혔다. 합참에 따르면 지난 3일 경보가 울렸고 이날 오전 목선이 포착됐다")[-1] == (
        "that_day", "2025-06-04", "2025-06-04", 1)
    # no one spoke: the lead's day, not a day told in between
    assert spans("북한이 21일 발사체를 쐈다. 지난 9일에도 쐈다. 합참은 “이날 오전 발사체를 포착했다”고 밝혔다")[-1] == (
        "that_day", "2025-05-21", "2025-05-21", 1)
    assert spans("폭우로 27일 주민들이 고립됐다. 김 위원장은 이튿날 현장을 찾았다")[-1][:3] == ("next_day", "2025-05-28", "2025-05-28")
    assert spans("조의문 보낸 다음날 발사")[0][3] == 0  # no day told before: no date
    assert spans("혜산시 ’20일 봉쇄령’") == []
    assert spans("입력 2025.06.01 10:20")[0][0] == "stamp" and spans("입력 2025.06.01 10:20")[0][3] == 0


def test_a_part_word_ends_its_word() -> None:
    """data/ko/dates.toml's [part_end]: "5월 초에" is early May, "5월 중국" is May (in China)."""
    part_end = resources.load("ko/dates.toml")["part_end"]
    for example in part_end["examples"]:
        text, start, end = _example(example)
        assert any((d.start, d.end) == (start, end) for d in find_dates(text, PUB)), example
    for example in part_end["not_examples"]:
        assert all(d.span.precision != 3 or (d.span.end - d.span.start).days > 20 for d in find_dates(example, PUB)
                   if d.span.start), example


def test_the_day_of_an_act_told_before_and_the_day_a_sayer_spoke() -> None:
    """"사건 당일" is the act's day told last (as precisely as told), not the source's; the day
    before an outlet or a source as topic is the day it spoke; 전달 is "to hand over"."""
    found = find_dates("소식통은 2일 “사건은 5월 초로 알려졌다”면서 “사건 당일 병사가 도주했다”고 전했다.", PUB)
    same = next(d for d in found if d.rule == "date.ko.same_day")
    assert (str(same.span.start), str(same.span.end), same.span.precision) == ("2025-05-01", "2025-05-10", 2)
    # no act's day told before it: the day told last, as before
    same = next(d for d in find_dates("지난 9일 공개재판이 열렸고 당일 총살이 집행됐다.", PUB) if d.rule == "date.ko.same_day")
    assert str(same.span.start) == "2025-06-09" and same.span.precision == 1
    said = find_dates("10일 조선중앙통신은 “8일 오후 아파트가 무너졌다”고 보도했다.", PUB)
    assert [(d.rule, d.spoken, str(d.span.start)) for d in said] == [
        ("date.ko.sayer_day", True, "2025-06-10"), ("date.ko.day", False, "2025-06-08")]
    assert find_dates("브로커에게 뇌물을 전달하면 풀려난다.", PUB) == []


def test_a_year_framing_an_ordinal_count_dates_nothing() -> None:
    """data/ko/dates.toml's [ordinal_frame]: "올해 들어 세 번째" is the third of the year, no span
    from New Year; "올해 들어" alone still is."""
    frame = resources.load("ko/dates.toml")["ordinal_frame"]
    for example in frame["examples"]:
        text, start, end = _example(example)
        [found] = [d for d in find_dates(text, PUB) if (d.start, d.end) == (start, end)]
        assert found.rule == frame["id"] and not found.span.precision, example
    for example in frame["not_examples"]:
        assert all(d.span.precision for d in find_dates(example, PUB)), example


def test_a_headline_inside_the_text_tells_no_act() -> None:
    """A quoted headline with no sentence-final ending names a story (modality.ko.headline)
    inside the text; the first sentence is the article's own title and the last may be cut off."""
    doc = annotate("“가상군서 간부 2명 체포”\n보위부가 가상군 간부 2명을 체포했다.\n“가상시서 주민 3명 탈북하다 체포”\n"
                   "주민들은 불안해했다.\n소식통은 “지난주 주민 1명이 체포돼 조사를")
    judged = [judge(doc, s, t, False, r.type) for s in doc.sentences for t, r in find_triggers(doc, s)]
    assert [m for m, _ in judged] == ["asserted", "asserted", None, None, "asserted"]
    assert judged[2][1] == "modality.ko.headline"


def _one_more(text: str) -> set[str]:
    """The rules that read one more act in the triggers of the text (article.py's _another)."""
    from yalu.extract.korean.article import _another

    doc = annotate(text)
    return {cue for s in doc.sentences for trigger, _ in find_triggers(doc, s) if (cue := _another(s, trigger))}


@pytest.mark.parametrize("example", resources.load("ko/triggers.toml")["story"]["another"]["examples"])
def test_one_more_act_is_read_in_its_examples(example: str) -> None:
    assert _one_more(example), f"no cluster.ko.another/meanwhile on {example!r}"


@pytest.mark.parametrize("example", resources.load("ko/triggers.toml")["story"]["another"]["not_examples"])
def test_one_more_act_is_not_read_in_its_not_examples(example: str) -> None:
    assert not _one_more(example)


def _clause_date(example: str, published: date = PUB):
    """The own date `_own_date` gives the last trigger of the example's sentence, and the
    bracketed date's mention."""
    from yalu.extract.korean.article import _own_date

    text, start, end = _example(example)
    doc = annotate(text)
    [sentence] = doc.sentences
    found = find_dates(text, published)
    trigger = find_triggers(doc, sentence)[-1][0]
    marked = next(d for d in found if (d.start, d.end) == (start, end))
    return _own_date(found, doc, sentence, trigger, published), marked


def test_a_date_of_another_acts_clause_is_not_the_triggers() -> None:
    """data/ko/dates.toml's [another_clause] (date.ko.another_clause): a date closed off from
    the trigger by a verb's adnominal ending and a word of sequence is the other act's; after
    it, the trigger's act ran from that date to publication, when it is recent."""
    clause = resources.load("ko/dates.toml")["another_clause"]
    for example in clause["examples"]:
        own, marked = _clause_date(example)
        assert own is None or own.rule == clause["id"], f"{example}: {own}"
    for example in clause["not_examples"]:
        own, marked = _clause_date(example)
        assert own is marked, f"{example}: {own}"
    # after a recent act: from its day to publication (a week at most)
    own, _ = _clause_date("[지난 9일] 비상사태가 선포된 이후 주민 3명이 체포됐다.")
    assert own is not None and (own.rule, own.span.start, own.span.end) == (clause["id"], date(2025, 6, 9), PUB)
    own, _ = _clause_date("[지난달 9일] 비상사태가 선포된 이후 주민 3명이 체포됐다.")
    assert own is None


def test_next_month_counts_from_the_past_month_its_sentence_told() -> None:
    """date.ko.next_month_told: "다음달" after a past month of its own sentence is the month after
    it; in a plan, or with no past month before it in its sentence, publication's next month."""
    table = resources.load("ko/dates.toml")["next_month_told"]
    published = date(2024, 5, 10)

    def next_month(text: str) -> tuple[str, str, str]:
        d = next(d for d in find_dates(text, published) if d.span.expression in table["words"])
        return d.rule, d.span.start.isoformat(), d.span.end.isoformat()

    assert next_month("지난 3월 체포된 그는 다음달 공개처형됐다고 소식통이 전했다.") == (
        "date.ko.next_month_told", "2024-04-01", "2024-04-30")
    assert next_month("지난해 4월 홍수가 난 뒤 다음 달 장티푸스가 번졌다.")[1:] == ("2023-05-01", "2023-05-31")
    for text in table["examples"]:
        assert next_month(text)[0] == "date.ko.next_month_told", text
    for text in [*table["not_examples"], "당국은 다음달 국경을 봉쇄할 예정이다."]:
        assert next_month(text) == ("date.ko.relative", "2024-06-01", "2024-06-30"), text


def test_a_year_told_from_another_year() -> None:
    """date.ko.same_year: "같은 해 8월", "그해 11월", "이듬해 3월" are of the year told before (not
    publication's); with no year told before, nothing; "그 해안" is no year."""
    def spans(text: str) -> list[tuple[str, str, str, int]]:
        return [(d.rule.removeprefix("date.ko."), str(d.span.start), str(d.span.end), d.span.precision)
                for d in find_dates(text, PUB)]

    assert spans("당국은 2019년 1월 시장을 닫았다. 같은 해 8월에는 장사꾼 5명이 붙잡혔다.")[-1] == (
        "same_year", "2019-08-01", "2019-08-31", 3)
    assert spans("그는 2016년 5월 체포됐고 이듬해 3월 초 풀려났다.")[-1] == ("same_year", "2017-03-01", "2017-03-10", 2)
    assert spans("공장은 2011년 3월 2일 불탔다. 그해 공장장이 해임됐다.")[-1] == ("same_year", "2011-01-01", "2011-12-31", 4)
    # a source's day is no year told: nothing to count from
    assert spans("소식통은 2일 데일리NK에 “그해 겨울 처형됐다”고 전했다.")[-1][3] == 0
    assert spans("그 해안에서 목선 2척이 발견됐다.") == []


def test_a_month_runs_on_in_the_year_its_paragraph_told() -> None:
    """date.ko.year_told: a month without its year after a date of its paragraph that told the
    year is of that year; not an earlier month, nor one of another paragraph."""
    table = resources.load("ko/dates.toml")["year_told"]

    def month(text: str) -> tuple[str, str]:
        d = next(d for d in find_dates(text, PUB) if d.span.expression.startswith(("8월", "4월", "2월")))
        return d.rule, str(d.span.start)

    assert month("2019년 5월 탈북한 그는 8월 중국 공안에 체포됐다.") == ("date.ko.year_told", "2019-08-01")
    assert month("지난해 2월 초 체포된 그는 4월에 재판을 받았다.") == ("date.ko.year_told", "2024-04-01")
    assert month("2019년 11월 탈북한 그는 2월 체포됐다.") == ("date.ko.month", "2025-02-01")
    assert month("2019년 5월 홍수가 났다.\n8월 단속이 강화됐다.") == ("date.ko.month", "2024-08-01")
    for example in table["examples"]:
        text, start, end = _example(example)
        assert ("date.ko.year_told", start, end) in [(d.rule, d.start, d.end) for d in find_dates(text, PUB)], example
    for example in table["not_examples"]:
        text, _, _ = _example(example)
        assert "date.ko.year_told" not in {d.rule for d in find_dates(text, PUB)}, example


def test_yesterday_in_a_sources_words_counts_from_the_day_the_source_spoke() -> None:
    """"어제", "그저께", "사흘 전" after a source's stated day in its paragraph count from that
    day; told with no day of speaking, or in another paragraph, from publication."""
    def day(text: str) -> str:
        return next(str(d.span.start) for d in find_dates(text, PUB) if not d.spoken)

    assert day("평안북도 소식통은 8일 “어제 신의주에서 밀수꾼 2명이 붙잡혔다”고 말했다.") == "2025-06-07"
    assert day("평안북도 소식통은 8일 “그저께 신의주에서 밀수꾼 2명이 붙잡혔다”고 말했다.") == "2025-06-06"
    assert day("평안북도 소식통은 8일 데일리NK에 “사흘 전 밀수꾼이 붙잡혔다”고 말했다.") == "2025-06-05"
    assert day("평안북도 소식통이 전했다. 어제 밀수꾼 2명이 붙잡혔다.") == "2025-06-11"
    assert day("평안북도 소식통은 8일 데일리NK에 전했다.\n어제 밀수꾼 2명이 붙잡혔다.") == "2025-06-11"


def test_a_file_photo_credit_makes_its_line_a_caption() -> None:
    """place.ko.file_photo: a line closed by an outlet's file-photo or screen credit, or a scene
    followed by its credit, is a caption; a story line naming the outlet is not."""
    assert slots.caption("2021년 7월 양강도 혜산시에서 열린 공개재판 모습. 데일리NK 자료사진")
    assert slots.caption("평양 시내를 달리는 무궤도전차. 연합뉴스 DB")
    assert slots.caption("황해북도 들판에서 농민들이 소를 모는 모습 / 뉴스1")
    assert not slots.caption("혜산시에서 주민 3명이 체포됐다고 소식통이 데일리NK에 전했다.")
    assert not slots.caption("당국은 장마당 모습을 바꾸려 단속을 벌였다.")


def test_a_past_weekday_is_a_day() -> None:
    """date.ko.weekday: "지난 화요일" is the last Tuesday before publication (PUB is a Thursday),
    "지난주 목요일" the Thursday of the week before, both from the day a source spoke when told
    before them; a weekday of habit dates nothing."""
    def days(text: str) -> list[str]:
        return [str(d.span.start) for d in find_dates(text, PUB) if d.rule == "date.ko.weekday"]

    assert days("지난 화요일 혜산에서 주민 2명이 체포됐다.") == ["2025-06-10"]
    assert days("지난주 목요일 공개재판이 열렸다.") == ["2025-06-05"]
    assert days("소식통은 7일 데일리NK에 “지난 화요일 주민 2명이 체포됐다”고 전했다.") == ["2025-06-03"]
    assert days("매주 일요일 강연회가 열린다.") == [] and days("화요일마다 장마당이 열린다.") == []


def test_an_act_named_by_its_anniversary_or_as_the_one_then_is_no_news() -> None:
    """modality.ko.anniversary ("포격 15주기 추모식") and modality.ko.then_named ("당시 포격으로"):
    the old act, named again, reports none; the act told with its own day does."""
    def modality(text: str) -> tuple[str | None, str]:
        doc = annotate(text)
        trigger, rule = find_triggers(doc, doc.sentences[0])[0]
        return judge(doc, doc.sentences[0], trigger, False, rule.type)

    assert modality("가상도 포격 15주기 추모식이 20일 열렸다.") == (None, "modality.ko.anniversary")
    assert modality("당시 포격으로 주민 2명이 숨졌다.") == (None, "modality.ko.then_named")
    assert modality("북한군이 20일 가상도에 포격을 가했다.")[0] is not None
    assert modality("당시 보위부가 주민 3명을 체포했다.")[0] is not None


def test_the_norths_fixed_holidays_are_a_window_around_their_day() -> None:
    """date.ko.holiday: "태양절을 맞으며" is some day within three days of the last 15 April
    (week precision); a holiday the act comes ahead of dates nothing."""
    found = [(d.rule, str(d.span.start), str(d.span.end), d.span.precision)
             for d in find_dates("태양절을 맞으며 평양시가 길거리 장사를 단속했다.", PUB)]
    assert found == [("date.ko.holiday", "2025-04-12", "2025-04-18", 2)]
    assert find_dates("태양절을 앞두고 평양시가 길거리 장사를 단속했다.", PUB) == []


def test_an_act_told_as_a_nouns_modifier_is_a_state() -> None:
    """`not_before_noun`: "배급이 끊긴 노동자들", "문을 닫은 뒤" tell a state or a time of day, no
    act; "끊긴 것으로 알려졌다" (것) and the finite act still fire."""
    def fired(text: str) -> set[str]:
        doc = annotate(text)
        return {r.id for s in doc.sentences for _, r in find_triggers(doc, s)}

    assert "trigger.ko.economic_measure.rations" in fired("가상시 노동자들에게 이달부터 배급이 끊긴 것으로 알려졌다.")
    assert "trigger.ko.economic_measure.rations" not in fired("배급이 끊긴 가상군 광산 노동자들은 산나물로 버틴다.")
    assert "trigger.ko.lockdown.closed_doors" in fired("가상시 장마당이 지난 3일부터 문을 닫았다.")
    assert "trigger.ko.lockdown.closed_doors" not in fired("가상시 장마당이 문을 닫은 다음 보안원들이 상인 2명을 붙잡았다.")
