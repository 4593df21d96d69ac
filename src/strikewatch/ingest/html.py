"""Saved HTML pages: an article's main text, title, date and language; chrome removed.

The whole page is the original (byte for byte); the report's text is the article only.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from urllib.parse import urlparse

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from strikewatch.errors import InputProblem
from strikewatch.ingest.decoding import DecodeError, decode
from strikewatch.ingest.html_text import main_text
from strikewatch.ingest.inputs import InputItem
from strikewatch.ingest.registry import ImportOptions
from strikewatch.model import ReportDraft, ReportKind

START = re.compile(rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<meta)", re.I | re.S)
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.I)


def _meta(tree: HTMLParser, *selectors: str) -> str | None:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is None:
            continue
        value = (
            node.attributes.get("content")
            or node.attributes.get("datetime")
            or node.attributes.get("href")
        )
        if value and value.strip():
            return value.strip()
    return None


def _json_ld_date(tree: HTMLParser) -> str | None:
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except ValueError:
            continue
        for block in data if isinstance(data, list) else [data]:
            if isinstance(block, dict) and isinstance(block.get("datePublished"), str):
                return str(block["datePublished"])
    return None


def page_encoding(raw: bytes, requested: str) -> str:
    """The encoding to decode with: a BOM, then the page's meta charset, then the option."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    declared = META_CHARSET.search(raw[:4096])
    if declared and requested == "utf-8":
        return declared.group(1).decode("ascii", "replace").lower()
    return requested


class HtmlPages:
    name = "html"
    version = "1"
    description = "saved HTML article pages (main text, title, date, language)"

    def sniff(self, item: InputItem) -> bool:
        return START.match(item.head(2048)) is not None

    def read(self, item: InputItem, options: ImportOptions) -> Iterator[ReportDraft | InputProblem]:
        with item.open() as stream:
            raw = stream.read()
        try:
            markup = decode(raw, page_encoding(raw, options.encoding))
        except DecodeError as exc:
            yield InputProblem(item.label, "", str(exc))
            return
        # Metadata is read before chrome is stripped: dates and titles often live there.
        tree = HTMLParser(markup)
        title = _meta(tree, 'meta[property="og:title"]', 'meta[name="twitter:title"]')
        if title is None:
            node = tree.css_first("title") or tree.css_first("h1")
            title = " ".join(node.text().split()) if node is not None else None
        published = (
            _meta(tree, 'meta[property="article:published_time"]', "time[datetime]")
            or _json_ld_date(tree)
            or _meta(tree, 'meta[name="date"]', 'meta[itemprop="datePublished"]')
        )
        html_node = tree.css_first("html")
        language = (html_node.attributes.get("lang") if html_node is not None else None) or _meta(
            tree, 'meta[http-equiv="content-language"]', 'meta[property="og:locale"]'
        )
        url = _meta(tree, 'link[rel="canonical"]', 'meta[property="og:url"]')
        site = _meta(tree, 'meta[property="og:site_name"]')
        is_article = (
            _meta(tree, 'meta[property="og:type"]') == "article"
            or tree.css_first("article") is not None
        )
        text = main_text(tree)
        publisher = options.source_name or site or (urlparse(url).hostname if url else None)
        kind = (
            ReportKind(options.kind)
            if options.kind
            else (ReportKind.NEWS_ARTICLE if is_article else ReportKind.WEB_PAGE)
        )
        yield ReportDraft(
            # A page without an address is identified by its bytes.
            external_id=url or f"sha256:{hashlib.sha256(raw).hexdigest()}",
            text=text,
            original=raw,
            original_media_type="text/html",
            position="page",
            kind=kind,
            platform="web",
            publisher=publisher,
            published_at=published,
            language=language.replace("_", "-").split("-")[0].lower() if language else None,
            url=url,
            extra={"title": title} if title else {},
        )


IMPORTER = HtmlPages()
