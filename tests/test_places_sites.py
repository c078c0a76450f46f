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
