"""Lay invented demo reports out in each input format ``strikewatch ingest`` detects.

Used by ``scripts/make_demo_corpus.py``; kept beside the data it writes so a change of
an importer and of the demo files it must read are reviewed together. Output is
byte-stable: no clocks, no unordered iteration, fixed line endings.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape, quoteattr

LABEL = "invented – no real event, figure or person"
BANNER = "INVENTED DEMO"
TWITTER_EPOCH_MS = 1288834974657
FILES = {  # truth key (path under data/) of each output
    "reports": "reports.jsonl",
    "x": "x-archive/data/tweets.js",
    "telegram": "telegram/result.json",
    "rss": "news-rss.xml",
    "atom": "news-atom.xml",
    "page": "pages",
    "ngo": "ngo-casualty-list.csv",
}


@dataclass
class DemoReport:
    """One invented report, before it is written in its file's format."""

    file: str  # a key of FILES
    text: str
    published: datetime  # local time, with its offset
    strikes: list[str] = field(default_factory=list)  # truth ids of the strikes it tells
    title: str = ""
    fields: dict[str, Any] = field(default_factory=dict)  # format-specific extras
    id: str = ""


def snowflake(at: datetime, sequence: int) -> str:
    """An X status id that encodes its posting time, as X's own ids do."""
    return str(((int(at.timestamp() * 1000) - TWITTER_EPOCH_MS) << 22) + sequence)


def _utc(at: datetime) -> datetime:
    return at.astimezone(UTC)


def jsonl(reports: list[DemoReport]) -> bytes:
    """The generic reports JSON Lines format, every record labelled as invented."""
    lines = []
    for r in reports:
        record: dict[str, Any] = {"id": r.id, "text": r.text}
        record.update(r.fields)
        record["published_at"] = r.published.isoformat()
        record["demo"] = LABEL
        lines.append(json.dumps(record, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode()


def x_archive(reports: list[DemoReport], username: str, display: str) -> dict[str, bytes]:
    """data/tweets.js and data/account.js of an X account archive."""
    tweets: list[dict[str, Any]] = []
    for r in reports:
        tweet = _tweet(r.id, r.text, r.published, r.fields)
        edit = r.fields.get("edit")
        if edit:
            later_text, later_at = edit
            later_id = snowflake(later_at, 1)
            chain = {"editTweetIds": [r.id, later_id], "editableUntil": "", "editsRemaining": "4"}
            tweet["edit_info"] = {"initial": chain}
            tweets.append({"tweet": tweet})
            edited = _tweet(later_id, later_text, later_at, r.fields)
            edited["edit_info"] = {"edit": {"initialTweetId": r.id, "editControlInitial": chain}}
            tweets.append({"tweet": edited})
        else:
            tweets.append({"tweet": tweet})
    account = [
        {
            "account": {
                "email": "demo@example.org",
                "createdVia": "web",
                "username": username,
                "accountId": "1000000007",
                "createdAt": "2016-03-01T09:00:00.000Z",
                "accountDisplayName": display,
            }
        }
    ]
    dump = json.dumps(tweets, ensure_ascii=False, indent=2)
    return {
        "tweets.js": f"window.YTD.tweets.part0 = {dump}\n".encode(),
        "account.js": (
            "window.YTD.account.part0 = " + json.dumps(account, ensure_ascii=False, indent=2) + "\n"
        ).encode(),
    }


def _tweet(tweet_id: str, text: str, at: datetime, fields: dict[str, Any]) -> dict[str, Any]:
    hashtags = [{"text": w[1:]} for w in text.split() if w.startswith("#") and len(w) > 1]
    return {
        "id_str": tweet_id,
        "created_at": _utc(at).strftime("%a %b %d %H:%M:%S +0000 %Y"),
        # The archive escapes &, < and > in full_text; the importer unescapes them.
        "full_text": escape(text),
        "lang": fields.get("language", "ar"),
        "entities": {"hashtags": hashtags, "urls": []},
        "demo": LABEL,
    }


def telegram(reports: list[DemoReport], channel: str, channel_id: int) -> bytes:
    """A Telegram Desktop channel export (result.json)."""
    messages: list[dict[str, Any]] = [
        {
            "id": 100,
            "type": "service",
            "date": "2023-01-15T10:00:00",
            "date_unixtime": "1673766000",
            "actor": channel,
            "actor_id": f"channel{channel_id}",
            "action": "create_channel",
            "title": channel,
            "text": "",
            "text_entities": [],
        }
    ]
    for r in reports:
        fragments = _fragments(r.text, r.fields.get("link"))
        message: dict[str, Any] = {
            "id": int(r.id),
            "type": "message",
            "date": r.published.replace(tzinfo=None).isoformat(),
            "date_unixtime": str(int(r.published.timestamp())),
            "from": channel,
            "from_id": f"channel{channel_id}",
        }
        if r.fields.get("forwarded_from"):
            message["forwarded_from"] = r.fields["forwarded_from"]
        if r.fields.get("edited"):
            edited: datetime = r.fields["edited"]
            message["edited"] = edited.replace(tzinfo=None).isoformat()
            message["edited_unixtime"] = str(int(edited.timestamp()))
        message["text"] = fragments if len(fragments) > 1 else r.text
        message["text_entities"] = [
            {"type": "plain", "text": f} if isinstance(f, str) else f for f in fragments
        ]
        message["demo"] = LABEL
        messages.append(message)
    export = {"name": channel, "type": "public_channel", "id": channel_id, "messages": messages}
    return (json.dumps(export, ensure_ascii=False, indent=1) + "\n").encode()


def _fragments(text: str, link: str | None) -> list[str | dict[str, str]]:
    """Telegram's list-of-fragments text: hashtags and links become entities."""
    parts: list[str | dict[str, str]] = []
    plain: list[str] = []
    for i, word in enumerate(text.split(" ")):
        space = " " if i else ""
        if word.startswith("#") and len(word) > 1:
            plain.append(space)
            parts.append("".join(plain))
            plain = []
            parts.append({"type": "hashtag", "text": word})
        else:
            plain.append(space + word)
    if plain:
        parts.append("".join(plain))
    if link:
        parts += ["\n", {"type": "text_link", "text": "المصدر", "href": link}]
    return [p for p in parts if p != ""]


def rss(reports: list[DemoReport], title: str, site: str) -> bytes:
    """An RSS 2.0 feed of English news items."""
    items = []
    for r in reports:
        body = "".join(f"<p>{escape(p)}</p>" for p in r.text.split("\n\n"))
        body += '<div class="share">Share this story</div>'
        items.append(
            "  <item>\n"
            f"    <title>{escape(r.title)}</title>\n"
            f"    <link>{escape(r.fields['url'])}</link>\n"
            f'    <guid isPermaLink="false">{escape(r.id)}</guid>\n'
            f"    <pubDate>{r.published.strftime('%a, %d %b %Y %H:%M:%S %z')}</pubDate>\n"
            f"    <category>{BANNER}</category>\n"
            f"    <description>{escape(body)}</description>\n"
            "  </item>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        f"  <title>{escape(title)}</title>\n  <link>{site}</link>\n  <language>en</language>\n"
        f"  <description>{BANNER}: invented news items; no real event, figure or person."
        "</description>\n" + "".join(items) + "</channel>\n</rss>\n"
    ).encode()


def atom(reports: list[DemoReport], title: str, site: str) -> bytes:
    """An Atom feed of Arabic news items."""
    updated = max(r.published for r in reports).isoformat()
    entries = []
    for r in reports:
        content = "".join(f"<p>{escape(p)}</p>" for p in r.text.split("\n\n"))
        entries.append(
            "  <entry>\n"
            f"    <title>{escape(r.title)}</title>\n"
            f"    <id>{escape(r.id)}</id>\n"
            f"    <link href={quoteattr(r.fields['url'])}/>\n"
            f"    <published>{r.published.isoformat()}</published>\n"
            f"    <updated>{r.published.isoformat()}</updated>\n"
            f'    <category term="{BANNER}"/>\n'
            f'    <content type="html">{escape(content)}</content>\n'
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">\n'
        f"  <title>{escape(title)}</title>\n  <subtitle>{BANNER}: أخبار مخترعة لا تصف أحداثاً "
        f"حقيقية</subtitle>\n  <id>{site}</id>\n  <updated>{updated}</updated>\n"
        f'  <link href="{site}"/>\n' + "".join(entries) + "</feed>\n"
    ).encode()


def page(r: DemoReport, site: str, menu: list[str], related: list[str]) -> bytes:
    """A saved article page with the chrome real news sites wrap around an article."""
    arabic = r.fields.get("language", "ar") == "ar"
    charset = r.fields.get("charset", "utf-8")
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in r.text.split("\n\n"))
    links = " ".join(f'<a href="/tag/{i}">{escape(name)}</a>' for i, name in enumerate(menu))
    others = "".join(
        f'<li><a href="/related/{i}">{escape(h)}</a></li>' for i, h in enumerate(related)
    )
    cookie = (
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك. موافق | إعدادات"
        if arabic
        else "We use cookies to improve your experience. Accept all | Manage settings"
    )
    share = "شارك: فيسبوك تويتر واتساب تلغرام" if arabic else "Share: Facebook X WhatsApp Email"
    markup = f"""<!DOCTYPE html>
<html lang="{"ar" if arabic else "en"}" dir="{"rtl" if arabic else "ltr"}">
<head>
<meta charset="{charset}">
<title>{escape(r.title)} | {escape(site)} — {BANNER}</title>
<meta property="og:title" content={quoteattr(r.title)}>
<meta property="og:type" content="article">
<meta property="og:site_name" content={quoteattr(site)}>
<meta property="article:published_time" content="{r.published.isoformat()}">
<link rel="canonical" href="{r.id}">
</head>
<body>
<div class="demo-banner">{BANNER}: every page, event, figure and person here is invented.</div>
<div class="cookie-banner">{cookie}</div>
<nav class="main-menu">{links}</nav>
<header class="site-header"><h2>{escape(site)}</h2></header>
<article>
<h1>{escape(r.title)}</h1>
<time datetime="{r.published.isoformat()}">{r.published.date().isoformat()}</time>
{paragraphs}
<div class="share-buttons">{share}</div>
</article>
<aside class="related"><h3>{"اقرأ أيضاً" if arabic else "Related"}</h3><ul>{others}</ul></aside>
<footer>{BANNER} — {escape(site)}</footer>
</body>
</html>
"""
    if charset != "utf-8":
        # windows-1256 has no Arabic-Indic digits: pages in it write Western ones.
        markup = markup.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    return markup.encode(charset)


def ngo_list(reports: list[DemoReport]) -> bytes:
    """An NGO casualty list: one named (invented) victim per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "date", "name", "age", "sex", "place", "text", "source", "demo"])
    for r in reports:
        f = r.fields
        writer.writerow(
            [r.id, f["date"], f["name"], f["age"], f["sex"], f["place"], r.text, f["source"], LABEL]
        )
    return buffer.getvalue().encode()


def truth_lines(rows: list[dict[str, Any]]) -> bytes:
    """JSON Lines of truth rows, keys in the order given."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
