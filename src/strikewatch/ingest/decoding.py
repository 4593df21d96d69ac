"""Text decoding that names the place a byte sequence went wrong."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """Bytes that are not text in the expected encoding."""


def guess_encoding(sample: bytes) -> str | None:
    """The likeliest encoding of a sample (for ``--encoding auto`` and for hints)."""
    best = from_bytes(sample).best()
    return best.encoding if best is not None else None


def decode(raw: bytes, encoding: str) -> str:
    """Decode strictly; the error says where and suggests the likely encoding."""
    if encoding == "auto":
        encoding = guess_encoding(raw) or "utf-8"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        hint = guess_encoding(raw)
        suggestion = (
            f"; it looks like {hint}: use --encoding {hint}" if hint and hint != encoding else ""
        )
        raise DecodeError(
            f"not valid {encoding} (byte 0x{raw[exc.start]:02x} at offset {exc.start}){suggestion}"
        ) from None
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}") from None
    return text.removeprefix("\ufeff")


def iter_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(line number from 1, raw line without its ending), streaming."""
    for number, raw in enumerate(stream, start=1):
        yield number, raw.rstrip(b"\r\n")


def json_problem(exc: json.JSONDecodeError, text: str) -> str:
    """A JSON syntax error in words, saying when the input looks cut off."""
    cut = exc.pos >= len(text.rstrip()) - 2 or exc.msg.startswith("Unterminated string")
    return f"invalid JSON at column {exc.colno}: {exc.msg}" + (" (truncated?)" if cut else "")
