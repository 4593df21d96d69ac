"""HTML to plain text without page chrome (used for pages and for feed entries)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "template",
    "select",
]
# Class or id words that mark navigation, sharing, comments and banners, not the report.
CHROME = re.compile(
    r"(^|[\s_-])(menu|nav|navbar|share|sharing|social|comment|comments|related|"
    r"footer|header|cookie|cookies|consent|breadcrumbs?|sidebar|advert|ads?|"
    r"banner|newsletter|subscribe|popup|modal|tags|widget|promo)($|[\s_-])",
    re.I,
)
BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "blockquote",
    "figcaption",
    "dd",
    "dt",
    "pre",
}


def _is_chrome(node: Node) -> bool:
    attrs = node.attributes
    marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"
    return bool(CHROME.search(marker)) or (attrs.get("role") or "") in {"navigation", "banner"}


def strip_chrome(tree: HTMLParser) -> None:
    """Remove scripts, menus, share bars, banners and the like, in place."""
    tree.strip_tags(DROP_TAGS, recursive=True)
    for node in tree.css("[class], [id], [role]"):
        if node.tag not in {"html", "body", "article", "main"} and _is_chrome(node):
            node.decompose()


def node_text(node: Node) -> str:
    """Text of a node with paragraph breaks kept and runs of spaces folded."""
    parts: list[str] = []
    for child in node.traverse(include_text=True):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag in BLOCKS:
            parts.append("\n")
    text = "".join(parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary or content)."""
    if "<" not in markup:
        return " ".join(markup.split())
    tree = HTMLParser(f"<div>{markup}</div>")
    strip_chrome(tree)
    body = tree.body
    return node_text(body) if body is not None else ""


def main_text(tree: HTMLParser) -> str:
    """The article's text: <article> or articleBody if marked, else the densest block."""
    strip_chrome(tree)
    for selector in ("[itemprop=articleBody]", "article", "main", "[role=main]"):
        found = tree.css_first(selector)
        if found is not None and len(node_text(found)) >= 80:
            return node_text(found)
    # The block holding the most paragraph text is the article; menus are short links.
    best: tuple[int, Node | None] = (0, None)
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is None:
            continue
        score = sum(len(p.text(strip=True)) for p in parent.css("p"))
        if score > best[0]:
            best = (score, parent)
    if best[1] is not None:
        return node_text(best[1])
    body = tree.body
    return node_text(body) if body is not None else ""
