"""Korean reports end to end: language detection, the Korean pipeline's records on the
fictional samples (samples/ko/), storing, the language filter and Hangul search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from yalu.cli import cli
from yalu.evaluate import evaluate, load_gold_files
from yalu.ingest.language import detect_language, normalize_language
from yalu.store import Store, query, records
from yalu.store.filters import IncidentQuery

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
KO = SAMPLES / "ko"


def test_language_is_detected_from_the_share_of_hangul() -> None:
    assert detect_language((KO / "reports" / "dnk-ko-sinpa-soldiers-defect.txt").read_text(encoding="utf-8")) == "ko"
    assert detect_language("Troops were sent to Ryanggang (량강도) Province and Hyesan (혜산).") == "en"
    assert detect_language("합참은 북한이 SRBM 2발을 발사했다고 밝혔다.") == "ko"
    assert normalize_language("ko-KR") == "ko" and normalize_language("Korean") == "ko" and normalize_language("") is None


def test_the_fictional_korean_gold() -> None:
    """samples/ko/gold.jsonl: the same records as the English pipeline makes, scored the same way."""
    summary = evaluate(load_gold_files([KO / "gold.jsonl"]).docs).summary()
    assert summary["incidents"]["precision"] >= 0.9 and summary["incidents"]["recall"] >= 0.8, summary["incidents"]
    assert summary["admin1_accuracy"] == 1.0 and summary["admin2_accuracy"] == 1.0


@pytest.fixture(scope="module")
def korean_db(module_db) -> str:
    db = module_db("y.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", "--db", str(db), "-q", "--published", "2025-06-12", str(KO / "reports")])
    assert result.exit_code == 0, result.output
    english = SAMPLES / "reports" / "dnk-hyesan-gold-smuggling.txt"
    result = runner.invoke(cli, ["ingest", "--db", str(db), "-q", str(english)])
    assert result.exit_code == 0, result.output
    return db


def test_korean_records_carry_english_codes_and_offsets_into_the_korean_text(korean_db: str) -> None:
    store = Store(korean_db)
    rows = query.records(store, IncidentQuery(lang=["ko"]))
    assert {r["event_type"] for r in rows} >= {"defection", "desertion", "punishment", "missile_launch", "arrest"}
    launch = next(r for r in rows if r["event_type"] == "missile_launch")
    assert (launch["country"], launch["admin1_code"], launch["admin2"]) == ("KP", "KP-01", "Sunan")
    assert launch["summary"].startswith("Missile launch") and "미사일 발사" in launch["summary"]
    assert launch["attribution"]["text"] == "South Korea's Joint Chiefs of Staff"
    record = records.get(store, launch["id"])
    assert record is not None
    article = store.conn.execute("SELECT text, lang FROM articles WHERE id = ?", (record["article_id"],)).fetchone()
    assert article[1] == "ko"
    for e in record["evidence"]:
        assert article[0][e["start"]:e["end"]] == e["text"]
        assert article[0][e["trigger_start"]:e["trigger_end"]] in e["text"]


def test_the_language_filter(korean_db: str) -> None:
    store = Store(korean_db)
    korean = query.records(store, IncidentQuery(lang=["ko"]))
    english = query.records(store, IncidentQuery(lang=["en"]))
    assert korean and english and not {r["id"] for r in korean} & {r["id"] for r in english}
    assert all(r["lang"] == "ko" for r in korean)
    out = CliRunner().invoke(cli, ["incidents", "--db", str(korean_db), "--lang", "en", "--json"])
    assert out.exit_code == 0 and all(json.loads(line)["lang"] == "en" for line in out.output.splitlines() if line)


def test_hangul_search_finds_words_inside_longer_words(korean_db: str) -> None:
    store = Store(korean_db)

    def found(text: str) -> set[str]:
        return {r["article_id"] for r in query.records(store, IncidentQuery(q=text))}

    assert found("혜산") and found("혜산") == found("혜산시")  # 혜산시에서, 혜산시의: particles attached
    assert found("탈북") and found("탈북") != found("혜산")  # two syllables: LIKE over the trigram table
    assert found("폭풍군단 탈북")  # every word must occur
    assert not found("평양냉면")
    assert found("Hyesan") and not found("Hyesan") & found("탈북")  # English: the word index as before


def _korean_records(text: str) -> list:
    from datetime import date

    from yalu.annotate.korean import annotate
    from yalu.extract.korean import extract_korean
    from yalu.model import Article
    from yalu.places.geoparse import Geoparser

    article = Article(text=text, published=date(2025, 6, 12), lang="ko")
    return extract_korean(annotate(text), article, Geoparser())


def _types(text: str) -> list[str]:
    """The event types of the records a one-line Korean text gives."""
    return [r.event_type for r in _korean_records(text + "\n")]


def test_one_story_told_with_its_counties_listed_together() -> None:
    """A headline listing two counties ("혜산·삼지연") and a lead naming both tell one
    lockdown, whichever county stands nearest each trigger; a wire dateline's city
    places nothing."""
    text = ("北 당국, 혜산·삼지연 재차 봉쇄\n\n"
            "(서울=연합뉴스) 북한 당국이 양강도 삼지연시와 혜산시 일대를 지난 9일 재차 봉쇄한 것으로 전해졌다.\n")
    lockdowns = [r for r in _korean_records(text) if r.event_type == "lockdown"]
    assert len(lockdowns) == 1
    assert lockdowns[0].location.admin1_code == "KP-10" and lockdowns[0].location.admin2 in ("Hyesan", "Samjiyon")


def test_a_fire_told_with_an_explosion_is_the_explosions() -> None:
    """The fire that set off a blast and the fire-fighting after it are the blast's: one
    accident; a fire in a story of no explosion is a disaster of its own."""
    text = ("혜산시 살림집서 가스 폭발로 주민 5명 사망\n\n"
            "지난 3일 혜산시의 한 살림집에서 휘발유에 불이 붙어 가스가 폭발해 주민 5명이 사망했다고 소식통이 전했다.\n\n"
            "소식통은 “화재는 이웃 주민들이 한 시간 만에 진압했다”고 말했다.\n")
    assert [r.event_type for r in _korean_records(text)] == ["explosion_accident"]
    text = "지난 3일 혜산시의 한 살림집에서 불이 나 주민 2명이 숨졌다고 소식통이 전했다.\n"
    assert [r.event_type for r in _korean_records(text)] == ["disaster"]
    # whichever is told first: the fire in the headline, the blast in the lead
    text = ("혜산시 살림집서 화재로 주민 5명 사망\n\n"
            "지난 3일 혜산시의 한 살림집에서 불이 나 가스가 폭발해 주민 5명이 사망했다고 소식통이 전했다.\n")
    assert [r.event_type for r in _korean_records(text)] == ["explosion_accident"]


def test_one_more_act_of_a_kind_is_a_record_of_its_own() -> None:
    """cluster.ko.another and cluster.ko.meanwhile: "또 한 명의 주민이 ... 체포됐다" and a
    "한편" item are acts besides the story's (the English cluster.another); a "한편" sentence
    that points back ("한편 이번에 체포된") or tells the day and county of the act told is the
    same act."""
    story = ("회령시서 주민 체포\n\n"
             "지난 5일 함경북도 회령시에서 한국 영화를 보던 주민 1명이 보위부에 체포됐다고 소식통이 전했다.\n"
             "소식통은 “체포된 주민은 현재 조사를 받고 있다”고 말했다.\n")
    arrests = lambda text: [r for r in _korean_records(text) if r.event_type == "arrest"]  # noqa: E731
    assert len(arrests(story)) == 1
    assert len(arrests(story + "한편 같은 날 같은 장소에서 또 한 명의 주민이 체포됐다고 소식통이 전했다.\n")) == 2
    assert len(arrests(story + "한편 지난달에도 청진시에서 주민 2명이 같은 혐의로 체포됐다.\n")) == 2
    assert len(arrests(story + "한편 이번에 체포된 주민은 교화소로 보내질 것으로 보인다.\n")) == 1
    assert len(arrests(story + "한편, 지난 5일 회령시에서는 주민 1명이 보위부에 체포됐다.\n")) == 1
    assert len(arrests(story + "한편, 지난 7일 회령시에서는 주민 1명이 보위부에 체포됐다.\n")) == 2


def test_a_declared_run_keeps_its_last_day_past_the_day_the_source_spoke() -> None:
    """RFA's source, past its note ("소식통(신변안전 위해 익명요청)은 10일"), spoke on the 10th;
    the guard week it tells was declared to the 11th, and runs to it."""
    text = ("양강도의 한 소식통(신변안전 위해 익명요청)은 10일 “중앙에서 5일부터 11일까지 한주일 간을 "
            "특별경비 기간으로 선포했다”고 말했다.\n")
    crackdown = next(r for r in _korean_records(text) if r.event_type == "crackdown")
    assert (str(crackdown.time.start), str(crackdown.time.end)) == ("2025-06-05", "2025-06-11")


def test_an_inspection_begun_early_in_the_month_runs_to_the_day_the_source_spoke() -> None:
    """date.ko.began: "이달 초 ... 검열에 착수했다", told on the 12th, is the 1st to the 12th (as
    precise as its start, a dekad: date.ko.dekad), not the 1st to the 10th; a day it began on stays that day."""
    from datetime import date

    from yalu.extract.korean.dates import find_dates

    text = ("함경북도 소식통은 12일 데일리NK에 “중앙 검열 성원들이 이달 초 회령시에 내려와 보위부에 대한 "
            "검열에 착수했다”고 전했다.\n")
    crackdown = next(r for r in _korean_records(text) if r.event_type == "crackdown")
    assert (str(crackdown.time.start), str(crackdown.time.end), crackdown.time.precision) == (
        "2025-06-01", "2025-06-12", 2)
    text = "함경북도 소식통은 10일 데일리NK에 “보위부가 지난 3일 회령시 국경 마을에 대한 검열에 착수했다”고 전했다.\n"
    crackdown = next(r for r in _korean_records(text) if r.event_type == "crackdown")
    assert (str(crackdown.time.start), str(crackdown.time.end)) == ("2025-06-03", "2025-06-03")
    # a run of more than a month from a dekad is no week: a month at best (date.ko.since)
    since = [d for d in find_dates("보위부가 지난해 3월 초부터 단속을 벌이고 있다.", date(2025, 6, 12)) if d.rule == "date.ko.since"]
    assert [(str(d.span.start), d.span.precision) for d in since] == [("2024-03-01", 3)]


def test_a_place_after_the_clause_belongs_to_the_next_act() -> None:
    """Korean puts the place before its verb: the killing is North Hamgyong's, the
    defection told after it Hyesan's."""
    text = "지난 9일 함경북도에서 한 군인이 상급 군인을 살해하고 달아났고, 지난 12일 양강도 혜산시에서는 군인 2명이 탈북했다.\n"
    places = {r.event_type: (r.location.admin1_code, r.location.admin2) for r in _korean_records(text)}
    assert places["attack"] == ("KP-09", None)
    assert places["defection"] == ("KP-10", "Hyesan")


def test_a_district_of_the_city_places_the_act_better_than_the_city() -> None:
    """The headline's Pyongyang, the lead's district of it: the district (place.nested);
    a county a later quote names in passing does not displace the district the account
    names ("청진시 청암구역" before "무산과 연결되어")."""
    text = ("평양 아파트 붕괴\n\n평양에서 아파트가 붕괴했다.\n"
            "통신은 “지난 3일 평양 평천구역에 있는 아파트가 붕괴했다”고 보도했다.\n")
    [collapse] = [r for r in _korean_records(text) if r.event_type == "disaster"]
    assert (collapse.location.admin1_code, collapse.location.admin2) == ("KP-01", "Pyongchon")
    text = ("함경북도 청진 보위부 화재\n\n소식통은 “지난 3일 청진시 청암구역에 있는 보위부 건물에 화재가 발생했다”고 전했다.\n"
            "소식통은 “건물이 청진시 중심에 있고 앞 도로가 회령, 무산과 이어져 있어 화재 소식은 곧 퍼졌다”고 말했다.\n")
    [fire] = [r for r in _korean_records(text) if r.event_type == "disaster"]
    assert (fire.location.admin1_code, fire.location.admin2) == ("KP-09", "Chongjin")


def test_a_place_named_as_one_of_many_places_nothing() -> None:
    """'청진을 비롯한 여러 지역': where the goods went, not where the seller was arrested."""
    text = "혜산의 한 여성이 중국산 조미료를 청진을 비롯한 여러 지역에 도매하다가 보위부에 체포됐다.\n"
    arrest = next(r for r in _korean_records(text) if r.event_type == "arrest")
    assert (arrest.location.admin1_code, arrest.location.admin2) == ("KP-10", "Hyesan")


def test_a_state_act_is_not_placed_where_it_was_watched_from() -> None:
    """The South's island a rocket fell off, or a drill was watched from, places no act of
    the North's state; it still places the defector who came ashore there."""
    text = ("북한, 정찰위성 발사\n\n북한이 24일 새벽 정찰위성을 실은 로켓을 발사했다.\n"
            "발사체는 전북 군산 어청도 서쪽 200㎞ 바다에 떨어졌다.\n")
    launch = next(r for r in _korean_records(text) if r.event_type == "missile_launch")
    assert (launch.location.country, launch.location.admin1_code) == ("KP", None)
    drill = "북한군이 23일 백령도 인근 서해 NLL 북쪽 해상에서 해안포 사격훈련을 했다.\n"
    places = {(r.location.country, r.location.admin1_code) for r in _korean_records(drill)}
    assert places and all(country != "KR" for country, _ in places), places
    boat = "지난 9일 연평도 인근 해상에서 북한 주민 2명이 목선을 타고 귀순했다.\n"
    defection = next(r for r in _korean_records(boat) if r.event_type == "defection")
    assert defection.location.admin1_code == "KR-28"


def test_a_country_before_goods_is_where_they_came_from() -> None:
    """'중국 상품을 밀수했다': China is where the goods came from, not where the smuggling
    was; in a Hyesan story it is Hyesan's."""
    alone = _korean_records("국경 지역 주민 2명이 지난 8일 중국 상품을 밀수했다.\n")
    assert [r.location.country for r in alone if r.event_type == "smuggling"] == [None]
    text = ("당국이 양강도 혜산시를 지난 9일 봉쇄한 것으로 전해졌다.\n"
            "혜산 주민 2명이 지난 8일 중국 조미료를 몰래 밀수했다.\n")
    smuggling = [r for r in _korean_records(text) if r.event_type == "smuggling"]
    assert [(r.location.admin1_code, r.location.admin2) for r in smuggling] == [("KP-10", "Hyesan")]


def test_an_announced_act_is_the_news_of_its_day() -> None:
    """State media's or the South's offices' stated day dates what they announce (the day
    before it or the day itself); an outlet retelling its sources dates nothing so closely."""
    from datetime import date

    text = "김정은 국무위원장이 황해북도 금천군 강북리를 현지지도했다고 노동신문이 10일 보도했다.\n"
    [visit] = [r for r in _korean_records(text) if r.event_type == "leadership_activity"]
    assert (visit.time.start, visit.time.end, visit.time.precision) == (date(2025, 6, 9), date(2025, 6, 10), 1)
    # announced with no day stated, in a report of many lines: the day of publication's news
    text = ("북한군이 황해남도 창린도에서 해안포를 쐈다고 북한 매체가 보도했다.\n" + "국방부는 유감을 표명했다.\n" * 6)
    [fire] = [r for r in _korean_records(text) if r.event_type == "artillery_fire"]
    assert (fire.time.start, fire.time.end, fire.time.precision) == (date(2025, 6, 11), date(2025, 6, 12), 1)
    text = ("양강도 혜산시에서 주민 3명이 보위부에 체포됐다고 데일리NK가 10일 보도했다.\n"
            "양강도 소식통은 “체포된 주민들은 밀수 혐의를 받고 있다”고 전했다.\n")
    [arrest] = [r for r in _korean_records(text) if r.event_type == "arrest"]
    # the 30 days before the outlet's day, to publication (date.ko.recent_window, as the English
    # stage codes an undated act "on or before" the report): wider than a month but within two,
    # a record coded month (date.month_window)
    assert (arrest.time.start, arrest.time.end, arrest.time.precision) == (date(2025, 5, 11), date(2025, 6, 12), 3)


def test_a_day_told_from_the_news_day() -> None:
    """'이날' in a wire report is the day its announcer spoke, not the last day told."""
    from datetime import date

    text = ("북한 주민 2명이 탄 목선이 발견됐다고 합동참모본부가 4일 밝혔다.\n"
            "합참에 따르면 지난 3일 기상이 나빴고 이날 오전 7시 강원 고성군 해상에서 목선이 포착돼 주민 2명이 귀순했다.\n")
    [defection] = [r for r in _korean_records(text) if r.event_type == "defection"]
    assert defection.time.start == defection.time.end == date(2025, 6, 4)


def test_a_report_of_the_days_news_dates_its_undated_acts_to_that_day() -> None:
    """A report naming the publication day as an act's tells that day's news: an undated
    act told before it is that news cycle's, not the month before; a page's stamp names
    no day of the story."""
    from datetime import date

    text = ("입력 2025.05.20 10:20\n"
            "북한이 황강댐을 예고 없이 방류해 경기 연천군 임진강 수위가 높아졌다.\n"
            "국토부는 주민들에게 대피를 권고했다.\n소방당국은 장비를 동원했다.\n"
            "경찰은 강가의 출입을 통제했다.\n주민들은 불안에 떨었다.\n"
            "국토부에 따르면 12일 오전 임진강 수위가 4m를 넘었다.\n군 당국도 상황을 지켜봤다.\n")
    [release] = [r for r in _korean_records(text) if r.event_type == "other"]
    assert (release.time.start, release.time.end, release.time.precision) == (date(2025, 6, 11), date(2025, 6, 12), 1)


def test_the_norths_statements_and_a_spaced_currency_reform() -> None:
    """A statement of the North's bodies (a party secretary's 담화, the General Staff's
    spokesman who 밝혔다), not the South's spokesman's words nor a warning shot; a currency
    reform written with a space is one as well."""
    text = ("북한은 5일 노동당 비서의 담화를 통해 “공업지구의 종업원들을 모두 철수한다”고 밝혔다.\n")
    assert "statement" in [r.event_type for r in _korean_records(text)]
    text = "북한군 총참모부 대변인은 5일 적들이 포탄 10발을 쏘는 도발을 감행했다고 밝혔다.\n"
    assert "statement" in [r.event_type for r in _korean_records(text)]
    text = "국방부 대변인은 5일 북한의 포격이 합의 위반이라고 밝혔다.\n"
    assert "statement" not in [r.event_type for r in _korean_records(text)]
    text = "북한이 5일 서해상으로 방사포 10발을 위협 사격했다.\n"
    assert "statement" not in [r.event_type for r in _korean_records(text)]
    text = "북한이 지난 1일 전격적인 화폐 개혁을 단행한 것으로 알려졌다.\n"
    assert [r.event_type for r in _korean_records(text)] == ["economic_measure"]


def test_an_act_told_as_recent_takes_the_date_of_the_account_that_follows() -> None:
    """A lead's "최근" act is dated by the source's account right after it ("이달 중순"), not
    the 30 days before publication (date.ko.told_after); not when its own sentence dates
    something else, nor by a date outside the recent window."""
    from datetime import date

    text = ("최근 양강도 혜산시에서 탈북을 시도하던 주민 2명이 국경경비대에 체포된 것으로 전해졌다.\n"
            "양강도 소식통은 10일 데일리NK에 “이달 초 두 사람이 강 건너 친척 집에 가려던 참이었다”고 전했다.\n")
    [arrest] = [r for r in _korean_records(text) if r.event_type == "arrest"]
    assert (arrest.time.start, arrest.time.end, arrest.time.precision) == (date(2025, 6, 1), date(2025, 6, 10), 2)
    text = ("최근 양강도 혜산시에서 탈북을 시도하던 주민 2명이 국경경비대에 체포된 것으로 전해졌다.\n"
            "양강도 소식통은 10일 데일리NK에 “지난해 5월 주민 2명이 강을 건넌 적이 있다”고 전했다.\n")
    [arrest] = [r for r in _korean_records(text) if r.event_type == "arrest"]
    # the "최근" window itself: four weeks, a record coded month (date.month_window)
    assert arrest.time.precision == 3 and arrest.time.end == date(2025, 6, 10)


def test_a_captions_date_dates_no_act_of_the_story() -> None:
    """A file photo's caption ("... 공개재판 모습. 데일리NK 자료사진", place.ko.file_photo) shows an
    old scene: its month dates no act told after it; a story line telling the same month does."""
    from datetime import date

    story = "최근 회령시에서 마약을 판 주민 3명에 대한 공개재판이 열린 것으로 전해졌다.\n"
    [trial] = _korean_records("2021년 7월 함경북도 회령시 공설운동장에서 열린 공개재판 모습. 데일리NK 자료사진\n" + story)
    assert trial.time.start is not None and trial.time.start.year == 2025 and trial.time.end == date(2025, 6, 12)
    [trial] = _korean_records("2021년 7월 함경북도 회령시 공설운동장에서 공개재판이 열렸다.\n" + story)
    assert trial.time.start == date(2021, 7, 1)


def test_an_act_told_by_a_lunar_holiday_takes_no_day_told_before_it() -> None:
    """date.ko.unread_time: "설 명절 직후에도" is a time of the act's own the rules cannot date: no
    day of the act told before it, nor the news cycle; "이후" borrows the day told before."""
    from datetime import date

    arrest = "지난 5일 혜산에서 주민 2명이 체포됐다.\n"
    [desertion] = [r for r in _korean_records(arrest + "설 명절 직후에도 만포에서 군인 2명이 탈영했다.\n")
                   if r.event_type == "desertion"]
    assert desertion.time.precision == 3 and desertion.time.end == date(2025, 6, 12)
    [desertion] = [r for r in _korean_records(arrest + "이후 만포에서 군인 2명이 탈영했다.\n") if r.event_type == "desertion"]
    assert desertion.time.start == date(2025, 6, 5)


def test_an_undated_lead_takes_the_first_day_told_after_it() -> None:
    """date.ko.body_day: an undated act told in detail below takes the first act's day told
    after it in the recent window; not a campaign's (a crackdown), nor a day outside the window."""
    from datetime import date

    def dated(text: str) -> list:
        return [(r.event_type, r.time.start, r.time.end, r.time.precision) for r in _korean_records(text)]

    body = "양강도 소식통은 10일 데일리NK에 “지난 5일 새벽 한 여성이 집에서 살해됐다”고 전했다.\n"
    assert dated("양강도 혜산시에서 40대 여성이 살해되는 사건이 발생한 것으로 알려졌다.\n" + body)[0] == (
        "attack", date(2025, 6, 5), date(2025, 6, 5), 1)
    # not another act's day, nor one told after a "한편" opening another story
    lead = "양강도 혜산시에서 주민 2명이 밀수 혐의로 체포된 것으로 알려졌다.\n"
    birthday = "양강도 소식통은 10일 데일리NK에 “이들은 지난 5일 생일을 맞은 친구 집에 모여 술을 마셨다”고 전했다.\n"
    window = (date(2025, 5, 11), date(2025, 6, 12), 3)
    assert [r[1:] for r in dated(lead + birthday) if r[0] == "arrest"] == [window]
    other = "한편 함경북도 회령시에서는 지난 5일 주민 1명이 체포됐다고 소식통이 10일 전했다.\n"
    assert [r[1:] for r in dated(lead + other) if r[0] == "arrest"][0] == window
    caught = "양강도 소식통은 10일 데일리NK에 “지난 5일 밤 이들이 보위부에 체포됐다”고 전했다.\n"
    assert [r[1:] for r in dated(lead + caught) if r[0] == "arrest"][0] == (date(2025, 6, 5), date(2025, 6, 5), 1)
    assert dated("양강도 보위부가 밀수꾼들에 대한 단속을 벌이고 있는 것으로 알려졌다.\n" + body)[0][1:] == (
        date(2025, 5, 11), date(2025, 6, 12), 3)
    old = body.replace("지난 5일", "지난해 3월 5일")
    [killing] = _korean_records("양강도 혜산시에서 40대 여성이 살해되는 사건이 발생한 것으로 알려졌다.\n" + old)
    assert "date.ko.body_day" not in killing.evidence[0].rules and killing.time.start == date(2024, 3, 5)


def test_a_story_state_media_announced_with_no_day_is_that_days_news() -> None:
    """A report opened by what state media announced with no day stated ("... 쐈다고 북한
    매체가 보도했습니다") tells that day's news: its undated acts are the news cycle's, not the
    30 days before publication (date.ko.news_cycle); a source's hearsay lead is not."""
    from datetime import date

    body = ("김정은 위원장이 서부전선의 한 방어부대를 시찰했습니다.\n국방부는 유감을 나타냈습니다.\n"
            "군 당국은 상황을 지켜보고 있습니다.\n주민들은 불안해하고 있습니다.\n전문가들은 우려를 표했습니다.\n"
            "정부는 대응책을 논의했습니다.\n")
    text = "북한군이 서해에서 해안포를 쐈다고 북한 매체가 보도했습니다.\n" + body
    [visit] = [r for r in _korean_records(text) if r.event_type == "leadership_activity"]
    assert (visit.time.start, visit.time.end, visit.time.precision) == (date(2025, 6, 11), date(2025, 6, 12), 1)
    text = "북한군이 서해에서 해안포를 쐈다고 양강도 소식통이 데일리NK에 전했습니다.\n" + body
    [visit] = [r for r in _korean_records(text) if r.event_type == "leadership_activity"]
    # the recent window: the 30 days before publication, a month (3) as wide as it is
    assert (visit.time.start, visit.time.end, visit.time.precision) == (date(2025, 5, 13), date(2025, 6, 12), 3)


def test_what_the_spy_agency_tells_it_learned_some_time_before() -> None:
    """The spy agency's short item ("12일 국가정보원은 ... 처형됐다고 밝혔다") tells an act of
    weeks before, not the day's news: the recent window; the Joint Chiefs' launch is the
    day's."""
    from datetime import date

    text = "북한 간부 처형\n\n12일 국가정보원은 “북한 군 간부 1명이 처형됐다”고 밝혔다.\n"
    [execution] = [r for r in _korean_records(text) if r.event_type == "punishment"]
    assert (execution.time.start, execution.time.end, execution.time.precision) == (date(2025, 5, 13), date(2025, 6, 12), 3)
    text = "북한 미사일 발사\n\n12일 합동참모본부는 “북한이 동해상으로 탄도미사일을 발사했다”고 밝혔다.\n"
    [launch] = [r for r in _korean_records(text) if r.event_type == "missile_launch"]
    assert (launch.time.end, launch.time.precision) == (date(2025, 6, 12), 1)


def test_an_act_in_a_part_of_a_month_takes_the_day_the_account_tells() -> None:
    """"지난달 중순 ... 추락해 숨졌다" then the source's "지난달 16일": that day
    (date.ko.told_after), as the account is more precise than the lead."""
    from datetime import date

    text = ("지난달 중순 양강도 백암군의 한 광산에서 노동자 2명이 추락해 숨진 것으로 전해졌다.\n"
            "소식통은 12일 데일리NK에 “지난달 16일 오후 교대를 위해 갱에 들어가던 길이었다”고 말했다.\n")
    records = [r for r in _korean_records(text) if r.event_type == "disaster"]
    assert [(r.time.start, r.time.precision) for r in records] == [(date(2025, 5, 16), 1)]


def test_a_span_since_a_date_dates_no_act_told_after_it() -> None:
    """"5월부터 감시를 강화했다" is a setting that goes on: the undated act told after it takes
    the day told before (the boat's), not the span since May."""
    from datetime import date

    text = ("지난 9일 북한 목선 1척이 강원도 삼척항에 들어왔다.\n"
            "군 당국은 5월부터 해상 감시를 강화해 왔다.\n"
            "목선에 탄 주민 2명은 귀순 의사를 밝혔다.\n")
    [defection] = [r for r in _korean_records(text) if r.event_type == "defection"]
    assert (defection.time.start, defection.time.end) == (date(2025, 6, 9), date(2025, 6, 9))


def test_a_place_in_no_province_takes_the_storys_county() -> None:
    """A border, a line or a country named in the act's clause places it no better than
    nothing: the story's county does (place.ko.within_country). A defection is placed in
    the county left, not in the China it went to; a launch is not placed in the South's
    county the story is watched from."""
    text = ("양강도 혜산시 경비대원 탈북\n\n"
            "지난 3일 중국의 밝은 불빛에 이끌린 경비대원 1명이 국경을 넘어 탈북했다고 소식통이 전했다.\n")
    defection = next(r for r in _korean_records(text) if r.event_type == "defection")
    assert (defection.location.admin1_code, defection.location.admin2) == ("KP-10", "Hyesan")
    text = ("경기도 파주시 비무장지대 지뢰 폭발\n\n"
            "군 당국은 지난 4일 북한군이 군사분계선을 넘어와 지뢰를 매설했다고 밝혔다.\n")
    mine = next(r for r in _korean_records(text) if r.event_type == "fortification")
    assert (mine.location.admin1_code, mine.location.admin2) == ("KR-41", "Paju")
    # a near miss: the state's launch takes no place of the South's county
    text = ("경기도 파주시 주민들 불안\n\n"
            "합참은 북한이 지난 4일 한반도 동쪽으로 탄도미사일을 발사했다고 밝혔다.\n")
    launch = next(r for r in _korean_records(text) if r.event_type == "missile_launch")
    assert launch.location.country != "KR" and launch.location.admin2 is None


def test_a_source_named_by_its_kind_is_still_a_sources_home() -> None:
    """'선양의 한 조선족 소식통': the words for a source's kind between the place and 소식통
    still make it the source's home; a place before the act's particle is the act's."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean import slots
    from yalu.places.geoparse import Geoparser

    geoparser = Geoparser()
    hits = slots.find_places(annotate("선양의 한 조선족 소식통은 탈북민 5명이 쿤밍에서 체포됐다고 전했다."), geoparser)
    assert [(h.text, h.source_home) for h in hits] == [("선양", True), ("쿤밍", False)]
    hits = slots.find_places(annotate("양강도 간부 소식통은 혜산시에서 주민이 체포됐다고 말했다."), geoparser)
    assert [(h.text, h.source_home) for h in hits] == [("양강도", True), ("혜산시", False)]
    hits = slots.find_places(annotate("혜산시에서 주민이 체포됐다고 소식통이 전했다."), geoparser)
    assert [(h.text, h.source_home) for h in hits] == [("혜산시", False)]


def test_a_province_story_is_placed_in_its_sources_county() -> None:
    """A story that names only its province is told by the source's home county inside it
    (place.ko.source_county); a source in another province leaves the province."""
    text = ("북 안전부, 외부인 숙박 단속 강화\n\n"
            "양강도 당국이 최근 인민반 숙박 검열을 강화했다.\n\n"
            "양강도 운흥군의 한 주민 소식통은 5일 \"안전부가 외부인 숙박을 단속하고 있다\"고 전했다.\n")
    assert _placed(text, "crackdown") == ("KP-10", "Unhung")
    assert _placed(text.replace("양강도 운흥군의", "함경북도 무산군의"), "crackdown") == ("KP-10", None)


def test_the_arrested_are_taken_where_they_live() -> None:
    """The home of the arrested places the arrest, not a city their words named
    (place.ko.taken_at_home); a watcher's city where a defector lives places nothing."""
    assert _placed("주민 체포\n\n소식통에 따르면 사리원시에 사는 주민 3명은 지난달 평양 열병식 관련 보도를 보고 "
                   "불만을 말했다가 보위부에 체포됐다.\n", "arrest") == ("KP-06", "Sariwon")
    from yalu import resources

    cue = resources.load("ko/slots.toml")["places"]["taken_at_home"]
    for example in cue["examples"]:
        assert _placed(example + "\n", "arrest")[1] is not None, example
    for example in cue["not_examples"]:
        assert _placed(example + "\n", "arrest")[1] is None, example
    # a trip told in the clause is where they were taken, not their home
    assert _placed("가상군에 사는 주민이 평양 출장 중 보위부에 체포됐다.\n", "arrest")[1] == "Pyongyang"
    text = "가족 조사\n\n부산에 거주하고 있는 탈북민 이모씨는 북한의 가족들이 보위부에 체포됐다는 소식을 들었다고 말했다.\n"
    assert all(r.location is None or r.location.country != "KR" for r in _korean_records(text) if r.event_type == "arrest")


def _placed(text: str, event_type: str) -> tuple[str | None, str | None]:
    """The province and county of the text's first record of the type."""
    found = next(r for r in _korean_records(text) if r.event_type == event_type)
    return found.location.admin1_code, found.location.admin2


def test_a_word_for_make_up_is_no_county() -> None:
    """구성 "make-up" ("5인 구성의 가족") is no Kusong; 구성시 is, and 구성군 after its province."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean import slots
    from yalu.places.geoparse import Geoparser

    geoparser = Geoparser()
    assert not slots.find_places(annotate("5인 구성의 가족이 공안에 체포됐다."), geoparser)
    assert [h.text for h in slots.find_places(annotate("구성시에서 가족이 체포됐다."), geoparser)] == ["구성시"]
    hits = slots.find_places(annotate("평안북도 구성군에서 가족이 체포됐다."), geoparser)
    assert [h.place.id for h in hits] == ["kp.north-pyongan", "kp.north-pyongan.kusong"]


def test_a_neighbour_a_hometown_and_the_souths_goseong() -> None:
    """A place glossed in hanja is still the neighbour another is found by ("단둥(丹東)과
    맞대고 있는 신의주", place.ko.neighbour) and still where a person is from ("옌지(延吉) 시
    출신"); the South's press writes its own Goseong after its bare province ("강원 고성")."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean import slots
    from yalu.places.geoparse import Geoparser

    geoparser = Geoparser()
    hits = slots.find_places(annotate("단둥(丹東)과 맞대고 있는 신의주에서 밀수꾼이 체포됐다."), geoparser)
    assert [h.text for h in hits] == ["신의주"]
    hits = slots.find_places(annotate("옌지(延吉) 시 출신 박모씨는 허룽 시에서 붙잡혔다."), geoparser)
    assert [(h.text, h.destination) for h in hits] == [("옌지", True), ("허룽", False)]
    hits = slots.find_places(annotate("북한에서 난 산불이 강원 고성 비무장지대로 번졌다."), geoparser)
    assert [h.place.id for h in hits if h.text == "고성"] == ["kr.gangwon.goseong"]
    hits = slots.find_places(annotate("북한 강원도 고성군에서 산불이 났다."), geoparser)
    assert [h.place.id for h in hits if h.text == "고성군"] == ["kp.kangwon.kosong"]
    # the South's spelling of 은률 and a Chinese city whose police try defectors
    assert [p.id for p in geoparser.gazetteer.lookup("은율")] == ["kp.south-hwanghae.unryul"]
    assert [p.id for p in geoparser.gazetteer.lookup("쑹위안")] == ["cn.jilin.songyuan"]


def test_a_chinese_town_is_placed_in_its_county() -> None:
    """China's second level is the county: Kaishantun is Longjing's, not the prefecture's
    (Yanbian), and a town right under a prefecture stands for the county the gazetteer
    lacks (Songjianghe of Fusong, not Baishan)."""
    from yalu.places.geoparse import Geoparser

    geoparser = Geoparser()

    def admin2(name: str) -> str | None:
        return geoparser.location(geoparser.gazetteer.lookup(name)[0], text=name).admin2

    assert admin2("개산툰") == "Longjing"
    assert admin2("송강하진") == "Songjianghe"
    assert admin2("장백현") == "Changbai"  # a county is its own, as before
    assert admin2("혜산시") == "Hyesan"


def test_acts_told_without_their_usual_word() -> None:
    """Freedom bought is a bribe though no word for one is written; a punishment escaped is
    none; a statement telling a purpose is a statement; a drone found is an incursion, an
    earlier find it is compared with is not."""
    text = "무산군 보위부에 체포됐던 송금 중개업자가 이달 초 돈을 주고 풀려났다고 소식통이 전했다.\n"
    assert "bribery" in [r.event_type for r in _korean_records(text)]
    text = "탈북을 시도하던 조카는 미성년자라는 이유로 총살형을 면했다고 소식통이 전했다.\n"
    assert "punishment" not in [r.event_type for r in _korean_records(text)]
    # a statement whose words tell a purpose is made all the same
    text = "북한 우주개발국 대변인은 5일 담화에서 “경제발전을 위한 실용위성들을 쏘아올릴 것”이라고 강조했다.\n"
    assert "statement" in [r.event_type for r in _korean_records(text)]
    text = ("국방부는 15일 섬 서쪽 바다에서 북한 무인기로 추정되는 잔해가 발견됐다고 밝혔다.\n\n"
            "합참은 “잔해가 지난봄 파주에서 발견된 것과 유사하다”고 밝혔다.\n")
    assert [r.event_type for r in _korean_records(text)] == ["incursion"]


def test_a_record_keeps_the_date_its_act_is_first_told_with() -> None:
    """date.told_first: a report told as one story keeps the date its act is first told with;
    a more precise date of the same kind of act told apart from it (the day a source names for
    other shootings) is another act's, not a refinement; one told inside it refines it."""
    from datetime import date

    text = ("북한이 지난달 말 함경북도 온성군에서 여성 3명을 공개 총살했다고 방송이 4일 보도했다.\n"
            "방송 대표는 “북한이 2월 28일 불법 월경자들을 공개 총살했다”고 말했다.\n")
    [shooting] = [r for r in _korean_records(text) if r.event_type == "punishment"]
    assert (shooting.time.start, shooting.time.end) == (date(2025, 5, 20), date(2025, 5, 31))
    text = ("북한이 지난달 함경북도 온성군에서 여성 3명을 공개 총살했다고 방송이 4일 보도했다.\n"
            "방송 대표는 “북한이 지난달 28일 이들을 공개 총살했다”고 말했다.\n")
    [shooting] = [r for r in _korean_records(text) if r.event_type == "punishment"]
    assert (shooting.time.start, shooting.time.end) == (date(2025, 5, 28), date(2025, 5, 28))


def test_weapons_named_shown_or_threatened_are_no_launch() -> None:
    """A launch in a weapon's name (an SLBM shown at a parade) or a launch threatened is no
    missile launch; a multiple rocket launcher KCNA calls a rocket gun ("로케트포") is artillery."""
    text = ("북한이 지난 10일 평양에서 열병식을 열고 잠수함발사탄도미사일 2기를 선보였다고 통신이 11일 보도했다.\n\n"
            "조평통은 12일 담화를 내고 미사일 발사 위협을 이어갔다.\n")
    assert "missile_launch" not in [r.event_type for r in _korean_records(text)]
    text = "북한 포병부대가 지난 9일 동해상으로 대구경로케트포 8발을 발사했다고 통신이 10일 보도했다.\n"
    kinds = [r.event_type for r in _korean_records(text)]
    assert "artillery_fire" in kinds and "missile_launch" not in kinds


def test_people_counted_too_are_another_act() -> None:
    """cluster.ko.another: people counted "too" ("보안원 1명도") are others the act befell, one
    more arrest; "이들 2명도" counts those told again."""
    text = ("함경북도 가상군에서 지난 3일 주민 2명이 보위부에 체포됐다고 소식통이 전했다.\n\n"
            "이들의 통화를 눈감아 주던 보안원 1명도 같은 날 체포됐다.\n")
    assert [r.event_type for r in _korean_records(text)].count("arrest") == 2
    text = ("함경북도 가상군에서 지난 3일 주민 2명이 보위부에 체포됐다고 소식통이 전했다.\n\n"
            "소식통은 “이들 2명도 결국 체포됐다”고 말했다.\n")
    assert [r.event_type for r in _korean_records(text)].count("arrest") == 1


@pytest.mark.parametrize("listed", [True, False])
def test_acts_listed_in_one_sentence_are_one_record_each(listed: bool) -> None:
    """cluster.ko.listed: a sentence listing its acts place by place, each with its own
    count, tells one act a place; a count without its own place, or one place told
    twice, lists none (data/ko/triggers.toml's [story.listed] examples)."""
    from yalu import resources

    cue = resources.load("ko/triggers.toml")["story"]["listed"]
    for text in cue["examples" if listed else "not_examples"]:
        records = _korean_records(text + "\n")
        counted = [r for r in records if r.event_type in ("artillery_fire", "arrest")]
        assert len(counted) == (2 if listed else 1), (text, [(r.event_type, r.location) for r in records])
        if listed:
            assert len({(r.location.admin1_code, r.location.admin2) for r in counted}) == 2
            assert all(len(r.quantities) == 1 for r in counted)


@pytest.mark.parametrize("listed", [True, False])
def test_an_act_in_places_listed_in_its_clause_is_one_record_a_place(listed: bool) -> None:
    """record.ko.by_place: an arrest or an execution its clause places in coordinated
    places of one level is one record a place; a town with its province, a route, or a
    list naming one area ("등 국경 지역에서", "사이") is one place (data/ko/slots.toml's
    [places.coordinated] examples)."""
    from yalu import resources

    cue = resources.load("ko/slots.toml")["places"]["coordinated"]
    for text in cue["examples" if listed else "not_examples"]:
        records = _korean_records(text + "\n")
        counts = []
        for kind in ("arrest", "punishment"):
            places = [(r.location.admin1_code, r.location.admin2) for r in records if r.event_type == kind]
            assert len(places) == len(set(places)), (text, places)
            counts.append(len(places))
        assert (max(counts) >= 2) if listed else (max(counts) <= 1), (text, counts)


def test_wildfires_are_one_record_a_county_and_outbreaks_one_a_province() -> None:
    """data/ontology.toml's by_place_kinds and by_province: wildfires in two counties are two
    fires, suspected cases in two provinces two outbreaks, and a storm's damage in two
    counties two (the Korean gold codes each place's damage: the `flood` kind); a storm told
    with no place of its own is one."""
    def places(text: str) -> set[tuple[str | None, str | None]]:
        return {(r.location.admin1_code, r.location.admin2) for r in _korean_records(text + "\n") if r.event_type == "disaster"}

    assert len(places("위성사진에 따르면 지난 3일 함경남도 리원군과 단천시에서 큰 산불이 번지고 있다.")) == 2
    assert len(places("지난 3일 평안북도와 강원도에서 코로나 의심 환자가 발생했다고 소식통이 전했다.")) == 2
    assert len(places("지난 3일 함경남도 리원군과 단천시에서 폭우로 홍수가 났다.")) == 2
    assert len(places("지난 3일 폭우로 곳곳에서 홍수가 났다.")) == 1


def test_an_execution_and_the_dismissals_it_brought_are_two_punishments() -> None:
    """cluster.ko.kinds: a story's execution and the dismissal of the cadres who let it
    happen ("해임", "혁명화", "해고": trigger.ko.punishment.cadre) are two punishments; an
    execution told twice, or a trial and its shooting, is one."""
    story = ("청진서 선장 공개총살\n\n"
             "지난 3일 함경북도 청진시에서 외국 방송을 들은 어선 선장 1명이 공개총살됐다고 소식통이 전했다.\n")
    told = {"": 1, "소식통은 “그날 공개재판이 끝나자마자 선장을 총살했다”고 말했다.\n": 1,
            "선장의 출항을 허가한 수산사업소 간부들은 모두 해고됐다.\n": 2,
            "이 일을 보고하지 않은 간부 2명은 혁명화 조치됐다고 한다.\n": 2}
    for more, expected in told.items():
        assert [r.event_type for r in _korean_records(story + more)].count("punishment") == expected, more


def test_a_team_sent_from_the_capital_places_no_act() -> None:
    """place.ko.sent_from: "검열대를 평양에서 파견해": where the team came from; the arrests
    are where it went, the story's province."""
    text = "당국은 검열대를 평양에서 파견해 주민 3명을 체포했다.\n"
    arrest = next(r for r in _korean_records(text) if r.event_type == "arrest")
    assert arrest.location is None or arrest.location.admin1_code is None
    text = "양강도에서 탈북 사건이 잇따르고 있다.\n" + text
    arrest = next(r for r in _korean_records(text) if r.event_type == "arrest")
    assert arrest.location.admin1_code == "KP-10"


def test_a_launch_praised_is_no_launch_of_the_report() -> None:
    """modality.ko.praised: an overseas group's acclaim of a launch ("위성발사 성공 격찬") is
    the news, not the launch."""
    assert not [r for r in _korean_records("재일 동포단체, 위성발사 성공 격찬\n") if r.event_type == "missile_launch"]
    assert [r.event_type for r in _korean_records("북한이 지난 5일 위성을 발사했다.\n")] == ["missile_launch"]


def test_false_alarms_of_the_genre_report_no_act() -> None:
    """A photo described by "사진은 ...", a crackdown someone was caught in, a border sealed
    "as" the news came about and an aim (modality.ko.as_setting, .caught_in, .purpose) tell
    no act of their own; the act told beside them is still read."""
    text = ("가상시 주민 체포\n\n"
            "지난 3일 혜산시의 한 상인이 검열에 걸려 보위부에 체포됐다고 소식통이 전했다.\n\n"
            "소식통은 “국경을 봉쇄하면서 이 주민은 장사를 접었다”고 말했다. "
            "사진은 지난해 열린 미사일 발사 훈련 장면.\n\n"
            "이번 검열은 간첩 검거를 첫째 목표로 하고 있다고 한다.\n")
    assert [r.event_type for r in _korean_records(text)] == ["arrest"]


def test_a_northerner_taken_into_custody_at_the_line_is_a_defection() -> None:
    """The JCS's "신병을 확보" of one who crossed the line is a defection, not an incursion
    (trigger.ko.defection.custody); a soldier's "신원" (identity) is no Sinwon County."""
    text = "합참은 지난 5일 새벽 동부전선 군사분계선(MDL)을 넘어온 북한 주민 1명의 신병을 확보했다고 6일 밝혔다.\n"
    assert [r.event_type for r in _korean_records(text)] == ["defection"]
    text = "합참은 지난 5일 새벽 동부전선 군사분계선(MDL)을 넘어와 귀순한 북한 병사 1명의 신병을 확보했다고 6일 밝혔다.\n"
    # the soldier's desertion beside it (trigger.ko.desertion.soldier_defects), no incursion
    assert sorted(r.event_type for r in _korean_records(text)) == ["defection", "desertion"]
    text = "국경경비대 병사 1명이 지난 3일 보위부에 체포됐다. 이 병사의 신원은 곧 확인될 것이라고 소식통이 전했다.\n"
    assert [(r.event_type, r.location.admin2) for r in _korean_records(text)] == [("arrest", None)]


def test_acts_named_as_a_title_a_credit_or_a_question_are_no_records() -> None:
    """State media's report of a foreign piece titled after a launch (modality.ko.titled),
    scientists credited with a launch (modality.ko.object) and whether people meant to
    defect (귀순 여부) report no launch and no defection."""
    for text in ["(평양 5월 3일발 조선중앙통신) 가상나라 친선협회 홈페지가 1일 《조선의 위성 발사 성공》이라는 제목의 글을 실었다.\n",
                 "평양에서 경축대회가 열렸다. 이날 대회에는 위성 발사에 기여한 과학자들도 참석했다.\n",
                 "군 당국은 지난 2일 서해에서 발견된 북한 주민 2명의 귀순 여부를 조사하고 있다.\n"]:
        assert _korean_records(text) == [], text


def test_a_headline_that_only_asks_is_no_record_but_a_fact_before_its_question_is() -> None:
    """modality.ko.question_headline reads the headline from the act to its "?": "또
    공개처형?" asks, but a fact stated before the question ("공개처형…몇 명?", "총살, 이유는?")
    or a body sentence that asks after it is the act."""
    records = {
        "北 가상시서 또 공개처형?\n\n소식이 전해졌다.\n": [],
        "北 가상시서 간부 5명 공개처형…이번엔 몇 명?\n\n소식이 전해졌다.\n": ["punishment"],
        "北 가상군 주민 3명 총살, 이유는?\n\n소식이 전해졌다.\n": ["punishment"],
        "가상 소식\n\n지난 3일 혜산시에서 밀수꾼 3명이 보위부에 체포됐는데, 배후는 누구?\n": ["arrest"],
    }
    _assert_types(records)


def test_a_word_that_vetoes_an_act_must_be_the_acts_own_word() -> None:
    """A kit (장구류), a balance (균형 잡힌), a threat (총살형 경고) or a cell (교화소에 감금) vetoes
    only the trigger it is made of (`none_over`); beside a real act in the same sentence it does
    not, and China's police veto a "살포" only with their flyers (공안…전단지)."""
    records = {
        "무기와 장구류를 버리고 달아난 병사 2명이 체포됐다.\n": ["arrest"],
        "경비대원 2명이 무기·장구류를 지닌 채 술을 마시고 있었다.\n": [],
        "가상시에서 균형 잡힌 식단을 요구하던 노동자 5명이 보위부에 체포됐다.\n": ["arrest"],
        "코로나 확진자가 나오자 당국은 가상교화소를 봉쇄했다.\n": ["lockdown"],
        "중국 공안이 국경 경비를 강화한 가운데 북한 무인기가 영공을 침범했다.\n": ["incursion"],
        "중국 공안은 탈영병들을 잡기 위한 전단지를 가상시 일대에 살포했다.\n": [],
    }
    for text, types in records.items():
        found = [r.event_type for r in _korean_records(text)]
        assert (set(types) <= set(found)) if types else not found, (text, found)
    text = "北, 불법 손전화 쓰면 총살형 경고…실제로 주민 2명 공개처형\n\n소식이 전해졌다.\n"
    assert "punishment" in [r.event_type for r in _korean_records(text)]


def test_a_plural_noun_quoted_with_its_copula_is_no_order() -> None:
    """modality.ko.directive reads a quoted imperative of 들이다 after 아/어 ("잡아들이라”며"), not
    a plural noun's copula ("‘간첩들이라’며": they are spies), which leaves the arrest told."""
    text = "보위부는 지난달 체포된 가족들을 ‘간첩들이라’며 정치범수용소로 보냈다고 소식통이 전했다.\n"
    assert "arrest" in [r.event_type for r in _korean_records(text)]
    text = "안전부장은 “관련자를 모조리 잡아들이라”며 수사를 독려했다고 소식통이 전했다.\n"
    assert "arrest" not in [r.event_type for r in _korean_records(text)]


def test_an_act_nearly_done_is_no_act_but_one_done_is() -> None:
    """modality.ko.negated reads the near miss of any -ㄹ stem ("붙잡힐 뻔했다", "끌려갈 뻔"),
    and leaves the act told beside it."""
    assert _korean_records("지난 3일 가상군 주민 1명이 국경에서 붙잡힐 뻔했다고 소식통이 전했다.\n") == []
    text = "지난 3일 가상군 주민 1명이 국경에서 보위부에 붙잡혔다고 소식통이 전했다.\n"
    assert [r.event_type for r in _korean_records(text)] == ["arrest"]


def test_the_rules_that_placed_or_folded_an_act_are_in_its_evidence() -> None:
    """The evidence names place.ko.taken_at_home when the home placed the arrest (place.ko.clause
    when the clause named another place), and cluster.ko.yields when a check folded into it."""
    def rules(text: str) -> list[str]:
        return [rule for r in _korean_records(text) if r.event_type == "arrest" for e in r.evidence for rule in e.rules]

    assert "place.ko.taken_at_home" in rules("회령시에 사는 밀수꾼 2명이 국경경비대에 체포됐다.\n")
    placed = rules("회령시에 사는 밀수꾼 2명이 무산군에서 국경경비대에 체포됐다.\n")
    assert "place.ko.clause" in placed and "place.ko.taken_at_home" not in placed
    assert "cluster.ko.yields" in rules("지난 2일 가상시의 한 인민반에서 숙박검열이 진행됐는데, 등록되지 않은 주민 8명이 "
                                        "안전부로 연행됐다고 소식통이 전했다.\n")


def _assert_types(records: dict[str, list[str]]) -> None:
    """Each fictional sentence gives records of exactly these types, in this order."""
    for text, types in records.items():
        assert [r.event_type for r in _korean_records(text)] == types, text


def test_acts_called_off_risked_or_supposed_are_no_records() -> None:
    """A visit called off (취소됐다), a place named by a visit before (현지지도했던), a
    repatriation risked (북송 위기에 처했던), a desertion supposed (이탈하지만 않았어도) and a
    punishment too hard to mete out (처벌하기도 어렵다) report none of these acts
    (modality.ko.negated, .visited_before, .alternative); the flood and the runaways are read."""
    records = {
        "지난 3일 원산에서 폭발물이 발견돼 다음날로 예정됐던 김정은의 현지지도가 취소됐다고 소식통이 전했다.\n": [],
        "김정은이 현지지도했던 가상 농장서 또 수해 발생\n": ["disaster"],
        "지난달 중국에서 강제북송 위기에 처했던 탈북민 10명이 풀려났다고 소식통이 전했다.\n": [],
        "소식통은 “병사들이 초소를 이탈하지만 않았어도 사고는 없었을 것”이라고 말했다.\n": [],
        "소식통은 “도망치는 병사가 너무 많아 일일이 처벌하기도 어렵다”고 말했다.\n": ["desertion"],
    }
    _assert_types(records)


def test_where_people_live_or_come_from_places_no_act_of_theirs() -> None:
    """Where a person lives ("온성군에 거주하던", place.ko.home) or comes from ("청진 출신")
    places no act told of them, but the place a defection left is where its people lived
    (`left_from`); a partner named by where they live ("양강도에 사는 취재협력자") is a
    source, and "중국변방으로" is where people went."""
    def places(text: str) -> list[tuple]:
        return [(r.event_type, r.location.country, r.location.admin2) for r in _korean_records(text)]

    assert places("온성군에 거주하던 40대 여성이 중국에 머무르던 중 지난 3일 체포됐다고 소식통이 전했다.\n") == [("arrest", "CN", None)]
    assert places("청진 출신 간부 1명이 지난 3일 보위부에 체포됐다고 소식통이 전했다.\n") == [("arrest", None, None)]
    assert places("숙천군에 살던 일가족 4명이 지난달 탈북했다고 소식통이 전했다.\n") == [("defection", "KP", "Sukchon")]
    text = "가상 소식\n\n양강도에 사는 취재협력자에 의하면 지난 2일 혜산시에서 압록강을 건너 중국변방으로 가던 주민 2명이 체포됐다고 한다.\n"
    assert ("arrest", "KP", "Hyesan") in places(text)


def test_a_subtitles_bullets_summarise_the_story() -> None:
    """A subtitle's bullets with no sentence-final ending ("- ... 체포 - ... 가택수색하는 만행")
    sum up the story told below (modality.ko.bullet): the arrest is the body's, placed where
    it tells it, not at the woman's birthplace."""
    text = ("탈북 여성, 은신처에서 붙잡혀\n\n- 가상 마을 은신처에서 40대 여성 체포 - 경비대 인원들 주민 가택수색하는 만행\n\n"
            "지난 3일 중국 연길의 한 은신처에서 온성군 출신 40대 여성이 북한 경비대에 체포됐다고 소식통이 전했다.\n")
    assert [(r.event_type, r.location.admin2) for r in _korean_records(text)] == [("arrest", "Yanji")]


def test_robberies_jamming_deaths_of_hunger_market_hours_and_meetings_are_acts() -> None:
    """The genre's crime and jamming news with no type of its own (trigger.ko.other.robbery,
    .jamming) or told by how people died (trigger.ko.disaster.starved), the markets' hours cut
    (trigger.ko.economic_measure.market_hours), a party meeting convened
    (trigger.ko.leadership_activity.meeting), guard posts added (.fortification.posts_fences), a
    livestock epidemic, people summoned by a security agency (trigger.ko.arrest.summoned) and the
    security ministries' joint statement; a campaign's intensity (단속 강도), a fear of starving,
    the South's security council, a meeting to come and an ambassador recalled are none, and a
    drifted crew returned at its wish is the boat adrift's record, no forced repatriation."""
    records = {
        "지난 5일 밤 가상군의 한 마을에서 복면강도들이 돈과 식량을 털어갔다고 소식통이 전했다.\n": ["other"],
        "합참은 북한이 지난 2일부터 서해 NLL 이북에서 GPS 전파 교란 공격을 하고 있다고 밝혔다.\n": ["other"],
        "소식통은 “지난달 한파에 가상군 역전에서 꽃제비 3명이 얼어 죽은 채 발견됐다”고 전했다.\n": ["disaster"],
        "당국은 최근 장마당 단속 강도를 높이고 있다고 소식통이 전했다.\n": ["crackdown"],
        "소식통은 “이대로 가다가는 모두 굶어 죽을 지경”이라고 말했다.\n": [],
        # the markets' hours cut, a party meeting convened; not the South's council, nor a meeting to come
        "당국이 이달 초 농촌동원을 이유로 가상시 장마당 이용시간을 3시간으로 줄였다고 소식통이 전했다.\n": ["economic_measure"],
        "김정은 위원장은 지난 6일 노동당 중앙군사위원회 비상확대회의를 소집했다고 통신이 7일 보도했다.\n": ["leadership_activity"],
        "청와대는 7일 국가안전보장회의(NSC) 상임위원회를 소집했다.\n": [],
        "북한은 다음 달 노동당 전원회의를 소집할 예정이다.\n": [],
        # guard posts added, a livestock epidemic; the South's return of a drifted crew forces no one
        # back: it is the boat adrift's record (trigger.ko.other.adrift), no forced repatriation
        "가상군 국경경비대 초소가 최근 5곳 추가돼 20곳으로 늘어났다고 소식통이 전했다.\n": ["fortification"],
        "북한이 가상군 협동농장에서 아프리카돼지열병이 발생했다고 국제기구에 통보했다.\n": ["disaster"],
        "정부는 동해상에서 표류하다 구조된 북한 선원 3명을 판문점을 통해 송환했다.\n": ["other"],
        # people summoned by a security agency, the security ministries' joint statement; not an ambassador recalled
        "지난 3일 가상군 경비대원 2명이 보위사령부에 소환돼 경위서를 작성했다고 소식통이 전했다.\n": ["arrest"],
        "인민보안성과 국가안전보위부는 8일 연합성명을 통해 강력한 조치를 경고했다.\n": ["statement"],
        "북한은 지난 3일 주중 대사를 본국으로 소환했다.\n": [],
    }
    _assert_types(records)


def test_commentary_practice_returns_and_the_standing_closure_are_no_records() -> None:
    """An expert's reading of an act (modality.ko.expert_view), sailors the South sent back at
    their wish (modality.ko.returned_by_south), the border closure named as a standing state
    (modality.ko.pandemic_closure), a defection guards abet (modality.ko.abetted), a shooting
    a policy allows (modality.ko.stated_rule) and a harsher punishment (.punishment_policy)
    report none of these acts; the arrest told in the past and the guards' bribes are read."""
    records = {
        "그러나 전문가들은 가상 일대에서 방사포 4발을 발사한 것을 가리킨 것으로 보고 있다.\n": [],
        "선원 5명은 모두 북으로 돌아가겠다는 의사를 밝혀 이틀 뒤 북측에 송환됐다.\n": [],
        "국경봉쇄라는 극단적 조치로 장마당 경기는 크게 나빠졌다.\n": [],
        "경비대원들이 탈북을 방조한 대가로 뇌물을 받아왔다고 소식통이 전했다.\n": ["bribery"],
        "당국은 탈북하는 주민을 현장에서 사살한다는 방침을 다시 확인했다.\n": [],
        "당국은 경비대원들로부터 처벌 강화를 명시한 서약서를 받았다.\n": [],
        "지난 3일 혜산시에서 보위원들이 주민 2명을 체포했다고 소식통이 전했다.\n": ["arrest"],
    }
    _assert_types(records)


def test_a_soldiers_defection_is_also_his_desertion() -> None:
    """trigger.ko.desertion.soldier_defects reports the desertion beside the defection of the
    same word, not instead of it; guards who helped the people who crossed deserted nothing."""
    text = "지난 20일 온성군 주둔 국경경비대 소속 군인 1명이 두만강을 건너 탈북했다고 소식통이 전했다.\n"
    assert sorted({r.event_type for r in _korean_records(text)}) == ["defection", "desertion"]
    text = "지난 20일 경비대원의 도움을 받아 온성군 주민 3명이 두만강을 건너 탈북했다고 소식통이 전했다.\n"
    assert {r.event_type for r in _korean_records(text)} == {"defection"}


def test_a_launch_window_footage_and_a_site_cordon_tell_no_act_of_their_own() -> None:
    """The window set for a launch (modality.ko.window), what a video shot across the river
    shows (modality.ko.footage) and an accident site sealed off (modality.ko.site_cordon) are no
    records: the launch, the fire and the accident are told elsewhere, on their own day and at
    their own place."""
    records = {
        "북한은 국제해사기구에 위성 발사 예정 기간을 8일부터 25일까지로 통보했다.\n": [],
        "단둥에서 가상시 쪽을 향해 촬영한 이 동영상에는 공장이 폭발해 연기가 치솟는 장면이 담겼다.\n": [],
        "보안원들이 사고지역을 철저히 통제하고 있다고 소식통이 전했다.\n": [],
    }
    _assert_types(records)


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r.event_type, r.location.admin1_code, r.location.admin2) for r in _korean_records(text)]


def test_where_the_news_was_told_places_no_act_in_the_north() -> None:
    """A photo's credit (place.ko.photo_credit), a dispatch's dateline (place.ko.dispatch), a
    meeting in the South where a defector testified (place.ko.venue) and, for an arrest or a
    trial in the North, a place of the South told elsewhere (place.ko.at_home) place nothing;
    "대구경" is a calibre, not Daegu (place.ko.calibre)."""
    caption = "북한이 지난 5일 동해상으로 탄도미사일을 발사했다. 평양 노동신문\n"
    assert ("missile_launch", "KP-01", "Pyongyang") not in _places(caption)
    dispatch = "평양 9월 2일발 신화통신: 외무성 대변인은 1일 담화를 발표했다.\n"
    assert all(admin2 != "Pyongyang" for _, _, admin2 in _places(dispatch))
    venue = "대전에서 열린 북한인권 토론회에서 한 탈북민은 지인이 공개총살을 당했다고 말했다.\n"
    assert all(admin1 is None or not admin1.startswith("KR") for _, admin1, _ in _places(venue))
    home = ("광주에 거주하고 있는 탈북민 이모씨는 “며칠 전 북한의 가족들이 보위부에 불려가 조사를 받았다”고 "
            "말했다.\n")
    assert all(admin1 is None or not admin1.startswith("KR") for _, admin1, _ in _places(home))
    calibre = "김정은 총비서가 지난 4일 새로 개발한 대구경 로케트포 시험사격을 참관했다.\n"
    assert all(admin2 != "Daegu" for _, _, admin2 in _places(calibre))


def test_a_team_sent_and_a_source_of_any_kind_place_nothing() -> None:
    """A team named by its office's city or sent from the capital or a province (place.ko.sent_from)
    and a source of any kind after "의 한" (place.ko.source_kind) place no act: the place the team
    worked in does."""
    sent = "평양이나 도에서 검열대를 파견해 무산군에서 지난 3일부터 단속을 벌였다고 소식통이 전했다.\n"
    assert ("crackdown", "KP-09", "Musan") in _places(sent)
    team = "지난 9일 열차가 탈선하자 김책철도관리국 조사단이 파견되어 온성군 사고지역을 통제했다고 소식통이 전했다.\n"
    assert all(admin2 != "Kimchaek" for _, _, admin2 in _places(team))
    from yalu.annotate.korean import annotate
    from yalu.extract.korean import slots
    from yalu.places.geoparse import Geoparser

    hits = slots.find_places(annotate("자강도의 한 농장 관리위원회 소식통은 주민이 체포됐다고 말했다."), Geoparser())
    assert [(h.text, h.source_home) for h in hits] == [("자강도", True)]


def test_a_town_of_the_north_people_came_back_from_is_the_place_of_their_news() -> None:
    """Abroad, "에서 돌아온" is where people came back from (a destination, as 귀국); a town
    of the North that traders came back from is where the news they carry happened."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean import slots
    from yalu.places.geoparse import Geoparser

    hits = slots.find_places(annotate("평성에서 돌아온 상인들은 그곳 장마당에서 지난 3일 단속이 벌어졌다고 전했다."), Geoparser())
    assert [(h.text, h.destination) for h in hits] == [("평성", False)]
    hits = slots.find_places(annotate("중국에서 돌아온 주민 3명이 보위부에 체포됐다."), Geoparser())
    assert [(h.text, h.destination) for h in hits] == [("중국", True)]


def test_a_port_of_call_and_a_credit_after_a_slash_place_nothing() -> None:
    """The port a ship comes back to (place.ko.port_of_call) and a caption credited "[사진/...]"
    place no act."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean import slots
    from yalu.places.geoparse import Geoparser

    hits = slots.find_places(annotate("구조된 선원들은 오후에 속초항에 귀항할 예정이다."), Geoparser())
    assert all(h.destination for h in hits)
    assert slots.caption("평양시 대동강구역의 한 양곡판매소. [사진/예시뉴스]")


def test_a_pyongyang_district_called_an_area() -> None:
    """The South's press calls Pyongyang's new housing districts areas ("화성지구" for
    화성구역): the district (place.ko.jigu); an area no district names is no place."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean import slots
    from yalu.places.geoparse import Geoparser

    hits = slots.find_places(annotate("평양 화성지구 살림집 건설장에서 사고가 났다."), Geoparser())
    assert [h.place.id for h in hits][-1] == "kp.pyongyang.hwasong"
    assert [h.text for h in slots.find_places(annotate("혜산시 위연지구에서 사고가 났다."), Geoparser())] == ["혜산시"]


def test_a_long_paragraph_ending_in_its_relays_name_is_news() -> None:
    """A photo's credit closes a short line; a paragraph of the news that ends in the name of the
    wire that relayed it ("... 분석했다. 뉴시스") is no caption (place.ko.photo_credit)."""
    from yalu.extract.korean import slots

    news = ("방송은 보위부가 지난달 초부터 혜산시에서 중국 손전화를 쓰는 주민들을 대대적으로 단속하고 있으며, "
            "적발된 주민 10여 명이 구류장에 갇혀 조사를 받고 있다고 전했다. 방송은 이번 단속이 내부 정보의 "
            "유출을 막기 위한 것이라며, 국경 지역 주민들 속에서 불안이 커지고 있다고 분석했다. 소식통은 단속에 걸린 "
            "주민들이 뇌물을 주고 풀려나는 일도 늘고 있다고 덧붙였다. 뉴시스")
    assert not slots.caption(news)
    assert slots.caption("회령시 강변의 경비초소 모습. 연합뉴스") and slots.caption("구조대원들이 작업하고 있다. ⓒ예시")


def test_a_caption_glued_into_the_lead_places_nothing() -> None:
    """A caption a page glued into its lead after "▲" runs to the people or the scene it shows
    (place.ko.glued_caption); the lead's own place after it still places."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean import slots
    from yalu.places.geoparse import Geoparser

    doc = annotate("“경비대원 2명 처형” 장교 1명 ▲ 순찰중인 무산 경비대원들 혜산시에서 주민이 체포됐다.")
    assert [h.text for h in slots.find_places(doc, Geoparser())] == ["혜산시"]
    # an inline bullet is the report's own list: its place places
    doc = annotate("보위부는 ▲혜산시 주민들 5명을 체포했다.")
    assert [h.text for h in slots.find_places(doc, Geoparser())] == ["혜산시"]


def test_a_check_told_with_the_arrest_it_made_is_the_arrest() -> None:
    """A check or search and the arrest it made, told in one sentence at one place, are one
    act, the arrest (data/ko/triggers.toml's [story.yields]); a campaign's two nouns joined
    ("색출과 검거") are not a check and its arrest."""
    text = "지난 2일 가상시의 한 인민반에서 숙박검열이 진행됐는데, 등록되지 않은 주민 8명이 안전부로 연행됐다고 소식통이 전했다.\n"
    assert [r.event_type for r in _korean_records(text)] == ["arrest"]
    text = "보위부는 지난달 회령시에서 전파탐지기를 동원해 휴대전화 사용자 색출과 검거에 나섰다고 소식통이 전했다.\n"
    assert "crackdown" in [r.event_type for r in _korean_records(text)]
    # a check at another place than the arrest is an act of its own (cluster.ko.yields)
    text = "보안원들은 올해 초부터 가상시에서 휴대전화 단속을 벌여 왔으며 지난 3일에는 회령시에서 주민 2명을 체포했다.\n"
    assert sorted(r.event_type for r in _korean_records(text)) == ["arrest", "crackdown"]
    text = "지난 3일 회령시에서 휴대전화 단속에 걸린 주민 2명이 보위부에 체포됐다.\n"
    assert [r.event_type for r in _korean_records(text)] == ["arrest"]


def test_break_ins_prison_escapes_brawls_and_an_outbreaks_movement_ban_are_acts() -> None:
    """Soldiers breaking into a house (trigger.ko.other.break_in), inmates escaping a prison
    (.prison_escape) and a group's brawl (.brawl) are the genre's `other` acts; residents'
    movement banned in an outbreak is a lockdown (trigger.ko.lockdown.movement_ban, whose
    `also` asks for the outbreak: a drug crackdown's curbs are none); a network hacked, a
    defector's escape told in testimony and a struggle for power are no acts."""
    records = {
        "지난달 중순 가상군에서 군인 2명이 민가에 침입해 자전거와 식량을 훔쳤다고 소식통이 전했다.\n": ["other"],
        "해커들이 지난 3일 가상은행 전산망에 침입했다고 당국이 밝혔다.\n": [],
        "지난달 말 외부 작업에 나갔던 교화생 2명이 휴식시간에 도주했다고 소식통이 전했다.\n": ["other"],
        "정치범수용소를 탈출한 탈북민 김모씨가 지난 3일 서울에서 증언했다.\n": [],
        "지난 15일 가상군에서 고급중학교 학생들 간 패싸움이 벌어졌다고 소식통이 전했다.\n": ["other"],
        "소식통은 “간부들 사이의 권력 싸움이 치열하다”고 말했다.\n": [],
        "보건당국은 지난 4일부터 가상시 주민들의 이동을 제한하고 있다고 소식통이 전했다.\n": ["lockdown"],
        "당국은 지난 4일부터 마약단속을 구실로 가상시 주민들의 이동을 제한하고 있다고 소식통이 전했다.\n": ["crackdown"],
    }
    _assert_types(records)


def test_the_families_of_the_executed_banished_or_sent_to_a_camp_are_another_punishment() -> None:
    """An exile (추방) and a camp (관리소) are a kind of punishment of their own (cluster.ko.kinds):
    the families banished beside an execution are a second record."""
    records = {
        "지난 3일 가상시에서 주민 2명이 공개처형됐다고 소식통이 전했다. 처형된 이들의 가족들은 산골로 추방됐다.\n":
            ["punishment", "punishment"],
        "지난 3일 가상시에서 주민 2명이 공개처형됐다고 소식통이 전했다. 처형된 이들의 가족들은 관리소로 보내졌다.\n":
            ["punishment", "punishment"],
        # the executed told again by a pronoun in a sentence of its own day: no second execution
        # (trigger.ko.punishment.cheohyeong none_over)
        "지난 3일 가상시에서 주민 2명이 공개처형됐다고 소식통이 전했다. 처형된 이들의 가족들은 지난 5일 산골로 추방됐다.\n":
            ["punishment", "punishment"],
        # an execution told only by its participle is still one
        "소식통에 따르면 지난 5일 가상시에서 총살된 간부의 가족들이 산골로 추방됐다.\n": ["punishment", "punishment"],
    }
    _assert_types(records)


def test_a_cadre_dismissed_and_banished_in_one_sentence_is_one_punishment() -> None:
    """An exile told in the sentence of a dismissal befell the dismissed (cluster.ko.joined_kinds)."""
    _assert_types({"가상군 간부가 뇌물수수 혐의로 지난 3일 해임·추방됐다고 소식통이 전했다.\n": ["punishment"]})
    # not his family told as the subject of the exile: two acts; his family beside him, one
    _assert_types({"지난 3일 가상군 간부가 철직되고 그의 가족들은 산골로 추방됐다고 소식통이 전했다.\n": ["punishment", "punishment"],
                   "지난 3일 가상군 간부가 해임돼 가족과 함께 농촌으로 추방됐다고 소식통이 전했다.\n": ["punishment"]})


def test_a_past_next_month_is_the_month_after_the_told_one() -> None:
    """date.ko.next_month_told: an execution told "다음달" after a past month is dated the month
    after it, not the month after publication (2025-06-12); a plan stays publication's."""
    def dates(text: str) -> set[tuple[str, str]]:
        return {(r.event_type, str(r.time.start)) for r in _korean_records(text + "\n")}

    assert ("punishment", "2025-04-01") in dates("지난 3월 체포된 그는 다음달 공개처형됐다고 소식통이 전했다.")
    assert ("punishment", "2025-04-01") not in dates("지난 3월 체포된 그는 다음달 공개처형될 예정이라고 소식통이 전했다.")


def test_an_arrest_abroad_told_with_its_repatriation_is_the_repatriation() -> None:
    """An arrest abroad chained to the repatriation it led to is one act, the repatriation
    ([story.yields], cluster.ko.yields); a day told between the two dates them apart."""
    _assert_types({
        "가상대학 학생 3명이 최근 중국 공안에 체포돼 북송된 것으로 알려졌다고 소식통이 전했다.\n": ["forced_repatriation"],
    })
    types = [r.event_type for r in _korean_records("탈북한 가족 4명이 중국 가상시에서 체포돼 지난달 20일경 북송됐다고 소식통이 전했다.\n")]
    assert "arrest" in types and "forced_repatriation" in types
    # a part of those arrested sent back: the arrest of the rest is an act of its own
    types = [r.event_type for r in _korean_records("가상시 공안이 탈북민 6명을 체포했고 그중 3명이 북송됐다고 소식통이 전했다.\n")]
    assert "arrest" in types and "forced_repatriation" in types


def test_inmates_told_by_their_prison_and_punishments_announced() -> None:
    """Inmates told by the prison they were held in or taken to are no arrest or punishment
    of the news (modality.ko.held_people); a punishment announced or proclaimed is the
    crackdown (trigger.ko.crackdown.proclaimed), no punishment (modality.ko.punishment_policy);
    a check "without warning" is no plan; a meeting's topic "처벌할 데 대한" is none."""
    _assert_types({
        "지난 1월 가상교화소에 수감 중이던 죄수가 탈출했다가 붙잡혔다고 소식통이 전했다.\n": ["other", "arrest"],
        "가상시 교화소로 호송중이던 수인 26명이 집단 탈출하는 사건이 발생했다.\n": ["other"],
        "그는 지난 1일 교화소에 수감된 가족면회를 갔다가 소식을 들었다고 전했다.\n": [],
        # a custody told by the days since: the arrest the death is news of
        "가상시 보위부에 구금된 지 나흘 만에 주민 1명이 숨졌다고 소식통이 전했다.\n": ["arrest"],
        "북한 당국이 최근 불법 손전화 사용자에 대한 강력한 처벌을 예고했다고 방송이 5일 보도했다.\n": ["crackdown"],
        "가상시에 ‘마약 복용자 총살’ 포고문이 나붙었다고 소식통이 전했다.\n": ["crackdown"],
        "회의에서는 ‘불법 손전화 사용자를 마지막 한 사람까지 적발·처벌할 데 대한’ 토의가 이뤄졌다고 소식통이 전했다.\n": [],
    })
    checks = [r for r in _korean_records("가상시에서 검열단이 예고 없이 부대를 검열했다고 소식통이 전했다.\n")
              if r.event_type == "crackdown"]
    assert checks and all(r.modality != "planned" for r in checks)


def test_a_call_when_made_is_no_tonghua() -> None:
    """통화시 "when calling" after whom one calls is no Tonghua (place.ko.verb_form); the city
    named after its province is."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean import slots
    from yalu.places.geoparse import Geoparser

    assert slots.find_places(annotate("“南과 통화시 무조건 교화소”…주민들 긴장"), Geoparser()) == []
    hits = slots.find_places(annotate("중국 지린성 통화시에서 탈북민 2명이 체포됐다."), Geoparser())
    assert "통화시" in [h.text for h in hits]


def test_launch_bases_recalled_tests_flood_settings_and_cries_of_hunger_are_no_acts() -> None:
    """A launch base, a test named as the time since which the news is told, a flooded area
    or a flood's recovery as another act's setting, and hunger told as a choice or a cry are
    no launch, test or disaster (not_after, none_over and none of data/ko/triggers.toml)."""
    assert "missile_launch" not in _types("북한의 미사일 발사기지가 위치한 가상군에서도 지난 3일 산불이 났다고 소식통이 전했다.")
    assert "weapons_test" not in _types("3차 핵실험(2013년 2월) 이후 북한은 더 고립됐다고 소식통이 전했다.")
    assert "disaster" not in _types("국경 부근 수해 지역에서 주민들의 탈북이 늘어나자 당국이 검열단을 파견했다고 소식통이 전했다.")
    assert "disaster" not in _types("홍수복구 노력이 언제 끝날지 아무도 모른다고 소식통이 전했다.")
    assert "disaster" not in _types("가상군 주민들은 “총에 맞든 굶어 죽든 죽는 건 마찬가지”라고 말했다고 소식통이 전했다.")
    assert "disaster" in _types("지난달 가상군에서 굶어 죽는 주민들이 속출하고 있다고 소식통이 전했다.")
    # the flooded area told with the flood's toll (trigger.ko.disaster.flood_toll), a launch
    # "직후" the news, the day's launch
    assert "disaster" in _types("함경남도 수해 지역에서 사망자가 80명을 넘어섰다고 소식통이 전했다.")
    assert "disaster" in _types("함남 수해 지역 사망·실종 수백명…복구 난항")
    assert "missile_launch" in _types("북한의 9일 탄도미사일 발사 직후 한미 군 당국은 대응 사격을 했다고 소식통이 전했다.")


def test_prisoners_and_raiders_who_fled_did_not_desert() -> None:
    """Prisoners who fled a convoy and raiders who fled the scene left no unit (trigger.ko.
    desertion.talyeong's none); the prison they fled is no punishment (modality.ko.
    escaped_from); a soldier who left his unit deserted; the kin of defectors banished
    are no defection (modality.ko.defectors_kin)."""
    found = _types("교화소로 향하던 죄수 20명이 집단 도주해 군인들이 수색하고 있다고 소식통이 전했다.")
    assert "desertion" not in found and "punishment" not in found
    assert "desertion" not in _types("지난 3일 가상군에서 군인 3명이 민가를 습격해 돈을 빼앗으려다 도주한 사건이 발생했다고 소식통이 전했다.")
    assert "punishment" not in _types("지난 연말부터 지방 교화소에서 수십 명의 수감자가 집단 탈출했다고 소식통이 전했다.")
    assert "desertion" in _types("7군단 소속 병사가 지난 3일 실탄 60발을 가지고 부대를 이탈했다고 소식통이 전했다.")
    # an armed deserter, one who killed, or one who took a prisoner along still deserted
    # (none_unless: the unit he left)
    assert "desertion" in _types("가상군 경비대 병사 3명이 총기를 훔쳐 탈영한 뒤 중국으로 도주했다고 소식통이 전했다.")
    assert "desertion" in _types("국경경비대 하전사가 소대장을 살해하고 실탄을 챙겨 부대에서 도주했다고 소식통이 전했다.")
    assert "desertion" in _types("교화소 경비를 서던 군인 3명이 죄수 2명을 데리고 부대를 이탈했다고 소식통이 전했다.")
    assert "defection" not in _types("당국이 한국으로 탈북한 가족들을 최근 타지역으로 강제 추방한 것으로 알려졌다.")


def test_an_english_wires_dateline_in_korean_places_nothing() -> None:
    """"서울, 4월 4일(연합)": the city of a wire's dateline rewritten in Korean is where the
    reporter filed from (place.ko.dateline)."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean import slots
    from yalu.places.geoparse import Geoparser

    hits = slots.find_places(annotate("서울, 4월 4일(연합) 정부 소식통은 지난달 훈련에서 여러 명이 숨졌다고 밝혔다."), Geoparser())
    assert "서울" not in [h.text for h in hits]
    # a day's gloss in prose, no wire: the place is the act's
    hits = slots.find_places(annotate("혜산, 2월 16일(광명성절)을 앞두고 주민 4명이 체포됐다고 소식통이 전했다."), Geoparser())
    assert "혜산" in [h.text for h in hits]


def test_protests_beatings_and_orders_the_genre_does_not_report() -> None:
    """The South's or a foreign city's protests, or the South's strikes KCNA reports, are no
    unrest (trigger.ko.other.unrest); "명절을 맞아" and lightning no beating (trigger.ko.attack.
    beaten's `also`); an order defied or embroidery no crackdown order; a power line cut for
    sale no power cut; an agency's malnutrition rate no disaster; a declaration of war no
    proclaimed punishment."""
    assert "other" not in _types("김포 접경지역 주민들이 대북전단 살포에 반대하는 시위를 벌였다고 소식통이 전했다.")
    assert "other" not in _types("홍콩에서 대규모 시위가 계속되자 북한 당국이 주민들의 외부 소식 접촉을 경계하고 있다고 소식통이 전했다.")
    assert "other" not in _types("조선중앙통신은 남조선 노동자들이 총파업을 벌이고 있다고 보도했다.")
    assert "other" in _types("가상국 건설현장에 파견된 북한 노동자들이 임금 체불에 항의하며 집단 파업에 들어갔다고 소식통이 전했다.")
    assert "attack" not in _types("추석 명절을 맞아 숨겨 둔 술을 팔던 주민이 단속됐다고 소식통이 전했다.")
    assert "attack" not in _types("지난 5일 가상군 협동농장에서 일하던 농장원이 벼락에 맞아 숨졌다고 소식통이 전했다.")
    assert "attack" in _types("밀수를 하던 주민이 경비대 군인들에게 몽둥이로 맞아 숨졌다고 소식통이 전했다.")
    assert "crackdown" not in _types("상부 지시를 어기고 밀수를 하던 보안원이 단속에 걸렸다고 소식통이 전했다.")
    assert "crackdown" not in _types("당국은 가상시 자수 공장 노동자들에게 생산량을 늘리라는 지시를 내렸다고 소식통이 전했다.")
    assert "economic_measure" not in _types("가상시에서 주민 3명이 송전선을 끊어 팔다가 보안원에게 체포됐다고 소식통이 전했다.")
    assert "disaster" not in _types("세계식량계획은 북한 아동의 영양실조 비율이 지난해보다 증가했다고 밝혔다.")
    assert "crackdown" not in _types("북한은 이를 선전포고로 간주하고 엄중히 처벌하겠다고 위협했다.")


def test_the_souths_capital_told_elsewhere_places_no_act() -> None:
    """Seoul, where the news is told (a press conference, an office, an outlet), or Tokyo,
    told in another sentence places no act of any type (place.ko.news_capital, slots.toml's
    `news_capital`); its own clause still may ("서울 성북구 길거리에 ... 화재가 발생했다")."""
    press = "탈북민 단체는 16일 서울에서 기자회견을 열었다.\n"
    for text in (press + "단체에 따르면 지난달 초 주민 3명이 굶어 죽었다고 소식통이 전했다.\n",
                 press + "단체에 따르면 지난 3일 북한군이 군사분계선 인근에서 경고사격을 했다.\n"):
        assert all(r.location.admin1_code != "KR-11" for r in _korean_records(text)), text
    # nor Tokyo, the city of the Japanese papers Korean outlets relay
    text = "일본 아사히신문은 도쿄에서 16일 이같이 보도했다.\n신문에 따르면 지난달 초 북한 병사 5명이 탈북했다고 소식통이 전했다.\n"
    assert all(r.location.admin1_code != "JP-13" for r in _korean_records(text))
    fire = _korean_records("지난 3일 서울 가상구 길거리에 북한이 날려보낸 풍선 때문으로 추정되는 화재가 발생했다.\n")
    # (the balloons the North sent are an incursion of their own, placed in the same clause)
    assert [r.location.admin1_code for r in fire if r.event_type == "disaster"] == ["KR-11"]


def test_an_arrest_for_an_offence_is_the_arrest_on_its_own_day() -> None:
    """"밀수한 혐의로 체포됐다": the arrest is the record, dated by its own day, and the offence
    it was for is no record (modality.ko.offence), as the English rules fold it into the arrest
    (mentions._absorb_charges); an offence told as its own act beside the arrest stays."""
    from datetime import date

    [arrest] = _korean_records("가상시에서 지난 9일 중국산 손전화를 쓴 혐의로 주민 2명이 보위부에 체포됐다고 소식통이 전했다.\n")
    assert (arrest.event_type, arrest.time.start) == ("arrest", date(2025, 6, 9))
    # near miss: the smuggling told as its own act, on its own day
    types = [r.event_type for r in _korean_records(
        "지난 2일 가상시 주민 3명이 구리를 중국으로 밀수했다고 소식통이 전했다.\n"
        "보위부는 지난 9일 가상시에서 브로커 1명을 체포했다.\n")]
    assert types == ["smuggling", "arrest"]


# (type, a fictional report it must give, one a near miss must not give)
OTHER_WORDS = [
    ("lockdown", "지난 15일부터 가상시 중앙시장이 문을 닫았다고 소식통이 전했다.",
     "지난 15일 가상시 시장 앞 가게들이 문을 닫았다고 소식통이 전했다."),
    ("lockdown", "가상시 세관이 지난 14일부터 운영을 멈췄다고 소식통이 전했다.",
     "가상시 공장이 지난 14일부터 운영을 멈췄다고 소식통이 전했다."),
    ("incursion", "북한이 지난 18일 밤 오물풍선 100여 개를 남쪽으로 날려 보냈다고 합참이 밝혔다.",
     "아이들이 지난 18일 강가에서 연을 날려 보냈다."),
    ("disaster", "지난 9일 가상광산 갱도가 무너져 광부 5명이 매몰됐다고 소식통이 전했다.",
     "지난 9일 가상광산 광부들이 갱도에서 석탄을 캤다고 소식통이 전했다."),
    ("disaster", "지난 9일 가상강에서 물고기를 잡던 어린이 3명이 물에 빠져 숨졌다고 소식통이 전했다.",
     "지난 9일 가상강에서 어린이 3명이 물고기를 잡았다고 소식통이 전했다."),
    ("economic_measure", "이달 1일부터 가상시 기업소 노동자들에 대한 식량 배급이 중단됐다고 소식통이 전했다.",
     "배급이 끊긴 지 오래돼 주민들은 장마당에 기댄다고 소식통이 전했다."),
    ("economic_measure", "이달 들어 가상시 살림집 전기 공급이 하루 2시간으로 줄었다고 소식통이 전했다.",
     "가상시 주민들이 전기 공급을 받으려 줄을 섰다고 소식통이 전했다."),
    ("other", "지난 3일 가상시장 상인들이 보안원 단속에 집단으로 항의하는 소동이 벌어졌다고 소식통이 전했다.",
     "지난 3일 가상시장 상인 한 명이 보안원에게 항의했다고 소식통이 전했다."),
    ("other", "생활고에 시달리던 가상군의 한 부부가 이달 초 스스로 목숨을 끊었다고 소식통이 전했다.",
     "경비대원이 도강자의 목숨을 끊었다고 소식통이 전했다."),
    ("attack", "지난달 가상군 보위부에 체포된 청년이 혹독한 고문 끝에 숨졌다고 소식통이 전했다.",
     "유엔은 북한에 고문 금지 협약을 지키라고 촉구했다."),
    ("arrest", "가상국 해경이 지난 3일 북한 어선 2척을 나포했다고 밝혔다.",
     "가상국 해경이 지난 3일 북한 어선 2척을 발견했다고 밝혔다."),
    ("crackdown", "북한 당국이 이달 초 가상군 국경지역에 신형 전파탐지기를 설치했다고 소식통이 전했다.",
     "가상군 국경지역의 한 주민은 전파탐지기가 무섭다고 소식통이 전했다."),
    ("other", "지난 3일 가상시장에서 5000원권 위조지폐가 대량으로 발견됐다고 소식통이 전했다.",
     "당국은 위조지폐 등을 단속하라고 지시했다고 소식통이 전했다."),
    ("economic_measure", "이달 들어 당국이 군량미 5만 톤을 목표로 강제 징수에 나섰다고 소식통이 전했다.",
     "이달 들어 가상군 주민들이 군량미를 실어 날랐다고 소식통이 전했다."),
    ("economic_measure", "지난주 가상시 장마당에서 쌀 1kg에 6000원으로 지난달보다 200원이 올랐다고 소식통이 전했다.",
     "지난주 가상시 장마당에서 쌀 1kg에 6000원이었다고 소식통이 전했다."),
    ("disaster", "지난 17일 가상군 살림집 공사장에서 돌격대원 3명이 3층 높이에서 일하다 추락했다고 소식통이 전했다.",
     "지난 17일 가상군에서 일하던 주민들이 추락한 무인기 잔해를 발견했다고 소식통이 전했다."),
    ("disaster", "가상군 농촌 지역에서 이달 들어 매일 한두 명의 아사자가 나오고 있다고 소식통이 전했다.",
     "가상군 동물원에서 이달 들어 사자 한 마리가 새끼를 낳았다고 소식통이 전했다."),
    ("incursion", "지난 8일 오전 북한 경비정 1척이 가상도 인근 NLL을 월선했다가 돌아갔다고 합참이 밝혔다.",
     "합참은 지난 8일 가상도 인근 NLL 북쪽에서 북한 경비정 1척을 포착했다고 밝혔다."),
    ("defection", "이달 중순 가상군 주민 2명이 두만강을 도강(渡江)해 중국으로 갔다고 소식통이 전했다.",
     "가상군 주민들은 중국으로 간 사람들을 ‘도강쟁이’라고 부른다고 소식통이 전했다."),
    ("punishment", "지난달 가상시 간부 3명이 3년의 교화형에 처해졌다고 소식통이 전했다.",
     "가상법은 ‘불법 통신을 한 자는 5년 이하의 노동교화형에 처한다’고 명시했다고 소식통이 전했다."),
    ("disaster", "지난 3일 가상군에서는 폭우로 살림집 벽체가 뚫리거나 무너지는 등의 피해가 났다고 소식통이 전했다.",
     "가상군 주민들은 폭우로 살림집이 무너지거나 물에 잠기지 않게 둑을 쌓았다고 소식통이 전했다."),
    ("punishment", "이달 초 가상시 간부 30여 명이 무더기로 철직되거나 해임됐다고 소식통이 전했다.",
     "가상시 간부들은 철직되거나 지방으로 쫓겨나는 것을 두려워한다고 소식통이 전했다."),
    ("missile_launch", "조선중앙통신은 17일 가상군에서 전술유도탄 검수사격시험이 진행됐다고 보도했다.",
     "가상군 포병부대가 17일 방사포 사격훈련을 진행했다고 조선중앙통신이 보도했다."),
    ("statement", "북한 국가보위성은 지난 5일 평양에서 기자회견을 열고 외국 간첩 3명을 체포했다고 밝혔다.",
     "통일부는 지난 5일 정례 기자회견에서 북한 국가보위성의 간첩 체포 주장에 유감을 표했다."),
    ("crackdown", "국가보위성이 지난달 말 국경지역 불법 행위자들에게 무거운 처벌을 내리라는 방침을 내렸다고 소식통이 전했다.",
     "가상시 간부들은 당의 방침을 관철하기 위해 모내기에 나섰다고 소식통이 전했다."),
    ("disaster", "지난 11일 가상시 살림집에서 불이 나 집들을 삼켰는데, 당시는 주민들의 불만이 높던 때였다고 소식통이 전했다.",
     "지난 11일 가상시에서 불법으로 불을 피워 밥을 짓던 주민들의 불만이 높았다고 소식통이 전했다."),
    ("crackdown", "북한이 이달 초 가상시에서 한국산 물품에 대한 단속을 강화하면서 시장에서 물건이 사라졌다고 소식통이 전했다.",
     "지난 3일 밤 가상부대 정문에서 운전수가 단속되면서 차량이 멈춰 섰다고 소식통이 전했다."),
    ("crackdown", "최근 가상시 보위부 요원들이 탈북자 가족들로부터 ‘비밀준수 서약서’를 받아내고 있다고 소식통이 전했다.",
     "가상시 주민 김 씨는 지난달 보위부에서 서약서를 쓰고 풀려났다고 소식통이 전했다."),
    ("economic_measure", "이달 들어 당국이 가상시의 장마당을 대폭 축소해 주민들의 생계에 타격을 주고 있다고 소식통이 전했다.",
     "이달 들어 보안원들이 가상시 시장을 돌며 한국 상품 판매를 금지했다고 소식통이 전했다."),
    ("punishment", "지난달 가상군 국경경비대 간부 자살사건으로 1개 중대가 해산됐다고 소식통이 전했다.",
     "지난달 가상군 보안원들이 장마당에 모인 군중을 해산시켰다고 소식통이 전했다."),
    ("attack", "지난 9일 가상시 보위부에 체포된 여성이 조사 중 가혹한 폭행에 사망했다고 소식통이 전했다.",
     "지난 9일 가상시 보위부에 체포된 여성이 조사 중 폭행을 당했다고 소식통이 전했다."),
    ("deployment", "북한이 지난달 가상도에 240㎜ 개량형 방사포를 신규 배치했다고 군 관계자가 밝혔다.",
     "북한이 지난달 가상도 인근 해상으로 240㎜ 방사포를 쐈다고 군 관계자가 밝혔다."),
]


@pytest.mark.parametrize(("event_type", "fires", "near_miss"), OTHER_WORDS)
def test_closures_balloons_and_plain_incidents_the_genre_tells_in_other_words(event_type: str, fires: str,
                                                                             near_miss: str) -> None:
    """A market or a customs post closed with an idiom (trigger.ko.lockdown.closed_doors), not a
    shop or a factory; balloons and leaflets sent with the words spaced ("날려 보냈다": forms of
    several morphemes), not a kite; miners entombed, children drowned, rations and power cut, a
    suicide, torture to death, boats seized, traders protesting in a crowd, and radio detectors
    installed on the border (trigger.ko.crackdown.detectors), counterfeit notes found, the army's
    rice levied, the price of a kilogram of rice risen, workers fallen on a building site, and the
    starved dead ("아사자", a user word the analyser would split into 아 + 사자, "lion"), a boundary
    crossed ("월선"), a river crossed ("도강", not "도강쟁이", people) and a prison term ("교화형"; not the
    penalty a law quoted sets, modality.ko.law_quoted): user words the analyser would split; and acts
    told "one or the other" when the other is told as done ("철직되거나 해임됐다", damage listed with
    "-거나 ... 등": modality.ko.either), not when neither is; and a guided weapon test-fired, KCNA's
    "검수사격시험" (not a rocket launcher's firing drill); a press conference the North's bodies hold
    (not the South's offices' briefings); a policy handed down to punish (방침, an order; not the party
    line); guns and boats moved up (a deployment, not their firing); a fire told beside words 불 is
    part of ("불만", "불법": none_over, no veto of the sentence); a crackdown stepped up "as" what it
    brought ("-면서": the news, unlike a lockdown's setting; not one caught, "단속되면서"); pledges the
    authorities make people sign (not one person's pledge on release); the markets cut, banned or torn
    down (not goods banned in a market); a unit or a local body disbanded as a punishment (not a
    crowd dispersed); a detainee dead of a beating ("폭행에 사망"; not one beaten who lived)."""
    assert event_type in _types(fires)
    assert event_type not in _types(near_miss)


def test_an_act_told_as_recent_is_not_dated_by_another_acts_day_told_after_it() -> None:
    """date.ko.told_after takes the first day told after a vague act only from a sentence that
    tells no act of another type: a detention's "지난주" does not date a sentence handed down
    "최근"; the account of the same act does."""
    sentence = "최근 청진시에서 대학생 4명이 노동교화형 5년을 선고받은 것으로 알려졌다.\n"
    [verdict] = [r for r in _korean_records(sentence + "소식통은 “송평구역에서는 지난주 주민 1명이 구류됐다”고 전했다.\n")
                 if r.event_type == "punishment"]
    assert verdict.time.expression == "최근"
    [verdict] = [r for r in _korean_records(sentence + "소식통은 “지난 5일 재판에서 대학생들이 형을 선고받았다”고 전했다.\n")
                 if r.event_type == "punishment"]
    assert verdict.time.precision == 1


def test_days_after_an_act_told_before_date_the_later_act() -> None:
    """date.ko.days_after: "12일 ... 탈영했다가 이틀 만에 붙잡혔다" is an arrest on the 14th and a
    desertion on the 12th; with no act's day told before, the count dates nothing."""
    from datetime import date

    text = "양강도 소식통은 16일 “12일에는 삼지연시에서 군인 1명이 탈영했다가 이틀 만에 붙잡혔다”고 전했다.\n"
    times = {r.event_type: r.time.start for r in _korean_records(text)}
    assert times["desertion"] == date(2025, 6, 12) and times["arrest"] == date(2025, 6, 14)
    [arrest] = [r for r in _korean_records("최근 삼지연시에서 군인 1명이 탈영했다가 이틀 만에 붙잡혔다.\n") if r.event_type == "arrest"]
    assert arrest.time.expression != "이틀 만에"


def test_a_run_of_days_with_their_times_of_day_and_a_quoted_outlets_day() -> None:
    """date.ko.run reads a time of day after either day ("7일 밤부터 9일 오전까지": the 7th to the
    9th, not the 9th alone); date.ko.source_day reads an outlet named in quotes ("‘가상방송’은 10일"):
    its day caps the act it tells and dates none of it. Near misses: a run with no second day, and
    the quoted name as an object ("‘가상방송’을 10일"), keep their single days."""
    from datetime import date

    text = "가상통신은 11일 “7일 밤부터 9일 오전까지 폭우가 쏟아져 가상군에서 주민 5명이 사망했다”고 보도했다.\n"
    [flood] = [r for r in _korean_records(text) if r.event_type == "disaster"]
    assert (flood.time.start, flood.time.end, flood.time.precision) == (date(2025, 6, 7), date(2025, 6, 9), 1)
    text = "가상통신은 11일 “9일 오전 폭우가 쏟아져 가상군에서 주민 5명이 사망했다”고 보도했다.\n"
    [flood] = [r for r in _korean_records(text) if r.event_type == "disaster"]
    assert flood.time.start == flood.time.end == date(2025, 6, 9)
    text = "대북 라디오 ‘가상방송’은 10일 가상시에서 주민 2명이 체포됐다고 보도했다.\n"
    [arrest] = [r for r in _korean_records(text) if r.event_type == "arrest"]
    assert arrest.time.end == date(2025, 6, 10) and arrest.time.start < date(2025, 6, 10)
    text = "가상시 주민 2명이 ‘가상방송’을 10일 몰래 듣다 체포됐다.\n"
    [arrest] = [r for r in _korean_records(text) if r.event_type == "arrest"]
    assert arrest.time.start == arrest.time.end == date(2025, 6, 10)


def test_customs_duties_and_statistics_are_no_acts() -> None:
    """What is usual or bound to happen (modality.ko.frequency's "일반적”", 대개, 누구든;
    modality.ko.habitual's 기 마련, 일상이 됐다), a duty told in the present (modality.ko.obliged),
    an act as a measure of degree (modality.ko.alternative's 정도로), counts of inmates and totals
    over years (modality.ko.aggregate): no act of the news; the plain act beside each still is."""
    assert "punishment" not in _types("소식통은 “가상군에서 단속된 사람들은 단련대로 가는 것이 일반적”이라면서 한숨을 쉬었다고 전했다.")
    assert "arrest" not in _types("가상군에서 국경을 넘다 잡힌 사람은 대개 수용소로 끌려간다고 소식통이 전했다.")
    assert "arrest" not in _types("가상시에서는 장사를 하다 보면 보안원에게 끌려가기 마련이라고 소식통이 전했다.")
    assert "bribery" not in _types("가상군에서는 간부에게 뇌물을 바치는 일이 이제 일상이 됐다고 소식통이 전했다.")
    assert "arrest" not in _types("가상시 주민이 외지에 다녀오면 반드시 보위부 조사를 받아야 하는 것으로 알려졌다.")
    assert "arrest" not in _types("당국은 소문을 말하는 것만으로 조사를 받을 정도로 엄격한 통제를 하고 있다고 소식통이 전했다.")
    assert "arrest" not in _types("가상일보 취재 결과 가상 관리소 수감 인원은 지난해보다 크게 줄어든 것으로 파악됐다.")
    assert "punishment" not in _types("가상 단체 보고서에 따르면 지난 10년간 공개처형된 사람은 최소 수백 명에 이른다.")
    assert "arrest" in _types("지난 3일 가상시에서 밀수를 하던 주민 2명이 보위부에 체포됐다고 소식통이 전했다.")
    assert "arrest" in _types("지난 3일 가상시 주민 2명이 보위부 조사를 받아야 했다고 소식통이 전했다.")



def test_dated_acts_beside_usual_cases_totals_and_estimated_counts() -> None:
    """대개 and 누구나 read only before a predicate in the plain present (modality.ko.frequency), a
    total over years only with its count and never beside the act's own day (modality.ko.aggregate),
    and a count's verb (넘을, 달할) is no plan (modality.ko.planned): a dated act told beside each is
    still one incident; the pattern, the statistic and the plan are still none or planned."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean.triggers import find_triggers, judge

    def modalities(text: str) -> list[str | None]:
        doc = annotate(text)
        sentence = doc.sentences[0]
        return [judge(doc, sentence, m, True, rule.type)[0] for m, rule in find_triggers(doc, sentence)]

    assert "punishment" in _types("가상군에서 누구나 아는 큰 장사꾼 최모 씨가 지난 7일 공개처형됐다고 소식통이 전했다.")
    assert "arrest" in _types("가상시에서 지난 8일 대개 새벽에 강을 건너는 밀수꾼 3명이 보위부에 체포됐다고 소식통이 전했다.")
    assert "arrest" in _types("가상시에서 지난 9일 단속에 걸린 주민은 누구나 보안서로 끌려갔고 그중 3명이 구속됐다고 소식통이 전했다.")
    assert "arrest" not in _types("가상시에서 국경을 넘다 붙잡힌 사람은 누구나 교화소로 보내진다고 소식통이 전했다.")
    assert "arrest" in _types("가상군에서 3년 동안 숨어 살던 일가족 4명이 지난 6일 모두 체포됐다고 소식통이 전했다.")
    assert "punishment" not in _types("가상 단체 조사에 따르면 지난 5년간 공개처형된 주민은 모두 70명에 달한다.")
    assert modalities("지난 2일부터 가상시에서 체포된 주민은 40명이 넘을 것으로 알려졌다.") == ["reported"]
    assert modalities("이번 홍수로 숨진 주민이 가상군에서만 30명에 달할 것으로 보인다.") == ["alleged"]
    assert modalities("보위부가 가상시에서 밀수꾼 3명을 공개처형할 것으로 알려졌다.") == ["planned"]

def test_titles_goods_residences_and_other_senses_are_no_acts() -> None:
    """A decree's title "... 처벌할 데(...) 대하여" (modality.ko.decree_title), goods found
    (modality.ko.goods_found), a flood named as where people lived (modality.ko.lived_in), a weather
    forecast, "굶어 죽기 딱 좋다", radio waves "shot", 국가보위성 (which holds 위성), smoke that
    "soared" and the return campaign of Koreans from Japan are no acts of theirs."""
    title = "‘가상 물자를 빼돌리는 자들을 엄격히 처벌할 데(처벌하는데) 대하여’라는 제목의 포고문이 내려졌다고 소식통이 전했다."
    assert "punishment" not in _types(title)
    assert "arrest" not in _types("중국에서 들여온 외국 영화 USB가 최근 가상시에서 적발된 것으로 알려졌다.")
    assert "arrest" in _types("중국 휴대폰이 적발돼 가상시 주민 2명이 보위부에 끌려갔다고 소식통이 전했다.")
    assert "disaster" not in _types("붙잡힌 사람들 중에는 지난해 홍수가 발생한 가상군에서 살던 가족들이 많다고 소식통이 전했다.")
    assert "disaster" in _types("지난해 홍수가 발생해 가상군 주민 5명이 숨졌다고 소식통이 전했다.")
    assert "disaster" not in _types("기상수문국은 내일 가상도에 폭우가 쏟아질 것으로 예보했다.")
    assert "disaster" not in _types("소식통은 “법대로 살다가는 굶어 죽기 딱 좋다는 말이 돈다”고 전했다.")
    assert "missile_launch" not in _types("소식통은 “국가보위성이 들여온 장비는 방해전파만 쏘는 것이 아니다”라고 말했다.")
    assert "economic_measure" not in _types("[단독] 北 가상시에 치솟은 검은 연기…'당 위원회 건물'에 큰불")
    assert "economic_measure" in _types("지난주 가상시 장마당에서 쌀값이 폭등했다고 소식통이 전했다.")
    assert "forced_repatriation" not in _types("재일교포들은 1959년부터 ‘지상낙원’ 선전에 속아 북송선을 탔다.")
    # a photo credited "(사진_... DB)" is a caption (slots.toml's `caption`), a list of related
    # headlines run together with bullets is furniture (modality.ko.furniture)
    from yalu.extract.korean import slots

    assert slots.caption("지난해 북한 미사일 발사 장면(사진_가상매거진 DB)")
    assert "explosion_accident" not in _types("“가상도서 또 폭발” 지난번보다 큰 듯 • “가상도 폭발 원인 불분명” • “가상도 폭발 버섯구름”")


def test_future_denied_anniversary_and_hunts() -> None:
    """The future ending of any verb (modality.ko.planned's {ㄹ}: 벌일, 들어갈, 열릴) is planned,
    a past conjectured (처형됐을) is not; a report called a fabrication is denied; an act named by
    its anniversary or right after "당시" is the old act; a hunt set out on (적발에 나섰다) is a
    crackdown, not an arrest."""
    from yalu.annotate.korean import annotate
    from yalu.extract.korean.triggers import find_triggers, judge

    def modality(text: str) -> str | None:
        doc = annotate(text)
        sentence = doc.sentences[0]
        morpheme, rule = find_triggers(doc, sentence)[0]
        return judge(doc, sentence, morpheme, True, rule.type)[0]

    assert modality("보위부가 다음 주 가상시에서 손전화 단속을 벌일 것으로 보인다고 소식통이 전했다.") == "planned"
    assert modality("가상시에서 공개재판이 열릴 것”이라고 소식통이 전했다.") == "planned"
    assert modality("가상시에서 간부 2명이 처형됐을 것으로 보인다고 소식통이 전했다.") == "alleged"
    assert modality("외무성 대변인은 공화국이 주민들을 처형했다는 보도는 완전한 날조”라고 주장했다.") == "denied"
    assert modality("가상군 주민 2명이 처형됐다는 보도가 나왔다.") != "denied"
    assert "attack" not in _types("가상함 피격 15주기 추모식이 20일 열렸다.")
    assert "crackdown" in _types("가상 방송은 청년동맹이 가상도에서 복장과 두발 등 비사회주의 풍속에 대한 적발에 나섰다고 전했다.")
    assert "arrest" not in _types("가상 방송은 청년동맹이 가상도에서 복장과 두발 등 비사회주의 풍속에 대한 적발에 나섰다고 전했다.")


def test_practices_complaints_requests_and_entries_are_no_acts() -> None:
    """A brisk trade, a deed done regularly, what befalls people in serious cases, a deed found
    out, a curb lifted (통제를 안 하는), a kind named "such as", a request named by its noun, a
    complaint about bribes (modality.ko.complaint), a man crossing into the North and people
    dragged out to be shot are no smuggling, arrest, crackdown, disaster, repatriation, bribery,
    defection or arrest of the news; the plain acts beside them still are."""
    assert "smuggling" not in _types("소식통은 “빙두 밀수가 가장 활발한 가상군에 검열단이 내려왔다”고 전했다.")
    assert "punishment" not in _types("가상군 주민들이 보위부에 체포돼 처벌을 받았고, 심각한 경우에는 수용소로 끌려가기도 했다고 소식통이 전했다.")
    assert "arrest" not in _types("가상시에서 중국 손전화로 통화하는 일이 적발되자 보위부가 단속을 강화하고 있다고 소식통이 전했다.")
    assert "disaster" not in _types("가상국은 종종 홍수와 같은 자연 재해로 수확이 줄었다고 소식통이 전했다.")
    assert "forced_repatriation" not in _types("“북측, 통신망으로 선원 송환 요청…가상 어선은 예인 중 침몰”")
    assert "bribery" not in _types("가상시 주민들 사이에서는 보안원들의 뇌물 요구가 가장 심하다는 원성이 높다고 소식통이 전했다.")
    assert "bribery" in _types("지난 3일 가상시 보안원 2명이 주민들에게서 뇌물을 받다 적발됐다고 소식통이 전했다.")
    crossing = "지난 14일 가상군 국경경비대는 압록강을 넘어 북한으로 넘어오는 중국인 남성에게 총격을 가해 사살했다고 소식통이 전했다."
    assert "defection" not in _types(crossing) and "attack" in _types(crossing)
    assert "defection" in _types("지난 14일 가상군 주민 2명이 압록강을 건너 중국으로 넘어갔다고 소식통이 전했다.")
    execution = "소식통은 “사형수 2명이 보안원들에게 끌려나와 가상시 주민들 앞에서 총살됐다”고 전했다."
    assert "arrest" not in _types(execution) and "punishment" in _types(execution)


def test_the_souths_navy_and_a_livelihood_are_no_acts_of_the_north() -> None:
    """The South's navy checking a boat from the North (modality.ko.south_inquiry) is no crackdown;
    the North's navy checking one is; a livelihood from smuggling (modality.ko.habitual) is none."""
    assert "crackdown" not in _types("가상 어선은 지난 3일 초계기에 발견됐고, 해군 함정이 도착해 검문한 결과 조난된 사실을 확인했다.")
    assert "smuggling" not in _types("가상군 소식통은 “국경 마을에서는 밀수로 생계를 잇는 집이 대부분”이라고 말했다.")
    assert "smuggling" in _types("가상군 소식통은 “지난 3일 주민 2명이 압록강에서 구리를 밀수했다”고 말했다.")


def test_a_facility_told_by_whom_it_holds_is_no_arrest() -> None:
    """A facility told by the people it holds (modality.ko.inmates_of) is no flight or arrest;
    people of the news caught and held there are."""
    facility = "가상군에는 국경을 넘으려다 잡힌 주민을 수용하는 '노동 단련소'가 새로 들어섰다고 소식통이 전했다."
    assert "arrest" not in _types(facility) and "defection" not in _types(facility)
    assert "arrest" in _types("지난 3일 가상군에서 국경을 넘으려던 주민 2명이 잡혀 노동 단련소에 수감됐다고 소식통이 전했다.")


def test_the_article_place_is_the_county_it_names_most() -> None:
    """An act its own clause leaves unplaced takes the county the article names most
    (place.ko.article): a county named once in passing, the test site by which a story of
    another county begins, places no act of that story; of counties named as often, the
    first."""
    def places(text: str) -> list[tuple]:
        return [(r.event_type, r.location.admin2) for r in _korean_records(text) if r.location]

    text = ("가상 소식\n\n길주군 핵실험장에서 가까운 백암군에서 살림집 피해가 컸다고 소식통이 전했다.\n\n"
            "백암군의 한 주민은 백암군 마을에서는 집들이 모두 금이 갔다고 말했다.\n\n"
            "지난달에는 살림집 여러 채가 무너져 주민 3명이 숨졌다고 소식통이 전했다.\n")
    assert ("disaster", "Paegam") in places(text)
    text = ("가상 소식\n\n길주군과 백암군의 주민들이 장마당에 모였다고 소식통이 전했다.\n\n"
            "지난달에는 살림집 여러 채가 무너져 주민 3명이 숨졌다고 소식통이 전했다.\n")
    assert ("disaster", "Kilju") in places(text)
    # a closing "한편" paragraph on another county's market tells another item: it casts no vote
    text = ("가상 소식\n\n양강도 김정숙군에서 지난 3일 주민 3명이 공개처형됐다고 소식통이 전했다.\n\n"
            "소식통은 “이들은 지난달 밀수를 하다 보위부에 체포됐다”고 말했다.\n\n"
            "한편 혜산시 장마당의 쌀값은 최근 크게 올랐다. 혜산시 주민들은 생활고를 호소하고 있다. 혜산시 당국은 대책을 내놓지 않았다.\n")
    assert ("arrest", "Kim Jong Suk") in places(text)


def test_a_livestock_epidemic_is_one_outbreak_a_province() -> None:
    """Foot-and-mouth disease or swine fever on farms of two provinces is an outbreak in each
    (the `epidemic` kind of trigger.ko.disaster.hwajae, data/ontology.toml's by_province), as
    the gold codes them; two counties of one province are one outbreak."""
    two = _korean_records("평안북도 의주군과 평안남도 안주시 농장에서 최근 구제역 양성반응이 나타났다고 소식통이 전했다.\n")
    assert sorted(r.location.admin1_code for r in two if r.event_type == "disaster") == ["KP-02", "KP-03"]
    one = _korean_records("평안북도 의주군과 용천군 농장에서 최근 구제역 양성반응이 나타났다고 소식통이 전했다.\n")
    assert [r.location.admin1_code for r in one if r.event_type == "disaster"] == ["KP-03"]
