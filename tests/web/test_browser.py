"""The pages in a real browser: Debian chromium driven by Playwright, against a real server.

Run with ``-m browser``; never ``playwright install`` (the machine's chromium is used).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from strikewatch.ingest import ingest_paths
from tests.web.conftest import ARTIFACTS, Server, invented_report

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    outside: list[str] = []
    # Nothing may come from outside the server: no CDN, no tiles.
    opened.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith("http://127.0.0.1") else None,
    )
    yield opened
    context.close()
    assert not outside, f"requests left the server: {outside[:3]}"


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_map_shows_the_demo_incidents_and_filters_them(page: Page, site: Server) -> None:
    items = site.app.state.web.index.snapshot.items
    expected = sum(i["latitude"] is not None for i in items)
    assert expected >= 35  # nearly every demo incident has a place on the map
    page.goto(site.url + "/map")
    page.wait_for_selector("#map[data-ready='1']", timeout=15000)
    count = page.locator("#map-count")
    assert int(count.get_attribute("data-shown") or 0) == expected
    drawn = page.evaluate("document.querySelectorAll('.leaflet-overlay-pane canvas').length")
    assert drawn >= 1
    _shot(page, "map")
    page.select_option("#f-belligerent", "russia")
    page.wait_for_function(f"document.querySelector('#map-count').dataset.shown != '{expected}'")
    fewer = int(count.get_attribute("data-shown") or 0)
    assert 0 < fewer < expected
    page.locator(".f-grade[value='fair']").uncheck()
    page.wait_for_function(f"document.querySelector('#map-count').dataset.shown != '{fewer}'")
    assert int(count.get_attribute("data-shown") or 0) < fewer
    _shot(page, "map-filtered")


def test_incident_page_shows_arabic_right_to_left(page: Page, site: Server) -> None:
    snapshot = site.app.state.web.index.snapshot
    busiest = max(snapshot.items, key=lambda i: i["civilian_deaths_max"] or 0)["id"]
    page.goto(f"{site.url}/incidents/{busiest}")
    text = page.locator('.source .text[lang="ar"]').first
    expect(text).to_be_visible()
    assert text.evaluate("e => getComputedStyle(e).direction") == "rtl"
    _shot(page, "incident")
    page.goto(f"{site.url}/incidents/{busiest}?lang=ar")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    _shot(page, "incident-ar")


@pytest.mark.parametrize("path", ["/", "/timeline", "/methodology", "/incidents", "/exports"])
def test_pages_render_and_are_screenshot(page: Page, site: Server, path: str) -> None:
    page.goto(site.url + path)
    expect(page.locator("#demo-banner")).to_be_visible()
    _shot(page, "page-" + (path.strip("/") or "home"))


def test_home_page_updates_live_after_an_ingest(
    page: Page, live_server: Server, tmp_path: Path
) -> None:
    assert live_server.app.state.web.live.ready.wait(60)
    page.goto(live_server.url + "/")
    page.wait_for_function("document.querySelector('#ticker') !== null")
    page.wait_for_timeout(500)  # let the EventSource connect
    before = {i["id"] for i in live_server.app.state.web.index.snapshot.items}
    ingest_paths(live_server.database, [invented_report(tmp_path / "new.jsonl", "test-live-2")])
    # How fast it arrives is measured by benchmarks/live_latency.py, not here: a timed
    # assertion only measures how loaded the test machine is.
    page.wait_for_selector("#ticker li[data-event]", timeout=30000)
    _shot(page, "home-live")
    item = page.locator("#ticker li[data-event]").first
    # A new incident: "created", or "updated" when its grade landed in a later snapshot
    # than its claim (the ticker keeps one line per incident, the latest event).
    assert item.get_attribute("data-event") in ("created", "updated")
    assert item.get_attribute("data-id") not in before
    assert "2023-05-02" in item.inner_text()  # the strike date read from the invented report
