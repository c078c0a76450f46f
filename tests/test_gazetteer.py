"""The gazetteer: lookup in any spelling, hierarchy, ambiguities, validation, the `places` command."""

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from yalu.model import Place
from yalu.places import Gazetteer
from yalu.places.commands import places

SHARED = Path(__file__).parents[1].parent / "shared"
KP_ADMIN = SHARED / "data" / "kp-admin" / "derived-all-units-flat.csv"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def ids(places):
    return [p.id for p in places]


def test_default_is_cached_and_loads_package_data(gaz):
    assert Gazetteer.default() is gaz
    assert len(gaz.places) > 450
    assert all(isinstance(p, Place) for p in gaz.places.values())


def test_shipped_data_has_no_problems(gaz):
    assert gaz.check() == []


@pytest.mark.parametrize(
    "spelling",
    ["Ryanggang", "Yanggang", "량강도", "양강도", "Ryanggang Province", "Yanggang-do", "Yanggang Province",
     "ryanggang province", "RYANGGANG", "Yangkang", "Ryanggang-do", "  Yanggang  province "],
)
def test_ryanggang_in_any_spelling(gaz, spelling):
    hits = gaz.lookup(spelling)
    assert hits, spelling
    assert hits[0].id == "kp.ryanggang"
    assert hits[0].admin1_code == "KP-10"


@pytest.mark.parametrize(
    "spelling",
    ["North Hamgyong", "North Hamgyong Province", "Hamgyongbuk-do", "Hamgyong-pukto", "Hamgyŏng-pukto",
     "N. Hamgyong", "North Hamgyeong Province", "Hamgyeongbuk-do", "함경북도", "함북", "Hambuk"],
)
def test_north_hamgyong_directional_forms(gaz, spelling):
    assert ids(gaz.lookup(spelling)) == ["kp.north-hamgyong"]


@pytest.mark.parametrize(
    "spelling",
    ["North Pyongan", "North Phyongan Province", "Pyonganbuk-do", "P'yŏngan-pukto", "Pyeonganbuk-do",
     "North Pyeongan Province", "평안북도"],
)
def test_north_pyongan_forms(gaz, spelling):
    assert ids(gaz.lookup(spelling)) == ["kp.north-pyongan"]


def test_sinpa_is_kim_jong_suk_county(gaz):
    for spelling in ["Sinpa County", "Sinpa", "신파군", "Kim Jong Suk County", "김정숙군", "Kim Jong-suk County",
                     "Sinpa-gun", "Shinpa"]:
        hits = gaz.lookup(spelling)
        assert ids(hits) == ["kp.ryanggang.kim-jong-suk"], spelling
    county = gaz.lookup("Sinpa County")[0]
    assert county.name == "Kim Jong Suk"
    assert county.hangul == "김정숙군"
    assert gaz.admin1_of(county).admin1_code == "KP-10"
    assert gaz.admin1_of(county).name == "Ryanggang"
    assert gaz.admin2_of(county) is county


@pytest.mark.parametrize(
    "former, canonical",
    [("Huchang", "Kim Hyong Jik"), ("Phungsan", "Kim Hyong Gwon"), ("Songjin", "Kim Chaek"),
     ("Kabsan", "Kapsan"), ("Sinkye", "Singye"), ("Paekam", "Paegam"), ("Jaerong", "Jaeryong")],
)
def test_former_names_and_kp_admin_spellings(gaz, former, canonical):
    assert gaz.lookup(former)[0].name == canonical


def test_nyongbyon_yongbyon(gaz):
    for spelling in ["Nyongbyon", "Yeongbyeon", "Nyŏngbyŏn", "녕변군", "영변", "Yongbyon County"]:
        assert ids(gaz.lookup(spelling)) == ["kp.north-pyongan.nyongbyon"], spelling
    # bare "Yongbyon" is also the nuclear complex's name (issue 12): the county first
    assert ids(gaz.lookup("Yongbyon")) == ["kp.north-pyongan.nyongbyon", "kp.north-pyongan.nyongbyon.nuclear"]
    facility = gaz.lookup("Yongbyon nuclear complex")[0]
    assert facility.kind == "facility"
    assert gaz.admin2_of(facility).name == "Nyongbyon"
    assert gaz.admin1_of(facility).admin1_code == "KP-03"


@pytest.mark.parametrize(
    "spelling, expected_id",
    [("Hoiryeong", "kp.north-hamgyong.hoeryong"), ("Hoeryong City", "kp.north-hamgyong.hoeryong"),
     ("Shinuiju", "kp.north-pyongan.sinuiju"), ("Sinuiju-si", "kp.north-pyongan.sinuiju"),
     ("Nampho", "kp.nampo"), ("Namp'o", "kp.nampo"), ("Kapsan", "kp.ryanggang.kapsan"),
     ("Gapsan", "kp.ryanggang.kapsan"), ("Phyongsong City", "kp.south-pyongan.pyongsong"),
     ("Pothonggang District", "kp.pyongyang.potonggang"), ("Samjiyeon", "kp.ryanggang.samjiyon"),
     ("Hamheung", "kp.south-hamgyong.hamhung"), ("Sinpo", "kp.south-hamgyong.sinpho"),
     ("Chagang", "kp.chagang"), ("Jagang Province", "kp.chagang"), ("Pyongyang", "kp.pyongyang"),
     ("평양", "kp.pyongyang"), ("Rajin-Sonbong", "kp.rason"), ("Kaesong", "kp.kaesong")],
)
def test_press_dprk_rr_spellings(gaz, spelling, expected_id):
    assert gaz.lookup(spelling)[0].id == expected_id


def test_special_places(gaz):
    punggye = gaz.lookup("Punggye-ri")[0]
    assert ids(gaz.lookup("Punggyeri")) == ids(gaz.lookup("Punggye ri")) == [punggye.id]
    assert gaz.admin2_of(punggye).name == "Kilju" and punggye.admin1_code == "KP-09"
    sohae = gaz.lookup("Sohae Satellite Launching Station")[0]
    assert gaz.lookup("Tongchang-ri")[0].id == sohae.parent_id
    assert gaz.admin2_of(sohae).name == "Cholsan"
    assert gaz.admin2_of(gaz.lookup("Musudan-ri")[0]).name == "Hwadae"
    assert gaz.lookup("Panmunjom")[0].kind == "border"
    assert gaz.lookup("Joint Security Area")[0].id == gaz.lookup("JSA")[0].id
    assert gaz.lookup("Mt Paektu")[0].admin1_code == "KP-10"
    assert gaz.lookup("Kumgangsan")[0].kind == "mountain"
    assert gaz.lookup("Kaesong Industrial Complex")[0].admin1_code == "KP-15"
    assert gaz.lookup("Sino-Korean Friendship Bridge")[0].kind == "facility"
    assert gaz.lookup("Namyang")[0].admin1_code == "KP-09"


def test_rivers_seas_borders_have_no_admin(gaz):
    for name, kind in [("Yalu River", "river"), ("Amnok River", "river"), ("Tumen River", "river"),
                       ("Tuman River", "river"), ("Imjin River", "river"), ("East Sea", "sea"),
                       ("Sea of Japan", "sea"), ("Yellow Sea", "sea"), ("West Sea", "sea"),
                       ("the DMZ", "border"), ("the MDL", "border"), ("NLL", "border"),
                       ("Sino-North Korean border", "border")]:
        p = gaz.lookup(name)[0]
        assert p.kind == kind, name
        assert gaz.admin1_of(p) is None and gaz.admin2_of(p) is None, name
    assert gaz.lookup("Yellow Sea")[0].id == gaz.lookup("West Sea")[0].id


def test_south_korea_and_border_region(gaz):
    assert len([p for p in gaz.places.values() if p.country == "KR"]) >= 100
    codes = {"KR-11", "KR-26", "KR-27", "KR-28", "KR-29", "KR-30", "KR-31", "KR-50", "KR-41", "KR-42",
             "KR-43", "KR-44", "KR-45", "KR-46", "KR-47", "KR-48", "KR-49"}
    assert {c for c in codes if gaz.admin1_name(c)} == codes
    yeonpyeong = gaz.lookup("Yeonpyeong Island")[0]
    assert gaz.admin2_of(yeonpyeong).name == "Ongjin" and yeonpyeong.admin1_code == "KR-28"
    assert gaz.lookup("Baekryeong Island")[0].id == gaz.lookup("Baengnyeong")[0].id
    assert gaz.lookup("Kangnung")[0].name == "Gangneung"
    assert gaz.lookup("Ulchin")[0].name == "Uljin"
    assert gaz.admin2_of(gaz.lookup("Munsan")[0]).name == "Paju"
    assert gaz.lookup("North Gyeongsang Province")[0].admin1_code == "KR-47"
    assert gaz.lookup("Gyeongsangbuk-do")[0].admin1_code == "KR-47"
    for name, code in [("Dandong", "CN-LN"), ("Changbai", "CN-JL"), ("Hunchun", "CN-JL"),
                       ("Kaishantun", "CN-JL"), ("Yanbian", "CN-JL"), ("Khasan", "RU-PRI"),
                       ("Vladivostok", "RU-PRI"), ("Shenyang", "CN-LN"), ("Ji'an", "CN-JL")]:
        assert gaz.lookup(name)[0].admin1_code == code, name


def test_admin1_name_and_hierarchy(gaz):
    assert gaz.admin1_name("KP-10") == "Ryanggang"
    assert gaz.admin1_name("KP-01") == "Pyongyang"
    assert gaz.admin1_name("KR-42") == "Gangwon"
    assert gaz.admin1_name("KP-99") is None
    hyesan = gaz.get("kp.ryanggang.hyesan")
    assert gaz.parent(hyesan).id == "kp.ryanggang"
    ryanggang = gaz.get("kp.ryanggang")
    assert gaz.admin1_of(ryanggang) is ryanggang
    assert gaz.admin2_of(ryanggang) is None
    assert gaz.parent(ryanggang) is None
    # a city district's admin2 is its city; a Pyongyang district is its own admin2
    sunam = gaz.lookup("Sunam District")[0]
    assert gaz.admin2_of(sunam).name == "Chongjin"
    assert gaz.admin2_of(gaz.lookup("Moranbong District")[0]).name == "Moranbong"
    with pytest.raises(KeyError):
        gaz.get("no.such.place")


def test_ambiguous_forms_return_all_candidates(gaz):
    assert set(ids(gaz.lookup("Kosong"))) >= {"kp.kangwon.kosong", "kr.gangwon.goseong"}
    assert gaz.lookup("Kosong")[0].country == "KP"  # the spelling points north
    assert gaz.lookup("Goseong")[0].country == "KR"
    assert set(ids(gaz.lookup("Unsan"))) == {"kp.north-pyongan.unsan", "kp.south-pyongan.unsan"}
    assert {p.hangul for p in gaz.lookup("Unsan County")} == {"운산군", "은산군"}
    assert ids(gaz.lookup("은산군")) == ["kp.south-pyongan.unsan"]
    assert set(ids(gaz.lookup("Kangwon"))) == {"kp.kangwon", "kr.gangwon"}
    assert set(ids(gaz.lookup("Ongjin"))) == {"kp.south-hwanghae.ongjin", "kr.incheon.ongjin"}
    assert set(ids(gaz.lookup("Taean"))) == {"kp.nampo.taean", "kr.south-chungcheong.taean"}
    assert set(ids(gaz.lookup("Ichon"))) == {"kp.kangwon.ichon", "kr.gyeonggi.icheon"}
    for form in ["Kosong", "Unsan", "Kangwon", "Gangwon", "Ongjin", "Taean", "Ichon", "Tumen"]:
        assert gaz.ambiguity_for(form) is not None, form
    assert gaz.ambiguity_for("Hyesan") is None


def test_person_named_county_is_flagged(gaz):
    amb = gaz.ambiguity_for("Kim Jong Suk")
    assert amb is not None and amb.default == "person"
    assert amb.non_place["kind"] == "person"
    assert ids(gaz.lookup("Kim Jong Suk")) == ["kp.ryanggang.kim-jong-suk"]


def test_resolve_uses_context(gaz):
    assert gaz.resolve("Unsan", "Unsan County, South Phyongan Province")[0].id == "kp.south-pyongan.unsan"
    assert gaz.resolve("Unsan", "Unsan County, North Phyongan Province")[0].id == "kp.north-pyongan.unsan"
    assert gaz.resolve("Kosong", "in South Korea's Gangwon Province")[0].id == "kr.gangwon.goseong"
    assert gaz.resolve("Gangwon", "a KPA base in Gangwon province")[0].id == "kp.kangwon"


def test_a_hangul_cue_takes_its_particles(gaz):
    # "군사분계선 이남으로", "거진항에서": a Korean cue is followed by its particle, not a space
    assert gaz.resolve("고성", "병사 1명이 군사분계선 이남으로 넘어왔다. 고성 GP 인근")[0].id == "kr.gangwon.goseong"
    assert gaz.resolve("고성", "거진항에서 가까운 고성")[0].id == "kr.gangwon.goseong"
    assert gaz.resolve("Ongjin", "shelling of Yeonpyeong Island, Ongjin County")[0].id == "kr.incheon.ongjin"


def test_unknown_and_empty(gaz):
    assert gaz.lookup("Atlantis") == []
    assert gaz.lookup("") == []
    assert gaz.lookup("   ") == []


def test_wrong_generic_falls_back_to_the_unit(gaz):
    assert gaz.lookup("Kusong County")[0].id == "kp.north-pyongan.kusong"  # "the then Kusong County"


def test_surface_forms_are_prose_cased(gaz):
    forms = set(gaz.surface_forms())
    for surface, pid in [("Sinpa County", "kp.ryanggang.kim-jong-suk"),
                         ("North Phyongan Province", "kp.north-pyongan"),
                         ("Yalu River", "river.yalu"), ("Hamgyongbuk-do", "kp.north-hamgyong"),
                         ("Punggye-ri", "kp.north-hamgyong.kilju.punggye-ri"), ("량강도", "kp.ryanggang"),
                         ("Yanggang Province", "kp.ryanggang"), ("Mt Paektu", "kp.ryanggang.samjiyon.paektu")]:
        assert (surface, pid) in forms, surface
    assert all(s.strip() == s and s for s, _ in forms)


def test_every_korean_place_has_hangul_and_coordinates(gaz):
    for p in gaz.places.values():
        assert p.lat is not None and p.lon is not None, p.id
        if p.country in ("KP", "KR"):
            assert p.hangul, p.id


def test_check_reports_problems(tmp_path):
    (tmp_path / "x.csv").write_text(
        "id,name,kind,parent,country,admin1_code,lat,lon,hangul,local,aliases,source,note\n"
        "kp.a,Alpha,province,,KP,KP-10,41.0,128.0,알파도,,,,\n"
        "kp.b,Beta,county,kp.a,KP,,55.0,128.0,베타군,,Gamma,,\n"
        "kp.c,Gamma,county,kp.a,KP,KP-10,41.0,128.0,,,,,\n",
        encoding="utf-8",
    )
    problems = Gazetteer.from_dir(tmp_path).check()
    text = "\n".join(problems)
    assert "kp.b (Beta): missing ISO admin1 code" in text
    assert "kp.b (Beta): coordinates 55.0,128.0 outside KP" in text
    assert "kp.c (Gamma): no Hangul" in text
    assert "names 2 places with no ambiguity rule" in text


def test_places_command_lookup_and_json():
    runner = CliRunner()
    r = runner.invoke(places, ["Sinpa", "County"])
    assert r.exit_code == 0, r.output
    assert "Kim Jong Suk (county)" in r.output and "김정숙군" in r.output
    assert "KP-10 Ryanggang" in r.output
    r = runner.invoke(places, ["Yanggang-do", "--json"])
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data[0]["id"] == "kp.ryanggang" and data[0]["admin1_code"] == "KP-10"
    assert data[0]["hangul"] == "량강도" and data[0]["lat"] is not None
    r = runner.invoke(places, ["Kosong"])
    assert r.exit_code == 0 and "ambiguous" in r.output and "kr.gangwon.goseong" in r.output
    r = runner.invoke(places, ["Atlantis"])
    assert r.exit_code == 1
    r = runner.invoke(places, [])
    assert r.exit_code != 0
    r = runner.invoke(places, ["--help"])
    assert r.exit_code == 0 and "--check" in r.output


def test_places_command_check():
    r = CliRunner().invoke(places, ["--check"])
    assert r.exit_code == 0, r.output
    assert "gazetteer OK" in r.output


@pytest.mark.shared
@pytest.mark.skipif(not KP_ADMIN.exists(), reason="../shared/data/kp-admin is absent (it sits beside the repo)")
def test_every_kp_admin_unit_resolves_by_name(gaz):
    by_source = {}
    for pid, extra in gaz.extra.items():
        for src in extra.source.split(";"):
            if src.startswith("kp-admin:"):
                by_source[src.split(":", 1)[1]] = pid
    with KP_ADMIN.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len([r for r in rows if r["level"] == "2"]) == 179
    missing = []
    for r in rows:
        hits = ids(gaz.lookup(r["name_en"]))
        if by_source.get(r["id"]) not in hits:
            missing.append((r["id"], r["name_en"], hits))
    assert missing == []


@pytest.mark.parametrize(
    "spelling, place_id",
    [
        ("North Hamkyung Province", "kp.north-hamgyong"),  # ㅕ as yu (ASIAPRESS, Daily NK)
        ("North Hamgyung", "kp.north-hamgyong"),
        ("Northern Hwanghae Province", "kp.north-hwanghae"),
        ("Huiryung", "kp.north-hamgyong.hoeryong"),  # spellings.toml: older Daily NK
        ("Huiryung City", "kp.north-hamgyong.hoeryong"),
        ("Yangang Province", "kp.ryanggang"),  # RFA 2009-2012
        ("Yonphyong Islet", "kr.incheon.ongjin.yeonpyeong"),  # KCNA
        ("Hyetan District", "kp.ryanggang.hyesan.hyetan"),  # a dong as Daily NK writes it
        ("Pyungsung county", "kp.south-pyongan.pyongsong"),  # spellings.toml: AsiaNews
        ("Hoichon", "kp.chagang.huichon"),  # Daily NK
        ("Woonheung", "kp.ryanggang.unhung"),  # Daily NK 2008
        ("Hoochang", "kp.ryanggang.kim-hyong-jik"),
        ("Yongchun", "kp.north-pyongan.ryongchon"),  # Daily NK: ㅓ as u, no initial r
        ("Hoeyrong", "kp.north-hamgyong.hoeryong"),  # Daily NK: e and y swapped
        ("Soonchun", "kp.south-pyongan.sunchon"),  # Good Friends: oo for ㅜ, ㅓ as u
        ("Onsung", "kp.north-hamgyong.onsong"),  # Daily NK: ㅓ as u
        ("Chungjin", "kp.north-hamgyong.chongjin"),  # Good Friends, RFA: ㅓ as u
        ("Kimjongsook", "kp.ryanggang.kim-jong-suk"),  # RFA: run together, oo for ㅜ
        ("Hyeosan City", "kp.ryanggang.hyesan"),  # Open Radio: an o after hye
        ("Heoryong City", "kp.north-hamgyong.hoeryong"),  # RFA via Yonhap: o and e swapped
        ("Poongkye-ri", "kp.north-hamgyong.kilju.punggye-ri"),  # Yonhap 2009: oo for ㅜ
        ("Mankyongdae District", "kp.pyongyang.mangyongdae"),  # Good Friends: n kept before k
        ("Hyongjaesan District", "kp.pyongyang.hyongjesan"),  # Daily NK: 제 as jae
        ("Sokju County", "kp.north-pyongan.sakju"),  # ASIAPRESS: ㅏ as o
        ("Sackju County", "kp.north-pyongan.sakju"),  # ASIAPRESS: ck for the final ㄱ
        ("영흥", "kp.south-hamgyong.kumya"),  # the South's press: the former name without 군
        ("용정시", "cn.jilin.yanbian.longjing"),  # a Chinese city's Korean name with its generic
        ("심양시", "cn.liaoning.shenyang"),
        ("창바이현", "cn.jilin.baishan.changbai"),
        ("Changrin Islet", "kp.south-hwanghae.ongjin.changrin"),  # kp_local.csv
        ("Kursk region", "ru.kursk"),  # international.csv
        ("Oudomxay province", "la.oudomxay"),  # North Koreans abroad: the defectors' route south
        ("Lạng Sơn", "vn.lang-son"),
        ("Colon", "pa.colon"),  # a ship seized in Panama
        ("Ningbo", "cn.zhejiang.ningbo"),  # restaurant workers in China
    ],
)
def test_press_spellings(gaz, spelling, place_id):
    assert ids(gaz.lookup(spelling))[0] == place_id


def test_a_press_spelling_leaves_the_souths_namesake_first(gaz):
    """Good Friends' "Soonchun" is the North's 순천; the South's Suncheon, spelt with eo,
    stays the South's."""
    assert ids(gaz.lookup("Suncheon"))[0] == "kr.south-jeolla.suncheon"
    assert ids(gaz.lookup("Soonchun")) == ["kp.south-pyongan.sunchon"]


def test_a_spelling_for_an_unknown_place_is_a_problem(tmp_path):
    (tmp_path / "places.csv").write_text(
        "id,name,kind,parent,country,admin1_code,lat,lon,hangul,local,aliases,source,note\n"
        "kp.ryanggang,Ryanggang,province,,KP,KP-10,41.2,128.0,량강도,,,,\n", encoding="utf-8")
    (tmp_path / "spellings.toml").write_text(
        '[[spelling]]\nid = "kp.ryanggang"\nforms = ["Ryangkang"]\nsource = "test"\n'
        '[[spelling]]\nid = "kp.nowhere"\nforms = ["Nowhere"]\nsource = "test"\n', encoding="utf-8")
    gaz = Gazetteer.from_dir(tmp_path)
    assert ids(gaz.lookup("Ryangkang")) == ["kp.ryanggang"]
    assert any("kp.nowhere" in problem for problem in gaz.check())


def test_a_name_is_looked_up_once_and_answers_as_the_first_time(monkeypatch):
    import yalu.places.gazetteer as module

    gaz = Gazetteer.from_package()
    calls = []
    look_up = gaz._look_up
    monkeypatch.setattr(gaz, "_look_up", lambda name: calls.append(name) or look_up(name))
    first = gaz.lookup("Hyesan")
    assert first and gaz.lookup("Hyesan") == first and calls == ["Hyesan"]
    gaz.resolve("Hyesan").clear()  # a caller's list is its own
    assert gaz.lookup("Hyesan") == first and calls == ["Hyesan"]
    monkeypatch.setattr(module, "FOUND_NAMES", 2)
    for name in ("Sinuiju", "Kaesong", "Hyesan"):
        gaz.lookup(name)
    assert len(gaz._found) <= 2  # bounded: emptied when full
    assert calls == ["Hyesan", "Sinuiju", "Kaesong", "Hyesan"]


def test_a_context_cue_is_compiled_once_a_context_holds_it():
    """resolve() tests each candidate's cues in the text around a name: a cue the text does not
    hold is answered without compiling its pattern (most never are), the same answer."""
    from yalu.places.gazetteer import _CUE_CACHE, _contains

    ctx = " Guards in Musan County, North Hamgyong, detained two traders. "
    assert _contains(ctx, "north hamgyong") and "north hamgyong" in _CUE_CACHE
    assert not _contains(ctx, "Fictional Bay") and "Fictional Bay" not in _CUE_CACHE
    assert not _contains(ctx, "Musan Co")  # held, but not as a whole word
    assert _contains(" 동부전선에서 총격이 있었다 ", "동부전선")  # a Hangul cue takes its particles
