"""The review queue driven by keyboard in chromium (approve, reject, edit, merge from a
suggestion), the audit log, and the incident page's print style. Screenshots go to
artifacts/screenshots/."""

from __future__ import annotations

import re

import pytest
import queue_data
import sample
from test_browser import CHROMIUM, browser, page, running_server, shot  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def queue_server(module_db):
    """A single-user server (writes without signing in, from this computer) on the sample
    data and a second outlet's report of the Hyesan arrest."""
    path = module_db("queue.db")
    ids = sample.build(path)
    ids["second"] = queue_data.add_second_report(path)
    for url in running_server(path, single_user=True):
        yield {"url": url, "ids": ids}


def shown(pg) -> str:
    return pg.get_attribute("#queue-record", "data-id")


def progress(pg) -> str:
    return pg.locator("#queue-progress strong").inner_text()


def record(pg, base, incident_id) -> dict:
    return pg.request.get(f"{base}/api/incidents/{incident_id}").json()


def test_queue_by_keyboard(queue_server, page):  # noqa: F811
    base, ids = queue_server["url"], queue_server["ids"]
    total = sample.TOTAL + 1
    page.goto(base + "/review")
    assert shown(page) == ids["missile"] and progress(page) == f"0 of {total} reviewed"
    # ? shows the keys, Escape hides them
    page.keyboard.press("?")
    assert page.locator("#queue-help").is_visible()
    shot(page, "review-queue-help")
    page.keyboard.press("Escape")
    assert not page.locator("#queue-help").is_visible()
    # j / k: next and previous, most confident first
    page.keyboard.press("j")
    page.wait_for_url(re.compile(rf"id={ids['arrest']}"))
    page.keyboard.press("k")
    page.wait_for_url(re.compile(rf"id={ids['missile']}"))
    # a: approve, and on to the next record
    page.keyboard.press("a")
    page.wait_for_url(re.compile(rf"id={ids['arrest']}"))
    assert page.locator(".flash-ok").inner_text() == "Approved."
    shot(page, "review-queue-after-approve")
    assert progress(page) == f"1 of {total} reviewed"
    assert record(page, base, ids["missile"])["review_status"] == "approved"
    # m: the merge suggestions; Enter merges the other outlet's report into this record
    assert page.locator(".suggestion").get_attribute("data-id") == ids["second"]
    assert "another outlet (Example Radio)" in page.locator(".suggestion").inner_text()
    shot(page, "review-queue-suggestion")
    page.keyboard.press("m")
    assert page.evaluate("document.activeElement.classList.contains('merge-button')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"id={ids['defection']}"))
    assert page.locator(".flash-ok").inner_text() == f"Merged {ids['second']} into {ids['arrest']}."
    assert record(page, base, ids["second"])["merged_into"] == ids["arrest"]
    assert record(page, base, ids["arrest"])["sources"] == ["daily-1", "radio-5"]
    # r: the reason, Enter rejects
    page.keyboard.press("r")
    page.keyboard.type("not an incident")
    shot(page, "review-queue-reject-reason")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"id={ids['flood']}"))
    rejected = record(page, base, ids["defection"])
    assert rejected["review_status"] == "rejected"
    # e: edit; ISO dates typed as text, and saving comes back to the record in the queue
    page.keyboard.press("e")
    page.wait_for_url(re.compile(r"/edit\?next="))
    assert page.get_attribute("input[name=date_start]", "type") == "text"
    page.fill("input[name=date_start]", "2024-07-19")
    page.select_option("select[name=quantity_kind] >> nth=0", "fatalities")
    page.fill("input[name=quantity_value] >> nth=0", "12")
    shot(page, "review-edit-form")
    page.press("input[name=date_start]", "Enter")
    page.wait_for_url(re.compile(rf"/review\?id={ids['flood']}$"))
    assert page.locator("#not-in-queue").count() == 1  # edited: out of the queue, still shown
    title = page.locator(".queue-title").inner_text()
    assert "between 2024-07-19 and 2024-07-20" in title and "(fatalities: 12)" in title
    # approved, merged into (edited), rejected, edited; the merged report is the arrest's now
    assert progress(page) == f"4 of {total - 1} reviewed"
    shot(page, "review-queue-after-edit")
    # j from a record that left the queue goes on to the next one still in it
    page.keyboard.press("j")
    page.wait_for_url(re.compile(rf"id={ids['smuggling']}"))
    # the audit log has every action, the automatic merge's kind included
    page.goto(base + "/audit")
    actions = page.locator("#audit-log tr.audit-row").evaluate_all(
        "rows => rows.map(r => r.dataset.action)")
    assert actions == ["edit", "reject", "merged_into", "merge", "approve"]
    page.select_option("select[name=action]", "reject")
    page.click("button:has-text('Apply')")
    page.wait_for_url(re.compile(r"action=reject"))
    assert page.locator("#audit-log tr.audit-row").count() == 1
    assert "not an incident" in page.locator("#audit-log").inner_text()
    assert page.get_attribute("#audit-csv", "href").startswith("/audit.csv?")
    shot(page, "audit-log")


def test_incident_page_prints_without_controls(queue_server, page):  # noqa: F811
    base, ids = queue_server["url"], queue_server["ids"]
    page.goto(f"{base}/incidents/{ids['lockdown']}")
    assert page.locator("#approve-button").is_visible()  # single-user: the controls show
    page.emulate_media(media="print")
    for hidden in ("header.topbar", "#approve-button", "section.actions", "footer.footer",
                   "section.related"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for kept in ("section.fields", ".article-text mark.evidence", "section.audit"):
        assert page.locator(kept).first.is_visible(), kept
    # the whole article prints, not a scrolling box
    assert page.evaluate("getComputedStyle(document.querySelector('.article-text')).maxHeight") == "none"
    shot(page, "incident-print")
