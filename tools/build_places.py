"""One-off build: ../shared/data/kp-admin -> yalu/data/places/kp_admin.csv.

kp-admin (CC-BY-4.0, Open Admin Data) gives 11 provinces and 179 counties with
English names and area-point coordinates only. This script adds what it lacks
and fixes what its README lists as wrong, from the tables below:

- Hangul for every unit (kp-admin has none);
- ISO 3166-2:KP codes (kp-admin's KPnn ids are in another order);
- the directly governed / special cities as first-level units: Pyongyang
  (KP-01), Rason (KP-13), Nampo (KP-14), Kaesong (KP-15); kp-admin files Rason
  and Kaesong under provinces and has "Nampo City" and "Pyongyang" as
  counties; those county records are merged into the first-level entry;
- Kangnam County moved back to Pyongyang (it returned there in 2011);
- Samjiyon as a city (since 2019), Sudong/Kumho/Chongnam/Tukjang as
  districts (구/지구), Nampo's guyok as districts;
- spelling fixes (Kabsan -> Kapsan, Sinkye -> Singye, Paekam -> Paegam,
  Jaerong -> Jaeryong) with kp-admin's spelling kept as an alias;
- former names (Sinpa, Huchang, Phungsan, Songjin, ...);
- town-centre coordinates for the cities and county seats listed in
  TOWN_COORDS (kp-admin's are area points, 2–27 km off).

The output is committed; the runtime never reads ../shared. Re-running the
script regenerates kp_admin.csv from kp-admin plus these tables, so make
corrections here, not in the CSV.

    python tools/build_places.py [--shared ../shared] [--out yalu/data/places/kp_admin.csv]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

FIELDS = ["id", "name", "kind", "parent", "country", "admin1_code", "lat", "lon",
          "hangul", "local", "aliases", "source", "note"]

# kp-admin province id -> (our id, ISO code, canonical name, Hangul, aliases, town-ish coords or None)
PROVINCES = {
    "KP01": ("kp.ryanggang", "KP-10", "Ryanggang", "량강도", ["Yanggang", "Ryanggang-do", "Yangkang", "량강", "양강도"], None),
    "KP02": ("kp.north-hamgyong", "KP-09", "North Hamgyong", "함경북도", ["Hambuk", "함북"], None),
    "KP03": ("kp.south-hamgyong", "KP-08", "South Hamgyong", "함경남도", ["Hamnam", "함남"], None),
    "KP04": ("kp.kangwon", "KP-07", "Kangwon", "강원도", [], None),
    "KP05": ("kp.chagang", "KP-04", "Jagang", "자강도", ["Chagang"], None),
    "KP06": ("kp.north-pyongan", "KP-03", "North Pyongan", "평안북도", ["Pyongbuk", "평북"], None),
    "KP07": ("kp.south-pyongan", "KP-02", "South Pyongan", "평안남도", ["Pyongnam", "평남"], None),
    "KP08": ("kp.north-hwanghae", "KP-06", "North Hwanghae", "황해북도", ["Hwangbuk", "황북"], None),
    "KP09": ("kp.south-hwanghae", "KP-05", "South Hwanghae", "황해남도", ["Hwangnam", "황남"], None),
    "KP10": ("kp.pyongyang", "KP-01", "Pyongyang", "평양직할시",
             ["Phyongyang", "P'yŏngyang", "Pyeongyang", "평양", "Pyongyang Municipality", "Pyongyang Capital City"],
             (39.0339, 125.7543)),
    "KP11": ("kp.nampo", "KP-14", "Nampo", "남포특별시",
             ["Nampho", "Namp'o", "Nampho Municipality", "Nampo Municipality", "남포시", "Chinnampo", "진남포"],
             (38.7375, 125.4078)),
}

# first-level units kp-admin lacks (or files as counties); merged county ids in "merge"
EXTRA_ADMIN1 = [
    # id, iso, name, hangul, aliases, lat, lon, merge kp-admin ids, note
    ("kp.rason", "KP-13", "Rason", "라선특별시",
     ["Rajin-Sonbong", "Rajin Sonbong", "Rasŏn", "Najin-Sonbong", "Rason Municipality", "라선시", "나선시",
      "Rason Economic and Trade Zone", "Rason Special Economic Zone"],
     42.2500, 130.3000, ["KP0201"], "special city; kp-admin files it as a county of North Hamgyong"),
    ("kp.kaesong", "KP-15", "Kaesong", "개성특별시", ["Kaesŏng", "Gaeseong", "Kaesong Municipality", "개성시", "Kaesong Special City"],
     37.9708, 126.5544, ["KP0803"], "special city (ISO KP-15); kp-admin files Kaesong City under North Hwanghae"),
]

# kp-admin county id -> overrides. keys: name, hangul, kind, aliases, parent (our id), note
# kind defaults to "city" when kp-admin's name ends in " City", else "county".
COUNTIES: dict[str, dict] = {
    # Ryanggang
    "KP0101": {"hangul": "혜산시"},
    "KP0102": {"hangul": "삼수군"},
    "KP0103": {"hangul": "김정숙군", "aliases": ["Sinpa", "신파군", "Kim Jong-suk", "Kimjongsuk"], "note": "named Sinpa until 1981"},
    "KP0104": {"hangul": "김형직군", "aliases": ["Huchang", "후창군", "후창", "Kim Hyong-jik", "Kimhyongjik"], "note": "named Huchang until 1988"},
    "KP0105": {"hangul": "김형권군", "aliases": ["Phungsan", "P'ungsan", "Pungsan", "풍산군", "Kim Hyong-gwon", "Kimhyonggwon"],
               "note": "named Phungsan until 1990"},
    "KP0106": {"hangul": "보천군"},
    "KP0107": {"hangul": "삼지연시", "kind": "city", "aliases": ["삼지연군"], "note": "county until 2019, now Samjiyon City"},
    "KP0108": {"hangul": "대홍단군"},
    "KP0109": {"hangul": "운흥군"},
    "KP0110": {"name": "Paegam", "hangul": "백암군", "aliases": ["Paekam"]},
    "KP0111": {"name": "Kapsan", "hangul": "갑산군", "aliases": ["Kabsan"]},
    "KP0112": {"hangul": "풍서군"},
    # North Hamgyong
    "KP0202": {"hangul": "김책시", "aliases": ["Songjin", "성진시", "Kimchaek", "Kim Chaek-si"], "note": "named Songjin until 1951"},
    "KP0203": {"hangul": "회령시"},
    "KP0205": {"hangul": "청진시"},
    "KP0211": {"hangul": "길주군"},
    "KP0212": {"hangul": "화대군", "aliases": ["Hwade"]},
    "KP0213": {"hangul": "명천군"},
    "KP0214": {"hangul": "명간군", "aliases": ["Hwasong", "화성군"],
               "note": "kp-admin README says now Hwasong County; KCNA still writes 'Myonggan County' in 2024, "
                       "so Myonggan stays canonical and Hwasong is an alias"},
    "KP0215": {"hangul": "어랑군"},
    "KP0216": {"hangul": "경성군"},
    "KP0217": {"hangul": "연사군"},
    "KP0218": {"hangul": "무산군"},
    "KP0219": {"hangul": "부령군"},
    "KP0220": {"hangul": "온성군"},
    "KP0221": {"hangul": "경원군", "aliases": ["Saebyol", "새별군", "새별"], "note": "called Saebyol County 1977-2000s"},
    "KP0222": {"hangul": "경흥군", "aliases": ["Undok", "은덕군"], "note": "called Undok County 1977-2000s"},
    # South Hamgyong
    "KP0301": {"hangul": "신포시", "aliases": ["Sinpo"]},
    "KP0302": {"hangul": "단천시"},
    "KP0307": {"hangul": "함흥시"},
    "KP0310": {"hangul": "함주군"},
    "KP0311": {"hangul": "영광군"},
    "KP0312": {"hangul": "신흥군"},
    "KP0313": {"hangul": "부전군"},
    "KP0314": {"hangul": "장진군", "aliases": ["Changjin", "Chosin"]},
    "KP0315": {"hangul": "정평군"},
    "KP0316": {"hangul": "금야군", "aliases": ["Yonghung", "영흥군"], "note": "named Yonghung until 1977"},
    "KP0317": {"hangul": "요덕군"},
    "KP0318": {"hangul": "고원군"},
    "KP0319": {"hangul": "락원군"},
    "KP0320": {"hangul": "홍원군"},
    "KP0321": {"hangul": "북청군"},
    "KP0322": {"hangul": "덕성군"},
    "KP0323": {"hangul": "리원군"},
    "KP0324": {"hangul": "허천군"},
    "KP0325": {"hangul": "수동구", "kind": "district", "note": "a gu (district) of South Hamgyong, not a county"},
    "KP0326": {"hangul": "금호지구", "kind": "district", "aliases": ["Kumho Area", "Kumho-jigu"],
               "note": "district (지구) on the coast near Sinpho; former KEDO light-water reactor site"},
    # Kangwon
    "KP0401": {"hangul": "원산시"},
    "KP0402": {"hangul": "문천시"},
    "KP0403": {"hangul": "안변군"},
    "KP0404": {"hangul": "고산군"},
    "KP0405": {"hangul": "통천군"},
    "KP0406": {"hangul": "고성군"},
    "KP0407": {"hangul": "금강군"},
    "KP0408": {"hangul": "창도군"},
    "KP0409": {"hangul": "김화군"},
    "KP0410": {"hangul": "회양군"},
    "KP0411": {"hangul": "세포군"},
    "KP0412": {"hangul": "평강군"},
    "KP0413": {"hangul": "철원군"},
    "KP0414": {"hangul": "이천군"},
    "KP0415": {"hangul": "판교군"},
    "KP0416": {"hangul": "법동군"},
    "KP0417": {"hangul": "천내군"},
    # Jagang
    "KP0501": {"hangul": "강계시"},
    "KP0502": {"hangul": "만포시", "aliases": ["Manpo"]},
    "KP0503": {"hangul": "희천시"},
    "KP0504": {"hangul": "랑림군"},
    "KP0505": {"hangul": "전천군", "aliases": ["Chonchon"]},
    "KP0506": {"hangul": "성간군"},
    "KP0507": {"hangul": "장강군"},
    "KP0508": {"hangul": "화평군"},
    "KP0509": {"hangul": "중강군"},
    "KP0510": {"hangul": "자성군"},
    "KP0511": {"hangul": "시중군"},
    "KP0512": {"hangul": "위원군"},
    "KP0513": {"hangul": "초산군"},
    "KP0514": {"hangul": "우시군"},
    "KP0515": {"hangul": "고풍군"},
    "KP0516": {"hangul": "송원군"},
    "KP0517": {"hangul": "동신군"},
    "KP0518": {"hangul": "룡림군"},
    # North Pyongan
    "KP0601": {"hangul": "신의주시"},
    "KP0602": {"hangul": "정주시"},
    "KP0603": {"hangul": "구성시"},
    "KP0604": {"hangul": "벽동군"},
    "KP0605": {"hangul": "피현군"},
    "KP0606": {"hangul": "룡천군"},
    "KP0607": {"hangul": "염주군"},
    "KP0608": {"hangul": "철산군"},
    "KP0609": {"hangul": "동림군"},
    "KP0610": {"hangul": "선천군"},
    "KP0611": {"hangul": "곽산군"},
    "KP0612": {"hangul": "운전군"},
    "KP0613": {"hangul": "박천군"},
    "KP0614": {"hangul": "녕변군"},
    "KP0615": {"hangul": "구장군"},
    "KP0616": {"hangul": "향산군"},
    "KP0617": {"hangul": "운산군"},
    "KP0618": {"hangul": "태천군"},
    "KP0619": {"hangul": "천마군"},
    "KP0620": {"hangul": "의주군"},
    "KP0621": {"hangul": "삭주군"},
    "KP0622": {"hangul": "대관군"},
    "KP0623": {"hangul": "창성군"},
    "KP0624": {"hangul": "동창군"},
    "KP0625": {"hangul": "신도군"},
    # South Pyongan
    "KP0701": {"hangul": "평성시"},
    "KP0703": {"hangul": "안주시"},
    "KP0704": {"hangul": "개천시"},
    "KP0705": {"hangul": "순천시"},
    "KP0706": {"hangul": "덕천시"},
    "KP0707": {"hangul": "대동군"},
    "KP0708": {"hangul": "증산군"},
    "KP0714": {"hangul": "평원군"},
    "KP0715": {"hangul": "숙천군"},
    "KP0716": {"hangul": "문덕군"},
    "KP0717": {"hangul": "성천군"},
    "KP0718": {"hangul": "신양군"},
    "KP0719": {"hangul": "양덕군"},
    "KP0720": {"hangul": "은산군", "note": "kp-admin spells it Unsan like the North Pyongan county 운산; MR Ŭnsan"},
    "KP0721": {"hangul": "북창군"},
    "KP0722": {"hangul": "맹산군"},
    "KP0723": {"hangul": "회창군"},
    "KP0724": {"hangul": "녕원군"},
    "KP0725": {"hangul": "대흥군"},
    "KP0726": {"hangul": "청남구", "kind": "district", "note": "a gu (district) of South Pyongan"},
    "KP0727": {"hangul": "득장지구", "kind": "district", "aliases": ["Tukjang Area"], "note": "district (지구) of South Pyongan"},
    # North Hwanghae
    "KP0801": {"hangul": "사리원시"},
    "KP0802": {"hangul": "송림시"},
    "KP0804": {"hangul": "장풍군"},
    "KP0805": {"hangul": "황주군"},
    "KP0806": {"hangul": "연탄군"},
    "KP0807": {"hangul": "봉산군"},
    "KP0808": {"hangul": "은파군"},
    "KP0809": {"hangul": "린산군"},
    "KP0810": {"hangul": "서흥군"},
    "KP0811": {"hangul": "수안군"},
    "KP0812": {"hangul": "연산군"},
    "KP0813": {"hangul": "신평군"},
    "KP0814": {"hangul": "곡산군"},
    "KP0815": {"name": "Singye", "hangul": "신계군", "aliases": ["Sinkye"]},
    "KP0816": {"hangul": "평산군"},
    "KP0817": {"hangul": "금천군"},
    "KP0818": {"hangul": "토산군"},
    "KP0820": {"hangul": "강남군", "parent": "kp.pyongyang", "note": "kp-admin files it under North Hwanghae; it returned to Pyongyang in 2011"},
    "KP0821": {"hangul": "중화군"},
    "KP0822": {"hangul": "상원군"},
    # South Hwanghae
    "KP0901": {"hangul": "해주시"},
    "KP0902": {"hangul": "강령군"},
    "KP0903": {"hangul": "옹진군"},
    "KP0904": {"hangul": "태탄군"},
    "KP0905": {"hangul": "장연군"},
    "KP0906": {"hangul": "삼천군"},
    "KP0907": {"hangul": "송화군"},
    "KP0908": {"hangul": "은률군"},
    "KP0909": {"hangul": "은천군"},
    "KP0910": {"hangul": "안악군"},
    "KP0911": {"hangul": "신천군"},
    "KP0912": {"name": "Jaeryong", "hangul": "재령군", "aliases": ["Jaerong", "Chaeryong"]},
    "KP0913": {"hangul": "신원군"},
    "KP0914": {"hangul": "봉천군"},
    "KP0915": {"hangul": "배천군"},
    "KP0916": {"hangul": "연안군"},
    "KP0917": {"hangul": "청단군"},
    "KP0918": {"hangul": "룡연군"},
    "KP0919": {"hangul": "과일군"},
    "KP0920": {"hangul": "벽성군"},
    # Pyongyang
    "KP1007": {"name": "Unjong", "hangul": "은정구역", "kind": "district"},
    "KP1023": {"hangul": "강동군"},
    # Nampo
    "KP1103": {"hangul": "온천군"},
    "KP1104": {"hangul": "룡강군"},
    "KP1105": {"hangul": "대안구역", "kind": "district", "note": "Taean-guyok of Nampo (대안), not South Korea's Taean 태안"},
    "KP1106": {"hangul": "강서구역", "kind": "district"},
    "KP1107": {"hangul": "천리마구역", "kind": "district", "aliases": ["Kangson", "강선"]},
}

# county records merged into a first-level entry
MERGED = {"KP1001": "kp.pyongyang", "KP1102": "kp.nampo", "KP0201": "kp.rason", "KP0803": "kp.kaesong"}

# town-centre coordinates (lat, lon) replacing kp-admin's area points
TOWN_COORDS = {
    "KP0101": (41.3986, 128.1781),  # Hyesan
    # Kim Jong Suk: its seat Kimjongsuk-up (Sinpa until 1981) on the Yalu, at Sinpa Chongnyon
    # station (Wikipedia, "Sinpa Chongnyon station": 41.4189 N 127.7615 E); kp-admin's point
    # was 25 km inland
    "KP0103": (41.4189, 127.7615),  # Kim Jong Suk
    "KP0107": (41.8139, 128.3181),  # Samjiyon
    "KP0202": (40.6723, 129.2027),  # Kim Chaek
    "KP0203": (42.4428, 129.7508),  # Hoeryong
    "KP0205": (41.7956, 129.7758),  # Chongjin
    "KP0211": (40.9636, 129.3211),  # Kilju
    "KP0218": (42.2311, 129.2325),  # Musan
    "KP0220": (42.9570, 129.9930),  # Onsong
    "KP0301": (40.0336, 128.1856),  # Sinpho
    "KP0302": (40.4583, 128.9111),  # Tanchon
    "KP0307": (39.9183, 127.5364),  # Hamhung
    "KP0401": (39.1528, 127.4436),  # Wonsan
    "KP0402": (39.2594, 127.3564),  # Munchon
    "KP0501": (40.9700, 126.5850),  # Kanggye
    "KP0502": (41.1450, 126.2961),  # Manpho
    "KP0503": (40.1700, 126.2758),  # Huichon
    "KP0601": (40.1006, 124.3981),  # Sinuiju
    "KP0602": (39.6936, 125.2106),  # Jongju
    "KP0603": (39.9811, 125.2483),  # Kusong
    "KP0614": (39.8133, 125.8017),  # Nyongbyon
    "KP0620": (40.1990, 124.5310),  # Uiju
    "KP0701": (39.2464, 125.8719),  # Pyongsong
    "KP0703": (39.6181, 125.6636),  # Anju
    "KP0704": (39.7000, 125.9061),  # Kaechon
    "KP0705": (39.4317, 125.9328),  # Sunchon
    "KP0706": (39.7428, 126.3128),  # Tokchon
    "KP0801": (38.5072, 125.7558),  # Sariwon
    "KP0802": (38.7542, 125.6450),  # Songrim
    "KP0901": (38.0406, 125.7147),  # Haeju
}


def load_kp_admin(shared: Path) -> list[dict]:
    path = shared / "data" / "kp-admin" / "derived-all-units-flat.csv"
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def build(shared: Path) -> list[dict]:
    rows = load_kp_admin(shared)
    provinces = {r["id"]: r for r in rows if r["level"] == "1"}
    counties = [r for r in rows if r["level"] == "2"]
    out: list[dict] = []
    prov_id = {}
    for kid, (pid, iso, name, hangul, aliases, coords) in PROVINCES.items():
        src = provinces[kid]
        lat, lon = coords if coords else (float(src["lat"]), float(src["lon"]))
        kind = "special_city" if pid in ("kp.pyongyang", "kp.nampo") else "province"
        als = list(aliases)
        if src["name_en"] != name and src["name_en"] not in als:
            als.append(src["name_en"])
        sources = [f"kp-admin:{kid}"] + [f"kp-admin:{c}" for c, t in MERGED.items() if t == pid]
        note = ""
        if pid == "kp.pyongyang":
            note = "directly governed city; kp-admin's county record 'Pyongyang' (KP1001) merged here"
        if pid == "kp.nampo":
            note = "special city since 2010; kp-admin's county record 'Nampo City' (KP1102) merged here"
        if pid in ("kp.pyongyang", "kp.nampo"):
            merged_names = [r["name_en"] for r in counties if MERGED.get(r["id"]) == pid]
            als += [n for n in merged_names if n != name and n not in als]
        prov_id[kid] = (pid, iso)
        out.append(_row(pid, name, kind, "", "KP", iso, lat, lon, hangul, als, ";".join(sources), note))
    for pid, iso, name, hangul, aliases, lat, lon, merge, note in EXTRA_ADMIN1:
        als = list(aliases)
        for r in counties:
            if r["id"] in merge and r["name_en"] != name and r["name_en"] not in als:
                als.append(r["name_en"])
        sources = ";".join(f"kp-admin:{m}" for m in merge)
        out.append(_row(pid, name, "special_city", "", "KP", iso, lat, lon, hangul, als, sources, note))
    iso_of = {pid: iso for pid, iso in prov_id.values()}
    iso_of.update({e[0]: e[1] for e in EXTRA_ADMIN1})
    seen_ids = set()
    for r in counties:
        kid = r["id"]
        if kid in MERGED:
            continue
        ov = COUNTIES.get(kid)
        if ov is None:
            raise SystemExit(f"no override (Hangul) for kp-admin {kid} {r['name_en']}")
        raw = r["name_en"]
        default_kind = "city" if raw.endswith(" City") else "county"
        base = raw[: -len(" City")] if raw.endswith(" City") else raw
        name = ov.get("name", base)
        kind = ov.get("kind", default_kind)
        parent = ov.get("parent", prov_id[r["province_id"]][0])
        iso = iso_of[parent]
        aliases = list(ov.get("aliases", []))
        for n in (raw, base):
            if n != name and n not in aliases:
                aliases.append(n)
        lat, lon = TOWN_COORDS.get(kid, (float(r["lat"]), float(r["lon"])))
        note = ov.get("note", "")
        if kid in TOWN_COORDS:
            note = (note + "; " if note else "") + "coordinates: town centre"
        pid = f"{parent}.{_slug(name)}"
        if pid in seen_ids:
            raise SystemExit(f"duplicate id {pid}")
        seen_ids.add(pid)
        out.append(_row(pid, name, kind, parent, "KP", iso, lat, lon, ov["hangul"], aliases,
                        f"kp-admin:{kid}", note))
    return out


def _slug(name: str) -> str:
    return "-".join(name.lower().replace("'", "").split())


def _row(pid, name, kind, parent, country, iso, lat, lon, hangul, aliases, source, note):
    return {"id": pid, "name": name, "kind": kind, "parent": parent, "country": country,
            "admin1_code": iso, "lat": f"{lat:.4f}", "lon": f"{lon:.4f}", "hangul": hangul,
            "local": "", "aliases": "|".join(aliases), "source": source, "note": note}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=REPO / "yalu" / "data" / "places" / "kp_admin.csv")
    args = ap.parse_args(argv)
    if not (args.shared / "data" / "kp-admin").is_dir():
        print(f"kp-admin not found under {args.shared}", file=sys.stderr)
        return 2
    rows = build(args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
