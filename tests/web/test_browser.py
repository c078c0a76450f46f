"""Browser tests: Playwright driving Debian's chromium (headless) against a live uvicorn
server on a test database. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest
import sample

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def running_server(path, **options):
    """A uvicorn server of the app on `path` in a thread, until the generator is closed;
    yields its base URL."""
    import uvicorn

    from yalu.serve import create_app

    port = free_port()
    app = create_app(path, secret_key="browser-test", **options)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(module_db):
    path = module_db("browser.db")
    yield from serve(path, sample.build(path))


def serve(path, ids):
    """A live server on the test database at `path` (alice may sign in), as a fixture's
    generator: yields its URL and the sample's ids, stops it afterwards."""
    from yalu.serve import users
    from yalu.store import Store

    store = Store(path)
    users.add(store, "alice", "correct horse battery")
    store.close()
    for url in running_server(path):
        yield {"url": url, "ids": ids}


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}")
          if msg.type == "error" else None)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.problems = problems
    yield pg
    context.close()
    assert not problems, problems


def shot(pg, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def wait_until(pg, predicate: str, timeout_ms: int = 10000) -> None:
    """Poll a JS predicate. (page.wait_for_function polls by evaluating a string inside the
    page when its first try fails, which the app's CSP, without 'unsafe-eval', refuses: the
    refusal is logged as a page error and failed the test now and then.)"""
    for _ in range(timeout_ms // 50):
        if pg.evaluate(predicate):
            return
        pg.wait_for_timeout(50)
    raise AssertionError(f"timed out waiting for {predicate}")


def count_text(pg) -> str:
    return pg.locator("#result-count").inner_text()


def test_filter_and_search(server, page):
    page.goto(server["url"] + "/")
    assert count_text(page).startswith(f"{sample.TOTAL} incidents")
    page.select_option("select[name=category]", "repression")
    page.click("button:has-text('Apply')")
    page.wait_for_url(re.compile(r"category=repression"))
    assert count_text(page).startswith("3 incidents")
    assert page.locator("tr[data-id]").count() == 3
    shot(page, "list-filtered")
    # sort by confidence keeps the filter in the URL
    page.click("th a:has-text('Conf.')")
    page.wait_for_url(re.compile(r"sort=confidence"))
    assert "category=repression" in page.url
    page.goto(server["url"] + "/")
    page.fill("input[name=q]", "ballistic missiles")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"q=ballistic"))
    assert count_text(page).startswith("2 incidents")
    shot(page, "list-search")
    # an FTS5 syntax character in the search box is just text
    page.fill("input[name=q]", '"NEAR( OR')
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    assert count_text(page).startswith("0 incidents")


def test_open_incident_shows_highlight(server, page):
    page.goto(server["url"] + "/?event_type=arrest")
    page.click("td.col-summary a")
    page.wait_for_url(re.compile(r"/incidents/"))
    trigger = page.locator(".article-text mark.trigger")
    assert trigger.count() == 1 and trigger.inner_text() == "arrested"
    evidence = page.locator(".article-text mark.evidence")
    assert "Border guards in Hyesan" in evidence.first.inner_text()
    assert page.locator("text=Chosun Ilbo").count() >= 1
    assert page.locator("section.related tr").count() == 3
    shot(page, "incident")


def test_evidence_list_scrolls_the_article_to_the_sentence(server, page):
    page.goto(server["url"] + f"/incidents/{server['ids']['lockdown']}")
    links = page.locator(".evidence-list a")
    assert links.count() == 2
    # a narrow text box, as a long article would be: the link brings the sentence into view
    page.evaluate("document.querySelector('.article-text').style.maxHeight = '3em'")
    page.evaluate("document.querySelector('.article-text').scrollTop = 0")
    target = links.nth(1).get_attribute("href")[1:]
    links.nth(1).click()
    wait_until(page, "() => document.querySelector('.article-text').scrollTop > 0")
    visible = page.evaluate("""(id) => {
        const box = document.querySelector('.article-text').getBoundingClientRect();
        const mark = document.getElementById(id).getBoundingClientRect();
        return mark.top >= box.top - 1 && mark.top < box.bottom; }""", target)
    assert visible
    assert page.locator(f"#{target}").inner_text().startswith("Separately, authorities")


def test_map_unlocated_link_lists_them(server, page):
    page.goto(server["url"] + "/map?outlet=Example+Wire")
    page.wait_for_selector("#map-unlocated")
    page.click("#map-unlocated")
    page.wait_for_url(re.compile(r"located=no"))
    assert "outlet=Example+Wire" in page.url
    assert count_text(page).startswith("1 incident")
    assert page.locator(f"tr[data-id='{server['ids']['artillery']}']").count() == 1


def test_untrusted_article_runs_no_script(server, page):
    page.goto(server["url"] + f"/incidents/{server['ids']['flood']}")
    text = page.locator(".article-text").inner_text()
    assert "<script>alert('xss')</script>" in text and "onerror=alert(1)" in text
    assert page.locator(".article-text img, .article-text script").count() == 0
    # page fixture asserts that no dialog opened and no error was logged


def test_sign_in_approve_and_audit(server, page):
    ident = server["ids"]["punishment"]
    page.goto(server["url"] + f"/incidents/{ident}")
    assert page.locator("#approve-button").count() == 0
    page.click("text=Sign in to review")
    page.fill("input[name=name]", "alice")
    page.fill("input[name=password]", "correct horse battery")
    page.click("button:has-text('Sign in')")
    page.wait_for_url(re.compile(rf"/incidents/{ident}"))
    page.click("#approve-button")
    page.wait_for_selector("text=Approved.")
    row = page.locator("#audit-trail tr.audit-row").first
    assert row.get_attribute("data-action") == "approve"
    assert "alice" in row.inner_text()
    assert page.locator("#review-status").inner_text() == "approved"
    shot(page, "incident-approved")


def test_map_markers(server, page):
    page.goto(server["url"] + "/map")
    page.wait_for_selector("#map[data-markers]")
    assert page.get_attribute("#map", "data-markers") == str(sample.LOCATED)
    assert page.evaluate("window.yaluMap.clusters.getLayers().length") == sample.LOCATED
    status = page.locator("#map-status").inner_text()
    assert status.startswith(f"{sample.LOCATED} incidents on the map") and "1 without coordinates" in status
    # the ones the map cannot place are a click away
    assert page.get_attribute("#map-unlocated", "href") == "/?located=no"
    # offline base: the provinces and the country outlines drew (SVG paths), no tile fetched
    wait_until(page, "() => document.querySelectorAll('.leaflet-outline-pane path').length >= 12")
    assert "Open Database License 1.0" in page.locator(".leaflet-control-attribution").inner_text()
    assert page.locator(".leaflet-tile").count() == 0
    shot(page, "map")
    # a filter changes the markers; the popup links to the incident
    page.goto(server["url"] + "/map?admin1=KP-03")
    page.wait_for_selector("#map[data-markers]")
    assert page.get_attribute("#map", "data-markers") == "2"
    page.goto(server["url"] + "/map?event_type=missile_launch")
    page.wait_for_selector("#map[data-markers='1']")
    page.locator(".leaflet-marker-pane .leaflet-interactive, .leaflet-overlay-pane path.leaflet-interactive").last.click()
    link = page.locator(".leaflet-popup-content a")
    link.wait_for()
    assert link.get_attribute("href") == f"/incidents/{server['ids']['missile']}"


def test_timeline_renders(server, page):
    page.goto(server["url"] + "/timeline")
    page.wait_for_selector("#timeline-chart[data-rendered='1']")
    datasets = page.evaluate("window.yaluTimeline.data.datasets.map(d => d.label)")
    # the only movement record (a defection "in early May") is not dated to the week
    assert datasets[0] == "illicit" and len(datasets) == 5
    total = page.evaluate("window.yaluTimeline.data.datasets.reduce((n, d) => n + d.data.reduce((a, b) => a + b, 0), 0)")
    assert total == sample.WEEK_DATED
    assert "1 dated only roughly" in page.locator("#timeline-status").inner_text()
    box = page.locator("#timeline-chart").bounding_box()
    assert box["width"] > 400 and box["height"] > 200
    shot(page, "timeline")
    page.goto(server["url"] + "/timeline?category=military")
    page.wait_for_selector("#timeline-chart[data-rendered='1']")
    assert page.evaluate("window.yaluTimeline.data.datasets.length") == 1


def test_api_docs_render_offline(server, page):
    page.goto(server["url"] + "/api/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "Yalu API" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_selector(".opblock-summary-path[data-path='/api/incidents']")
    shot(page, "api-docs")
