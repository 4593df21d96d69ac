"""Generate the bundled demo corpus: INVENTED reports about INVENTED strikes.

usage: python scripts/make_demo_corpus.py [--out DIR]   (default: src/strikewatch/demo)

Writes DIR/data/ (one input per format ``strikewatch ingest`` detects) and DIR/truth/
(the strikes the reports were written from, and the reports that tell no strike).
Nothing here describes a real event, casualty figure, person or account: town names and
approximate coordinates are real places so the gazetteer has work to do; everything that
happens in them is made up. Deterministic: a fixed seed, so two runs give identical bytes.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from strikewatch.demo import extras, formats
from strikewatch.demo.formats import FILES, DemoReport, snowflake
from strikewatch.demo.invent import SYRIA, Strike, Telling, invent_strikes, plan_tellings
from strikewatch.demo.invent import vocabulary as vocab
from strikewatch.demo.phrasing import compose

DEMO = Path(__file__).resolve().parent.parent / "src" / "strikewatch" / "demo"
SEED = 20231105
X_REPOSTED = "demo_valley_news"


def tell(strikes: list[Strike], rng: random.Random) -> list[Telling]:
    """Every strike's tellings, with reposts, one X edit and one Telegram edit."""
    tellings: list[Telling] = []
    for strike in strikes:
        planned = plan_tellings(strike, rng)
        for t in planned:
            compose(t, rng)
        # A repost copies an earlier report's words: not a new source (methodology.md).
        # The last telling is never one, so the highest toll is told by someone.
        for later in planned[2:-1]:
            if later.channel in ("fb", "x", "tg") and rng.random() < 0.2:
                later.repost_of = planned[0]
                later.text, later.language = planned[0].text, planned[0].language
                later.deaths, later.injuries = planned[0].deaths, planned[0].injuries
        tellings.extend(planned)
    return tellings


def as_report(t: Telling, rng: random.Random, edited: set[str]) -> DemoReport:
    """A telling in its channel's file, with the fields that file's format carries."""
    s = t.strike
    publishers = vocab()["publishers"]
    text = t.text
    fields: dict[str, Any] = {}
    if t.channel in ("fb", "web", "enweb", "field"):
        kind = {"fb": "social_post", "field": "field_report"}.get(t.channel, "news_article")
        publisher = rng.choice(publishers["facebook"])
        if t.channel == "web":
            publisher = publishers["web"][1 if text.startswith("استجابت فرقنا") else 0]
        elif t.channel == "enweb":
            publisher = publishers["enweb"]
        elif t.channel == "field":
            publisher = f"field-reporter-{3 + int(s.id[-3:]) % 9:02d}"
            text = extras.field_text(t, rng)
        if t.repost_of is not None:
            text = f"نقلاً عن {publishers['telegram']}:\n{text}"
        fields = {"kind": kind, "platform": "facebook" if t.channel == "fb" else "web"}
        fields["publisher"] = publisher
        if t.channel == "field":
            fields.update(platform="intake", visibility="private", language="ar")
        return DemoReport("reports", text, t.published, [s.id], t.title, fields)
    if t.channel == "x":
        fields["language"] = t.language
        if t.repost_of is not None:
            text = f"RT @{X_REPOSTED}: {text}"
        elif "x" not in edited and s.deaths[1] > t.deaths > 0:
            edited.add("x")
            later = Telling(s, "x", t.published, s.deaths[1], t.injuries, t.actor, t.says_who)
            compose(later, rng, english=t.language == "en")
            fields["edit"] = (later.text, t.published + timedelta(minutes=95))
        return DemoReport("x", text, t.published, [s.id], t.title, fields)
    if t.channel == "tg":
        if t.repost_of is not None:
            fields["forwarded_from"] = publishers["telegram_forwarded"]
        elif "tg" not in edited and s.deaths[1] > t.deaths > 0:
            edited.add("tg")
            later = Telling(s, "tg", t.published, s.deaths[1], t.injuries, t.actor, t.says_who)
            compose(later, rng, english=False)
            text = later.text + " (تحديث)"
            fields["edited"] = t.published + timedelta(hours=2)
        elif rng.random() < 0.3:
            fields["link"] = f"https://akhbar-demo.example.org/{s.day.isoformat()}/{s.id.lower()}"
        return DemoReport("telegram", text, t.published, [s.id], t.title, fields)
    return DemoReport(t.channel, text, t.published, [s.id], t.title, {})


def assign_ids(reports: list[DemoReport]) -> None:
    """Ids each platform would give, in posting order within each file."""
    for file in FILES:
        mine = sorted((r for r in reports if r.file == file), key=lambda r: r.published)
        for n, r in enumerate(mine, start=1):
            day = r.published.date().isoformat()
            if file == "reports":
                r.id = f"demo-{r.fields['platform']}-{n:04d}"
                if r.fields["platform"] != "intake":
                    r.fields["url"] = f"https://{r.fields['platform']}.example.org/demo/{n:04d}"
            elif file == "x":
                r.id = snowflake(r.published, n)
            elif file == "telegram":
                r.id = str(100 + n)
            elif file == "rss":
                r.id = f"demo-levant-wire-{n:04d}"
                r.fields["url"] = f"https://levant-wire.example.org/{day}/story-{n}"
            elif file == "atom":
                r.id = f"tag:akhbar-demo.example.org,2023:{n}"
                r.fields["url"] = f"https://akhbar-demo.example.org/{day}/{n}"
            elif file == "page":
                r.id = f"https://sham-news.example.org/{day}/article-{n}.html"
            else:
                r.id = f"ngo-{n:04d}"


def write(out: Path, reports: list[DemoReport], strikes: list[Strike]) -> None:
    """Every input file under out/data and the truth under out/truth."""
    publishers = vocab()["publishers"]
    by_file = {f: [r for r in reports if r.file == f] for f in FILES}
    for f in FILES:
        by_file[f].sort(key=lambda r: r.published)
    files: dict[str, bytes] = {
        "reports.jsonl": formats.jsonl(by_file["reports"]),
        "telegram/result.json": formats.telegram(
            by_file["telegram"], publishers["telegram"], 1000000042
        ),
        "news-rss.xml": formats.rss(
            by_file["rss"], publishers["rss"], "https://levant-wire.example.org/"
        ),
        "news-atom.xml": formats.atom(
            by_file["atom"], publishers["atom"], "https://akhbar-demo.example.org/"
        ),
        "ngo-casualty-list.csv": formats.ngo_list(by_file["ngo"]),
    }
    archive = formats.x_archive(by_file["x"], publishers["x_user"], publishers["x_display"])
    for name, content in archive.items():
        files[f"x-archive/data/{name}"] = content
    menu = ["الرئيسية", "حلب", "إدلب", "الرقة", "دير الزور", "الحسكة", "درعا", "حماة", "رياضة"]
    for n, r in enumerate(by_file["page"], start=1):
        files[f"pages/article-{n}.html"] = formats.page(
            r, "demo-sham-news (invented)", menu, r.fields["related"]
        )
    truth = [truth_row(s) for s in strikes]
    noise = [{"file": FILES[r.file], "id": r.id} for r in reports if not r.strikes]
    files_out = {f"data/{k}": v for k, v in files.items()}
    files_out["truth/strikes.jsonl"] = formats.truth_lines(truth)
    files_out["truth/noise.jsonl"] = formats.truth_lines(noise)
    for name, content in files_out.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def truth_row(s: Strike) -> dict[str, Any]:
    belligerents = [s.belligerent] + ([s.rival] if s.rival else [])
    return {
        "id": s.id,
        "demo": formats.LABEL,
        "date": s.day.isoformat(),
        "place": s.place,
        "place_ar": s.place_ar,
        "admin1": s.town["admin1"],
        "latitude": s.town["lat"],
        "longitude": s.town["lon"],
        "belligerents": belligerents,
        "attribution": "contested" if s.rival else "single",
        "strike_type": [s.strike_type],
        "civilian_deaths_min": s.deaths[0],
        "civilian_deaths_max": s.deaths[1],
        "civilian_injuries_min": s.injuries[0],
        "civilian_injuries_max": s.injuries[1],
        "children_killed": s.children,
        "women_killed": s.women,
        "combatants_killed": s.fighters,
        "reports": {file: ids for file, ids in sorted(s.reports.items())},
    }


def generate(out: Path) -> Counter[str]:
    """Write the corpus and its truth under ``out``; the number of reports per file."""
    rng = random.Random(SEED)
    strikes = invent_strikes(rng)
    edited: set[str] = set()
    reports = [as_report(t, rng, edited) for t in tell(strikes, rng)]
    reports += extras.page_reports(strikes, rng)
    reports += extras.ngo_reports(strikes, rng)
    reports += extras.statements(strikes, rng)
    reports.append(extras.digest(strikes[20:23], rng))
    reports += extras.noise(datetime(2023, 3, 1, 9, tzinfo=SYRIA))
    assign_ids(reports)
    by_id = {s.id: s for s in strikes}
    for r in sorted(reports, key=lambda r: (r.file, r.published)):
        for strike_id in r.strikes:
            by_id[strike_id].add_report(FILES[r.file], r.id)
    write(out, reports, strikes)
    return Counter(FILES[r.file] for r in reports)


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate the INVENTED demo corpus.")
    parser.add_argument("--out", type=Path, default=DEMO, help="folder for data/ and truth/")
    counts = generate(parser.parse_args().out)
    print(
        f"{counts.total()} invented reports: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )


if __name__ == "__main__":
    main()
