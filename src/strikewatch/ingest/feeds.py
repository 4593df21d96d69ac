"""RSS and Atom feeds: each entry becomes a report."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from strikewatch.errors import InputProblem
from strikewatch.ingest.html_text import fragment_text
from strikewatch.ingest.inputs import InputItem
from strikewatch.ingest.registry import ImportOptions
from strikewatch.model import ReportDraft, ReportKind

ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
ENTRY = re.compile(rb"<(item|entry)[\s>].*?</\1\s*>", re.S | re.I)


def _date(entry: Any) -> str | None:
    """ISO 8601 with the publisher's own offset where the feed gives one."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
        try:
            return parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError):
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            year, month, day, hour, minute, second = parsed[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
    return None


def _text(entry: Any) -> str:
    body = ""
    if entry.get("content"):
        body = entry["content"][0].get("value", "")
    body = body or entry.get("summary", "") or entry.get("description", "")
    title = " ".join((entry.get("title") or "").split())
    text = fragment_text(body)
    return f"{title}\n\n{text}".strip() if title and not text.startswith(title) else text


class Feeds:
    name = "feeds"
    version = "1"
    description = "RSS 2.0, RSS 1.0 (RDF) and Atom feed documents"

    def sniff(self, item: InputItem) -> bool:
        head = item.head(4096)
        return ROOT.search(head) is not None and not head.lstrip().lower().startswith(
            (b"<!doctype html", b"<html")
        )

    def read(self, item: InputItem, options: ImportOptions) -> Iterator[ReportDraft | InputProblem]:
        with item.open() as stream:
            raw = stream.read()
        parsed = feedparser.parse(raw)
        entries = parsed.get("entries") or []
        if parsed.get("bozo") and not entries:
            reason = str(parsed.get("bozo_exception") or "unreadable feed")
            yield InputProblem(item.label, "", f"not a readable feed: {reason}")
            return
        if parsed.get("bozo"):
            yield InputProblem(
                item.label,
                "",
                "malformed feed; entries that could be "
                f"recovered were kept ({parsed.get('bozo_exception')})",
                severity="warning",
            )
        feed = parsed.get("feed") or {}
        publisher = options.source_name or feed.get("title") or None
        language = feed.get("language")
        slices = [m.group(0) for m in ENTRY.finditer(raw)]
        exact = len(slices) == len(entries)
        for number, entry in enumerate(entries, start=1):
            position = f"entry {number}"
            link = entry.get("link")
            title = entry.get("title")
            entry_id = entry.get("id") or link
            if not entry_id and title:
                # No id or link: the title and date identify it across re-fetches.
                entry_id = (
                    "sha256:"
                    + hashlib.sha256(
                        f"{title}\x1f{entry.get('published', '')}".encode()
                    ).hexdigest()
                )
            if not entry_id:
                yield InputProblem(
                    item.label, position, "entry has no id, link or title", field="id"
                )
                continue
            original = (
                slices[number - 1]
                if exact
                else json.dumps(dict(entry), ensure_ascii=False, default=str).encode()
            )
            yield ReportDraft(
                external_id=str(entry_id),
                text=_text(entry),
                original=original,
                original_exact=exact,
                original_media_type="application/xml" if exact else "application/json",
                position=position,
                kind=ReportKind(options.kind) if options.kind else ReportKind.NEWS_ARTICLE,
                platform="web",
                publisher=publisher,
                published_at=_date(entry),
                language=(entry.get("language") or language or None),
                url=link,
                extra={"title": title} if title else {},
            )


IMPORTER = Feeds()
