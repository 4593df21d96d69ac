"""The public pages, read without JavaScript, in English and Arabic."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from importlib.resources import files

import httpx
import pytest

from strikewatch.assess.rubric import rubric

PAGES = ["/", "/map", "/timeline", "/incidents", "/methodology", "/exports"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_page_renders_and_says_the_demo_is_invented(
    client: httpx.Client, path: str, lang: str
) -> None:
    page = client.get(path, params={"lang": lang})
    assert page.status_code == 200
    assert 'id="demo-banner"' in page.text
    assert ("INVENTED" in page.text) if lang == "en" else ("مخترعة" in page.text)
    direction = "rtl" if lang == "ar" else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in page.text
    assert "https://" not in re.sub(r'href="https?://[^"]*"', "", page.text).split("<main>")[0]


def test_home_shows_headline_ranges_and_latest(client: httpx.Client) -> None:
    page = client.get("/").text
    assert "Civilians likely killed" in page
    assert re.search(r"<strong>\d+(–\d+)?</strong>", page), "no tally range on the home page"
    assert page.count('<tr data-id="SW-') >= 10
    assert 'id="ticker"' in page and "/api/v1/events" in client.get("/static/site.js").text


def test_headline_partial_follows_the_period(client: httpx.Client) -> None:
    whole = client.get("/partials/headline").text
    none = client.get("/partials/headline", params={"since": "2031-01-01"}).text
    assert whole.count("<tr>") > none.count("<tr>")


def test_incident_page_shows_arabic_sources_right_to_left(client: httpx.Client) -> None:
    detail = client.get("/api/v1/incidents", params={"sort": "-deaths", "limit": 1}).json()
    incident_id = detail["items"][0]["id"]
    page = client.get(f"/incidents/{incident_id}").text
    assert re.search(r'<div class="text" lang="ar" dir="rtl">[^<]*[\u0600-\u06ff]', page)
    assert "Archive SHA-256" in page and re.search(r'class="hash">[0-9a-f]{64}<', page)
    assert "Why this grade" in page and "sources:" in page
    assert client.get("/incidents/SW-999999").status_code == 404


def test_methodology_is_generated_from_the_rubric(client: httpx.Client) -> None:
    page = client.get("/methodology").text
    current = rubric()
    assert f'id="rubric-version">{current.version}<' in page
    for meaning in current.grades.values():
        assert meaning in page


def test_timeline_draws_bars_per_belligerent(client: httpx.Client) -> None:
    page = client.get("/timeline", params={"period": "week"}).text
    assert page.count("<svg") >= 2 and "<rect" in page and "-W" in page


def test_map_lists_incidents_without_javascript(client: httpx.Client) -> None:
    everything = client.get("/map").text
    russia = client.get("/map", params={"belligerent": "russia"}).text
    shown = int(re.search(r'data-shown="(\d+)"', everything).group(1))  # type: ignore[union-attr]
    fewer = int(re.search(r'data-shown="(\d+)"', russia).group(1))  # type: ignore[union-attr]
    assert 0 < fewer < shown
    assert "/static/vendor/leaflet.js" in everything and "cdn" not in everything.lower()


def test_atom_feed_is_valid_atom(client: httpx.Client) -> None:
    feed = ET.fromstring(client.get("/feed.atom").content)
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) >= 10
    assert "INVENTED" in (feed.findtext(f"{atom}title") or "")
    assert all(e.findtext(f"{atom}updated") for e in entries)


def test_incident_list_pages_forward(client: httpx.Client) -> None:
    first = client.get("/incidents", params={"limit": 20}).text
    following = re.search(r'href="(/incidents\?[^"]*cursor=[^"]+)"', first)
    assert following is not None
    second = client.get(following.group(1).replace("&amp;", "&")).text
    ids = set(re.findall(r'data-id="(SW-\d+)"', first))
    assert ids and ids.isdisjoint(re.findall(r'data-id="(SW-\d+)"', second))


def test_both_languages_have_every_interface_string() -> None:
    from strikewatch.web.public import interface_strings

    raw = tomllib.loads((files("strikewatch.web") / "strings.toml").read_text(encoding="utf-8"))
    assert set(raw["en"]) == set(raw["ar"])
    assert interface_strings()["ar"]["dir"] == "rtl"
    assert all(re.search(r"[\u0600-\u06ff]", raw["ar"][k]) for k in ("nav_map", "headline"))
