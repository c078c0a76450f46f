"""Browser tests of the facets, the multi-value filter round trip, the search snippets,
the default map and timeline views and the dark colour scheme (Playwright, Debian's
chromium). Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import re

import facet_sample
import pytest
from test_browser import CHROMIUM, browser, count_text, page, serve, shot, wait_until

__all__ = ["browser", "page"]  # fixtures this module uses from test_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def server(module_db):
    path = module_db("facets.db")
    yield from serve(path, facet_sample.build(path))


def chosen(pg, name: str) -> list[str]:
    return pg.eval_on_selector(
        f"select[name={name}]", "s => Array.from(s.selectedOptions).map(o => o.value)")


def test_facets_count_and_narrow(server, page):
    page.goto(server["url"] + "/")
    status = page.locator("[data-facet=review_status] li")
    assert status.filter(has_text="machine").inner_text().split()[-1] == "7"
    province = page.locator("[data-facet=admin1] a", has_text="Ryanggang")
    assert province.count() == 1
    province.click()
    page.wait_for_url(re.compile(r"admin1=KP-10"))
    assert count_text(page).startswith("3 incidents")
    assert page.locator(".chip", has_text="province: Ryanggang").count() == 1
    # a second value of the same facet widens the filter: either type matches
    page.locator("[data-facet=event_type] a[data-value=arrest]").click()
    page.wait_for_url(re.compile(r"event_type=arrest"))
    assert count_text(page).startswith("1 incident")
    page.locator("[data-facet=event_type] a[data-value=smuggling]").click()
    page.wait_for_url(re.compile(r"event_type=smuggling"))
    assert count_text(page).startswith("2 incidents")
    assert sorted(chosen(page, "event_type")) == ["arrest", "smuggling"]
    assert page.locator("[data-facet=event_type] li.chosen").count() == 2
    # the records two outlets report say so, with their outlets
    row = page.locator("tr", has=page.locator("text=Border guards arrested three smugglers"))
    assert "2 outlets" in row.locator(".multi-outlet").inner_text()
    assert "Example Wire" in row.locator(".multi-outlet").inner_text()
    assert page.locator(".exports a", has_text="csv").count() == 1  # the export link stays
    shot(page, "list-facets")


def test_multi_value_filter_survives_apply(server, page):
    page.goto(server["url"] + "/?review_status=approved,edited,rejected&include_rejected=1")
    assert count_text(page).startswith("3 incidents")
    assert chosen(page, "review_status") == ["approved", "edited", "rejected"]
    assert page.locator(".chip", has_text="review:").count() == 3
    page.click("button:has-text('Apply')")
    page.wait_for_url(re.compile(r"review_status=approved&review_status=edited&review_status=rejected"))
    assert count_text(page).startswith("3 incidents")
    assert chosen(page, "review_status") == ["approved", "edited", "rejected"]
    assert page.locator(".chip", has_text="review:").count() == 3
    # and one more, chosen with the keyboard's modifier like a user would
    page.click("select[name=review_status] option[value=machine]", modifiers=["Control"])
    page.click("button:has-text('Apply')")
    page.wait_for_url(re.compile(r"review_status=machine"))
    assert count_text(page).startswith("10 incidents")
    shot(page, "list-multi-value")


def test_province_choices_by_country_and_search_snippets(server, page):
    page.goto(server["url"] + "/")
    groups = page.eval_on_selector_all("select[name=admin1] optgroup", "gs => gs.map(g => g.label)")
    assert groups == ["North Korea", "Russia"]
    assert page.locator("select[name=admin1] option[value=KP-10]").inner_text() == "Ryanggang"
    page.fill("input[name=q]", "smugglers")
    page.select_option("select[name=search_in]", "evidence")
    page.click("button:has-text('Apply')")
    page.wait_for_url(re.compile(r"search_in=evidence"))
    assert count_text(page).startswith("3 incidents")
    marks = page.locator(".snippet mark")
    assert marks.count() == 3 and {m.lower() for m in marks.all_inner_texts()} == {"smugglers"}
    page.select_option("select[name=search_in]", "")
    page.click("button:has-text('Apply')")
    page.wait_for_url(re.compile(r"^(?!.*search_in).*q=smugglers"))
    assert page.locator(".snippet mark").count() == 3  # whole articles: the rejected one hidden
    shot(page, "list-snippets")


def map_view(pg) -> dict:
    return pg.evaluate(
        "() => { const b = window.yaluMap.map.getBounds();"
        " return {south: b.getSouth(), north: b.getNorth(), west: b.getWest(), east: b.getEast()}; }")


def test_map_opens_on_korea_and_fits_all(server, page):
    page.goto(server["url"] + "/map")
    wait_until(page, "window.yaluMap !== undefined")
    view = map_view(page)
    # Korea fills the view: Pyongyang and Busan in it, Moscow far outside
    assert view["south"] < 35.1 and view["north"] > 42.5 and view["west"] < 125 and view["east"] > 129.5
    assert view["north"] < 47 and view["west"] > 100
    shot(page, "map-default-korea")
    page.click("#map-fit-all")
    wait_until(page, "window.yaluMap.map.getBounds().getWest() < 37.6")
    view = map_view(page)
    assert view["north"] > 55.75 and view["west"] < 37.62  # Moscow is in view now
    page.wait_for_timeout(500)  # the clusters redraw for the new zoom (for the picture)
    shot(page, "map-fit-all")
    page.click("#map-korea")
    wait_until(page, "window.yaluMap.map.getBounds().getWest() > 100")


def test_timeline_opens_on_the_last_12_months(server, page):
    page.goto(server["url"] + "/timeline")
    wait_until(page, "document.getElementById('timeline-chart').dataset.rendered === '1'")
    canvas = page.locator("#timeline-chart")
    weeks = page.evaluate("JSON.parse(document.getElementById('timeline-data').textContent).weeks")
    assert weeks[0] == "2019-01-07" and weeks[-1].startswith("2024-07")
    # the data run from January 2019 to July 2024: the chart shows August 2023 on
    assert canvas.get_attribute("data-first") >= "2023-07-31"
    assert canvas.get_attribute("data-last") == weeks[-1]
    assert page.input_value("#timeline-end") == "2024-07"
    assert "Showing" in page.inner_text("#timeline-window")
    shot(page, "timeline-default-12-months")
    page.select_option("#timeline-span", "all")
    assert canvas.get_attribute("data-first") == "2019-01-07"
    page.select_option("#timeline-span", "12")
    page.fill("#timeline-end", "2019-06")
    page.dispatch_event("#timeline-end", "change")
    assert canvas.get_attribute("data-first") == "2019-01-07"
    assert canvas.get_attribute("data-last") <= "2019-06-30"
    assert page.locator("a", has_text="data as JSON").count() == 1  # the JSON link stays


def test_dark_colour_scheme_follows_the_system(server, browser):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, color_scheme="dark")
    pg = context.new_page()
    try:
        pg.goto(server["url"] + "/?q=smugglers")
        background = pg.evaluate("getComputedStyle(document.body).backgroundColor")
        channels = [int(c) for c in re.findall(r"\d+", background)[:3]]
        assert max(channels) < 60, background  # dark, not white
        ink = pg.evaluate("getComputedStyle(document.body).color")
        assert min(int(c) for c in re.findall(r"\d+", ink)[:3]) > 180, ink  # light text
        shot(pg, "list-dark")
        pg.goto(server["url"] + "/map")
        wait_until(pg, "window.yaluMap !== undefined")
        shot(pg, "map-dark")
    finally:
        context.close()


def test_light_scheme_stays_light(server, page):
    page.goto(server["url"] + "/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(255, 255, 255)"


