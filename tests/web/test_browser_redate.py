"""Issue 12's re-dating flow seen in chromium: a report ingested without a publication
date has undated records; `yalu ingest --published DATE` of the same file dates them in
place, and the workbench shows it (the list, the incident page, its audit trail, the
timeline) without a restart. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from test_browser import CHROMIUM, browser, page, running_server, shot  # noqa: F401

from yalu.cli import cli

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

# a fictional report without a date of its own: "on Monday" needs the publication date
REPORT = (
    "Border guards arrested two smugglers in Hyesan on Monday, a source in Ryanggang Province told Daily NK.\n\n"
    "A soldier of the Seventh Corps defected across the Yalu River near Kim Jong Suk County on Monday, "
    "the source said.\n"
)


def ingest(db, report, *options: str) -> None:
    """`yalu ingest` of the report, as the analyst runs it."""
    done = CliRunner().invoke(cli, ["ingest", "-q", "--db", str(db), *options, str(report)])
    assert done.exit_code == 0, done.output + str(done.exception)


@pytest.fixture(scope="module")
def undated_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("redate")
    report, db = folder / "report.txt", folder / "redate.db"
    report.write_text(REPORT, encoding="utf-8")
    ingest(db, report)
    for url in running_server(db):
        yield {"url": url, "db": db, "report": report}


def count(pg) -> int:
    return int(pg.locator("#result-count strong").inner_text().replace(",", ""))


def test_ingest_with_a_publication_date_dates_the_records_in_the_workbench(undated_server, page):  # noqa: F811
    base = undated_server["url"]
    page.goto(base + "/?dated=no")
    undated = count(page)
    assert undated >= 2 and count_of(page, base + "/?dated=yes") == 0
    page.goto(base + "/?dated=no")
    first = page.locator("tbody a[href^='/incidents/']").first.get_attribute("href")
    page.goto(base + first)
    assert page.locator("#no-date").is_visible() and page.locator("#audit-empty").is_visible()
    shot(page, "redate-before")
    # the analyst learns the date and ingests the same file with it
    ingest(undated_server["db"], undated_server["report"], "--published", "2024-03-06")
    page.goto(base + "/?dated=yes&sort=date")
    assert count(page) == undated and count_of(page, base + "/?dated=no") == 0
    page.goto(base + "/?dated=yes&sort=date")
    assert "2024-03-04" in page.locator("tbody").inner_text()  # "on Monday" before 6 March 2024
    shot(page, "redate-list-after")
    page.goto(base + first)  # the same record, dated in place, with its audit row
    assert page.locator("#no-date").count() == 0
    assert "2024-03-04" in page.locator("main").inner_text()
    trail = page.locator("#audit-trail").inner_text()
    assert "reprocess" in trail and "date_start" in trail
    shot(page, "redate-incident-after")
    # the timeline charts them now, in the week of Monday 4 March 2024
    page.goto(base + "/api/timeline")
    data = page.evaluate("() => JSON.parse(document.body.innerText)")
    assert data["total"] + data["coarse"] == undated
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["weeks"][0]) and "2024-03-04" in data["weeks"]


def count_of(pg, url: str) -> int:
    pg.goto(url)
    return count(pg)
