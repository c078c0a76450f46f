"""Romanization rules: known pairs from RR, McCune–Reischauer and KCNA usage."""

import pytest

from yalu.places import romanize as rz


@pytest.mark.parametrize(
    "hangul, expected",
    [
        ("혜산", "hyesan"),
        ("량강", "ryanggang"),
        ("양강", "yanggang"),
        ("함경", "hamgyeong"),
        ("평안", "pyeongan"),
        ("신의주", "sinuiju"),
        ("청진", "cheongjin"),
        ("회령", "hoeryeong"),
        ("백령", "baengnyeong"),  # ㄱ+ㄹ -> ng+n
        ("압록", "amnok"),  # ㅂ+ㄹ -> m+n
        ("백암", "baegam"),  # linking
        ("종로", "jongno"),  # ㅇ+ㄹ -> ng+n
        ("신라", "silla"),  # ㄴ+ㄹ -> ll
        ("강릉", "gangneung"),
        ("철원", "cheorwon"),  # ㄹ + vowel -> r
        ("울진", "uljin"),
        ("독도", "dokdo"),
        ("좋다", "jota"),  # ㅎ + ㄷ -> t
        ("굳이", "guji"),  # palatalisation
        ("연평", "yeonpyeong"),
        ("김정숙", "gimjeongsuk"),
    ],
)
def test_revised_romanization(hangul, expected):
    assert rz.rr(hangul) == expected


@pytest.mark.parametrize(
    "hangul, expected",
    [
        ("평안", "p'yŏngan"),
        ("함경", "hamgyŏng"),
        ("강계", "kanggye"),  # voiced between voiced sounds
        ("길주", "kilchu"),  # ㄹ + ㅈ tensed
        ("판교", "p'an'gyo"),  # n'g apostrophe
        ("벽동", "pyŏktong"),  # unvoiced after an obstruent
        ("압록", "amnok"),
        ("백두", "paektu"),
        ("은산", "ŭnsan"),
        ("녕변", "nyŏngbyŏn"),
        ("철원", "ch'ŏrwŏn"),
        ("신의주", "sinŭiju"),
        ("회령", "hoeryŏng"),
    ],
)
def test_mccune_reischauer(hangul, expected):
    assert rz.mr(hangul) == expected


@pytest.mark.parametrize(
    "hangul, expected",
    [
        ("평안", "phyongan"),
        ("남포", "nampho"),
        ("태천", "thaechon"),
        ("자강", "jagang"),
        ("중강", "junggang"),
        ("갑산", "kapsan"),
        ("평성", "phyongsong"),
        ("보통강", "pothonggang"),
        ("길주", "kilju"),
        ("삭주", "sakju"),
        ("청진", "chongjin"),
        ("풍서", "phungso"),
    ],
)
def test_dprk_official(hangul, expected):
    assert rz.dprk(hangul) == expected


@pytest.mark.parametrize(
    "north, south",
    [("량강", "양강"), ("녕변", "영변"), ("리원", "이원"), ("락원", "낙원"), ("라선", "나선"), ("로동", "노동"),
     ("룡천", "용천"), ("혜산", "혜산")],
)
def test_south_initial_sound_rule(north, south):
    assert rz.south_hangul(north) == south


def test_variants_cover_press_and_system_spellings():
    v = set(rz.variants("량강"))
    assert {"ryanggang", "yanggang", "yangkang"} <= v
    v = set(rz.variants("녕변"))
    assert {"nyongbyon", "yongbyon", "yeongbyeon", "nyŏngbyŏn"} <= v
    v = set(rz.variants("회령"))
    assert {"hoeryong", "hoiryeong", "hoeryeong"} <= v
    assert "shinuiju" in rz.variants("신의주")
    assert "pyokdong" in rz.variants("벽동")  # DPRK voiced after a final (kp-admin spelling)
    assert "baekryeong" in rz.variants("백령")  # syllable by syllable, as in press copy


def test_variants_write_u_as_oo_as_older_press_copy_does():
    """ㅜ as oo (Moosan, Anjoo), with a w before it opening the word (Woonjeon); never for
    ㅡ, ㅠ or ㅢ, whose RR spellings hold a u too."""
    assert "moosan" in rz.variants("무산")
    assert "anjoo" in rz.variants("안주")
    assert "woonjeon" in rz.variants("운전")
    assert not any("oo" in v for v in rz.variants("은산") + rz.variants("유선") + rz.variants("의성"))


def test_split_suffix():
    assert rz.split_suffix("김정숙군", "county") == ("김정숙", "군")
    assert rz.split_suffix("혜산시", "city") == ("혜산", "시")
    assert rz.split_suffix("량강도", "province") == ("량강", "도")
    assert rz.split_suffix("평양직할시", "special_city") == ("평양", "직할시")
    assert rz.split_suffix("은정구역", "district") == ("은정", "구역")
    assert rz.split_suffix("풍계리", "town") == ("풍계", "리")
    assert rz.split_suffix("백두산", "mountain") == ("백두", "산")
    assert rz.split_suffix("혜산시", "county") == ("혜산시", "")  # only the generic of its own kind


def test_normalize_ignores_case_breves_apostrophes_hyphens_spaces():
    assert rz.normalize("P'yŏngan-pukto") == rz.normalize("pyongan pukto") == "pyonganpukto"
    assert rz.normalize("Punggye-ri") == rz.normalize("Punggye ri") == rz.normalize("PUNGGYERI")
    assert rz.normalize("량강 도") == "량강도"
    assert rz.normalize("Kaesŏng") == "kaesong"
