"""Sites of the gazetteer issue 12 found missing: "Yongbyon" names the county and the
nuclear complex in it, and the context decides."""

from yalu.places import Gazetteer


def test_yongbyon_names_the_county_and_the_nuclear_site():
    gaz = Gazetteer.default()
    found = [p.id for p in gaz.lookup("Yongbyon")]
    assert found[:2] == ["kp.north-pyongan.nyongbyon", "kp.north-pyongan.nyongbyon.nuclear"]
    assert gaz.ambiguity_for("Yongbyon").default == "kp.north-pyongan.nyongbyon"
    site = gaz.resolve("Yongbyon", "satellite imagery shows the reactor at Yongbyon running")[0]
    assert site.id == "kp.north-pyongan.nyongbyon.nuclear" and site.kind == "facility"
    assert gaz.admin2_of(site).id == "kp.north-pyongan.nyongbyon"  # the site is in the county
    assert gaz.resolve("Yongbyon", "farmers in Yongbyon County")[0].id == "kp.north-pyongan.nyongbyon"
    assert [p.id for p in gaz.lookup("Yongbyon nuclear complex")] == ["kp.north-pyongan.nyongbyon.nuclear"]
    assert not gaz.check()


def test_sohae_launch_site_in_tongchang_ri_and_kim_jong_suk_on_the_yalu():
    """Issue 12: the Sohae launch site (in Tongchang-ri, Cholsan County, North Pyongan) is
    found by its names; Kim Jong Suk County's point is its seat on the Yalu, not 25 km
    inland."""
    gaz = Gazetteer.default()
    for name in ("Sohae", "Sohae Satellite Launching Station", "Tongchang-dong Space Launch Center",
                 "Pongdong-ri launch site", "West Sea Satellite Launching Ground"):
        site = gaz.lookup(name)[0]
        assert site.id == "kp.north-pyongan.cholsan.sohae", name
    assert gaz.admin2_of(site).id == "kp.north-pyongan.cholsan" and site.admin1_code == "KP-03"
    assert (site.lat, site.lon) == (39.66, 124.705)  # 39°39′36″N 124°42′18″E
    assert gaz.lookup("Tongchang-ri")[0].id == "kp.north-pyongan.cholsan.tongchang-ri"
    county = gaz.lookup("Kim Jong Suk County")[0]
    assert county.id == "kp.ryanggang.kim-jong-suk" and gaz.lookup("Sinpa")[0].id == county.id
    # the seat, Kimjongsuk-up, by Sinpa Chongnyon station: within a kilometre of the
    # Yalu, which the province border follows there at about 41.424 N
    assert abs(county.lat - 41.4189) < 0.01 and abs(county.lon - 127.7615) < 0.01
    assert not gaz.check()


def test_changrin_island_and_kursk_are_placed_in_their_provinces(where):
    """Places the real English dev split named and the gazetteer lacked: the artillery
    island off Ongjin and the Russian region North Korean troops were sent to."""
    loc = where("Coastal guns fired on Changrin Islet on Monday, state media said.", "fired", "artillery_fire")
    assert (loc.admin1_code, loc.admin2, loc.geo_precision) == ("KP-05", "Ongjin", 1)
    loc = where("Two soldiers were captured in Russia's Kursk region last week.", "captured", "arrest")
    assert (loc.country, loc.admin1_code) == ("RU", "RU-KRS")
